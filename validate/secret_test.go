package validate

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/azconn/azconn/internal/secrets"
	"github.com/azconn/azconn/internal/values"
)

// secretForms returns the forms of pw that must not appear: decoded, JSON
// escaped, and RFC 6901 escaped.
func secretForms(pw string) []string {
	q := quoteJSON(pw)
	return []string{pw, q[1 : len(q)-1], escapePointer(pw)}
}

// leak returns the first output of res that carries one of forms: a
// message, pointer, or fix (of a finding or of Result.Fixes), as a token
// when whole is set (short passwords), else anywhere.
func leak(res Result, forms []string, whole bool) string {
	has := func(s string) bool {
		for _, f := range forms {
			if whole {
				if hasToken(s, f) || strings.Contains(s+"/", "/"+f+"/") {
					return true
				}
			} else if strings.Contains(s, f) {
				return true
			}
		}
		return false
	}
	fix := func(f *Fix) string {
		if f == nil {
			return ""
		}
		if has(f.Path) || has(f.From) || has(string(f.Value)) {
			b, _ := json.Marshal(f)
			return string(b)
		}
		return ""
	}
	for _, f := range res.Findings {
		if has(f.Message) {
			return f.Rule + " message: " + f.Message
		}
		if has(f.Pointer) {
			return f.Rule + " pointer: " + f.Pointer
		}
		if s := fix(f.Fix); s != "" {
			return f.Rule + " fix: " + s
		}
	}
	for i := range res.Fixes {
		if s := fix(&res.Fixes[i]); s != "" {
			return "Fixes: " + s
		}
	}
	return ""
}

// TestPasswordGetsOut holds the engine's reproductions of issue 10 ("The
// password gets out"): none of them may carry the password out of Lint.
func TestPasswordGetsOut(t *testing.T) {
	for _, tc := range []struct {
		name, in, pw string
		onPrem       bool
	}{
		{"quote and backslash in the OU", `{"adDomainPassword":"Pa\"ss\\wd-77q","organizationalUnit":"Pa\"ss\\wd-77q"}`, `Pa"ss\wd-77q`, false},
		{"fix value, key and pointer", `{"adDomainPassword":"S3cretPW-91xq","displayName":" S3cretPW-91xq ","S3cretPW-91xq":1}`, "S3cretPW-91xq", false},
		{"misspelt key", `{"adDomainPasword":"S3cretPW-91xq","displayName":" S3cretPW-91xq "}`, "S3cretPW-91xq", false},
		{"miscased key", `{"ADDOMAINPASSWORD":"S3cretPW-91xq","organizationalUnit":"S3cretPW-91xq"}`, "S3cretPW-91xq", false},
		{"key inside an object-valued password", `{"adDomainPassword":{"k9x":1,"k9x":2}}`, "k9x", false},
		{"username is the password", `{"adDomainPassword":"C0rp\\Wint3r","adDomainUsername":"C0rp\\Wint3r","adDomainName":"corp.contoso.com"}`, `C0rp\Wint3r`, false},
		{"username contains the password", `{"adDomainPassword":"Wint3r","adDomainUsername":"C0rp\\Wint3r"}`, `Wint3r`, false},
		{"short password as a key", `{"adDomainPassword":"ab","ab":1}`, "ab", false},
		{"one-character password as a value", `{"adDomainPassword":"x","healthCheckStatus":"x"}`, "x", false},
		{"password in the domain name", `{"adDomainPassword":"S3cret.PW","adDomainName":"S3cret.PW"}`, "S3cret.PW", false},
		{"password in a resource ID", `{"adDomainPassword":"S3cretPW-91xq","resourceGroupId":"/subscriptions/S3cretPW-91xq/resourceGroups/rg"}`, "S3cretPW-91xq", false},
		{"password as an enum value", `{"adDomainPassword":"Passed","healthCheckStatus":"Passed"}`, "Passed", false},
		{"displayName with spaces", `{"adDomainPassword":"my pass word","displayName":"  my pass word  "}`, "my pass word", false},
		{"password in a slash key", `{"adDomainPassword":"a/b~c","a/b~c":1}`, "a/b~c", false},
		{"on-premises: password in a health check", `{"adDomainPassword":"S3cretPW-91xq","healthCheckStatusDetail":{"healthChecks":[{"displayName":" S3cretPW-91xq ","status":"S3cretPW-91xq"}]}}`, "S3cretPW-91xq", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := Options{}
			if tc.onPrem {
				opts.Target = OnPremisesConnection
			}
			res := Lint([]byte(tc.in), opts)
			whole := len([]rune(tc.pw)) < secrets.FreeMin
			if l := leak(res, secretForms(tc.pw), whole); l != "" {
				t.Errorf("leaks: %s", l)
			}
			if tc.name == "username is the password" {
				if l := leak(res, []string{"Wint3r"}, false); l != "" {
					t.Errorf("a suggestion built from the password: %s", l)
				}
			}
			for _, b := range [][]byte{Redact([]byte(tc.in), opts.Target), Redact(res.Normalized, opts.Target)} {
				for _, f := range secretForms(tc.pw) {
					if whole && hasToken(string(b), f) || !whole && strings.Contains(string(b), f) {
						t.Errorf("Redact leaves %q in %s", f, b)
					}
				}
			}
		})
	}
}

