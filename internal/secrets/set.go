// Package secrets knows what must never leave the engine and masks it in
// any text: the secret set of one input (a password, its near-miss keys,
// the request framing's credentials), the matcher that finds them in one
// pass, and the redaction of source text, messages, pointers and values.
// It knows no target model and no syntax tree: the caller names the secret
// property and the property names never masked (Terms), and adds the
// secrets it finds.
package secrets

import (
	"encoding/json"
	"iter"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/azconn/azconn/internal/jsontext"
	"github.com/azconn/azconn/internal/values"
)

// Secrets by construction: a Lint call collects every secret of its input
// into one Set, and every string that leaves the engine (messages,
// pointers, fix values) goes through it on the way out, whatever rule made
// it; Redact masks source text with the same set. A secret is the value of
// the password property (any casing, any depth), everything inside an
// object- or array-valued password (keys included), and the value of any
// key that is a near-miss of the password's name, the same "did you mean"
// the engine's messages use (internal/suggest).

// FreeMin is the length, in characters, from which a secret is also
// searched for inside other text: shorter ones would mask chance matches
// everywhere, so they are masked only as whole tokens.
const FreeMin = 4

// Set is what one input must never let out. Add every secret, Seal it,
// then mask with it; a sealed Set is only read, by any number of
// goroutines.
type Set struct {
	exact map[string]bool // decoded texts: a token equal to one is masked
	long  []string        // decoded texts of FreeMin+ characters
	forms []string        // their raw, escaped, decoded and pointer forms
	names *Names          // the target's property names: never masked
	pairs [][2]string     // each secret's decoded and raw text, in order
	// Built by Seal.
	inside *matcher // long: a token containing one is masked
	free   *matcher // forms: masked wherever they occur
}

// NewSet returns an empty set whose secrets never mask the property
// names of names (nil: none).
func NewSet(names *Names) *Set {
	return &Set{exact: map[string]bool{}, names: names}
}

// IsStandInRef reports whether s is a template reference that a deployment
// tool fills in at deploy time: ${VAR}, {{ var }}, $(var), #{var}#,
// $env:VAR. Stricter than values.IsTemplate: a bare $Word or %Word% can be a real
// password, so it stays a secret. It is the regular expression
//
//	^(\$\{[^{}]+\}|\{\{[^{}]+\}\}|\$\([^()]+\)|#\{[^{}]+\}#|\$env:[A-Za-z_][A-Za-z0-9_]*)$
//
// written out, so that no process compiles it on the way to its first
// finding; TestIsStandInRefMatchesRegexp compares the two.
func IsStandInRef(s string) bool {
	switch {
	case strings.HasPrefix(s, "${"):
		return values.Enclosed(s[2:], "}", "{}")
	case strings.HasPrefix(s, "{{"):
		return values.Enclosed(s[2:], "}}", "{}")
	case strings.HasPrefix(s, "$("):
		return values.Enclosed(s[2:], ")", "()")
	case strings.HasPrefix(s, "#{"):
		return values.Enclosed(s[2:], "}#", "{}")
	case strings.HasPrefix(s, "$env:"):
		return values.IsName(s[5:])
	}
	return false
}

// IsStandIn reports whether a password's text stands in for a password
// rather than being one: a documentation placeholder ("String",
// "AdDomainPassword value", a type name such as "Edm.String") or a template
// reference. It is no secret: masking it would hide from the user which
// placeholder a finding is about, and every value equal to it with it.
func IsStandIn(s string) bool {
	s = strings.TrimSpace(s)
	return values.IsPlaceholder(s) || IsStandInRef(s)
}

// Add records a secret by its decoded text and the raw text of its token
// (without quotes); a stand-in (IsStandIn) is not one.
func (s *Set) Add(decoded, raw string) {
	if decoded == "" || s.exact[decoded] || IsStandIn(decoded) {
		return
	}
	s.exact[decoded] = true
	s.pairs = append(s.pairs, [2]string{decoded, raw})
	if utf8.RuneCountInString(decoded) < FreeMin {
		return
	}
	s.long = append(s.long, decoded)
	q := jsontext.Quote(decoded)
	mine := len(s.forms)
	for _, f := range []string{decoded, raw, q[1 : len(q)-1], jsontext.EscapePointerToken(decoded)} {
		// Most secrets read the same in every form: keep one of each
		// (among this secret's: a search over all would be quadratic).
		if f != "" && !slices.Contains(s.forms[mine:], f) && !s.inName(f) {
			s.forms = append(s.forms, f)
		}
	}
}

// inName reports whether f is part of one of the target's property names,
// which free-text masking must leave alone.
func (s *Set) inName(f string) bool {
	return s.names != nil && len(f) <= s.names.longest && strings.Contains(s.names.joined, f)
}

// Names is a set of property names, with the names joined by NULs and
// the longest one's length for inName; built once per target.
type Names struct {
	has     map[string]bool
	joined  string
	longest int
}

// NewNames returns the set of names.
func NewNames(names map[string]bool) *Names {
	ns := &Names{has: names}
	var b strings.Builder
	for n := range names {
		b.WriteString(n)
		b.WriteByte(0)
		ns.longest = max(ns.longest, len(n))
	}
	ns.joined = b.String()
	return ns
}

// Has reports whether name is in the set (a nil set has none).
func (ns *Names) Has(name string) bool { return ns != nil && ns.has[name] }

