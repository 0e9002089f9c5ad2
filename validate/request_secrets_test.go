package validate

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// formSecretTemplate is a .http file with a secret in every place SPEC §12
// names: the password in a body, an Authorization header, a secret
// variable, a client_secret form field and a token in a query. (The
// password's copies in other values are the body engine's concern, tested
// with the JSON form.)
const formSecretTemplate = `@client_secret = SECRET1
@graph = https://graph.microsoft.com/beta

### token
POST https://login.microsoftonline.com/contoso/oauth2/v2.0/token?refresh_token=SECRET2
Content-Type: application/x-www-form-urlencoded

grant_type=client_credentials&client_id=abc&client_secret=SECRET3

### update
PATCH {{graph}}/deviceManagement/virtualEndpoint/onPremisesConnections/{{client_secret}}?api_key=SECRET2
Authorization: Bearer SECRET4
Content-Type: application/json
Content-Length: 1

{
  "adDomainPassword": "SECRET5",
  "displayName": " Contoso ",
  "organizationalUnit": "OU=Cloud PCs, DC=contoso, DC=com"
}
`

// secretInForms puts the template in each request form.
func secretInForms(s func(i int) string) map[string][]byte {
	http := formSecretTemplate
	for i := 1; i <= 5; i++ {
		http = strings.ReplaceAll(http, "SECRET"+string(rune('0'+i)), s(i))
	}
	md := "# Runbook\n\n```http\n" + strings.SplitN(http, "### update\n", 2)[1] + "```\n"
	md = strings.Replace(md, "{{graph}}", "https://graph.microsoft.com/beta", 1)
	return map[string][]byte{"http-file": []byte(http), "markdown": []byte(md), "crlf": bytes.ReplaceAll([]byte(http), []byte("\n"), []byte("\r\n"))}
}

// checkNoSecret fails when any secret appears in a message, pointer, fix
// value, request URL, in Redact of the input or of the normalized text, or
// in the Request view.
func checkNoSecret(t *testing.T, name string, in []byte, secrets []string) {
	t.Helper()
	res := Lint(in, Options{})
	if len(res.Requests) == 0 {
		t.Fatalf("%s: no request linted", name)
	}
	var shown []string
	for _, f := range res.Findings {
		shown = append(shown, f.Message, f.Pointer)
		if f.Fix != nil {
			shown = append(shown, string(f.Fix.Value))
		}
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
	shown = append(shown, string(Redact(in, "")), string(Redact(res.Normalized, "")))
	for _, s := range secrets {
		for _, x := range shown {
			if strings.Contains(x, s) {
				t.Errorf("%s: secret %q shown in:\n%s", name, s, x)
			}
		}
	}
}

func TestFormSecrets(t *testing.T) {
	secrets := func(i int) string { return "Zq9-secret-value-" + string(rune('a'+i)) }
	var all []string
	for i := 1; i <= 5; i++ {
		all = append(all, secrets(i))
	}
	for name, in := range secretInForms(secrets) {
		checkNoSecret(t, name, in, all)
	}
}

// FuzzFormSecrets places random secrets in every secret place of every
// request form and checks that none gets out.
func FuzzFormSecrets(f *testing.F) {
	f.Add("Pa55word!", "eyJ0eXAi.abc", "cl-secret~1")
	f.Add("p\\\"w", "tok en", "s&t")
	f.Fuzz(func(t *testing.T, pw, token, secret string) {
		for _, s := range []string{pw, token, secret} {
			if len(s) < 4 || strings.ContainsAny(s, "\"\\\r\n&#?{}%= \t") || !isPrintable(s) {
				return
			}
		}
		if isStandIn(pw) {
			return // shown as written (TestStandInPasswords)
		}
		vals := map[int]string{1: secret, 2: token, 3: secret, 4: token, 5: pw}
		forms := secretInForms(func(i int) string { return vals[i] })
		for name, in := range forms {
			if bytes.Count(in, []byte(pw)) != 1 {
				return // the password collides with other text
			}
			checkNoSecret(t, name, in, []string{pw, token, secret})
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
