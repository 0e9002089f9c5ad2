package secrets

import (
	"regexp"
	"testing"
)

// standInRef is the regular expression IsStandInRef writes out.
var standInRef = regexp.MustCompile(`^(\$\{[^{}]+\}|\{\{[^{}]+\}\}|\$\([^()]+\)|#\{[^{}]+\}#|\$env:[A-Za-z_][A-Za-z0-9_]*)$`)

// TestIsStandInRefMatchesRegexp is validate's TestIsTemplateMatchesRegexp for
// IsStandInRef.
func TestIsStandInRefMatchesRegexp(t *testing.T) {
	const alphabet = "${}()%#a_1:\xff"
	var walk func(s []byte, max int)
	walk = func(s []byte, max int) {
		if got, want := IsStandInRef(string(s)), standInRef.MatchString(string(s)); got != want {
			t.Fatalf("IsStandInRef(%q) = %v, the regexp says %v", s, got, want)
		}
		if len(s) == max {
			return
		}
		for i := 0; i < len(alphabet); i++ {
			walk(append(s, alphabet[i]), max)
		}
	}
	walk(nil, 5)
	walk([]byte("$env:"), 8)
	for _, s := range []string{"${AD_DOMAIN_PASSWORD}", "$env:AD_PASSWORD", "#{pass}#", "#{pass}", "$PASS", "%PASS%"} {
		if got, want := IsStandInRef(s), standInRef.MatchString(s); got != want {
			t.Errorf("IsStandInRef(%q) = %v, the regexp says %v", s, got, want)
		}
	}
}

func FuzzIsStandInRef(f *testing.F) {
	for _, s := range []string{"${A}", "{{a}}", "$(a)", "#{a}#", "$env:a", "$a", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := IsStandInRef(s), standInRef.MatchString(s); got != want {
			t.Errorf("IsStandInRef(%q) = %v, the regexp says %v", s, got, want)
		}
	})
}
