package validate

import (
	"fmt"
	"strings"

	"github.com/azconn/azconn/internal/values"
)

func init() {
	register(&rule{
		Rule: Rule{ID: "subscription-mismatch", Severity: SeverityWarning,
			Summary: "A resource ID's subscription differs from subscriptionId (compared case-insensitively).",
			Help: "The resource group, virtual network and subnet of a connection are in the subscription that subscriptionId names. " +
				"The documentation's own create example mixes two subscriptions. Correct whichever is wrong; the finding points at the ID's subscription segment."},
		phase: phaseDomain,
		check: checkSubscriptionMismatch,
	})
}

func checkSubscriptionMismatch(rc *ruleContext, out reporter) {
	n, sub, _ := rc.fact(rc.theFacts().subscription)
	if n == nil || !rc.theFacts().isGUID {
		return
	}
	ids := rc.resourceIDs()
	// When the subnet leaves the virtual network at the subscription and the
	// virtual network agrees with subscriptionId, subnet-parent says it.
	skipSubnet := false
	if vnet, subnet := rc.vnetAndSubnet(); vnet != nil && subnetParentDiff(vnet.id, subnet.id) == 1 &&
		strings.EqualFold(vnet.id.Slot(1), sub) {
		skipSubnet = true
	}
	var others []string // the differing subscriptions
	for _, r := range ids {
		if r.id.SubStatus == values.SubOK && !strings.EqualFold(r.id.Slot(1), sub) {
			others = append(others, strings.ToLower(r.id.Slot(1)))
		}
	}
	allSame := len(others) > 1
	for _, o := range others {
		allSame = allSame && o == others[0]
	}
	for _, r := range ids {
		if r.id.SubStatus != values.SubOK || strings.EqualFold(r.id.Slot(1), sub) || (skipSubnet && r.id.Kind == values.Subnet) {
			continue
		}
		seg := r.id.Segs[r.id.SubIdx]
		msg := fmt.Sprintf("the subscription %s in %s differs from subscriptionId %s: a connection's resources are in its subscription; correct whichever is wrong",
			quoteJSON(seg.Text), rc.name(r.n), quoteJSON(sub))
		if allSame && len(others) == len(ids) {
			msg += " (every resource ID names this subscription: is subscriptionId the wrong one?)"
		}
		out.atPart("subscription-mismatch", SeverityWarning, r.n, r.lead+seg.Start, r.lead+seg.End, msg)
	}
}
