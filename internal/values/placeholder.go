package values

import "strings"

// placeholderTypes are the type names that Graph's generated examples
// write in place of values, matched without case and with an optional
// "(qualifier)": "String (identifier)", "String (timestamp)".
var placeholderTypes = []string{"String", "Boolean", "Int16", "Int32", "Int64", "Double", "Single",
	"Decimal", "Guid", "Binary", "Byte", "SByte", "Date", "DateTimeOffset", "TimeOfDay", "Duration", "Stream"}

// isPlaceholderType reports a type-name placeholder, with or without the
// EDM namespace ("Edm.String", as the metadata writes it). Hand-written
// rather than a regexp: it runs on every string value.
func isPlaceholderType(s string) bool {
	if len(s) > 4 && strings.EqualFold(s[:4], "Edm.") {
		s = s[4:]
	}
	for _, t := range placeholderTypes {
		if len(s) < len(t) || !strings.EqualFold(s[:len(t)], t) {
			continue
		}
		rest := strings.TrimLeft(s[len(t):], " ")
		if rest == "" {
			return true
		}
		if rest[0] == '(' && rest[len(rest)-1] == ')' && !strings.ContainsAny(rest[1:len(rest)-1], "()") {
			return true
		}
	}
	return false
}

// IsPlaceholderValue reports a generated example value: Title Case words
// ending in " value" ("Display Name value", "Active Directory Domain Name value").
func IsPlaceholderValue(s string) bool {
	words, ok := strings.CutSuffix(s, " value")
	if !ok || words == "" {
		return false
	}
	for _, w := range strings.Split(words, " ") {
		if w == "" || w[0] < 'A' || w[0] > 'Z' {
			return false
		}
		for i := 1; i < len(w); i++ {
			if c := w[i] | 0x20; c < 'a' || c > 'z' {
				return false
			}
		}
	}
	return true
}

// IsPlaceholder reports whether s, without its surrounding spaces, is a
// value left from documentation examples: a type name ("String",
// "Edm.Int32", "String (timestamp)") or a generated example value
// ("Display Name value").
func IsPlaceholder(s string) bool {
	s = strings.TrimSpace(s)
	return isPlaceholderType(s) || IsPlaceholderValue(s)
}
