package values

import (
	"strings"
	"testing"
)

const (
	tSub  = "0ac520ee-14c0-480f-b6c9-0a90c585ad47"
	tRG   = "/subscriptions/" + tSub + "/resourceGroups/rg-cloudpcs"
	tVNet = "/subscriptions/" + tSub + "/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub"
	tSnet = tVNet + "/subnets/snet-pcs"
)

func TestParseARMID(t *testing.T) {
	for _, tc := range []struct {
		in   string
		kind ResourceKind
		at   string // span of the first issue; "" when none
		want string // in its message
	}{
		// valid
		{tRG, ResourceGroup, "", ""},
		{tVNet, VirtualNetwork, "", ""},
		{tSnet, Subnet, "", ""},
		{strings.ToUpper(tSnet), Subnet, "", ""}, // case is arm-id-case's and guid-case's
		{"/subscriptions/" + tSub + "/resourceGroups/Ressourcengruppe_(Prüfung)-1.0", ResourceGroup, "", ""},
		{"/subscriptions/" + tSub + "/resourceGroups/资源组", ResourceGroup, "", ""},
		{"/subscriptions/" + tSub + "/resourceGroups/Ǆ-ʰ-ǅ", ResourceGroup, "", ""}, // Lu, Lm, Lt
		{"/subscriptions/" + tSub + "/resourceGroups/٣٤", ResourceGroup, "", ""},    // Arabic-Indic digits (Nd)
		{"/subscriptions/" + tSub + "/resourceGroups/" + strings.Repeat("r", 90), ResourceGroup, "", ""},
		{"/subscriptions/" + tSub + "/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v_", VirtualNetwork, "", ""},
		{tVNet + "/subnets/s", Subnet, "", ""},
		{tVNet + "/subnets/" + strings.Repeat("s", 80), Subnet, "", ""},
		// structure
		{"", ResourceGroup, "", "is empty"},
		{"rg-cloudpcs", ResourceGroup, "rg-cloudpcs", "bare name"},
		{tRG[1:], ResourceGroup, "subscriptions", "does not start with '/'"},
		{"resourceGroups/rg", ResourceGroup, "resourceGroups", "must start with /subscriptions/"},
		{tRG + "/", ResourceGroup, "/", "ends with '/'"},
		{tRG + "//", ResourceGroup, "//", "ends with '/'"},
		{strings.Replace(tRG, "/resourceGroups", "//resourceGroups", 1), ResourceGroup, "/", "empty segment"},
		{"https://management.azure.com" + tRG, ResourceGroup, "https://management.azure.com", "URL"},
		{"/subscription/" + tSub + "/resourceGroups/rg", ResourceGroup, "subscription", `did you mean "subscriptions"`},
		{"/subscriptions/" + tSub + "/resourceGroup/rg", ResourceGroup, "resourceGroup", `did you mean "resourceGroups"`},
		{"/subscriptions/" + tSub + "/resource-groups/rg", ResourceGroup, "resource-groups", `did you mean "resourceGroups"`},
		{"/subscriptions/" + tSub, ResourceGroup, "/subscriptions/" + tSub, "is a subscription ID"},
		{"/subscriptions/" + tSub + "/resourceGroups", ResourceGroup, "/subscriptions/" + tSub + "/resourceGroups", `ends after "resourceGroups"`},
		{tRG, VirtualNetwork, tRG, "is a resource group ID"},
		{tVNet, Subnet, tVNet, "/subnets/{subnetName} at the end"},
		{tSnet, VirtualNetwork, "/subnets/snet-pcs", "is a subnet ID"},
		{tVNet, ResourceGroup, "/providers/Microsoft.Network/virtualNetworks/vnet-hub", "resource inside the group"},
		{tSnet + "/ipConfigurations/x", Subnet, "/ipConfigurations/x", "extra segments"},
		{strings.Replace(tVNet, "Microsoft.Network", "Microsoft.Compute", 1), VirtualNetwork, "Microsoft.Compute", "provider namespace"},
		{strings.Replace(tVNet, "Microsoft.Network", "Microsoft.Netwrok", 1), VirtualNetwork, "Microsoft.Netwrok", `did you mean "Microsoft.Network"`},
		{strings.Replace(tVNet, "virtualNetworks", "virtualNetwork", 1), VirtualNetwork, "virtualNetwork", `did you mean "virtualNetworks"`},
		{strings.Replace(tVNet, "virtualNetworks", "networkInterfaces", 1), VirtualNetwork, "networkInterfaces", "resource type"},
		{strings.Replace(tSnet, "/subnets/", "/subnet/", 1), Subnet, "subnet", `did you mean "subnets"`},
		{strings.Replace(tVNet, "/providers/Microsoft.Network", "", 1), VirtualNetwork, "virtualNetworks", `lacks "/providers/Microsoft.Network"`},
		{strings.Replace(tVNet, "/rg-net", "", 1), VirtualNetwork, "providers", "lacks the resource group name"},
		// names
		{"/subscriptions/" + tSub + "/resourceGroups/rg.", ResourceGroup, ".", "ends with '.'"},
		{"/subscriptions/" + tSub + "/resourceGroups/rg#1", ResourceGroup, "#", "URL parsing"},
		{"/subscriptions/" + tSub + "/resourceGroups/rg 1", ResourceGroup, " ", "a space"},
		{"/subscriptions/" + tSub + "/resourceGroups/rg+1", ResourceGroup, "+", "letters, digits"},
		{"/subscriptions/" + tSub + "/resourceGroups/re\u0301sume", ResourceGroup, "\u0301", "combining mark"},
		{"/subscriptions/" + tSub + "/resourceGroups/rg-𝒜", ResourceGroup, "𝒜", "Basic Multilingual Plane"},
		{"/subscriptions/" + tSub + "/resourceGroups/" + strings.Repeat("r", 91), ResourceGroup, strings.Repeat("r", 91), "1 to 90"},
		{"/subscriptions/" + tSub + "/resourceGroups/{resourceGroupName}", ResourceGroup, "{resourceGroupName}", "placeholder"},
		{strings.Replace(tVNet, "vnet-hub", "v", 1), VirtualNetwork, "v", "2 to 64"},
		{strings.Replace(tVNet, "vnet-hub", strings.Repeat("v", 65), 1), VirtualNetwork, strings.Repeat("v", 65), "2 to 64"},
		{strings.Replace(tVNet, "vnet-hub", "_vnet", 1), VirtualNetwork, "_", "start with a letter or digit"},
		{strings.Replace(tVNet, "vnet-hub", "vnet-", 1), VirtualNetwork, "-", "end with a letter, digit or '_'"},
		{strings.Replace(tVNet, "vnet-hub", "vnet(1)", 1), VirtualNetwork, "(", "ASCII letters"},
		{strings.Replace(tVNet, "vnet-hub", "vnét", 1), VirtualNetwork, "é", "ASCII letters"},
		{tVNet + "/subnets/" + strings.Repeat("s", 81), Subnet, strings.Repeat("s", 81), "1 to 80"},
		{tVNet + "/subnets/snet.", Subnet, ".", "end with a letter"},
		{tVNet + "/subnets/.snet", Subnet, ".", "start with a letter"},
	} {
		id := ParseResourceID(tc.in, tc.kind)
		if tc.want == "" {
			if len(id.Issues) > 0 || !id.Valid() {
				t.Errorf("%q: want valid, got %+v", tc.in, id.Issues)
			}
			continue
		}
		if len(id.Issues) == 0 {
			t.Errorf("%q: no issue, want %q", tc.in, tc.want)
			continue
		}
		is := id.Issues[0]
		if got := tc.in[is.From:is.To]; got != tc.at || !strings.Contains(is.Msg, tc.want) {
			t.Errorf("%q:\n got %q at %q\nwant %q at %q", tc.in, is.Msg, got, tc.want, tc.at)
		}
	}
}

