package secrets

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/azconn/azconn/internal/jsontext"
)

// Mask replaces secret values in text shown to people.
const Mask = "********"

// Span is one part of the input that redaction masked: the input's bytes
// [Start, End) became the output's bytes [OutStart, OutEnd). Spans come in
// order and never overlap, so a position in the input maps to the output by
// the shift of the spans before it.
type Span struct {
	Start, End       int
	OutStart, OutEnd int
}

// span is a byte range [start, end) of a text.
type span struct{ start, end int }

// Terms is what masking knows of the targets, given by the caller.
type Terms struct {
	Secret string // the secret property's name (adDomainPassword)
	Names  *Names // the target's property names: never masked as tokens
	// All is every target's property names: a JSON member of the
	// framing named so is a body's property, masked as one, not as a
	// framing secret.
	All *Names
}

// Redact returns a copy of data in which every secret is masked, and the
// spans it masked. A secret is the value of the secret property (under any
// casing, at any depth) or of a key that is a near-miss of its name; it
// becomes the JSON string "********", except that a null stays null, and
// one that stands in for a password (IsStandIn) stays as written. Every
// other string token (key or value) whose text equals a secret, or
// contains one of FreeMin or more characters, is masked too, unless it is
// one of the property names; and the raw, escaped and decoded forms of
// such a secret are masked wherever else they occur (comments, broken
// tokens). The framing's secrets (SPEC §12) are masked where they are
// defined and wherever else they occur. It scans tokens without parsing,
// so it works on broken input too: single-quoted and unquoted keys,
// unterminated strings (masked to the end of the line), garbage values
// (masked up to the next ',', '}', ']' or line break), and input cut
// short. Any other line that names the secret property (a comment, a key
// with no ':') is masked from the name to the end of the line. Masking
// keeps the line count. It runs in time linear in the input.
func Redact(data []byte, terms Terms) ([]byte, []Span) {
	r := newRedactor(data, terms)
	r.secretValues()
	r.framing() // before sealing: the framing's values are masked everywhere too
	if !r.set.Empty() {
		r.set.Seal()
		r.secretTokens()
		r.freeText()
	}
	r.mentions()
	return r.apply()
}

// RedactPointer masks, in ptr, each reference token that is a secret of
// data, and the free-text forms of one, as Set.Pointer does with the
// secrets Redact finds in data.
func RedactPointer(data []byte, terms Terms, ptr string) string {
	r := newRedactor(data, terms)
	r.secretValues()
	r.framing()
	if r.set.Empty() {
		return ptr
	}
	return r.set.Seal().Pointer(ptr)
}

// redactor is the state of one Redact call.
type redactor struct {
	data   []byte
	secret string // the secret property's name
	all    *Names // every target's property names (Terms.All)
	set    *Set
	keys   []span // key tokens naming a secret, in order
	values []span // their values, in order
	// standIns are the texts of password values that stand in for one
	// (IsStandIn), shown as written; shown are the string tokens equal
	// to one, in order, whose mentions of the name are no secret either.
	standIns map[string]bool
	shown    []span
	edits    []redactEdit
}

// redactEdit masks data[start:end]: as the JSON string "********" when
// quoted, else as bare ********.
type redactEdit struct {
	start, end int
	quoted     bool
	framing    bool // a framing secret where it is defined (request_redact.go)
}

func newRedactor(data []byte, terms Terms) *redactor {
	return &redactor{data: data, secret: terms.Secret, all: terms.All, set: NewSet(terms.Names)}
}

// token returns the end of the quoted token or bare word at i, and whether
// there is one; i must not be inside a word.
func (r *redactor) token(i int) (end int, ok bool) {
	c := r.data[i]
	switch {
	case c == '"' || c == '\'':
		return scanQuoted(r.data, i), true
	case jsontext.IsIdentByte(c) && (i == 0 || !jsontext.IsIdentByte(r.data[i-1])):
		end = i
		for end < len(r.data) && jsontext.IsIdentByte(r.data[end]) {
			end++
		}
		return end, true
	}
	return i + 1, false
}

