// Package jsontext is the JSON text layer, the lowest of azconn's: the
// parser that reads JSON text into a syntax tree with byte spans,
// duplicate keys and syntax errors, JSON Pointer tokens, the line index
// that turns byte offsets into lines and columns, and how a string is
// spelt as a JSON literal; it knows no target, no rule and no finding.
package jsontext

import (
	"fmt"
	"strings"
)

// Quote returns s as a JSON string literal without HTML escaping, the form
// used both in messages and in replacement text. U+2028 and U+2029 are
// escaped too, so that the literal is also a JavaScript string.
func Quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x2028 || r == 0x2029:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
