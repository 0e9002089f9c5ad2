// Package values parses the domain values of a connection (GUIDs, Azure
// resource IDs, distinguished names) into parts with byte spans and the
// issues found, as pure functions of a string: it knows no JSON tree, no
// rule and no finding.
package values

import (
	"strings"
	"unicode"

	"github.com/azconn/azconn/internal/suggest"
)

// Level is how much an Issue matters: an Error makes the value wrong; a
// Warning names a form that works but is better written otherwise.
type Level uint8

// The levels of an Issue.
const (
	Error Level = iota + 1
	Warning
)

// Issue is one problem of a value over its bytes [From, To); Msg is a
// clause that completes a sentence naming the value ("organizationalUnit
// …").
type Issue struct {
	From, To int
	Level    Level
	Msg      string
}

// Span is the bytes [From, To) of a value.
type Span struct{ From, To int }

// Core returns s without leading and trailing Unicode whitespace (as
// strings.TrimSpace) and the byte offset of the core in s: a value is
// judged as it will be once its whitespace is trimmed, and its issues point
// at the right bytes of the original string.
func Core(s string) (core string, lead int) {
	t := strings.TrimLeftFunc(s, unicode.IsSpace)
	lead = len(s) - len(t)
	return strings.TrimRightFunc(t, unicode.IsSpace), lead
}

// IsHex reports whether c is a hexadecimal digit, in either case.
func IsHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// nearest returns the candidate closest to name, if it is close enough to
// be a plausible typo.
func nearest(name string, candidates []string) string {
	return suggest.Nearest(name, candidates, suggest.Limit(name))
}

// pluralS returns "s" unless n is 1.
func pluralS(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
