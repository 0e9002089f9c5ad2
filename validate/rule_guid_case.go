package validate

import (
	"fmt"
	"strings"

	"github.com/azconn/azconn/internal/values"
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

func checkGUIDCase(rc *ruleContext, out reporter) {
	if n, core, lead := rc.fact(rc.theFacts().subscription); n != nil && rc.theFacts().isGUID && core != strings.ToLower(core) {
		f := atCore(out, "guid-case", SeverityInfo, n, lead, len(core), 0, len(core),
			fmt.Sprintf("subscriptionId has upper-case hex digits: the fix writes %s", quoteJSON(strings.ToLower(core))))
		out.fixTransform(f, n, orderFixGUIDCase, func(s string) string {
			return aroundCore(s, func(c string) string {
				if values.IsGUID(c) {
					return strings.ToLower(c)
				}
				return c
			})
		})
	}
	for _, r := range rc.resourceIDs() {
		if r.id.SubStatus != values.SubOK {
			continue
		}
		seg := r.id.Segs[r.id.SubIdx]
		if seg.Text == strings.ToLower(seg.Text) {
			continue
		}
		f := out.atPart("guid-case", SeverityInfo, r.n, r.lead+seg.Start, r.lead+seg.End,
			fmt.Sprintf("the subscription GUID in %s has upper-case hex digits: the fix writes %s", rc.name(r.n), quoteJSON(strings.ToLower(seg.Text))))
		kind := r.id.Kind
		out.fixTransform(f, r.n, orderFixGUIDCase, func(s string) string {
			return aroundCore(s, func(c string) string { return lowerARMSubscription(c, kind) })
		})
	}
}

// lowerARMSubscription lower-cases the subscription GUID of a resource ID.
func lowerARMSubscription(s string, kind values.ResourceKind) string {
	id := values.ParseResourceID(s, kind)
	if id.SubStatus != values.SubOK {
		return s
	}
	seg := id.Segs[id.SubIdx]
	return s[:seg.Start] + strings.ToLower(seg.Text) + s[seg.End:]
}
