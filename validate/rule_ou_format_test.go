package validate

import (
	"strings"
	"testing"
)

func TestOUProblems(t *testing.T) {
	for _, tc := range []struct {
		in, domain string
		sev        Severity // 0: no problem
		at, want   string
	}{
		{"OU=Cloud PCs,OU=Devices,DC=corp,DC=contoso,DC=com", "", 0, "", ""},
		{"CN=Computers,DC=contoso,DC=com", "", 0, "", ""},
		{`OU=Sales\, EMEA,OU=R\+D,OU=\23hash,OU=trailing\ ,DC=contoso,DC=com`, "", 0, "", ""},
		{"ou=Sales,dc=contoso,dc=com", "", 0, "", ""},
		{"O=Contoso,C=DE,DC=contoso,DC=com", "", 0, "", ""},
		{"2.5.4.11=Sales,DC=contoso,DC=com", "", 0, "", ""},
		{"OU=" + strings.Repeat("é", 64) + ",DC=contoso,DC=com", "", 0, "", ""},
		{"OU=" + strings.Repeat("é", 65) + ",DC=contoso,DC=com", "", SeverityError, strings.Repeat("é", 65), "64"},
		{"OU=,DC=contoso,DC=com", "", SeverityError, "OU=", "empty value"},
		{"OU=Sales,DC=contoso.com", "", SeverityError, "DC=contoso.com", `"DC=contoso,DC=com"`},
		{"OU=Sales,DC=con_toso,DC=com", "", SeverityError, "_", "not a label"},
		{"OU=Sales,DC=-contoso,DC=com", "", SeverityError, "-", "not a label"},
		{"OU=Sales", "contoso.com", SeverityError, "OU=Sales", `did you mean "OU=Sales,DC=contoso,DC=com"?`},
		{"OU=Sales", "", SeverityError, "OU=Sales", "no DC= components"},
		{"DC=corp,OU=Sales,DC=contoso,DC=com", "", SeverityError, "DC=corp", "come at the end"},
		{"DC=contoso,DC=com", "", SeverityWarning, "DC=contoso,DC=com", "the domain itself"},
		{"OU=A+CN=B,DC=contoso,DC=com", "", SeverityWarning, "OU=A+CN=B", `OU=A\+CN=B`},
		{"OUU=Sales,DC=contoso,DC=com", "", SeverityWarning, "OUU", "did you mean OU?"},
		{"UID=x,DC=contoso,DC=com", "", SeverityWarning, "UID", "does not name OUs"},
		{"OU=#04024869,DC=contoso,DC=com", "", SeverityWarning, "OU=#04024869", "hex-encoded"},
		{`OU="Sales, EMEA",DC=contoso,DC=com`, "", SeverityWarning, `OU="Sales, EMEA"`, "RFC 1779"},
		{"OU=Sales, EMEA,DC=contoso,DC=com", "", SeverityError, "EMEA", `OU=Sales\, EMEA`},
	} {
		_, issues := ouProblems(tc.in, tc.domain)
		if tc.sev == 0 {
			if len(issues) > 0 {
				t.Errorf("%q: %+v", tc.in, issues)
			}
			continue
		}
		found := false
		for _, is := range issues {
			if levelSeverity(is.Level) == tc.sev && tc.in[is.From:is.To] == tc.at && strings.Contains(is.Msg, tc.want) {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: want %s %q at %q, got %+v", tc.in, tc.sev, tc.want, tc.at, issues)
		}
	}
}
