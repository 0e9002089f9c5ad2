package validate

import (
	"regexp"
	"testing"
)

// templateRef is the regular expression isTemplate writes out.
var templateRef = regexp.MustCompile(`^(\$\{[^{}]+\}|\{\{[^{}]+\}\}|\$\([^()]+\)|\$[A-Za-z_][A-Za-z0-9_]*|\$env:[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_]*%|#\{[^{}]+\}#?)$`)

func TestIsTemplate(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"${AD_DOMAIN_PASSWORD}", true}, {"{{ password }}", true}, {"$(Password)", true}, {"$PASS_1", true},
		{"%PASS%", true}, {"#{pass}#", true}, {"#{pass}", true}, {"${}", false}, {"${a}b", false},
		{"$1abc", false}, {"%%", false}, {"{{a}", false}, {"$(a(b))", false}, {"#{}#", false}, {"", false},
		{"pa$$word", false}, {"${é}", true}, {"$é", false}, {"$env:AD_PASSWORD", true}, {"$env:", false},
		{"$env:1a", false}, {"$env", true}, {"$env:a:b", false},
	} {
		if got := isTemplate(tt.s); got != tt.want {
			t.Errorf("isTemplate(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// TestIsTemplateMatchesRegexp compares isTemplate with the regular
// expression on every string of up to five bytes over an alphabet of the
// bytes that matter (and an invalid UTF-8 byte), and on "$env:" followed
// by every string of up to three.
func TestIsTemplateMatchesRegexp(t *testing.T) {
	const alphabet = "${}()%#a_1:\xff"
	var walk func(s []byte, max int)
	walk = func(s []byte, max int) {
		if got, want := isTemplate(string(s)), templateRef.MatchString(string(s)); got != want {
			t.Fatalf("isTemplate(%q) = %v, the regexp says %v", s, got, want)
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
}

func FuzzIsTemplate(f *testing.F) {
	for _, s := range []string{"${A}", "{{a}}", "$(a)", "$a", "$env:a", "%a%", "#{a}#", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isTemplate(s), templateRef.MatchString(s); got != want {
			t.Errorf("isTemplate(%q) = %v, the regexp says %v", s, got, want)
		}
	})
}
