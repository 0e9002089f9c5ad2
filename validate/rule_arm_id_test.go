package validate

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
		kind armKind
		at   string // span of the first issue; "" when none
		want string // in its message
	}{
		// valid
		{tRG, armResourceGroup, "", ""},
		{tVNet, armVirtualNetwork, "", ""},
		{tSnet, armSubnet, "", ""},
		{strings.ToUpper(tSnet), armSubnet, "", ""}, // case is arm-id-case's and guid-case's
		{"/subscriptions/" + tSub + "/resourceGroups/Ressourcengruppe_(Prüfung)-1.0", armResourceGroup, "", ""},
		{"/subscriptions/" + tSub + "/resourceGroups/资源组", armResourceGroup, "", ""},
		{"/subscriptions/" + tSub + "/resourceGroups/Ǆ-ʰ-ǅ", armResourceGroup, "", ""}, // Lu, Lm, Lt
		{"/subscriptions/" + tSub + "/resourceGroups/٣٤", armResourceGroup, "", ""},    // Arabic-Indic digits (Nd)
		{"/subscriptions/" + tSub + "/resourceGroups/" + strings.Repeat("r", 90), armResourceGroup, "", ""},
		{"/subscriptions/" + tSub + "/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v_", armVirtualNetwork, "", ""},
		{tVNet + "/subnets/s", armSubnet, "", ""},
		{tVNet + "/subnets/" + strings.Repeat("s", 80), armSubnet, "", ""},
		// structure
		{"", armResourceGroup, "", "is empty"},
		{"rg-cloudpcs", armResourceGroup, "rg-cloudpcs", "bare name"},
		{tRG[1:], armResourceGroup, "subscriptions", "does not start with '/'"},
		{"resourceGroups/rg", armResourceGroup, "resourceGroups", "must start with /subscriptions/"},
		{tRG + "/", armResourceGroup, "/", "ends with '/'"},
		{tRG + "//", armResourceGroup, "//", "ends with '/'"},
		{strings.Replace(tRG, "/resourceGroups", "//resourceGroups", 1), armResourceGroup, "/", "empty segment"},
		{"https://management.azure.com" + tRG, armResourceGroup, "https://management.azure.com", "URL"},
		{"/subscription/" + tSub + "/resourceGroups/rg", armResourceGroup, "subscription", `did you mean "subscriptions"`},
		{"/subscriptions/" + tSub + "/resourceGroup/rg", armResourceGroup, "resourceGroup", `did you mean "resourceGroups"`},
		{"/subscriptions/" + tSub + "/resource-groups/rg", armResourceGroup, "resource-groups", `did you mean "resourceGroups"`},
		{"/subscriptions/" + tSub, armResourceGroup, "/subscriptions/" + tSub, "is a subscription ID"},
		{"/subscriptions/" + tSub + "/resourceGroups", armResourceGroup, "/subscriptions/" + tSub + "/resourceGroups", `ends after "resourceGroups"`},
		{tRG, armVirtualNetwork, tRG, "is a resource group ID"},
		{tVNet, armSubnet, tVNet, "/subnets/{subnetName} at the end"},
		{tSnet, armVirtualNetwork, "/subnets/snet-pcs", "is a subnet ID"},
		{tVNet, armResourceGroup, "/providers/Microsoft.Network/virtualNetworks/vnet-hub", "resource inside the group"},
		{tSnet + "/ipConfigurations/x", armSubnet, "/ipConfigurations/x", "extra segments"},
		{strings.Replace(tVNet, "Microsoft.Network", "Microsoft.Compute", 1), armVirtualNetwork, "Microsoft.Compute", "provider namespace"},
		{strings.Replace(tVNet, "Microsoft.Network", "Microsoft.Netwrok", 1), armVirtualNetwork, "Microsoft.Netwrok", `did you mean "Microsoft.Network"`},
		{strings.Replace(tVNet, "virtualNetworks", "virtualNetwork", 1), armVirtualNetwork, "virtualNetwork", `did you mean "virtualNetworks"`},
		{strings.Replace(tVNet, "virtualNetworks", "networkInterfaces", 1), armVirtualNetwork, "networkInterfaces", "resource type"},
		{strings.Replace(tSnet, "/subnets/", "/subnet/", 1), armSubnet, "subnet", `did you mean "subnets"`},
		{strings.Replace(tVNet, "/providers/Microsoft.Network", "", 1), armVirtualNetwork, "virtualNetworks", `lacks "/providers/Microsoft.Network"`},
		{strings.Replace(tVNet, "/rg-net", "", 1), armVirtualNetwork, "providers", "lacks the resource group name"},
		// names
		{"/subscriptions/" + tSub + "/resourceGroups/rg.", armResourceGroup, ".", "ends with '.'"},
		{"/subscriptions/" + tSub + "/resourceGroups/rg#1", armResourceGroup, "#", "URL parsing"},
		{"/subscriptions/" + tSub + "/resourceGroups/rg 1", armResourceGroup, " ", "a space"},
		{"/subscriptions/" + tSub + "/resourceGroups/rg+1", armResourceGroup, "+", "letters, digits"},
		{"/subscriptions/" + tSub + "/resourceGroups/re\u0301sume", armResourceGroup, "\u0301", "combining mark"},
		{"/subscriptions/" + tSub + "/resourceGroups/rg-𝒜", armResourceGroup, "𝒜", "Basic Multilingual Plane"},
		{"/subscriptions/" + tSub + "/resourceGroups/" + strings.Repeat("r", 91), armResourceGroup, strings.Repeat("r", 91), "1 to 90"},
		{"/subscriptions/" + tSub + "/resourceGroups/{resourceGroupName}", armResourceGroup, "{resourceGroupName}", "placeholder"},
		{strings.Replace(tVNet, "vnet-hub", "v", 1), armVirtualNetwork, "v", "2 to 64"},
		{strings.Replace(tVNet, "vnet-hub", strings.Repeat("v", 65), 1), armVirtualNetwork, strings.Repeat("v", 65), "2 to 64"},
		{strings.Replace(tVNet, "vnet-hub", "_vnet", 1), armVirtualNetwork, "_", "start with a letter or digit"},
		{strings.Replace(tVNet, "vnet-hub", "vnet-", 1), armVirtualNetwork, "-", "end with a letter, digit or '_'"},
		{strings.Replace(tVNet, "vnet-hub", "vnet(1)", 1), armVirtualNetwork, "(", "ASCII letters"},
		{strings.Replace(tVNet, "vnet-hub", "vnét", 1), armVirtualNetwork, "é", "ASCII letters"},
		{tVNet + "/subnets/" + strings.Repeat("s", 81), armSubnet, strings.Repeat("s", 81), "1 to 80"},
		{tVNet + "/subnets/snet.", armSubnet, ".", "end with a letter"},
		{tVNet + "/subnets/.snet", armSubnet, ".", "start with a letter"},
	} {
		id := parseARMID(tc.in, tc.kind)
		if tc.want == "" {
			if len(id.issues) > 0 || !id.valid() {
				t.Errorf("%q: want valid, got %+v", tc.in, id.issues)
			}
			continue
		}
		if len(id.issues) == 0 {
			t.Errorf("%q: no issue, want %q", tc.in, tc.want)
			continue
		}
		is := id.issues[0]
		if got := tc.in[is.from:is.to]; got != tc.at || !strings.Contains(is.msg, tc.want) {
			t.Errorf("%q:\n got %q at %q\nwant %q at %q", tc.in, is.msg, got, tc.want, tc.at)
		}
	}
}