// text returns the text of the token [i, end): decoded for a terminated
// double-quoted string, the inside for other quoted ones, the word itself.
func (r *redactor) text(i, end int) string {
	tok := r.data[i:end]
	if c := tok[0]; c == '"' || c == '\'' {
		if c == '"' {
			if s, ok := unquote(string(tok)); ok {
				return s
			}
		}
		inner := tok[1:]
		if len(inner) > 0 && inner[len(inner)-1] == c {
			inner = inner[:len(inner)-1]
		}
		return string(inner)
	}
	return string(tok)
}

// secretValues finds each key naming the secret, or a near-miss of it,
// followed by ':', masks its value and records the value's text (and the
// strings inside a container) as secrets; a value that stands in for a
// password (a placeholder, a template reference) is left as written.
func (r *redactor) secretValues() {
	data := r.data
	for i := 0; i < len(data); {
		end, ok := r.token(i)
		if !ok {
			i = end
			continue
		}
		// Only a token about the name's length can name it (escapes
		// may take six bytes a character): skip the rest unread.
		if n := end - i; n+utf8.UTFMax < len(r.secret) || n > 6*len(r.secret)+2 {
			i = end
			continue
		}
		key := r.text(i, end)
		if !strings.EqualFold(key, r.secret) && !IsNearSecret(key, r.secret) {
			i = end
			continue
		}
		j := skipSpace(data, end)
		if j >= len(data) || data[j] != ':' {
			i = end
			continue
		}
		vs := skipSpace(data, j+1)
		ve := valueEnd(data, vs)
		r.keys = append(r.keys, span{i, end})
		if ve > vs && string(data[vs:ve]) != "null" {
			r.values = append(r.values, span{vs, ve})
			if !r.standIn(vs, ve) {
				r.edits = append(r.edits, redactEdit{start: vs, end: ve, quoted: true})
				r.addValue(vs, ve)
			}
		}
		i = max(ve, end)
	}
	r.shownTokens()
}

// shownTokens finds the string tokens equal to a stand-in password, which
// mentions must leave alone.
func (r *redactor) shownTokens() {
	if len(r.standIns) == 0 {
		return
	}
	for i := 0; i < len(r.data); {
		end, ok := r.token(i)
		if ok && r.data[i] == '"' && r.standIns[r.text(i, end)] {
			r.shown = append(r.shown, span{i, end})
		}
		i = end
	}
}

// standIn reports whether the value [vs, ve) is a string or word that
// stands in for a password (IsStandIn): it is shown as written.
func (r *redactor) standIn(vs, ve int) bool {
	if c := r.data[vs]; c == '{' || c == '[' {
		return false
	}
	text := r.text(vs, ve)
	if !IsStandIn(text) {
		return false
	}
	if r.standIns == nil {
		r.standIns = map[string]bool{}
	}
	r.standIns[text] = true
	return true
}

// addValue records the secret value [vs, ve): a string's text, a bare
// value's, or every string and word inside a container.
func (r *redactor) addValue(vs, ve int) {
	switch r.data[vs] {
	case '{', '[':
		for i := vs; i < ve; {
			end, ok := r.token(i)
			if ok {
				s := r.text(i, end)
				r.set.Add(s, rawInner(r.data[i:end]))
			}
			i = end
		}
	default:
		r.set.Add(r.text(vs, ve), rawInner(r.data[vs:ve]))
	}
}

// rawInner returns a token's text without its quotes.
func rawInner(tok []byte) string {
	if len(tok) > 0 && (tok[0] == '"' || tok[0] == '\'') {
		tok = tok[1:]
		if len(tok) > 0 && (tok[len(tok)-1] == '"' || tok[len(tok)-1] == '\'') {
			tok = tok[:len(tok)-1]
		}
	}
	return string(tok)
}

// secretTokens masks every other token whose text must be masked.
func (r *redactor) secretTokens() {
	for i := 0; i < len(r.data); {
		end, ok := r.token(i)
		if ok && r.set.Token(r.text(i, end)) {
			// A quoted token stays a string; a bare word (in a URL, a
			// header) stays a word.
			r.edits = append(r.edits, redactEdit{start: i, end: end, quoted: r.data[i] == '"' || r.data[i] == '\''})
		}
		i = end
	}
}

