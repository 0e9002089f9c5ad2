package validate

import (
	"strings"
	"testing"
)

func TestDomainNameProblem(t *testing.T) {
	for _, tc := range []struct {
		in   string
		sev  Severity // 0: valid
		at   string
		want string
	}{
		{"contoso.com", 0, "", ""},
		{"corp.contoso.com", 0, "", ""},
		{"Contoso001.COM", 0, "", ""},
		{"a-b.c-d.example", 0, "", ""},
		{"123.example.com", 0, "", ""},
		{"xn--mller-kva.de", 0, "", ""},
		{strings.Repeat("a", 60) + ".com", 0, "", ""},
		{strings.Repeat("a", 63) + ".com", SeverityWarning, strings.Repeat("a", 63) + ".com", "64"},
		{"", SeverityError, "", "is empty"},
		{"corp..contoso.com", SeverityError, ".", "empty label"},
		{".contoso.com", SeverityError, ".", "empty label"},
		{"contoso.com.", SeverityError, ".", "trailing dot"},
		{"-corp.contoso.com", SeverityError, "-", "starts with a hyphen"},
		{"corp-.contoso.com", SeverityError, "-", "ends with a hyphen"},
		{"corp_ad.contoso.com", SeverityError, "_", "underscore"},
		{"corp ad.contoso.com", SeverityError, " ", "a space"},
		{"müller.de", SeverityError, "ü", "xn--"},
		{strings.Repeat("a", 64) + ".com", SeverityError, strings.Repeat("a", 64), "at most 63"},
		{strings.Repeat(strings.Repeat("a", 60)+".", 4) + strings.Repeat("b", 20), SeverityError, strings.Repeat(strings.Repeat("a", 60)+".", 4) + strings.Repeat("b", 20), "at most 255"},
		{"https://contoso.com/", SeverityError, "https://contoso.com/", `did you mean "contoso.com"`},
		{"admin@contoso.com", SeverityError, "admin@contoso.com", `did you mean "contoso.com"`},
		{`CONTOSO\admin`, SeverityError, `CONTOSO\admin`, "contoso.com"},
		{"10.0.0.4", SeverityError, "10.0.0.4", "IP address"},
		{strings.Repeat("a", 30) + "." + strings.Repeat("b", 30) + ".com", SeverityWarning, strings.Repeat("a", 30) + "." + strings.Repeat("b", 30) + ".com", "limits a domain's DNS name to 64"},
		{"CONTOSO", SeverityWarning, "CONTOSO", "single-label"},
	} {
		is := domainNameProblem(tc.in)
		if tc.sev == 0 {
			if is != nil {
				t.Errorf("%q: want valid, got %q", tc.in, is.why)
			}
			continue
		}
		if is == nil {
			t.Errorf("%q: valid, want %q", tc.in, tc.want)
			continue
		}
		if got := tc.in[is.from:is.to]; is.sev != tc.sev || got != tc.at || !strings.Contains(is.why, tc.want) {
			t.Errorf("%q: got %s %q at %q, want %s %q at %q", tc.in, is.sev, is.why, got, tc.sev, tc.want, tc.at)
		}
	}
}

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
