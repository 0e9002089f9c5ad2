package validate

import (
	"fmt"
	"strings"

	"github.com/azconn/azconn/internal/values"
)

func init() {
	register(&rule{
		Rule: Rule{ID: "subnet-parent", Severity: SeverityError,
			Summary: "The subnet ID is not under virtualNetworkId (compared case-insensitively).",
			Help: "The subnet must belong to the connection's virtual network: its ID is virtualNetworkId followed by /subnets/{subnetName}. " +
				"Fix whichever of the two is wrong. (The virtual network may live in another resource group than resourceGroupId: that is fine.)"},
		phase: phaseDomain,
		check: checkSubnetParent,
	})
}

// subnetParentDiff returns the form slot (1 subscription, 3 resource group,
// 7 virtual network) at which a valid subnet ID leaves a valid virtual
// network ID, or -1 when it is under it.
func subnetParentDiff(vnet, subnet *values.ResourceID) int {
	for _, i := range []int{1, 3, 7} {
		if !strings.EqualFold(vnet.Slot(i), subnet.Slot(i)) {
			return i
		}
	}
	return -1
}

// vnetAndSubnet returns the virtual network and subnet IDs when both are
// present and valid.
func (rc *ruleContext) vnetAndSubnet() (vnet, subnet *resourceID) {
	for _, r := range rc.resourceIDs() {
		if !r.id.Valid() {
			continue
		}
		switch r.id.Kind {
		case values.VirtualNetwork:
			vnet = &r
		case values.Subnet:
			subnet = &r
		}
	}
	if vnet == nil || subnet == nil {
		return nil, nil
	}
	return vnet, subnet
}

func checkSubnetParent(rc *ruleContext, out reporter) {
	vnet, subnet := rc.vnetAndSubnet()
	if vnet == nil {
		return
	}
	i := subnetParentDiff(vnet.id, subnet.id)
	if i < 0 {
		return
	}
	seg := subnet.id.Segs[i]
	what := map[int]string{1: "subscription", 3: "resource group", 7: "virtual network"}[i]
	want := vnet.core + "/subnets/" + subnet.id.Slot(9)
	out.atPart("subnet-parent", SeverityError, subnet.n, subnet.lead+seg.Start, subnet.lead+seg.End,
		fmt.Sprintf("%s is not under virtualNetworkId: its %s %s differs from %s in virtualNetworkId, and a subnet must belong to the connection's virtual network; correct whichever is wrong (did you mean %s?)",
			rc.name(subnet.n), what, quoteJSON(seg.Text), quoteJSON(vnet.id.Segs[i].Text), quoteJSON(want)))
}
