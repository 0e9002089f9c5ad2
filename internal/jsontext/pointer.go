package jsontext

import "strings"

// EscapePointerToken spells s as one reference token of an RFC 6901 JSON
// Pointer: '~' becomes "~0" and '/' becomes "~1".
func EscapePointerToken(s string) string {
	if strings.IndexByte(s, '~') < 0 && strings.IndexByte(s, '/') < 0 {
		return s
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

// UnescapePointerToken returns the key that the reference token tok of an
// RFC 6901 JSON Pointer names: the inverse of EscapePointerToken.
func UnescapePointerToken(tok string) string {
	if strings.IndexByte(tok, '~') < 0 {
		return tok
	}
	return strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
}
