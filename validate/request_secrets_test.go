package validate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// formSecretTemplate is a .http file of three requests with a secret in
// every place the README lists (SPEC §12, issue 24): S1 the password of
// the first request; S2 a file variable; S3 a bearer token; S4 a header
// named like X_Api_Key; S5 a percent-encoded query name; S6 a fragment
// field; S7 a userinfo password; S8 a request-level variable; S9 a
// variable holding the whole Authorization value; S10 a ';' field; S11 a
// form field; S12 a JSON token body's client_secret; S13 "@ name = v";
// S14 a bare "name = v" line of a form body. The second request's body and URL repeat
// them where no secret is expected, so each is masked across requests.
const formSecretTemplate = `@clientSecret = S2
@auth = Bearer S9
@ client_secret = S13

### rotate
POST https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/onPremisesConnections/9ec90ff8-fd63-4fb9-ab5a-aa4fdccf1234/updateAdDomainPassword
Authorization: Bearer S3
X_Api_Key: S4
Content-Type: application/json

{"adDomainPassword": "S1"}

### update
@apiKey = S8
PATCH https://admin:S7@graph.microsoft.com/S2/deviceManagement/virtualEndpoint/onPremisesConnections/9ec90ff8-fd63-4fb9-ab5a-aa4fdccf1234?access%5Ftoken=S5;token=S10#access_token=S6
Authorization: {{auth}}
Content-Type: application/json
Content-Length: 1

{
  "displayName": " S1 ",
  "connectionType": "S1",
  "healthCheckStatus": "S3",
  "adDomainUsername": "S4",
  "organizationalUnit": "OU=S8,DC=contoso,DC=com",
  "S9": "S10",
  "adDomainName": "S11",
  "resourceGroupId": "S12",
  "subnetId": "S13",
  "virtualNetworkId": "S14",
  "value": {"DisplayName": "S2", "healthCheckStatusDetails": "S5", "S6": "S7"}
}

### token
POST https://login.microsoftonline.com/contoso/oauth2/v2.0/token
Content-Type: application/x-www-form-urlencoded

grant_type=client_credentials&client_id=abc&password=S11
client_secret = S14

### token as JSON
POST https://login.microsoftonline.com/contoso/oauth2/v2.0/token
Content-Type: application/json

{"client_id": "abc", "client_secret": "S12"}
`

// secretPlaces is how many secrets the template holds.
const secretPlaces = 14

// secretInForms puts the template in each request form: the .http file,
// its CRLF copy, and Markdown with one fence per request (fences hold
// .http syntax, the variables in the first).
func secretInForms(s func(i int) string) map[string][]byte {
	http := formSecretTemplate
	for i := secretPlaces; i >= 1; i-- {
		http = strings.ReplaceAll(http, fmt.Sprintf("S%d", i), s(i))
	}
	parts := strings.Split(http, "\n### ")
	parts = append([]string{parts[0] + "\n### " + parts[1]}, parts[2:]...)
	var md strings.Builder
	md.WriteString("# Runbook\n\n")
	for i, r := range parts {
		if i > 0 {
			r = "### " + r
		}
		fmt.Fprintf(&md, "Step %d:\n\n```http\n%s```\n\n", i+1, r)
	}
	return map[string][]byte{
		"http-file": []byte(http),
		"markdown":  []byte(md.String()),
		"crlf":      bytes.ReplaceAll([]byte(http), []byte("\n"), []byte("\r\n")),
	}
}

// formOf is the form of each of secretInForms' texts, as a file name says.
var formOf = map[string]Form{"http-file": FormHTTPFile, "crlf": FormHTTPFile, "markdown": FormMarkdown}

// shownByLint is every text of a Result that people see: messages,
// pointers, fix values (in findings and in Fixes), request URLs and their
// JSON, the Request view, and Redact of the input and of the normalized
// text (what snippets, SARIF and --diff show).
func shownByLint(in []byte, res Result) []string {
	var shown []string
	for _, f := range res.Findings {
		shown = append(shown, f.Message, f.Pointer)
		if f.Fix != nil {
			b, _ := json.Marshal(f.Fix)
			shown = append(shown, string(b))
		}
	}
	for _, fx := range res.Fixes {
		b, _ := json.Marshal(fx)
		shown = append(shown, string(b))
	}
	for _, r := range res.Requests {
		b, _ := json.Marshal(r)
		shown = append(shown, r.URL, string(b))
		v := RenderCalls(r, CallOptions{})
		shown = append(shown, v.Note)
		for _, c := range append(v.Calls, v.Live...) {
			shown = append(shown, c.Text)
		}
	}
	return append(shown, string(Redact(in, "")), string(Redact(res.Normalized, "")))
}

