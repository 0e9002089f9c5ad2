package validate

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"

	"github.com/azconn/azconn/schema"
)

// RedactMask replaces secret values in text shown to people.
const RedactMask = "********"

// Redact returns a copy of data in which the value of every secret property
// (adDomainPassword, under any casing, at any depth) is replaced by the JSON
// string "********". It scans tokens without parsing, so it works on broken
// input too: single-quoted and unquoted keys, unterminated strings (masked
// to the end of the line), garbage values (masked up to the next ',', '}',
// ']' or line break), and input cut short. Any other line that names the
// secret (a comment, a key with no ':') is masked from the name to the end
// of the line. Use it on anything shown to people: source lines, diffs,
// share links.
func Redact(data []byte, t Target) []byte {
	secret := "adDomainPassword"
	if tb, ok := schema.Lookup(t.String()); ok && tb.Secret != "" {
		secret = tb.Secret
	}
	type edit struct{ start, end int }
	var edits []edit
	var keys []edit // key tokens whose value was masked
	for i := 0; i < len(data); {
		c := data[i]
		var end int
		switch {
		case c == '"' || c == '\'':
			end = scanQuoted(data, i)
			if !isKeyNamed(data[i:end], secret) {
				i = end
				continue
			}
		case isIdentByte(c) && (i == 0 || !isIdentByte(data[i-1])):
			end = i
			for end < len(data) && isIdentByte(data[end]) {
				end++
			}
			if !strings.EqualFold(string(data[i:end]), secret) {
				i = end
				continue
			}
		default:
			i++
			continue
		}
		j := skipSpace(data, end)
		if j >= len(data) || data[j] != ':' {
			i = end
			continue
		}
		vs := skipSpace(data, j+1)
		ve := valueEnd(data, vs)
		if ve > vs {
			edits = append(edits, edit{vs, ve})
		}
		keys = append(keys, edit{i, end})
		i = max(ve, end)
	}
	// Belt and braces: every other mention of the secret's name masks the
	// rest of its line.
	lower := bytes.ToLower(data)
	name := []byte(strings.ToLower(secret))
	for from := 0; ; {
		k := bytes.Index(lower[from:], name)
		if k < 0 {
			break
		}
		at := from + k
		from = at + len(name)
		handled := false
		for _, e := range keys {
			if at >= e.start && at < e.end {
				handled = true
			}
		}
		for _, e := range edits {
			if at >= e.start && at < e.end {
				handled = true
			}
		}
		if handled {
			continue
		}
		eol := from
		for eol < len(data) && data[eol] != '\n' && data[eol] != '\r' {
			eol++
		}
		if eol > from {
			edits = append(edits, edit{from, eol})
			from = eol
		}
	}
	sort.Slice(edits, func(a, b int) bool { return edits[a].start < edits[b].start })
	out := make([]byte, 0, len(data)+16)
	last := 0
	for _, e := range edits {
		if e.start < last {
			continue
		}
		out = append(out, data[last:e.start]...)
		if data[e.start] == ' ' {
			out = append(out, ' ')
		}
		out = append(out, '"')
		out = append(out, RedactMask...)
		out = append(out, '"')
		// Keep the line count, so that redacted text lines up with the
		// original line for line.
		for _, c := range data[e.start:e.end] {
			if c == '\n' || c == '\r' {
				out = append(out, c)
			}
		}
		last = e.end
	}
	// The request forms' own secrets: Authorization headers, secret
	// .http variables and fields (request_redact.go).
	return redactFraming(append(out, data[last:]...))
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

// isKeyNamed reports whether the quoted token names the secret, in any case
// and through escapes.
func isKeyNamed(tok []byte, secret string) bool {
	if len(tok) < 2 || tok[len(tok)-1] != tok[0] {
		return false
	}
	inner := string(tok[1 : len(tok)-1])
	if strings.EqualFold(inner, secret) {
		return true
	}
	if tok[0] == '"' && strings.Contains(inner, `\`) {
		var s string
		if json.Unmarshal(tok, &s) == nil {
			return strings.EqualFold(s, secret)
		}
	}
	return false
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
