package validate

import (
	"strings"
	"testing"

	"github.com/azconn/azconn/internal/values"
)

func TestLowerARMSubscription(t *testing.T) {
	up := strings.ToUpper(tSub)
	for in, want := range map[string]string{
		"/subscriptions/" + up + "/resourceGroups/RG":      "/subscriptions/" + tSub + "/resourceGroups/RG",
		"/subscriptions/" + tSub + "/resourceGroups/RG":    "/subscriptions/" + tSub + "/resourceGroups/RG",
		"/subscriptions/" + up[:35] + "/resourceGroups/RG": "/subscriptions/" + up[:35] + "/resourceGroups/RG", // not a GUID: left alone
		"/subscriptions/${SUB}/resourceGroups/RG":          "/subscriptions/${SUB}/resourceGroups/RG",
	} {
		if got := lowerARMSubscription(in, values.ResourceGroup); got != want {
			t.Errorf("%q → %q, want %q", in, got, want)
		}
	}
}

func TestGUIDCaseFindings(t *testing.T) {
	up := strings.ToUpper(tSub)
	in := `{"displayName": "a", "subscriptionId": "` + up + `", "resourceGroupId": "/subscriptions/` + up + `/resourceGroups/RG"}`
	fs := ruleFindings(t, in, AzureConnection, "guid-case")
	if len(fs) != 2 {
		t.Fatalf("got %v", fs)
	}
	if spanText(in, fs[0]) != `"`+up+`"` || spanText(in, fs[1]) != up {
		t.Errorf("spans %q %q", spanText(in, fs[0]), spanText(in, fs[1]))
	}
	if string(fs[0].Fix.Value) != `"`+tSub+`"` {
		t.Errorf("fix %s", fs[0].Fix.Value)
	}
}
