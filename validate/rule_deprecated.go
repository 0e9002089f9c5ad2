package validate

import (
	"fmt"
	"slices"
	"strings"
)

func init() {
	register(&rule{
		Rule: Rule{ID: "deprecated", Severity: SeverityWarning, Fixable: true,
			Summary: "A deprecated property of the live API (type, healthCheckStatusDetails, additionalDetails).",
			Help:    "These stopped returning data on January 31, 2024. The fix renames the property to its successor when the successor is absent and takes the same values."},
		phase: phaseValue,
		check: checkDeprecated,
	})
}

func checkDeprecated(rc *ruleContext, out reporter) {
	rc.walk(func(obj *node) {
		if obj.Kind != kindObject || rc.typeOf(obj) == nil {
			return
		}
		for _, e := range rc.canonOf(obj) {
			name, i := e.name, e.i
			pm := rc.typeOf(obj).props[name]
			if pm == nil || !pm.deprecated {
				continue
			}
			msg := fmt.Sprintf("%s is deprecated: it stopped returning data on January 31, 2024", name)
			succ := rc.typeOf(obj).props[pm.successor]
			if succ == nil {
				out.atKey("deprecated", SeverityWarning, obj, i, msg+"; remove it")
				continue
			}
			_, present := rc.canonOf(obj).get(pm.successor)
			same := succ.ref == nil && pm.ref == nil && slices.Equal(succ.types, pm.types) && slices.Equal(succ.enum, pm.enum)
			twin := otherSpelling(obj, i, name)
			switch {
			case present:
				msg += fmt.Sprintf("; %s is also present, so remove %s", pm.successor, name)
			case twin != "":
				// Renaming this one would let the twin take the name on the
				// next run: no fix until one of them is gone.
				msg += fmt.Sprintf("; use %s instead (not fixed automatically: %s spells the same property, so remove one of them)", pm.successor, quoteJSON(twin))
			case same:
				msg += fmt.Sprintf("; use %s instead (the fix renames it)", pm.successor)
			default:
				msg += fmt.Sprintf("; use %s instead", pm.successor)
			}
			f := out.atKey("deprecated", SeverityWarning, obj, i, msg)
			if !present && same && twin == "" {
				out.fixRename(f, obj, i, pm.successor)
			}
		}
	})
}

// otherSpelling returns the key of a member of obj other than i that
// differs from name only by case, or "".
func otherSpelling(obj *node, i int, name string) string {
	for j := range obj.Members {
		if j != i && strings.EqualFold(obj.Members[j].Key, name) {
			return obj.Members[j].Key
		}
	}
	return ""
}
