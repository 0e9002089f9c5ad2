package validate

import (
	"strings"
	"testing"

	"github.com/azconn/azconn/internal/values"
)

func TestFixARMCase(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		kind     values.ResourceKind
	}{
		{tSnet, tSnet, values.Subnet},
		{strings.ToLower(tSnet), "/subscriptions/" + tSub + "/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-pcs", values.Subnet},
		{"/SUBSCRIPTIONS/" + tSub + "/RESOURCEGROUPS/RG-Net", "/subscriptions/" + tSub + "/resourceGroups/RG-Net", values.ResourceGroup},
		// names keep their case, even when they spell a fixed segment
		{"/subscriptions/" + tSub + "/resourcegroups/Providers", "/subscriptions/" + tSub + "/resourceGroups/Providers", values.ResourceGroup},
		// broken IDs: only what was recognized before the break is fixed
		{"/Subscriptions/" + tSub + "/resourcegroup/rg", "/subscriptions/" + tSub + "/resourcegroup/rg", values.ResourceGroup},
		{"subscriptions/x", "subscriptions/x", values.ResourceGroup},
		{"", "", values.Subnet},
	} {
		got := fixARMCase(tc.in, tc.kind)
		if got != tc.want {
			t.Errorf("fixARMCase(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
		if again := fixARMCase(got, tc.kind); again != got {
			t.Errorf("not idempotent: %q → %q", got, again)
		}
	}
}

func TestARMIDCaseComposesWithWhitespaceAndGUIDCase(t *testing.T) {
	in := `{"displayName": "a", "subnetId": " /SUBSCRIPTIONS/` + strings.ToUpper(tSub) + `/resourcegroups/RG/providers/microsoft.network/VIRTUALNETWORKS/V1/subnets/S1 "}`
	res := Lint([]byte(in), Options{Target: OnPremisesConnection})
	want := `"/subscriptions/` + tSub + `/resourceGroups/RG/providers/Microsoft.Network/virtualNetworks/V1/subnets/S1"`
	if !strings.Contains(string(res.Normalized), want) {
		t.Fatalf("normalized: %s", res.Normalized)
	}
	rules := map[string]bool{}
	for _, f := range res.Findings {
		rules[f.Rule] = true
		if f.Fix != nil && string(f.Fix.Value) != want {
			t.Errorf("%s fix %s", f.Rule, f.Fix.Value)
		}
	}
	for _, r := range []string{"whitespace", "guid-case", "arm-id-case"} {
		if !rules[r] {
			t.Errorf("no %s finding", r)
		}
	}
	// With whitespace ignored, the other fixes still apply around the spaces.
	res = Lint([]byte(in), Options{Target: OnPremisesConnection, Ignore: []string{"whitespace"}})
	if !strings.Contains(string(res.Normalized), `" `+want[1:len(want)-1]+` "`) {
		t.Fatalf("normalized with whitespace ignored: %s", res.Normalized)
	}
}
