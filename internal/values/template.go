package values

import "strings"

// IsTemplate reports whether the whole value is a reference that a
// deployment tool substitutes: ${VAR}, {{ var }}, $(var), $VAR, $env:VAR,
// %VAR% or #{var}# (the closing # optional); such a value is not checked.
// It is the regular expression
//
//	^(\$\{[^{}]+\}|\{\{[^{}]+\}\}|\$\([^()]+\)|\$NAME|\$env:NAME|%NAME%|#\{[^{}]+\}#?)$
//
// (NAME: [A-Za-z_][A-Za-z0-9_]*) written out, as compiling that cost each
// process 40-80 µs on the way to its first finding; validate's
// TestIsTemplateMatchesRegexp compares the two.
func IsTemplate(s string) bool {
	switch {
	case strings.HasPrefix(s, "${"):
		return Enclosed(s[2:], "}", "{}")
	case strings.HasPrefix(s, "{{"):
		return Enclosed(s[2:], "}}", "{}")
	case strings.HasPrefix(s, "$("):
		return Enclosed(s[2:], ")", "()")
	case strings.HasPrefix(s, "$env:"):
		return IsName(s[5:])
	case strings.HasPrefix(s, "$"):
		return IsName(s[1:])
	case strings.HasPrefix(s, "%"):
		name, ok := strings.CutSuffix(s[1:], "%")
		return ok && IsName(name)
	case strings.HasPrefix(s, "#{"):
		return Enclosed(s[2:], "}", "{}") || Enclosed(s[2:], "}#", "{}")
	}
	return false
}

// Enclosed reports whether s is one or more bytes free of the bytes of
// forbidden, then end.
func Enclosed(s, end, forbidden string) bool {
	inner, ok := strings.CutSuffix(s, end)
	return ok && inner != "" && !strings.ContainsAny(inner, forbidden)
}

// IsName reports whether s is [A-Za-z_][A-Za-z0-9_]*.
func IsName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		if !letter && (i == 0 || c < '0' || c > '9') {
			return false
		}
	}
	return s != ""
}
