package validate

import (
	"fmt"
)

func init() {
	register(&rule{Rule: Rule{ID: "type", Severity: SeverityError, Summary: "A value of the wrong JSON type, or null for a non-nullable property.", Help: "Give the value the type the message names. To leave a property unchanged, leave it out of the PATCH body."}, phase: phaseType, check: checkType})
}

// checkType reports values of the wrong JSON type and numbers out of range.
// It runs after boolean-string, which claims the strings that only need
// their quotes removed.
func checkType(rc *ruleContext, out reporter) {
	rc.eachViolation(out, func(v schemaViolation) {
		n := v.n
		switch v.kind {
		case violationType:
			rc.typeError(out, n, v.want)
		case violationRange:
			out.atValue("type", SeverityError, n, fmt.Sprintf("%s must be a 32-bit integer (-2147483648 to 2147483647), not %s", rc.name(n), rc.show(n)))
		}
	}, violationType, violationRange)
}

// typeError reports a value of the wrong JSON type, unless a more precise
// rule explains it.
func (rc *ruleContext) typeError(out reporter, n *node, want []string) {
	pm := rc.propOf(n)
	wantNames := make([]string, 0, len(want))
	for _, w := range want {
		if w != "null" {
			wantNames = append(wantNames, article(w))
		}
	}
	if n.Kind == kindNull {
		var msg string
		switch {
		case n.Parent != nil && n.Parent.Kind == kindArray:
			msg = fmt.Sprintf("%s cannot be null: each item of the collection must be %s; remove this one", rc.name(n), list(wantNames, "or"))
		case pm != nil && pm.allows("array"):
			msg = fmt.Sprintf("%s cannot be null: a collection is never null; send [] to clear it, or leave the property out to keep its current value", rc.name(n))
		default:
			msg = fmt.Sprintf("%s cannot be null: leave the property out to keep its current value, or set %s", rc.name(n), list(wantNames, "or"))
		}
		out.atValue("type", SeverityError, n, msg)
		return
	}
	got := article(n.Kind.TypeName())
	if n.Kind == kindString || n.Kind == kindNumber || n.Kind == kindTrue || n.Kind == kindFalse {
		got += " (" + rc.show(n) + ")"
	}
	msg := fmt.Sprintf("%s must be %s, not %s", rc.name(n), list(wantNames, "or"), got)
	if pm != nil && pm.nullable() {
		msg += ", or null"
	}
	out.atValue("type", SeverityError, n, msg)
}

func article(t string) string {
	switch t {
	case "object", "array", "integer":
		return "an " + t
	}
	return "a " + t
}