// Seal builds the matchers once every secret is added, and returns s.
func (s *Set) Seal() *Set {
	if len(s.long) > 0 {
		s.inside = newMatcher(s.long)
	}
	if len(s.forms) > 0 {
		s.free = newMatcher(s.forms)
	}
	return s
}

// Covers reports whether s holds every secret of o.
func (s *Set) Covers(o *Set) bool {
	for d := range o.exact {
		if !s.exact[d] {
			return false
		}
	}
	return true
}

// Empty reports whether s holds no secret (a nil Set holds none).
func (s *Set) Empty() bool { return s == nil || len(s.exact) == 0 }

// Exact reports whether text is a secret as a whole: a number token's
// text, compared as written.
func (s *Set) Exact(text string) bool { return !s.Empty() && s.exact[text] }

// AddAll adds every secret of o to s, in o's order.
func (s *Set) AddAll(o *Set) {
	for _, pr := range o.pairs {
		s.Add(pr[0], pr[1])
	}
}

// Token reports whether a JSON string token with this decoded text must be
// masked: it equals a secret, or contains one of FreeMin+ characters,
// and is not one of the target's property names.
func (s *Set) Token(decoded string) bool {
	if s.Empty() || (s.names != nil && s.names.has[decoded]) {
		return false
	}
	return s.exact[decoded] || s.inside.contains(decoded)
}

// Text masks a message: each JSON string literal in it whose token must be
// masked becomes "********", then every free-text form of a secret
// becomes ********.
func (s *Set) Text(msg string) string {
	if s.Empty() || msg == "" {
		return msg
	}
	var b []byte
	last := 0
	for i := 0; i < len(msg); i++ {
		if msg[i] != '"' {
			continue
		}
		j := literalEnd(msg, i)
		if j < 0 {
			break
		}
		if dec, ok := unquote(msg[i:j]); ok && s.Token(dec) {
			b = append(b, msg[last:i]...)
			b = append(b, '"')
			b = append(b, Mask...)
			b = append(b, '"')
			last = j
		}
		i = j - 1
	}
	if b != nil {
		msg = string(append(b, msg[last:]...))
	}
	return s.FreeText(msg)
}

// FreeText replaces every free-text form of a secret in t by the mask.
func (s *Set) FreeText(t string) string {
	if s == nil || s.free == nil {
		return t
	}
	sp := spans(s.free, t, nil)
	if len(sp) == 0 {
		return t
	}
	var b strings.Builder
	last := 0
	for _, e := range sp {
		b.WriteString(t[last:e.start])
		b.WriteString(Mask)
		last = e.end
	}
	b.WriteString(t[last:])
	return b.String()
}

// literalEnd returns the end of the JSON string literal starting at the
// quote at i (past its closing quote), or -1.
func literalEnd(t string, i int) int {
	for j := i + 1; j < len(t); j++ {
		switch t[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return -1
}

// unquote decodes a JSON string literal.
func unquote(lit string) (string, bool) {
	if len(lit) < 2 || lit[0] != '"' || lit[len(lit)-1] != '"' {
		return "", false
	}
	if strings.IndexByte(lit, '\\') < 0 {
		return lit[1 : len(lit)-1], true
	}
	var s string
	if json.Unmarshal([]byte(lit), &s) != nil {
		return "", false
	}
	return s, true
}

// Pointer masks each segment of an RFC 6901 pointer that is a secret
// token, then free-text forms.
func (s *Set) Pointer(ptr string) string {
	if s.Empty() || ptr == "" {
		return ptr
	}
	if s.maskedSegment(ptr) {
		segs := strings.Split(ptr, "/")
		for i, seg := range segs[1:] {
			if s.Token(jsontext.UnescapePointerToken(seg)) {
				segs[i+1] = Mask
			}
		}
		ptr = strings.Join(segs, "/")
	}
	return s.FreeText(ptr)
}

// maskedSegment reports whether a segment of ptr after the first '/' is a
// secret token, without splitting ptr (most pointers have none).
func (s *Set) maskedSegment(ptr string) bool {
	first := true
	for seg := range strings.SplitSeq(ptr, "/") {
		if !first && s.Token(jsontext.UnescapePointerToken(seg)) {
			return true
		}
		first = false
	}
	return false
}

// Value masks the JSON text of a fix value: a string that must be masked,
// or a container still holding a secret after its strings are masked,
// becomes the JSON string "********". Literals and numbers are the rules'
// own, never the user's text, and stay.
func (s *Set) Value(raw json.RawMessage) json.RawMessage {
	if s.Empty() || len(raw) == 0 {
		return raw
	}
	masked := json.RawMessage(`"` + Mask + `"`)
	t := strings.TrimSpace(string(raw))
	switch {
	case strings.HasPrefix(t, `"`):
		if dec, ok := unquote(t); !ok || s.Token(dec) || s.free.contains(t) {
			return masked
		}
	case strings.HasPrefix(t, "{") || strings.HasPrefix(t, "["):
		out := s.Text(t)
		if s.free.contains(out) {
			return masked
		}
		if out != t {
			return json.RawMessage(out)
		}
	}
	return raw
}

// All yields the names, in no set order.
func (ns *Names) All() iter.Seq[string] {
	return func(yield func(string) bool) {
		if ns == nil {
			return
		}
		for n := range ns.has {
			if !yield(n) {
				return
			}
		}
	}
}
