package validate

import (
	"fmt"
	"strings"
)

func init() {
	register(&rule{
		Rule: Rule{ID: "mixed-target", Severity: SeverityWarning,
			Summary: "Under target auto, the body has evidence for both targets: a stub @odata.type with live-API properties, or properties only the stub has beside properties only the live API has.",
			Help: "A migration in progress, or a body pieced together from two sources. It is linted for the target it fits best, and no legacy spelling is fixed in either direction. " +
				"Choose the target explicitly: onPremisesConnection migrates a stub-era body to the live API."},
		phase: phaseValue,
		check: checkMixedTarget,
	})
}

// checkMixedTarget reports, once, which keys point to which target and the
// target the body fits best, at the first clue against that target.
func checkMixedTarget(p *pass) {
	mx := p.detected.mixed
	if mx == nil {
		return
	}
	var parts []string
	var against *clue
	for _, t := range tableOrder() {
		var keys []string
		for i := range mx.clues {
			c := &mx.clues[i]
			if c.target != t {
				continue
			}
			if c.odata {
				keys = append(keys, "@odata.type "+p.show(p.root.members[c.i].val))
			} else {
				keys = append(keys, quoteJSON(p.root.members[c.i].key))
			}
			if t != p.m.name && (against == nil || c.i < against.i) {
				against = c
			}
		}
		switch len(keys) {
		case 0:
		case 1:
			parts = append(parts, fmt.Sprintf("%s points to %s", keys[0], t))
		default:
			parts = append(parts, fmt.Sprintf("%s point to %s", list(keys, "and"), t))
		}
	}
	msg := fmt.Sprintf("the body mixes the two targets: %s. It fits %s best (%d of its %d keys are that target's), so it is linted for that target, and no legacy spelling is fixed in either direction: choose the target explicitly (%s migrates a stub-era body to the live API)",
		strings.Join(parts, "; "), p.m.name, mx.fit[p.m.name], len(p.root.members), OnPremisesConnection)
	m := &p.root.members[against.i]
	if against.odata {
		p.atValue("mixed-target", SeverityWarning, m.val, msg)
		return
	}
	p.report("mixed-target", SeverityWarning, m.keyStart, m.keyEnd, p.pointer(m.val), msg)
}
