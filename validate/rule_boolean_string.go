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
func checkBooleanString(rc *ruleContext, out reporter) {
	for _, v := range rc.violations() {
		n := v.n
		pm := rc.propOf(n)
		if v.kind != violationType || n.Kind != kindString || pm == nil || !pm.allows("boolean") || rc.isClaimed(n) {
			continue
		}
		s := strings.TrimSpace(n.Str)
		if !strings.EqualFold(s, "true") && !strings.EqualFold(s, "false") {
			continue
		}
		lit := strings.ToLower(s)
		f := out.atValue("boolean-string", SeverityWarning, n,
			fmt.Sprintf("%s is the string %s; it must be the JSON boolean %s (no quotes)", rc.name(n), rc.show(n), lit))
		out.fixReplace(f, n, lit)
		out.claim(n)
	}
}
