package validate

import (
	"strings"
	"testing"
)

func TestOUSpacingFinding(t *testing.T) {
	in := `{"displayName": "a", "organizationalUnit": "OU=Domain Controllers, DC=contoso001, DC=com"}`
	fs := ruleFindings(t, in, OnPremisesConnection, "ou-spacing")
	if len(fs) != 1 || spanText(in, fs[0]) != " " || fs[0].Start.Column != 67 || !fs[0].Fixable {
		t.Fatalf("got %v", fs)
	}
	if string(fs[0].Fix.Value) != `"OU=Domain Controllers,DC=contoso001,DC=com"` {
		t.Errorf("fix %s", fs[0].Fix.Value)
	}
	// Composes with whitespace trimming.
	in = `{"displayName": "a", "organizationalUnit": "  OU=A , DC=b "}`
	res := Lint([]byte(in), Options{})
	if !strings.Contains(string(res.Normalized), `"OU=A,DC=b"`) {
		t.Errorf("normalized %s", res.Normalized)
	}
	// A DN with a syntax error gets ou-format, not ou-spacing.
	if fs := ruleFindings(t, `{"organizationalUnit": "OU=a, ,DC=b"}`, AzureConnection, "ou-spacing", "ou-format"); len(fs) != 1 || fs[0].Rule != "ou-format" {
		t.Errorf("got %v", fs)
	}
}
