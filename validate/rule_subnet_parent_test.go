package validate

import (
	"strings"
	"testing"

	"github.com/azconn/azconn/internal/values"
)

func TestSubnetParentDiff(t *testing.T) {
	other := "6f1d3c2b-9a8e-4b7c-a6d5-e4f3a2b1c0d9"
	for _, tc := range []struct {
		vnet, subnet string
		want         int
	}{
		{tVNet, tSnet, -1},
		{tVNet, strings.ToUpper(tSnet), -1}, // case-insensitive, fixed segments and names alike
		{tVNet, strings.Replace(tSnet, "vnet-hub", "vnet-spoke", 1), 7},
		{tVNet, strings.Replace(tSnet, "rg-net", "rg-other", 1), 3},
		{tVNet, strings.Replace(tSnet, tSub, other, 1), 1},
	} {
		if got := subnetParentDiff(values.ParseResourceID(tc.vnet, values.VirtualNetwork), values.ParseResourceID(tc.subnet, values.Subnet)); got != tc.want {
			t.Errorf("%q under %q: %d, want %d", tc.subnet, tc.vnet, got, tc.want)
		}
	}
}

func TestSubnetParentFindings(t *testing.T) {
	body := func(rg, vnet, snet string) string {
		return `{"displayName": "a", "resourceGroupId": "` + rg + `", "virtualNetworkId": "` + vnet + `", "subnetId": "` + snet + `"}`
	}
	for _, tc := range []struct {
		in string
		at string // "" for no finding
	}{
		{body(tRG, tVNet, tSnet), ""},
		// a virtual network in another resource group than resourceGroupId is fine
		{body(strings.Replace(tRG, "rg-cloudpcs", "rg-pcs", 1), tVNet, tSnet), ""},
		{body(tRG, tVNet, strings.Replace(tSnet, "vnet-hub", "vnet-spoke", 1)), "vnet-spoke"},
		{body(tRG, tVNet, strings.Replace(tSnet, "rg-net", "rg-other", 1)), "rg-other"},
		// invalid IDs are arm-id's: no comparison
		{body(tRG, strings.Replace(tVNet, "vnet-hub", "-hub", 1), tSnet), ""},
		{body(tRG, tVNet, strings.Replace(tSnet, "vnet-hub", "vnet-spoke", 1)+"/"), ""},
	} {
		for _, target := range []Target{AzureConnection, OnPremisesConnection} {
			fs := ruleFindings(t, tc.in, target, "subnet-parent")
			switch {
			case tc.at == "" && len(fs) != 0:
				t.Errorf("%s: unexpected %v", tc.in, fs)
			case tc.at != "" && (len(fs) != 1 || spanText(tc.in, fs[0]) != tc.at):
				t.Errorf("%s: got %v, want one at %q", tc.in, fs, tc.at)
			}
		}
	}
}
