package validate

import (
	"fmt"
	"strings"

	"github.com/azconn/azconn/internal/values"
)

func init() {
	register(&rule{
		Rule: Rule{ID: "whitespace", Severity: SeverityInfo, Fixable: true,
			Summary: "Leading or trailing spaces in a string value.",
			Help:    "The fix trims them. adDomainPassword is never touched: spaces may be part of a password."},
		phase: phaseValue,
		check: checkWhitespace,
	})
}

func checkWhitespace(rc *ruleContext, out reporter) {
	rc.walk(func(n *node) {
		pm := rc.propOf(n)
		if n.Kind != kindString || pm == nil || rc.isSecret(n) || rc.isClaimed(n) {
			return
		}
		trim := strings.TrimSpace
		if pm.name == "organizationalUnit" {
			// An escaped trailing space belongs to the DN: keep it.
			trim = func(s string) string { core, _ := values.TrimDN(s); return core }
		}
		t := trim(n.Str)
		if t == n.Str || strings.TrimSpace(t) == "" {
			return // blank values are display-name's (or harmless)
		}
		f := out.atValue("whitespace", SeverityInfo, n, fmt.Sprintf("%s has leading or trailing whitespace: the fix trims it", rc.name(n)))
		out.fixTransform(f, n, 0, trim)
	})
}
