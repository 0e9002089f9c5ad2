package values

import "testing"

func TestIsTemplate(t *testing.T) {
	for s, want := range map[string]bool{
		"${AD_PASSWORD}": true, "{{ pw }}": true, "$(Password)": true, "$PW": true, "$env:PW": true,
		"%PW%": true, "#{PW}#": true, "#{PW}": true,
		"": false, "$": false, "${}": false, "{{}}": false, "$1PW": false, "%P W%": false,
		"pa$$word": false, "${A}x": false, "$env:": false, "#{a{b}}#": false,
	} {
		if got := IsTemplate(s); got != want {
			t.Errorf("IsTemplate(%q) = %v, want %v", s, got, want)
		}
	}
}