func TestParseARMIDSubscription(t *testing.T) {
	for _, tc := range []struct {
		in     string
		status int
		seg    string
	}{
		{tRG, SubOK, tSub},
		{"/subscriptions/0ac520ee-14c0-480f-b6c9-0a90c58ffff/resourceGroups/rg", SubBad, "0ac520ee-14c0-480f-b6c9-0a90c58ffff"},
		{"/subscriptions/${SUB}/resourceGroups/rg", SubTemplate, "${SUB}"},
		{"/subscription/x/resourceGroups/rg", SubAbsent, ""},
	} {
		id := ParseResourceID(tc.in, ResourceGroup)
		if id.SubStatus != tc.status || (tc.seg != "" && id.Segs[id.SubIdx].Text != tc.seg) {
			t.Errorf("%q: status %d, want %d", tc.in, id.SubStatus, tc.status)
		}
	}
	// A templated name: no issue, but not compared with the other IDs.
	if id := ParseResourceID("/subscriptions/"+tSub+"/resourceGroups/${RG}", ResourceGroup); len(id.Issues) > 0 || id.Valid() {
		t.Errorf("templated: %+v valid=%v", id.Issues, id.Valid())
	}
}

func TestNameRules(t *testing.T) {
	for _, tc := range []struct {
		name string
		kind string
		ok   bool
	}{
		{"a", "rg", true}, {"(a)", "rg", true}, {"a.b", "rg", true}, {"-", "rg", true}, {"a.", "rg", false},
		{"ÄÖÜ", "rg", true}, {"日本", "rg", true}, {"a/b", "rg", false}, {"a%b", "rg", false},
		{"ab", "vnet", true}, {"a", "vnet", false}, {"a_", "vnet", true}, {"a.b-c_d", "vnet", true}, {"a.", "vnet", false},
		{"1", "subnet", true}, {"GatewaySubnet", "subnet", true}, {"a b", "subnet", false}, {"-a", "subnet", false},
	} {
		var why string
		switch tc.kind {
		case "rg":
			_, _, why = ResourceGroupNameProblem(tc.name)
		case "vnet":
			_, _, why = NetworkNameProblem(tc.name, "virtual network", 2, 64)
		default:
			_, _, why = NetworkNameProblem(tc.name, "subnet", 1, 80)
		}
		if (why == "") != tc.ok {
			t.Errorf("%s %q: ok=%v, got %q", tc.kind, tc.name, tc.ok, why)
		}
	}
}
