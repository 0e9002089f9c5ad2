package secrets

import (
	"encoding/json"
	"testing"
)

// testNames are the property names of a made-up target.
var testNames = NewNames(map[string]bool{"displayName": true, "adDomainPassword": true, "healthCheckStatus": true})

func sealed(pairs ...string) *Set {
	s := NewSet(testNames)
	for _, p := range pairs {
		s.Add(p, p)
	}
	return s.Seal()
}

func TestSetToken(t *testing.T) {
	s := sealed("Hunter2Secret", "ab", "displayName")
	for text, want := range map[string]bool{
		"Hunter2Secret":        true,  // the secret
		"my Hunter2Secret!":    true,  // holds a long one
		"ab":                   true,  // a short one, whole
		"cab":                  false, // a short one is masked only whole
		"displayName":          false, // a property name is never masked
		"healthCheckStatus":    false,
		"Hunter2Secre":         false,
		"":                     false,
		"ab " + "Hunter2Secre": false,
	} {
		if got := s.Token(text); got != want {
			t.Errorf("Token(%q) = %v, want %v", text, got, want)
		}
	}
	var none *Set
	if none.Token("ab") || !none.Empty() || none.Exact("ab") {
		t.Error("a nil set masks something")
	}
}

// TestSetStandIns: a placeholder or template reference is no secret.
func TestSetStandIns(t *testing.T) {
	for _, pw := range []string{"${AD_PASSWORD}", "{{ pw }}", "$(pw)", "#{pw}#", "$env:PW", "String", " Edm.String ", "AdDomainPassword value"} {
		if s := sealed(pw); !s.Empty() {
			t.Errorf("%q was added as a secret", pw)
		}
	}
	for _, pw := range []string{"$PW", "%PW%", "Hunter2", "string theory"} {
		if s := sealed(pw); s.Empty() {
			t.Errorf("%q was not added as a secret", pw)
		}
	}
}

func TestSetText(t *testing.T) {
	s := sealed("Hunter2Secret", "ab", `q"uote`)
	for in, want := range map[string]string{
		`"Hunter2Secret" is wrong`:                    `"********" is wrong`,
		`"ab" is short; so is cab`:                    `"********" is short; so is cab`,
		`free text Hunter2Secret, and "x"`:            `free text ********, and "x"`,
		`"displayName" holds "my Hunter2Secret"`:      `"displayName" holds "********"`,
		`escaped "q\"uote" and raw q\"uote`:           `escaped "********" and raw ********`,
		`nothing to mask in "displayName" or "abc"`:   `nothing to mask in "displayName" or "abc"`,
		`an unterminated "literal with Hunter2Secret`: `an unterminated "literal with ********`,
	} {
		if got := s.Text(in); got != want {
			t.Errorf("Text(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSetPointer(t *testing.T) {
	s := sealed("a/b~c", "ab")
	for in, want := range map[string]string{
		"/a~1b~0c":                 "/********",
		"/x/ab/0":                  "/x/********/0",
		"/cab/abc":                 "/cab/abc",
		"/healthChecks/a~1b~0c~1d": "/healthChecks/********",
		"":                         "",
	} {
		if got := s.Pointer(in); got != want {
			t.Errorf("Pointer(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSetValue(t *testing.T) {
	s := sealed("Hunter2Secret")
	for in, want := range map[string]string{
		`"Hunter2Secret"`:                 `"********"`,
		`"xHunter2Secretx"`:               `"********"`,
		`{"k":"Hunter2Secret","n":1}`:     `{"k":"********","n":1}`,
		`["fine"]`:                        `["fine"]`,
		`false`:                           `false`,
		`12`:                              `12`,
		`"fine"`:                          `"fine"`,
		`{"Hunter2Secret` + "\n" + `":1}`: `{"********":1}`,
	} {
		if got := string(s.Value(json.RawMessage(in))); got != want {
			t.Errorf("Value(%s) = %s, want %s", in, got, want)
		}
	}
}

// TestSetCoversAddAll: a body's set covered by a file's needs nothing
// more; one that is not takes in the file's secrets.
func TestSetCoversAddAll(t *testing.T) {
	file := sealed("Hunter2Secret", "Other9Secret")
	body := NewSet(testNames)
	body.Add("Hunter2Secret", "Hunter2Secret")
	if !file.Covers(body) {
		t.Fatal("the file's set does not cover a body's")
	}
	body.Add("Third7Secret", "Third7Secret")
	if file.Covers(body) {
		t.Fatal("the file's set covers a secret it lacks")
	}
	body.AddAll(file)
	body.Seal()
	for _, s := range []string{"Hunter2Secret", "Other9Secret", "Third7Secret"} {
		if !body.Token(s) {
			t.Errorf("%q lost", s)
		}
	}
	if !body.Covers(file) {
		t.Error("AddAll left a secret out")
	}
}

func TestNames(t *testing.T) {
	n := 0
	for name := range testNames.All() {
		n++
		if !testNames.Has(name) {
			t.Errorf("%q listed but not held", name)
		}
	}
	var none *Names
	if n != 3 || testNames.Has("display") || none.Has("x") {
		t.Errorf("names: %d listed", n)
	}
	for range none.All() {
		t.Error("a nil set lists a name")
	}
}
