package validate

import (
	"strings"
	"testing"
)

func TestUsernameSuggestsTheDomain(t *testing.T) {
	for _, tc := range []struct{ domain, want string }{
		{`"contoso001.com"`, `"dcadmin@contoso001.com"`},
		{`"CONTOSO"`, `"dcadmin@contoso.com"`},    // single-label: no suggestion from it
		{`"corp_x.com"`, `"dcadmin@contoso.com"`}, // invalid: no suggestion from it
		{`"String"`, `"dcadmin@contoso.com"`},     // placeholder
		{`null`, `"dcadmin@contoso.com"`},
	} {
		fs := ruleFindings(t, `{"displayName": "a", "adDomainName": `+tc.domain+`, "adDomainUsername": "dcadmin"}`, OnPremisesConnection, "username")
		if len(fs) != 1 || fs[0].Severity != SeverityWarning || !strings.Contains(fs[0].Message, tc.want) {
			t.Errorf("%s: %v", tc.domain, fs)
		}
	}
}
