package secrets

import (
	"bytes"
	"testing"
)

var testTerms = Terms{Secret: "adDomainPassword", Names: testNames, All: testNames}

// TestRedact: the secret property's value (any casing, a near-miss key,
// broken input), its twins elsewhere, stand-ins left as written, and the
// framing's secrets where they are defined and wherever else they occur.
func TestRedact(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"single quotes, near-miss key, comment",
			"{'AdDomainPasword': 'Hunter2Secret', x: \"Hunter2Secret\", // adDomainPassword is x\n \"y\": \"Hunter2Secret!\"}",
			"{'AdDomainPasword': \"********\", x: \"********\", // adDomainPassword \"********\"\n \"y\": \"********\"}"},
		{"stand-in shown as written",
			`{"adDomainPassword": "${PW}", "z": "${PW}"}`,
			`{"adDomainPassword": "${PW}", "z": "${PW}"}`},
		{"null stays null", `{"adDomainPassword": null}`, `{"adDomainPassword": null}`},
		{"unterminated string keeps its line break",
			"{\"adDomainPassword\": \"unterminated\n}",
			"{\"adDomainPassword\": \"********\"\n}"},
		{"container",
			`{"adDomainPassword": {"a": "inner1", "b": ["inner2"]}, "c": "inner1"}`,
			`{"adDomainPassword": "********", "c": "********"}`},
		{"property names never masked",
			`{"adDomainPassword": "displayName", "displayName": "x"}`,
			`{"adDomainPassword": "********", "displayName": "x"}`},
		{"framing",
			"POST https://u:p4ssw0rd@graph.microsoft.com/v1?client_secret=abcd1234&x=1\nAuthorization: Bearer eyJabc.def\n\n{\"adDomainPassword\":null,\"k\":\"eyJabc.def\"}",
			"POST https://u:********@graph.microsoft.com/v1?client_secret=********&x=1\nAuthorization: ********\n\n{\"adDomainPassword\":null,\"k\":\"********\"}"},
		{"variable used by a secret header",
			"@pw = Sup3rSecret\nAuthorization: Basic {{pw}}\n",
			"@pw = ********\nAuthorization: ********\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, spans := Redact([]byte(tc.in), testTerms)
			if string(out) != tc.want {
				t.Fatalf("got  %q\nwant %q", out, tc.want)
			}
			checkSpans(t, []byte(tc.in), out, spans)
		})
	}
}

// checkSpans checks that spans are in order, do not overlap, map the
// input onto the output, and that each output span is the mask.
func checkSpans(t *testing.T, in, out []byte, spans []Span) {
	t.Helper()
	last, lastOut := 0, 0
	for _, s := range spans {
		if s.Start < last || s.End < s.Start || s.OutStart-lastOut != s.Start-last {
			t.Fatalf("span %+v after %d/%d", s, last, lastOut)
		}
		if !bytes.Equal(in[last:s.Start], out[lastOut:s.OutStart]) {
			t.Fatalf("text before span %+v differs", s)
		}
		if !bytes.Contains(out[s.OutStart:s.OutEnd], []byte(Mask)) {
			t.Fatalf("span %+v is %q", s, out[s.OutStart:s.OutEnd])
		}
		last, lastOut = s.End, s.OutEnd
	}
	if !bytes.Equal(in[last:], out[lastOut:]) {
		t.Fatal("text after the last span differs")
	}
}

func TestRedactPointer(t *testing.T) {
	data := []byte(`{"adDomainPassword":"a/b~c"}`)
	if got := RedactPointer(data, testTerms, "/x/a~1b~0c"); got != "/x/********" {
		t.Errorf("got %q", got)
	}
	if got := RedactPointer([]byte(`{"displayName":"a/b~c"}`), testTerms, "/a~1b~0c"); got != "/a~1b~0c" {
		t.Errorf("a pointer masked without a secret: %q", got)
	}
}

// TestBodySecrets: the values' secrets, not the framing's.
func TestBodySecrets(t *testing.T) {
	s := BodySecrets([]byte("Authorization: Bearer eyJabc.def\n{'adDomainPassword': 'Hunter2Secret'}"), testTerms)
	if !s.Token("Hunter2Secret") || s.Token("eyJabc.def") {
		t.Errorf("secrets: %v", s.pairs)
	}
}
