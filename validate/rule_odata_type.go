package validate

import (
	"fmt"
)

func init() {
	register(&rule{Rule: Rule{ID: "odata-type", Severity: SeverityError, Fixable: true, Summary: "An @odata.type that is not the object's type; a warning, fixed, when only case, a missing '#' or a legacy alias differs.", Help: "Write the canonical type name, or leave @odata.type out: it is optional for this entity."}, phase: phaseSchema, check: checkODataType})
}

// checkODataType reports an @odata.type value that its object's type does
// not accept. Both this rule and the enum rule read enum violations: the
// enum rule leaves those of @odata.type to this one.
func checkODataType(rc *ruleContext, out reporter) {
	for _, v := range rc.violations() {
		if v.kind != violationEnum || rc.isClaimed(v.n) || !isODataType(rc.propOf(v.n), v.n) {
			continue
		}
		rc.odataType(out, v.n)
		out.claim(v.n)
	}
}

// odataType reports an @odata.type the object's type does not accept.
func (rc *ruleContext) odataType(out reporter, n *node) {
	accepted := rc.typeOf(n.Parent).odata
	canonical := accepted[0]
	bare := bareType
	got := bare(n.Str)
	isRoot := n.Parent == rc.root
	fixable := func(msg string) {
		f := out.atValue("odata-type", SeverityWarning, n, msg)
		out.fixTransform(f, n, 20, func(string) string { return canonical })
	}
	for _, a := range accepted {
		if bare(a) == got {
			fixable(fmt.Sprintf("@odata.type must be written %s (type names are case-sensitive and start with '#')", quoteJSON(canonical)))
			return
		}
	}
	if isRoot {
		for legacy, c := range rc.m.table.TypeAliases {
			if bare(legacy) != got || c != canonical {
				continue
			}
			msg := fmt.Sprintf("%s is the legacy type name; the %s target's type is %s", rc.show(n), rc.m.name, quoteJSON(canonical))
			if rc.det.mixed != nil { // no alias fix in either direction
				out.atValue("odata-type", SeverityError, n, msg+" (not fixed automatically: the body mixes both targets' properties, see mixed-target)")
				return
			}
			fixable(msg)
			return
		}
		if other, ok := rc.m.others[got]; ok {
			out.atValue("odata-type", SeverityError, n, fmt.Sprintf("%s is the type of the %s target, not of %s: lint with that target, or write %s", rc.show(n), other, rc.m.name, quoteJSON(canonical)))
			return
		}
	}
	out.atValue("odata-type", SeverityError, n, fmt.Sprintf("@odata.type %s does not name this object's type: write %s, or leave @odata.type out", rc.show(n), quoteJSON(canonical)))
}
