package validate

import (
	"strings"

	"github.com/azconn/azconn/internal/jsontext"
	"github.com/azconn/azconn/internal/suggest"
)

// nearest returns the candidate closest to name, if it is close enough to
// be a plausible typo.
func nearest(name string, candidates []string) string {
	return suggest.Nearest(name, candidates, suggest.Limit(name))
}

// quoteJSON returns s as a JSON string literal without HTML escaping, the
// form used both in messages and in replacement text (jsontext.Quote).
func quoteJSON(s string) string { return jsontext.Quote(s) }

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
