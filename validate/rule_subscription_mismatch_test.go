package validate

import (
	"strings"
	"testing"
)

func TestSubscriptionMismatch(t *testing.T) {
	other := "6f1d3c2b-9a8e-4b7c-a6d5-e4f3a2b1c0d9"
	o := func(s string) string { return strings.Replace(s, tSub, other, 1) }
	body := func(sub, rg, vnet, snet string) string {
		return `{"displayName": "a", "subscriptionId": "` + sub + `", "resourceGroupId": "` + rg + `", "virtualNetworkId": "` + vnet + `", "subnetId": "` + snet + `"}`
	}
	for _, tc := range []struct {
		name string
		in   string
		want []string // pointers of the findings
	}{
		{"agree", body(tSub, tRG, tVNet, tSnet), nil},
		{"case only", body(strings.ToUpper(tSub), tRG, strings.ToUpper(tVNet), tSnet), nil},
		{"all IDs elsewhere", body(other, tRG, tVNet, tSnet), []string{"/resourceGroupId", "/virtualNetworkId", "/subnetId"}},
		{"network elsewhere", body(tSub, tRG, o(tVNet), o(tSnet)), []string{"/virtualNetworkId", "/subnetId"}},
		// subnet leaves the vnet at the subscription: subnet-parent's finding
		{"subnet only", body(tSub, tRG, tVNet, o(tSnet)), nil},
		// malformed subscription segment: guid's finding
		{"malformed", body(tSub, tRG, "/subscriptions/0ac520ee-14c0-480f-b6c9-0a90c58ffff/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub", tSnet), nil},
		// subscriptionId not a GUID: nothing to compare with
		{"bad subscriptionId", body("String", tRG, o(tVNet), tSnet), nil},
		{"templated subscriptionId", body("${SUB}", tRG, o(tVNet), tSnet), nil},
	} {
		fs := ruleFindings(t, tc.in, OnPremisesConnection, "subscription-mismatch")
		var got []string
		for _, f := range fs {
			got = append(got, f.Pointer)
			if !strings.HasPrefix(spanText(tc.in, f), other[:8]) && !strings.HasPrefix(spanText(tc.in, f), tSub[:8]) {
				t.Errorf("%s: span %q is not the subscription segment", tc.name, spanText(tc.in, f))
			}
		}
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}
