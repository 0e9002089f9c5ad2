package validate

import (
	"strings"
	"testing"
)

// TestSyntaxSpanWholeCharacter: a syntax finding at a multi-byte character
// spans the whole character, never ending inside it.
func TestSyntaxSpanWholeCharacter(t *testing.T) {
	for _, tc := range []struct {
		in         string
		start, end int
	}{
		{"{é", 1, 3},                // expected a property name
		{`{"a": é}`, 6, 8},          // expected a value
		{`{"a": 1 €}`, 8, 11},       // expected ',' or '}'
		{"{\"a\": \"x\"}𝄞", 10, 14}, // data after the value: to the end
	} {
		res := Lint([]byte(tc.in), Options{})
		if len(res.Findings) != 1 || res.Findings[0].Rule != "syntax" {
			t.Fatalf("%q: %v", tc.in, res.Findings)
		}
		f := res.Findings[0]
		if f.Start.Offset != tc.start || f.End.Offset != tc.end {
			t.Errorf("%q: span %d..%d, want %d..%d (%s)", tc.in, f.Start.Offset, f.End.Offset, tc.start, tc.end, f.Message)
		}
		if f.End.Column != f.Start.Column+1 && tc.end-tc.start <= 4 {
			t.Errorf("%q: columns %d..%d, want one character", tc.in, f.Start.Column, f.End.Column)
		}
	}
}

// TestControlCharacterNamed: a control character in a string is named by
// its full code point.
func TestControlCharacterNamed(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"{\"displayName\": \"a\x00b\"}", "control character U+0000 in a string"},
		{"{\"displayName\": \"a\x01b\"}", "control character U+0001 in a string"},
		{"{\"displayName\": \"a\x1fb\"}", "control character U+001F in a string"},
	} {
		res := Lint([]byte(tc.in), Options{})
		if len(res.Findings) != 1 || !strings.Contains(res.Findings[0].Message, tc.want) {
			t.Errorf("%q: %v, want %q", tc.in, res.Findings, tc.want)
		}
	}
	if got := quoteRune(0x7f); got != "U+007F" {
		t.Errorf("quoteRune(0x7f) = %s", got)
	}
}
