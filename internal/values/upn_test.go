package values

import (
	"strings"
	"testing"
)

func TestUPNProblem(t *testing.T) {
	for _, tc := range []struct {
		in, domain string
		at, want   string // want "" for a UPN
	}{
		{"admin@contoso.com", "", "", ""},
		{"svcDomainJoin@corp.contoso.com", "corp.contoso.com", "", ""},
		{"first.last@contoso.onmicrosoft.com", "corp.contoso.com", "", ""}, // another UPN suffix is fine
		{"admin@contoso", "", "", ""},                                      // a single-label UPN suffix exists in AD
		{"dcadmin", "contoso001.com", "dcadmin", `did you mean "dcadmin@contoso001.com"?`},
		{"dcadmin", "", "dcadmin", `e.g. "dcadmin@contoso.com"`},
		{`CONTOSO\admin`, "contoso.com", `CONTOSO\admin`, `did you mean "admin@contoso.com"?`},
		{`CONTOSO\admin`, "", `CONTOSO\admin`, "down-level logon name"},
		{`CONTOSO\`, "", `CONTOSO\`, "down-level"},
		{"", "contoso.com", "", "is empty"},
		{"a@b@contoso.com", "", "@", "more than one '@'"},
		{"@contoso.com", "", "@", "nothing before '@'"},
		{"admin@", "corp.contoso.com", "@", `did you mean "admin@corp.contoso.com"?`},
		{"admin@contoso..com", "", ".", "not a DNS name"},
		{"admin@contoso_ad.com", "", "_", "not a DNS name"},
		{"ad min@contoso.com", "", " ", "a space"},
	} {
		from, to, why := UPNProblem(tc.in, tc.domain)
		if tc.want == "" {
			if why != "" {
				t.Errorf("%q: want a UPN, got %q", tc.in, why)
			}
			continue
		}
		if got := tc.in[from:to]; got != tc.at || !strings.Contains(why, tc.want) {
			t.Errorf("%q: got %q at %q, want %q at %q", tc.in, why, got, tc.want, tc.at)
		}
	}
}
