package validate

import (
	"strconv"
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
func checkMixedTarget(rc *ruleContext, out reporter) {
	mx := rc.det.mixed
	if mx == nil {
		return
	}
	var parts []string
	against := -1 // the first clue against the target used
	for _, t := range tableOrder() {
		var keys []string
		for i, c := range mx.clues {
			if c.target != t {
				continue
			}
			m := &rc.root.Members[c.i]
			if c.odata {
				keys = append(keys, "@odata.type "+rc.show(m.Val))
			} else {
				keys = append(keys, quoteJSON(m.Key))
			}
			if t != rc.m.name && against < 0 {
				against = i
			}
		}
		if len(keys) > 0 {
			verb := " point to "
			if len(keys) == 1 {
				verb = " points to "
			}
			parts = append(parts, list(keys, "and")+verb+t)
		}
	}
	msg := "the body mixes the two targets: " + strings.Join(parts, "; ") + ". It fits " + rc.m.name + " best (" +
		strconv.Itoa(mx.fit[rc.m.name]) + " of its " + strconv.Itoa(len(rc.root.Members)) +
		" keys are that target's), so it is linted for that target, and no legacy spelling is fixed in either direction: choose the target explicitly (" +
		string(OnPremisesConnection) + " migrates a stub-era body to the live API)"
	c := mx.clues[against]
	m := &rc.root.Members[c.i]
	if c.odata {
		out.atValue("mixed-target", SeverityWarning, m.Val, msg)
		return
	}
	out.report("mixed-target", SeverityWarning, m.KeyStart, m.KeyEnd, pointerOf(m.Val), msg)
}
