package validate

import "testing"

func TestOUDomainMismatch(t *testing.T) {
	for _, tc := range []struct {
		domain, ou string
		at         string // "" for no finding
	}{
		{"contoso.com", "OU=Sales,DC=contoso,DC=com", ""},
		{"Contoso.COM", "OU=Sales,dc=CONTOSO,dc=com", ""},
		{"contoso.com", "CN=Computers,DC=contoso,DC=com", ""},
		{"contoso.com", "OU=Sales,DC=contoso,DC=net", "DC=contoso,DC=net"},
		{"corp.contoso.com", "OU=Sales,DC=contoso,DC=com", "DC=contoso,DC=com"},
		{"contoso.com", "OU=Sales,DC=corp,DC=contoso,DC=com", "DC=corp,DC=contoso,DC=com"},
		{"contoso.com", `OU=DC\=x,DC=contoso,DC=com`, ""}, // an escaped DC= inside a name is a name
		// not both valid: no comparison
		{"corp_x.com", "OU=Sales,DC=contoso,DC=com", ""},
		{"contoso.com", "OU=Sales,DC=contoso.net", ""},
		{"contoso.com", "OU=Sales", ""},
		{"Active Directory Domain Name value", "OU=Sales,DC=x,DC=y", ""},
		{"contoso.com", "Organization Unit value", ""},
	} {
		in := `{"displayName": "a", "adDomainName": "` + tc.domain + `", "organizationalUnit": "` + tc.ou + `"}`
		for _, target := range []Target{AzureConnection, OnPremisesConnection} {
			fs := ruleFindings(t, in, target, "ou-domain-mismatch")
			switch {
			case tc.at == "" && len(fs) != 0:
				t.Errorf("%s / %s: unexpected %v", tc.domain, tc.ou, fs)
			case tc.at != "" && (len(fs) != 1 || spanText(in, fs[0]) != tc.at || fs[0].Severity != SeverityWarning):
				t.Errorf("%s / %s: got %v, want one at %q", tc.domain, tc.ou, fs, tc.at)
			}
		}
	}
}
