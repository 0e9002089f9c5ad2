package validate

import (
	"fmt"
	"strings"
)

func init() {
	register(&rule{Rule: Rule{ID: "boolean-string", Severity: SeverityWarning, Fixable: true, Summary: "\"true\" or \"false\" as a string for a boolean property.", Help: "The fix writes the JSON boolean."}, phase: phaseType, check: checkBooleanString})
}

// checkBooleanString reports "true" and "false" (any case, any surrounding
// space) where the schema wants a boolean. It runs before the type rule
// (same phase, by ID) and claims what it reports.
func checkBooleanString(p *pass) {
	for _, v := range p.violations() {
		n := v.n
		pm := p.propOf(n)
		if v.kind != violationType || n.Kind != kindString || pm == nil || !pm.allows("boolean") || p.isClaimed(n) {
			continue
		}
		s := strings.TrimSpace(n.Str)
		if !strings.EqualFold(s, "true") && !strings.EqualFold(s, "false") {
			continue
		}
		lit := strings.ToLower(s)
		f := p.atValue("boolean-string", SeverityWarning, n,
			fmt.Sprintf("%s is the string %s; it must be the JSON boolean %s (no quotes)", p.name(n), p.show(n), lit))
		p.fixReplace(f, n, lit)
		p.claim(n)
	}
}
