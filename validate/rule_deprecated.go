package validate

import (
	"fmt"
	"slices"
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

func checkDeprecated(p *pass) {
	p.walk(func(obj *node) {
		if obj.kind != kindObject || p.typeOf(obj) == nil {
			return
		}
		for name, i := range p.canonOf(obj).all() {
			pm := p.typeOf(obj).props[name]
			if pm == nil || !pm.deprecated {
				continue
			}
			msg := fmt.Sprintf("%s is deprecated: it stopped returning data on January 31, 2024", name)
			succ := p.typeOf(obj).props[pm.successor]
			if succ == nil {
				p.atKey("deprecated", SeverityWarning, obj, i, msg+"; remove it")
				continue
			}
			_, present := p.canonOf(obj).get(pm.successor)
			same := succ.ref == nil && pm.ref == nil && slices.Equal(succ.types, pm.types) && slices.Equal(succ.enum, pm.enum)
			switch {
			case present:
				msg += fmt.Sprintf("; %s is also present, so remove %s", pm.successor, name)
			case same:
				msg += fmt.Sprintf("; use %s instead (the fix renames it)", pm.successor)
			default:
				msg += fmt.Sprintf("; use %s instead", pm.successor)
			}
			f := p.atKey("deprecated", SeverityWarning, obj, i, msg)
			if !present && same {
				p.fixRename(f, obj, i, pm.successor)
			}
		}
	})
}
