package validate

import (
	"testing"
)

func TestDomainNameSeverityInFindings(t *testing.T) {
	for in, sev := range map[string]Severity{"CONTOSO": SeverityWarning, "corp_ad.contoso.com": SeverityError} {
		fs := ruleFindings(t, `{"displayName": "a", "adDomainName": "`+in+`"}`, OnPremisesConnection, "domain-name")
		if len(fs) != 1 || fs[0].Severity != sev {
			t.Errorf("%q: %v", in, fs)
		}
	}
	if r, _ := LookupRule("domain-name"); r.Severity != SeverityError {
		t.Errorf("catalogue severity %s, want the highest reported (error)", r.Severity)
	}
}
