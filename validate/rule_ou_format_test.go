package validate

import (
	"strings"
	"testing"
)

// rdnString renders a parse as TYPE=decoded values, RDNs joined by " | "
// and AVAs by " & ", to compare against.
func rdnString(d *dnParse) string {
	var rs []string
	for _, r := range d.rdns {
		var as []string
		for _, a := range r.avas {
			as = append(as, a.typ+"="+a.value)
		}
		rs = append(rs, strings.Join(as, " & "))
	}
	return strings.Join(rs, " | ")
}

func TestParseDN(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // the decoded RDNs; for a syntax error: "!" + the span + "!" + part of the message
	}{
		{"OU=Sales,DC=contoso,DC=com", "OU=Sales | DC=contoso | DC=com"},
		{"OU=OU1,OU=OU2,OU=OU3,DC=DC1", "OU=OU1 | OU=OU2 | OU=OU3 | DC=DC1"},
		{"ou=Cloud PCs,dc=contoso,dc=com", "ou=Cloud PCs | dc=contoso | dc=com"},
		{`OU=Sales\, EMEA,DC=contoso,DC=com`, "OU=Sales, EMEA | DC=contoso | DC=com"},
		{`OU=A+CN=B,DC=contoso,DC=com`, "OU=A & CN=B | DC=contoso | DC=com"},
		{`OU=R\+D,DC=x`, "OU=R+D | DC=x"},
		{`OU=\23hash,DC=x`, "OU=#hash | DC=x"},
		{`OU=\#hash,DC=x`, "OU=#hash | DC=x"},
		{`OU=trailing\ ,DC=x`, "OU=trailing  | DC=x"},
		{`OU=trailing\ `, "OU=trailing "},
		{`OU=\ leading,DC=x`, "OU= leading | DC=x"},
		{`OU=a\\b,DC=x`, `OU=a\b | DC=x`},
		{`OU=\"quoted\" \<x\> \;,DC=x`, `OU="quoted" <x> ; | DC=x`},
		{`OU=Caf\C3\A9,DC=x`, "OU=Café | DC=x"},
		{`OU=Café,DC=x`, "OU=Café | DC=x"},
		{`OU=日本,DC=x`, "OU=日本 | DC=x"},
		{`OU=a=b,DC=x`, "OU=a=b | DC=x"}, // '=' needs no escape in a value
		{`OU=a#b,DC=x`, "OU=a#b | DC=x"}, // nor a '#' that does not lead
		{`OU=\=,DC=x`, "OU== | DC=x"},
		{`OU=,DC=x`, "OU= | DC=x"}, // empty value: syntax allows it (ou-format reports it)
		{`2.5.4.11=Sales,0.9.2342.19200300.100.1.25=x`, "2.5.4.11=Sales | 0.9.2342.19200300.100.1.25=x"},
		{`OU=#04024869,DC=x`, "OU=#04024869 | DC=x"},
		{`OU="Sales, EMEA",DC=x`, "OU=Sales, EMEA | DC=x"},
		{`OU="a\"b",DC=x`, `OU=a"b | DC=x`},
		{`OU=Sales;DC=x`, "OU=Sales | DC=x"},
		// spaces around separators (RFC 1779): parsed, recorded for ou-spacing
		{"OU=Domain Controllers, DC=contoso001, DC=com", "OU=Domain Controllers | DC=contoso001 | DC=com"},
		{"OU = Sales , DC = x", "OU=Sales | DC=x"},
		{"OU=A + CN=B,DC=x", "OU=A & CN=B | DC=x"},
		{`OU=a\  , DC=x`, "OU=a  | DC=x"},
		// syntax errors
		{"", "!!is empty"},
		{"Sales", "!Sales!without '='"},
		{"OU=Sales, EMEA,DC=x", "!EMEA!escape it: OU=Sales\\, EMEA"},
		{"OU=R+D,DC=x", `!D!escape it: OU=R\+D`},
		{"OU:Sales,DC=x", "!:!where '=' belongs"},
		{"O U=Sales", "!U!inside the attribute type"},
		{"0U=Sales", "!0U!did you mean OU?"},
		{"O.U=Sales", "!O.U!numeric OID"},
		{"1.02.3=x", "!1.02.3!numeric OID"},
		{"=Sales", "!=!attribute type belongs"},
		{",OU=Sales", "!,!starts with ','"},
		{"OU=a,,DC=x", "!,!empty RDN"},
		{"OU=a,", "!,!ends with ','"},
		{"OU=a+", "!+!ends with '+'"},
		{`OU=a\`, `!\!lone '\'`},
		{`OU=a\q,DC=x`, `!\q!not an escape`},
		{`OU=a\4,DC=x`, `!\4!not an escape`},
		{`OU=a<b,DC=x`, "!<!unescaped '<'"},
		{`OU=a"b,DC=x`, `!"!unescaped '"'`},
		{`OU=#hash,DC=x`, `!#!escape it: OU=\#hash`},
		{`OU=#0402 x,DC=x`, `!x!after the value`},
		{`OU=#040,DC=x`, `!#!hex-encoded BER`},
		{`OU="open,DC=x`, `!"open,DC=x!without a closing one`},
		{`OU="a"b,DC=x`, `!b!after the value`},
		{`OU=\C3,DC=x`, `!\C3!UTF-8`},
		{"OU=a\x00b", "!\x00!NUL"},
	} {
		d := parseDN(tc.in)
		if !strings.HasPrefix(tc.want, "!") {
			if !d.ok() {
				t.Errorf("%q: %+v", tc.in, d.issues)
			} else if got := rdnString(d); got != tc.want {
				t.Errorf("%q:\n got %s\nwant %s", tc.in, got, tc.want)
			}
			continue
		}
		parts := strings.SplitN(tc.want[1:], "!", 2)
		if d.ok() || len(d.issues) == 0 {
			t.Errorf("%q: parsed as %s, want an error %q", tc.in, rdnString(d), parts[1])
			continue
		}
		is := d.issues[len(d.issues)-1]
		if got := tc.in[is.from:is.to]; is.sev != SeverityError || got != parts[0] || !strings.Contains(is.msg, parts[1]) {
			t.Errorf("%q: got %q at %q, want %q at %q", tc.in, is.msg, got, parts[1], parts[0])
		}
	}
}