// checkNoSecret fails when any secret appears in what Lint shows.
func checkNoSecret(t *testing.T, name string, in []byte, secrets []string) {
	t.Helper()
	res := Lint(in, Options{Form: formOf[name]})
	if len(res.Requests) < 2 {
		t.Fatalf("%s: %d requests linted, want 2 or more", name, len(res.Requests))
	}
	for _, x := range shownByLint(in, res) {
		for _, s := range secrets {
			if strings.Contains(x, s) {
				t.Errorf("%s: secret %q shown in:\n%s", name, s, x)
			}
		}
	}
}

// distinctSecrets derives the template's secrets from base: none contains
// another, so masking one never hides another's leak.
func distinctSecrets(base string) []string {
	out := make([]string, secretPlaces+1)
	for i := 1; i <= secretPlaces; i++ {
		c := string(rune('a' + i))
		out[i] = "Q" + c + base + c + "Z"
	}
	return out
}

func TestFormSecrets(t *testing.T) {
	s := distinctSecrets("9-secret-value")
	for name, in := range secretInForms(func(i int) string { return s[i] }) {
		checkNoSecret(t, name, in, s[1:])
	}
}

// TestFormSecretGrammar: values are masked whole, by the grammar they come
// from: a form value runs to '&' (past '#', spaces and quotes), a header
// value to the line end; names match after percent-decoding and
// case-folding.
func TestFormSecretGrammar(t *testing.T) {
	const body = "{\n  \"displayName\": \"Contoso\"\n}\n"
	const req = "PATCH https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/onPremisesConnections/9ec90ff8-fd63-4fb9-ab5a-aa4fdccf1234\nContent-Type: application/json\n\n" + body
	cases := []struct{ framing, secret string }{
		{"POST https://login.example.com/t\n\npassword=Pa#ssW0rdTail&x=1\n", "ssW0rdTail"},
		{"POST https://login.example.com/t\n\nx=1&password=with space\"quoteTail\n", "quoteTail"},
		{"POST https://login.example.com/t\n\naccess%5Ftoken=PctTokenTail\n", "PctTokenTail"},
		{"POST https://login.example.com/t\n\nCLIENT%5FSECRET=UpperPctTail\n", "UpperPctTail"},
		{"POST https://login.example.com/t\nX_Api_Key: under score tail\n", "under score tail"},
		{"POST https://login.example.com/t\nAuthorization: Basic QWxhZGRpbjpvcGVu\n", "QWxhZGRpbjpvcGVu"},
		{"GET https://login.example.com/t?a=1;session_token=SemiColonTail\n", "SemiColonTail"},
	}
	for _, c := range cases {
		in := []byte("### a\n" + c.framing + "\n### b\n" + req)
		res := Lint(in, Options{})
		for _, x := range shownByLint(in, res) {
			if strings.Contains(x, c.secret) {
				t.Errorf("%q: %q shown in:\n%s", c.framing, c.secret, x)
			}
		}
		if !bytes.Contains(in, []byte(c.secret)) {
			t.Fatalf("%q: the case does not hold its secret", c.framing)
		}
	}
}

// FuzzFormSecrets places random secrets in every secret place of every
// request form, across three requests, and checks that none gets out of
// any output Lint gives (the CLI's outputs are built from these; its
// TestNoSecretLeakForms runs every format on the same shapes).
func FuzzFormSecrets(f *testing.F) {
	f.Add("Pa55word!")
	f.Add("eyJ0eXAi.abc")
	f.Add("cl-secret~1")
	f.Fuzz(func(t *testing.T, base string) {
		if len(base) < 2 || strings.ContainsAny(base, "\"\\\r\n&#?{}%=; \t/:@,+") || !isPrintable(base) {
			return
		}
		s := distinctSecrets(base)
		for name, in := range secretInForms(func(i int) string { return s[i] }) {
			checkNoSecret(t, name, in, s[1:])
		}
	})
}

func isPrintable(s string) bool {
	for _, r := range s {
		if r < 0x21 || r > 0x7e {
			return false
		}
	}
	return true
}
