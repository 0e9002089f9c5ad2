package validate

import "strings"

func init() {
	register(&rule{
		Rule: Rule{ID: "display-name", Severity: SeverityError,
			Summary: "displayName is empty or blank.",
			Help:    "displayName is required and non-nullable, and must be unique in the tenant: give the connection a name."},
		phase: phaseValue,
		check: checkDisplayName,
	})
}

func checkDisplayName(rc *ruleContext, out reporter) {
	n := rc.stringProp("displayName")
	if n == nil || strings.TrimSpace(n.Str) != "" {
		return
	}
	out.claim(n)
	msg := "displayName is empty: give the connection a name that is unique in the tenant, or leave displayName out to keep the current one"
	if n.Str != "" {
		msg = "displayName is blank (only whitespace): give the connection a name that is unique in the tenant, or leave displayName out to keep the current one"
	}
	out.atValue("display-name", SeverityError, n, msg)
}
