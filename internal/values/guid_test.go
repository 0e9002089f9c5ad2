package values

import (
	"strings"
	"testing"
)

func TestGUIDProblem(t *testing.T) {
	for _, tc := range []struct {
		in   string
		at   string // the span reported; "" for a GUID
		want string // in the message
	}{
		{"0ac520ee-14c0-480f-b6c9-0a90c585ad47", "", ""},
		{"0AC520EE-14C0-480F-B6C9-0A90C585AD47", "", ""},
		{"00000000-0000-0000-0000-000000000000", "", ""},
		{"0ac520ee-14c0-480f-b6c9-0a90c58ffff", "0a90c58ffff", "11 hex digits in its last group"},
		{"9ec90ff8-fd63-4fb9-ab5a-aa4fdccffff", "aa4fdccffff", "where a GUID has 12"},
		{"0ac520e-14c0-480f-b6c9-0a90c585ad47", "0ac520e", "first group"},
		{"0ac520ee-14c00-480f-b6c9-0a90c585ad47", "14c00", "second group"},
		{"0ac520ee-14c0-480f-b6c9-0a90c585ag47", "g", "not a hexadecimal digit"},
		{"0ac520ee-14c0-48Of-b6c9-0a90c585ad47", "O", "did you mean the digit 0"},
		{"0ac520ee-14c0-480f-b6c9-0a90c585adé7", "é", "not a hexadecimal digit"},
		{"{0ac520ee-14c0-480f-b6c9-0a90c585ad47}", "{0ac520ee-14c0-480f-b6c9-0a90c585ad47}", "braces"},
		{"{subscription-id}", "{subscription-id}", "documentation's template"},
		{"urn:uuid:0ac520ee-14c0-480f-b6c9-0a90c585ad47", "urn:uuid:0ac520ee-14c0-480f-b6c9-0a90c585ad47", "urn:uuid"},
		{"0ac520ee14c0480fb6c90a90c585ad47", "0ac520ee14c0480fb6c90a90c585ad47", `did you mean "0ac520ee-14c0-480f-b6c9-0a90c585ad47"`},
		{"0ac520ee-14c0-480f-b6c90a90c585ad47", "0ac520ee-14c0-480f-b6c90a90c585ad47", "4 groups"},
		{"", "", "is empty"},
		{"String", "String", "1 group"},
	} {
		from, to, why := GUIDProblem(tc.in)
		if tc.want == "" {
			if why != "" || !IsGUID(tc.in) {
				t.Errorf("%q: want a GUID, got %q", tc.in, why)
			}
			continue
		}
		if IsGUID(tc.in) {
			t.Errorf("%q: IsGUID true", tc.in)
		}
		if got := tc.in[from:to]; got != tc.at || !strings.Contains(why, tc.want) {
			t.Errorf("%q: got %q at %q, want %q at %q", tc.in, why, got, tc.want, tc.at)
		}
	}
}
