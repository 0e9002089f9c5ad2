package values

import (
	"strings"
	"testing"
)

func TestDomainNameProblem(t *testing.T) {
	for _, tc := range []struct {
		in   string
		sev  Level // 0: valid
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
		{strings.Repeat("a", 63) + ".com", Warning, strings.Repeat("a", 63) + ".com", "64"},
		{"", Error, "", "is empty"},
		{"corp..contoso.com", Error, ".", "empty label"},
		{".contoso.com", Error, ".", "empty label"},
		{"contoso.com.", Error, ".", "trailing dot"},
		{"-corp.contoso.com", Error, "-", "starts with a hyphen"},
		{"corp-.contoso.com", Error, "-", "ends with a hyphen"},
		{"corp_ad.contoso.com", Error, "_", "underscore"},
		{"corp ad.contoso.com", Error, " ", "a space"},
		{"müller.de", Error, "ü", "xn--"},
		{strings.Repeat("a", 64) + ".com", Error, strings.Repeat("a", 64), "at most 63"},
		{strings.Repeat(strings.Repeat("a", 60)+".", 4) + strings.Repeat("b", 20), Error, strings.Repeat(strings.Repeat("a", 60)+".", 4) + strings.Repeat("b", 20), "at most 255"},
		{"https://contoso.com/", Error, "https://contoso.com/", `did you mean "contoso.com"`},
		{"admin@contoso.com", Error, "admin@contoso.com", `did you mean "contoso.com"`},
		{`CONTOSO\admin`, Error, `CONTOSO\admin`, "contoso.com"},
		{"10.0.0.4", Error, "10.0.0.4", "IP address"},
		{strings.Repeat("a", 30) + "." + strings.Repeat("b", 30) + ".com", Warning, strings.Repeat("a", 30) + "." + strings.Repeat("b", 30) + ".com", "limits a domain's DNS name to 64"},
		{"CONTOSO", Warning, "CONTOSO", "single-label"},
	} {
		is := DomainNameProblem(tc.in)
		if tc.sev == 0 {
			if is != nil {
				t.Errorf("%q: want valid, got %q", tc.in, is.Msg)
			}
			continue
		}
		if is == nil {
			t.Errorf("%q: valid, want %q", tc.in, tc.want)
			continue
		}
		if got := tc.in[is.From:is.To]; is.Level != tc.sev || got != tc.at || !strings.Contains(is.Msg, tc.want) {
			t.Errorf("%q: got level %d %q at %q, want level %d %q at %q", tc.in, is.Level, is.Msg, got, tc.sev, tc.want, tc.at)
		}
	}
}
