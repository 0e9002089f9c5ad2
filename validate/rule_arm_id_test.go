package validate

// Resource IDs of the documented forms, shared by the tests of the
// resource-ID rules.
const (
	tSub  = "0ac520ee-14c0-480f-b6c9-0a90c585ad47"
	tRG   = "/subscriptions/" + tSub + "/resourceGroups/rg-cloudpcs"
	tVNet = "/subscriptions/" + tSub + "/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub"
	tSnet = tVNet + "/subnets/snet-pcs"
)
