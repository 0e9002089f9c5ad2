package jsontext

import (
	"encoding/json"
	"testing"
)

func TestQuote(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", `""`},
		{"OU=Sales", `"OU=Sales"`},
		{`a"b\c`, `"a\"b\\c"`},
		{"l1\nl2\r\tx", `"l1\nl2\r\tx"`},
		{"\x00\x1f", `"\u0000\u001f"`},
		{"<a&b>", `"<a&b>"`},               // no HTML escaping
		{"\u2028\u2029", `"\u2028\u2029"`}, // JavaScript line ends
		{"Straße ☁", `"Straße ☁"`},
		{"\xff", "\"\uFFFD\""}, // invalid UTF-8 reads as U+FFFD, as encoding/json
	} {
		got := Quote(tc.in)
		if got != tc.want {
			t.Errorf("Quote(%q) = %s, want %s", tc.in, got, tc.want)
		}
		var back string
		if err := json.Unmarshal([]byte(got), &back); err != nil {
			t.Errorf("Quote(%q) = %s, which is not a JSON string: %v", tc.in, got, err)
		}
	}
}

// FuzzQuote checks that every literal reads back as the string it quotes
// (invalid UTF-8 aside, which both sides replace with U+FFFD).
func FuzzQuote(f *testing.F) {
	f.Add("OU=A\\,B \"q\"\n")
	f.Fuzz(func(t *testing.T, s string) {
		var back string
		if err := json.Unmarshal([]byte(Quote(s)), &back); err != nil {
			t.Fatalf("Quote(%q) is not a JSON string: %v", s, err)
		}
		want, _ := json.Marshal(s)
		var canon string
		_ = json.Unmarshal(want, &canon)
		if back != canon {
			t.Fatalf("Quote(%q) reads back as %q, want %q", s, back, canon)
		}
	})
}