// TestNullPasswordStaysNull: a null password is no secret and no mask.
func TestNullPasswordStaysNull(t *testing.T) {
	in := `{"adDomainPassword": null, "displayName": "a"}`
	if got := string(Redact([]byte(in), AzureConnection)); got != in {
		t.Errorf("Redact: %s", got)
	}
	res := Lint([]byte(in), Options{})
	for _, f := range res.Findings {
		if strings.Contains(f.Message, RedactMask) || strings.Contains(f.Pointer, RedactMask) {
			t.Errorf("masked: %s", f)
		}
	}
}

// TestSecretKeepsEdits: Result keeps the raw edit (user data, like
// Normalized) while the fix value is masked.
func TestSecretKeepsEdits(t *testing.T) {
	in := `{"adDomainPassword":"S3cretPW-91xq","displayName":"Contoso S3cretPW-91xq "}`
	res := Lint([]byte(in), Options{})
	for _, f := range res.Findings {
		if f.Rule == "whitespace" {
			t.Fatalf("a value holding the password got a finding: %s", f)
		}
	}
	if res.Changed {
		t.Errorf("a value holding the password was changed:\n%s", res.Normalized)
	}
}

// TestPropertyNamesNeverMasked: a password that spells a property name
// leaves the name in messages and pointers.
func TestPropertyNamesNeverMasked(t *testing.T) {
	res := Lint([]byte(`{"adDomainPassword":"displayName","displayName":"  a"}`), Options{})
	found := false
	for _, f := range res.Findings {
		if f.Pointer == "/displayName" && strings.Contains(f.Message, "displayName") {
			found = true
		}
	}
	if !found {
		t.Errorf("displayName was masked: %v", res.Findings)
	}
}

// TestNoSuggestionFromThePassword: a key spelling the password gets no
// "did you mean" (it would say what the password nearly is).
func TestNoSuggestionFromThePassword(t *testing.T) {
	res := Lint([]byte(`{"adDomainPassword":"displayNme","displayNme":1}`), Options{})
	for _, f := range res.Findings {
		if strings.Contains(f.Message, "did you mean") || strings.Contains(f.Message, "displayNme") {
			t.Errorf("%s", f)
		}
	}
}

// TestStandInPasswords: a password that stands in for one (a documentation
// placeholder, a type name, a template reference) is no secret: it and
// every value equal to it are shown as written, through Redact and in
// Lint's messages. Anything else stays masked, and so do its twins.
func TestStandInPasswords(t *testing.T) {
	tests := []struct {
		pw    string
		shown bool
	}{
		{"String", true},
		{"string", true},
		{"Edm.String", true},
		{"String (identifier)", true},
		{"AdDomainPassword value", true},
		{"${AD_DOMAIN_PASSWORD}", true},
		{"{{ adPassword }}", true},
		{"$(AdPassword)", true},
		{"#{AdPassword}#", true},
		{"$env:AD_PASSWORD", true},
		{" String ", true},
		// Secrets: a real password, even one that looks like a word or
		// a variable.
		{"Strings", false},
		{"String1!", false},
		{"hunter2-Example!", false},
		{"$Passw0rd", false},
		{"%Passw0rd%", false},
		{"${unclosed", false},
		{"edm.Strin", false},
	}
	for _, tt := range tests {
		t.Run(tt.pw, func(t *testing.T) {
			q := quoteJSON(tt.pw)
			in := []byte(`{"adDomainPassword": ` + q + `, "displayName": ` + q + `, "adDomainName": ` + q + "}\n")
			red := string(Redact(in, AzureConnection))
			if got := strings.Count(red, q); tt.shown && got != 3 || !tt.shown && got != 0 {
				t.Errorf("Redact shows %s %d times, want %d:\n%s", q, got, map[bool]int{true: 3, false: 0}[tt.shown], red)
			}
			if !tt.shown && strings.Count(red, `"`+RedactMask+`"`) != 3 {
				t.Errorf("Redact masks fewer than the 3 values:\n%s", red)
			}
			res := Lint(in, Options{Target: AzureConnection})
			if l := leak(res, secretForms(tt.pw), false); !tt.shown && l != "" {
				t.Errorf("the password gets out: %s", l)
			}
			// A placeholder gets its finding, which quotes it on any
			// property but the password (a template reference gets none).
			if tt.shown && values.IsPlaceholder(tt.pw) && !quotedIn(res, q) {
				t.Errorf("no message quotes the stand-in %s: %v", q, res.Findings)
			}
			if tt.shown && quotedIn(res, `"`+RedactMask+`"`) {
				t.Errorf("a message masks the stand-in: %v", res.Findings)
			}
		})
	}
}

// quotedIn reports whether a message of res quotes q, the JSON text of a
// value.
func quotedIn(res Result, q string) bool {
	for _, f := range res.Findings {
		if strings.Contains(f.Message, q) {
			return true
		}
	}
	return false
}

// jsonLiteral is a JSON string literal, escapes included.
var jsonLiteral = regexp.MustCompile(`(?s)"(?:[^"\\]|\\.)*"`)

// hasToken reports whether text holds a JSON string literal whose inside
// is f (literals found left to right, as the redaction finds them).
func hasToken(text, f string) bool {
	for _, m := range jsonLiteral.FindAllStringIndex(text, -1) {
		if text[m[0]+1:m[1]-1] == f {
			return true
		}
	}
	return false
}
