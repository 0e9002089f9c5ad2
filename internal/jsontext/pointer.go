package jsontext

import "strings"

// EscapePointer escapes a member name as one reference token of an RFC
// 6901 JSON pointer: '~' becomes "~0" and '/' becomes "~1".
func EscapePointer(s string) string {
	if strings.IndexByte(s, '~') < 0 && strings.IndexByte(s, '/') < 0 {
		return s
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

// UnescapePointer undoes EscapePointer on one reference token.
func UnescapePointer(seg string) string {
	if strings.IndexByte(seg, '~') < 0 {
		return seg
	}
	return strings.NewReplacer("~1", "/", "~0", "~").Replace(seg)
}
