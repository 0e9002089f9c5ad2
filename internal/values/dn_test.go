package values

import (
	"strings"
	"testing"
)

// rdnString renders a parse as TYPE=decoded values, RDNs joined by " | "
// and AVAs by " & ", to compare against.
func rdnString(d *DN) string {
	var rs []string
	for _, r := range d.RDNs {
		var as []string
		for _, a := range r.AVAs {
			as = append(as, a.Type+"="+a.Value)
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
		d := ParseDN(tc.in)
		if !strings.HasPrefix(tc.want, "!") {
			if !d.OK() {
				t.Errorf("%q: %+v", tc.in, d.Issues)
			} else if got := rdnString(d); got != tc.want {
				t.Errorf("%q:\n got %s\nwant %s", tc.in, got, tc.want)
			}
			continue
		}
		parts := strings.SplitN(tc.want[1:], "!", 2)
		if d.OK() || len(d.Issues) == 0 {
			t.Errorf("%q: parsed as %s, want an error %q", tc.in, rdnString(d), parts[1])
			continue
		}
		is := d.Issues[len(d.Issues)-1]
		if got := tc.in[is.From:is.To]; is.Level != Error || got != parts[0] || !strings.Contains(is.Msg, parts[1]) {
			t.Errorf("%q: got %q at %q, want %q at %q", tc.in, is.Msg, got, parts[1], parts[0])
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
		d := ParseDN(in)
		if !d.OK() || len(d.Issues) != 1 || d.Issues[0].Level != Warning || !strings.Contains(d.Issues[0].Msg, want) {
			t.Errorf("%q: %+v", in, d.Issues)
		}
	}
}

func TestDNEscapeRoundTrip(t *testing.T) {
	for _, v := range []string{"Sales, EMEA", " lead", "trail ", "#hash", `a\b`, `"q"`, "a+b;c<d>e", "日本", "a=b"} {
		d := ParseDN("OU=" + EscapeDN(v))
		if !d.OK() || len(d.RDNs) != 1 || d.RDNs[0].AVAs[0].Value != v {
			t.Errorf("%q → %q → %+v", v, EscapeDN(v), d)
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
		if got, _ := TrimDN(in); got != want {
			t.Errorf("TrimDN(%q) = %q, want %q", in, got, want)
		}
	}
}

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
		got := DNWithoutSpaces(in)
		if got != want {
			t.Errorf("DNWithoutSpaces(%q) = %q, want %q", in, got, want)
		}
		if again := DNWithoutSpaces(got); again != got {
			t.Errorf("not idempotent: %q → %q", got, again)
		}
		// Removing optional spaces never changes what the DN means.
		if a, b := ParseDN(in), ParseDN(got); a.OK() && rdnString(a) != rdnString(b) {
			t.Errorf("%q: meaning changed: %s → %s", in, rdnString(a), rdnString(b))
		}
	}
}
