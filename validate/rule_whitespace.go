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

func checkWhitespace(p *pass) {
	p.walk(func(n *node) {
		pm := p.propOf(n)
		if n.Kind != kindString || pm == nil || p.isSecret(n) || p.isClaimed(n) {
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
		f := p.atValue("whitespace", SeverityInfo, n, fmt.Sprintf("%s has leading or trailing whitespace: the fix trims it", p.name(n)))
		p.fixTransform(f, n, 0, trim)
	})
}