func TestParseARMIDSubscription(t *testing.T) {
	for _, tc := range []struct {
		in     string
		status int
		seg    string
	}{
		{tRG, armSubOK, tSub},
		{"/subscriptions/0ac520ee-14c0-480f-b6c9-0a90c58ffff/resourceGroups/rg", armSubBad, "0ac520ee-14c0-480f-b6c9-0a90c58ffff"},
		{"/subscriptions/${SUB}/resourceGroups/rg", armSubTemplate, "${SUB}"},
		{"/subscription/x/resourceGroups/rg", armSubAbsent, ""},
	} {
		id := parseARMID(tc.in, armResourceGroup)
		if id.subStatus != tc.status || (tc.seg != "" && id.segs[id.subIdx].text != tc.seg) {
			t.Errorf("%q: status %d, want %d", tc.in, id.subStatus, tc.status)
		}
	}
	// A templated name: no issue, but not compared with the other IDs.
	if id := parseARMID("/subscriptions/"+tSub+"/resourceGroups/${RG}", armResourceGroup); len(id.issues) > 0 || id.valid() {
		t.Errorf("templated: %+v valid=%v", id.issues, id.valid())
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
			_, _, why = rgNameProblem(tc.name)
		case "vnet":
			_, _, why = netNameProblem(tc.name, "virtual network", 2, 64)
		default:
			_, _, why = netNameProblem(tc.name, "subnet", 1, 80)
		}
		if (why == "") != tc.ok {
			t.Errorf("%s %q: ok=%v, got %q", tc.kind, tc.name, tc.ok, why)
		}
	}
}
