package jsontext

import (
	"encoding/json"
	"testing"
)

// TestRawOffset maps decoded offsets back through every kind of escape.
func TestRawOffset(t *testing.T) {
	for _, raw := range []string{
		`OU=Sales\\, EMEA,DC=contoso,DC=com`,
		`caf\u00e9 \"ANC\" \ud83d\ude00 tab\there`,
		`plain`,
		`\/\b\f\n\r\t\\\"`,
		`lone \ud800 surrogate`,
	} {
		var dec string
		if err := json.Unmarshal([]byte(`"`+raw+`"`), &dec); err != nil {
			t.Fatal(err)
		}
		// Every decoded character boundary maps to the start of its
		// spelling, and the spellings tile the raw text in order.
		last := -1
		for d := 0; d <= len(dec); d++ {
			got := RawOffset([]byte(raw), d, false)
			if got < last || got > len(raw) {
				t.Fatalf("%s: RawOffset(%d) = %d after %d", raw, d, got, last)
			}
			last = got
		}
		if RawOffset([]byte(raw), len(dec), true) != len(raw) {
			t.Errorf("%s: the end maps to %d, want %d", raw, RawOffset([]byte(raw), len(dec), true), len(raw))
		}
	}
	// `\\,` decodes to `\,`: decoded 8..10 (the escaped comma) is raw 8..11.
	raw := []byte(`OU=Sales\\, EMEA`)
	if a, b := RawOffset(raw, 8, false), RawOffset(raw, 10, true); a != 8 || b != 11 {
		t.Errorf("got %d..%d, want 8..11", a, b)
	}
}