func TestParseDNWarnings(t *testing.T) {
	for in, want := range map[string]string{
		`OU="Sales, EMEA",DC=x`: `OU=Sales\, EMEA`,
		`OU=" lead",DC=x`:       `OU=\ lead`,
		"OU=Sales;DC=x":         "write ','",
		"OU=a;OU=b;DC=x":        "(2 times)",
	} {
		d := parseDN(in)
		if !d.ok() || len(d.issues) != 1 || d.issues[0].sev != SeverityWarning || !strings.Contains(d.issues[0].msg, want) {
			t.Errorf("%q: %+v", in, d.issues)
		}
	}
}

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
			if is.sev == tc.sev && tc.in[is.from:is.to] == tc.at && strings.Contains(is.msg, tc.want) {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: want %s %q at %q, got %+v", tc.in, tc.sev, tc.want, tc.at, issues)
		}
	}
}

func TestDNEscapeRoundTrip(t *testing.T) {
	for _, v := range []string{"Sales, EMEA", " lead", "trail ", "#hash", `a\b`, `"q"`, "a+b;c<d>e", "日本", "a=b"} {
		d := parseDN("OU=" + dnEscape(v))
		if !d.ok() || len(d.rdns) != 1 || d.rdns[0].avas[0].value != v {
			t.Errorf("%q → %q → %+v", v, dnEscape(v), d)
		}
	}
}

func TestDNTrim(t *testing.T) {
	for in, want := range map[string]string{
		"  OU=a,DC=b  ":   "OU=a,DC=b",
		`OU=a\ `:          `OU=a\ `,
		`OU=a\   `:        `OU=a\ `,
		`OU=a\\ `:         `OU=a\\`,
		"\tOU=a\\ \t":     "OU=a\\ ",
		"":                "",
		`OU=trailing\ ,x`: `OU=trailing\ ,x`,
	} {
		if got, _ := dnTrim(in); got != want {
			t.Errorf("dnTrim(%q) = %q, want %q", in, got, want)
		}
	}
}