// freeText masks the free-text forms of secrets wherever they occur. The
// matcher reads strings only: one copy of the text here costs less than
// compiling it once more for []byte (some 7 KB of main.wasm).
func (r *redactor) freeText() {
	for _, s := range spans(r.set.free, string(r.data), nil) {
		r.edits = append(r.edits, redactEdit{start: s.start, end: s.end, quoted: false})
	}
}

// mentions masks, from the name to the end of its line, every mention of
// the secret property's name that is neither a key found above nor inside
// a password's value or a token equal to a stand-in one. Mentions, keys,
// values and those tokens all come in order: one merge.
func (r *redactor) mentions() {
	data, name := r.data, r.secret
	ki, vi, si := 0, 0, 0
	inside := func(list []span, at int, k *int) bool {
		for *k < len(list) && list[*k].end <= at {
			*k++
		}
		return *k < len(list) && list[*k].start <= at
	}
	for at := 0; at+len(name) <= len(data); at++ {
		if data[at]|0x20 != name[0]|0x20 || !strings.EqualFold(string(data[at:at+len(name)]), name) {
			continue
		}
		from := at + len(name)
		if inside(r.keys, at, &ki) || inside(r.values, at, &vi) || inside(r.shown, at, &si) {
			at = from - 1
			continue
		}
		eol := from
		for eol < len(data) && data[eol] != '\n' && data[eol] != '\r' {
			eol++
		}
		if eol > from {
			r.edits = append(r.edits, redactEdit{start: from, end: eol, quoted: true})
		}
		at = eol - 1
	}
}

// apply writes the output: edits sorted and overlapping ones merged, each
// replaced by the mask, keeping the line breaks it covered.
func (r *redactor) apply() ([]byte, []Span) {
	data := r.data
	if len(r.edits) == 0 {
		return append([]byte(nil), data...), nil
	}
	// At one start, the framing's bare mask first (a word of a URL or a
	// header stays a word), then a quoted one (a JSON value stays JSON).
	rank := func(e redactEdit) int {
		switch {
		case e.framing:
			return 0
		case e.quoted:
			return 1
		}
		return 2
	}
	sort.Slice(r.edits, func(a, b int) bool {
		ea, eb := r.edits[a], r.edits[b]
		return ea.start < eb.start || ea.start == eb.start && rank(ea) < rank(eb)
	})
	merged := r.edits[:1]
	for _, e := range r.edits[1:] {
		last := &merged[len(merged)-1]
		if e.start < last.end {
			last.end = max(last.end, e.end)
			continue
		}
		merged = append(merged, e)
	}
	out := make([]byte, 0, len(data)+16)
	spans := make([]Span, 0, len(merged))
	last := 0
	for _, e := range merged {
		out = append(out, data[last:e.start]...)
		os := len(out)
		if e.quoted {
			if data[e.start] == ' ' {
				out = append(out, ' ')
			}
			out = append(out, '"')
			out = append(out, Mask...)
			out = append(out, '"')
		} else {
			out = append(out, Mask...)
		}
		for _, c := range data[e.start:e.end] {
			if c == '\n' || c == '\r' {
				out = append(out, c)
			}
		}
		spans = append(spans, Span{Start: e.start, End: e.end, OutStart: os, OutEnd: len(out)})
		last = e.end
	}
	return append(out, data[last:]...), spans
}

// scanQuoted returns the end of the quoted token at i: past its closing
// quote, or at the line break or end of input that cuts it short.
func scanQuoted(b []byte, i int) int {
	q := b[i]
	for j := i + 1; j < len(b); j++ {
		switch b[j] {
		case '\\':
			j++
		case q:
			return j + 1
		case '\n', '\r':
			return j
		}
	}
	return len(b)
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// valueEnd returns the end of the value starting at i, tolerating broken
// input.
func valueEnd(b []byte, i int) int {
	if i >= len(b) {
		return i
	}
	switch b[i] {
	case '"', '\'':
		return scanQuoted(b, i)
	case '{', '[':
		depth := 0
		for j := i; j < len(b); j++ {
			switch b[j] {
			case '"', '\'':
				j = scanQuoted(b, j) - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1
				}
			}
		}
		return len(b)
	}
	j := i
	for j < len(b) && !strings.ContainsRune(",}]\r\n", rune(b[j])) {
		j++
	}
	for j > i && (b[j-1] == ' ' || b[j-1] == '\t') {
		j--
	}
	return j
}
