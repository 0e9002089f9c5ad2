package validate

import (
	"fmt"
	"strings"

	"github.com/azconn/azconn/internal/suggest"
)

// nearest returns the candidate closest to name, if it is close enough to
// be a plausible typo.
func nearest(name string, candidates []string) string {
	return suggest.Nearest(name, candidates, suggest.Limit(name))
}

// quoteJSON returns s as a JSON string literal without HTML escaping, the
// form used both in messages and in replacement text.
func quoteJSON(s string) string {
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

// list joins names as "a, b or c".
func list(names []string, conj string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " " + conj + " " + names[len(names)-1]
}
