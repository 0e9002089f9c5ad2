package validate

import (
	"testing"
)

func TestGUIDShaped(t *testing.T) {
	for in, want := range map[string]bool{
		"9ec90ff8-fd63-4fb9-ab5a-aa4fdccffff":  true,
		"1-2-3-4-5":                            true,
		"String (identifier)":                  false,
		"conn-1":                               false,
		"ef3be8bc-e8bc-ef3b-bce8-3befbce83bef": true,
	} {
		if got := guidShaped().MatchString(in); got != want {
			t.Errorf("guidShaped(%q) = %v", in, got)
		}
	}
}

func TestGUIDOnIDOnlyWhenShaped(t *testing.T) {
	fs := ruleFindings(t, `{"id": "conn-1", "displayName": "a"}`, OnPremisesConnection, "guid")
	if len(fs) != 0 {
		t.Errorf("a non-GUID id got %v", fs)
	}
	fs = ruleFindings(t, `{"id": "9ec90ff8-fd63-4fb9-ab5a-aa4fdccffff", "displayName": "a"}`, OnPremisesConnection, "guid")
	if len(fs) != 1 || fs[0].Start.Column != 33 {
		t.Errorf("got %v", fs)
	}
}
