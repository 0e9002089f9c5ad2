package validate

import (
	"strings"
	"testing"
)

func TestDNWithoutSpaces(t *testing.T) {
	for in, want := range map[string]string{
		"OU=Domain Controllers, DC=contoso001, DC=com": "OU=Domain Controllers,DC=contoso001,DC=com",
		"OU = Sales , DC = x":                          "OU=Sales,DC=x",
		"OU=A + CN=B,DC=x":                             "OU=A+CN=B,DC=x",
		`OU=Sales\  , DC=x`:                            `OU=Sales\ ,DC=x`, // the escaped space stays
		`OU=\  a,DC=x`:                                 `OU=\  a,DC=x`,    // inner spaces after an escaped space stay
		`OU=a \\ , DC=x`:                               `OU=a \\,DC=x`,    // inner space before an escaped backslash stays
		`OU="Sales, EMEA" , DC=x`:                      `OU="Sales, EMEA",DC=x`,
		"OU=#0402 , DC=x":                              "OU=#0402,DC=x",
		"OU=Sales; DC=x":                               "OU=Sales;DC=x",
		"OU=Cloud PCs,DC=x":                            "OU=Cloud PCs,DC=x",   // inner spaces stay
		"OU=Sales, EMEA,DC=x":                          "OU=Sales, EMEA,DC=x", // not a DN: unchanged
		"":                                             "",
	} {
		got := dnWithoutSpaces(in)
		if got != want {
			t.Errorf("dnWithoutSpaces(%q) = %q, want %q", in, got, want)
		}
		if again := dnWithoutSpaces(got); again != got {
			t.Errorf("not idempotent: %q → %q", got, again)
		}
		// Removing optional spaces never changes what the DN means.
		if a, b := parseDN(in), parseDN(got); a.ok() && rdnString(a) != rdnString(b) {
			t.Errorf("%q: meaning changed: %s → %s", in, rdnString(a), rdnString(b))
		}
	}
}

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
