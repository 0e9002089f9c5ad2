package validate

import (
	"strings"

	"github.com/azconn/azconn/internal/values"
)

func init() {
	register(&rule{
		Rule: Rule{ID: "placeholder", Severity: SeverityWarning, Fixable: true,
			Summary: "A value left from documentation examples: a type name (\"String\", \"Boolean\", \"Int32\", \"String (timestamp)\"…) or a generated example value (\"Display Name value\").",
			Help:    "Set the real value. \"Boolean\" for a writable boolean property is fixed to false so that the body is valid; set the value you intend. A read-only property's placeholder gets no fix: leave the property out (read-only). A placeholder gets no other value finding."},
		phase: phaseClaim,
		check: checkPlaceholder,
	})
}

func checkPlaceholder(rc *ruleContext, out reporter) {
	rc.walk(func(n *node) {
		pm := rc.propOf(n)
		if n.Kind != kindString || pm == nil || pm.name == "@odata.type" || rc.isClaimed(n) || !values.IsPlaceholder(n.Str) {
			return
		}
		out.claim(n)
		who := rc.name(n)
		if rc.isSecret(n) {
			// A placeholder is no password (secrets.IsStandIn): quoted as written.
			out.atValue("placeholder", SeverityWarning, n, who+" holds a placeholder left from the documentation ("+quoteJSON(n.Str)+"): set the real password, or a template reference such as ${AD_DOMAIN_PASSWORD}")
			return
		}
		what := rc.show(n)
		if what == "the value" { // it equals the secret: describe, don't quote
			what = "a type name"
			if values.IsPlaceholderValue(strings.TrimSpace(n.Str)) {
				what = "a generated example value"
			}
		}
		if pm.readOnly {
			// No value to invent: the service manages the property, and
			// read-only's advice (leave it out) is the one fix.
			out.atValue("placeholder", SeverityWarning, n, who+" holds a placeholder left from the documentation ("+what+"), and "+pm.name+" is read-only: leave it out")
			return
		}
		if pm.allows("boolean") && !pm.allows("string") {
			f := out.atValue("placeholder", SeverityWarning, n, who+" holds a placeholder left from the documentation ("+what+"): the fix sets false so that the body is valid; set the value you intend")
			out.fixReplace(f, n, "false")
			return
		}
		out.atValue("placeholder", SeverityWarning, n, who+" holds a placeholder left from the documentation ("+what+"): set the real value, or leave the property out")
	})
}
