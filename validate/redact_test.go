package validate

import (
	"strings"
	"testing"
)

func TestRedact(t *testing.T) {
	const pw = "hunter2-Secret"
	for _, tc := range []struct{ name, in, want string }{
		{"string", `{"adDomainPassword": "hunter2-Secret", "displayName": "a"}`, `{"adDomainPassword": "********", "displayName": "a"}`},
		{"any case", `{"ADDOMAINPASSWORD":"hunter2-Secret"}`, `{"ADDOMAINPASSWORD":"********"}`},
		{"escaped key", `{"adDomain\u0050assword": "hunter2-Secret"}`, `{"adDomain\u0050assword": "********"}`},
		{"escaped quote in value", `{"adDomainPassword": "hunter2-Secret\"x"}`, `{"adDomainPassword": "********"}`},
		{"nested", `{"x": {"adDomainPassword": "hunter2-Secret"}}`, `{"x": {"adDomainPassword": "********"}}`},
		{"single quotes", `{'adDomainPassword': 'hunter2-Secret'}`, `{'adDomainPassword': "********"}`},
		{"unterminated", "{\"adDomainPassword\": \"hunter2-Secret\n}", "{\"adDomainPassword\": \"********\"\n}"},
		{"bare word", "{\"adDomainPassword\": hunter2-Secret , \"a\": 1}", "{\"adDomainPassword\": \"********\" , \"a\": 1}"},
		{"object", `{"adDomainPassword": {"v": "hunter2-Secret"}}`, `{"adDomainPassword": "********"}`},
		{"multi-line object keeps lines", "{\"adDomainPassword\": {\r\n\"v\": \"hunter2-Secret\"\n}}", "{\"adDomainPassword\": \"********\"\r\n\n}"},
		{"key on its own line", "{\"adDomainPassword\"\n  :\n  \"hunter2-Secret\"}", "{\"adDomainPassword\"\n  :\n  \"********\"}"},
		{"unquoted key", `{adDomainPassword: "hunter2-Secret"}`, `{adDomainPassword: "********"}`},
		{"unquoted key and value", "{adDomainPassword: hunter2-Secret}", `{adDomainPassword: "********"}`},
		{"comment naming it", "{\n// adDomainPassword is hunter2-Secret\n}", "{\n// adDomainPassword \"********\"\n}"},
		{"key without colon", "{\"adDomainPassword\" \"hunter2-Secret\"}", "{\"adDomainPassword\"********\""},
		{"cut short", `{"adDomainPassword": "hunter2-Sec`, `{"adDomainPassword": "********"`},
		{"value on the next line", "{\"adDomainPassword\":\n  \"hunter2-Secret\"}", "{\"adDomainPassword\":\n  \"********\"}"},
		{"no secret", `{"displayName": "a"}`, `{"displayName": "a"}`},
		{"empty", ``, ``},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := string(Redact([]byte(tc.in), AzureConnection))
			if got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
			if strings.Contains(got, pw) {
				t.Errorf("secret survived: %s", got)
			}
		})
	}
}

// TestRedactEverywhere: the password is masked wherever else it appears —
// other values, keys, comments, misspelt keys — and a null stays null.
func TestRedactEverywhere(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"null stays null", `{"adDomainPassword": null}`, `{"adDomainPassword": null}`},
		{"misspelt key", `{"adDomainPasword": "hunter2-Secret"}`, `{"adDomainPasword": "********"}`},
		{"misspelt key, short value", `{"adDomianPassword": "ab"}`, `{"adDomianPassword": "********"}`},
		{"other fields", `{"adDomainPassword":"hunter2-Secret","organizationalUnit":"hunter2-Secret","adDomainName":"x hunter2-Secret y"}`,
			`{"adDomainPassword":"********","organizationalUnit":"********","adDomainName":"********"}`},
		{"key named as it", `{"adDomainPassword":"S3cretPW-91xq","S3cretPW-91xq":1}`, `{"adDomainPassword":"********","********":1}`},
		{"short password, whole tokens only", `{"adDomainPassword":"ab","displayName":"ab","x":"abc"}`, `{"adDomainPassword":"********","displayName":"********","x":"abc"}`},
		{"after it in a comment", "{\"adDomainPassword\":\"hunter2-Secret\",\n\"a\":1 // was hunter2-Secret\n}", "{\"adDomainPassword\":\"********\",\n\"a\":1 // was ********\n}"},
		{"escaped form", `{"adDomainPassword":"Pa\"ss\\wd-77q","organizationalUnit":"Pa\"ss\\wd-77q x"}`, `{"adDomainPassword":"********","organizationalUnit":"********"}`},
		{"decoded form in free text", "{\"adDomainPassword\":\"Pa\\\"ss\\\\wd-77q\"}\n# Pa\"ss\\wd-77q", "{\"adDomainPassword\":\"********\"}\n# ********"},
		{"object-valued password keys", `{"adDomainPassword":{"inner-key-1":1},"x":"inner-key-1"}`, `{"adDomainPassword":"********","x":"********"}`},
		{"property names stay", `{"adDomainPassword":"displayName","displayName":"a"}`, `{"adDomainPassword":"********","displayName":"a"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := string(Redact([]byte(tc.in), AzureConnection))
			if got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// TestRedactSpans: the spans say where each mask came from and went, in
// order, and map the rest of the text byte for byte.
func TestRedactSpans(t *testing.T) {
	in := []byte("{\"adDomainPassword\": \"hunter2-Secret\",\n \"displayName\": \"hunter2-Secret\"}")
	out, spans := RedactSpans(in, AzureConnection)
	if len(spans) != 2 {
		t.Fatalf("spans %v", spans)
	}
	last, lastOut := 0, 0
	for _, s := range spans {
		if string(in[last:s.Start]) != string(out[lastOut:s.OutStart]) {
			t.Errorf("unmasked text differs before %v", s)
		}
		if string(out[s.OutStart:s.OutEnd]) != `"********"` || string(in[s.Start:s.End]) != `"hunter2-Secret"` {
			t.Errorf("span %v: %q → %q", s, in[s.Start:s.End], out[s.OutStart:s.OutEnd])
		}
		last, lastOut = s.End, s.OutEnd
	}
	if string(in[last:]) != string(out[lastOut:]) {
		t.Errorf("tail differs")
	}
}

// TestRedactPointer: a pointer from elsewhere (a baseline) is masked
// against the secrets of the text as findings' pointers are: a reference
// token equal to the password, or holding one of 4+ characters, and the
// target's property names never; without a secret it is unchanged.
func TestRedactPointer(t *testing.T) {
	data := []byte(`{"adDomainPassword":"Hunter2Secret","displayName":"x"}`)
	for ptr, want := range map[string]string{
		"":                   "",
		"/Hunter2Secret":     "/********",
		"/a/Hunter2Secret/b": "/a/********/b",
		"/xHunter2Secrety":   "/********",
		"/adDomainPassword":  "/adDomainPassword",
		"/displayName":       "/displayName",
		"/Hunter2Secre":      "/Hunter2Secre",
		"/a~1Hunter2Secret":  "/********",
	} {
		if got := RedactPointer(data, OnPremisesConnection, ptr); got != want {
			t.Errorf("RedactPointer(%q) = %q, want %q", ptr, got, want)
		}
	}
	if got := RedactPointer([]byte(`{"displayName":"Hunter2Secret"}`), OnPremisesConnection, "/Hunter2Secret"); got != "/Hunter2Secret" {
		t.Errorf("no password: got %q", got)
	}
}
