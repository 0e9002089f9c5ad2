package validate

import (
	"fmt"
	"strings"
)

func init() {
	register(&rule{
		Rule: Rule{ID: "guid-case", Severity: SeverityInfo, Fixable: true,
			Summary: "A subscription GUID with upper-case hex digits, in subscriptionId or inside a resource ID.",
			Help:    "GUIDs compare case-insensitively, but Azure and Graph write them in lower case, and tools that compare IDs as strings need one spelling. The fix lower-cases the GUID."},
		phase: phaseDomain,
		check: checkGUIDCase,
	})
}

func checkGUIDCase(p *pass) {
	if n, core, lead := p.fact(p.theFacts().subscription); n != nil && p.theFacts().isGUID && core != strings.ToLower(core) {
		f := p.atCore("guid-case", SeverityInfo, n, lead, len(core), 0, len(core),
			fmt.Sprintf("subscriptionId has upper-case hex digits: the fix writes %s", quoteJSON(strings.ToLower(core))))
		p.fixTransform(f, n, orderFixGUIDCase, func(s string) string {
			return aroundCore(s, func(c string) string {
				if isGUID(c) {
					return strings.ToLower(c)
				}
				return c
			})
		})
	}
	for _, r := range p.resourceIDs() {
		if r.id.subStatus != armSubOK {
			continue
		}
		seg := r.id.segs[r.id.subIdx]
		if seg.text == strings.ToLower(seg.text) {
			continue
		}
		f := p.atPart("guid-case", SeverityInfo, r.n, r.lead+seg.start, r.lead+seg.end,
			fmt.Sprintf("the subscription GUID in %s has upper-case hex digits: the fix writes %s", p.name(r.n), quoteJSON(strings.ToLower(seg.text))))
		kind := r.id.kind
		p.fixTransform(f, r.n, orderFixGUIDCase, func(s string) string {
			return aroundCore(s, func(c string) string { return lowerARMSubscription(c, kind) })
		})
	}
}

// lowerARMSubscription lower-cases the subscription GUID of a resource ID.
func lowerARMSubscription(s string, kind armKind) string {
	id := parseARMID(s, kind)
	if id.subStatus != armSubOK {
		return s
	}
	seg := id.segs[id.subIdx]
	return s[:seg.start] + strings.ToLower(seg.text) + s[seg.end:]
}
