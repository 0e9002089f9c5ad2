package validate

import "github.com/azconn/azconn/internal/secrets"

// RedactMask (********) replaces secret values in text shown to people.
const RedactMask = secrets.Mask

// Span is one part of the input that redaction masked: the input's bytes
// [Start, End) became the output's bytes [OutStart, OutEnd). Spans come in
// order and never overlap, so a position in the input maps to the output by
// the shift of the spans before it (see ExampleRedactSpans).
type Span = secrets.Span

// Redact returns a copy of data with every secret masked; it is
// RedactSpans without the spans.
func Redact(data []byte, t Target) []byte {
	out, _ := RedactSpans(data, t)
	return out
}

// RedactSpans returns a copy of data in which every secret is masked, and
// the spans it masked. A secret is the value of the secret property
// (adDomainPassword, under any casing, at any depth) or of a key that is a
// near-miss of its name ("did you mean adDomainPassword?"); it becomes the
// JSON string "********", except that a null stays null. Every other
// string token (key or value) whose text equals a secret, or contains one
// of 4 or more characters, is masked too, unless it is one of the target's
// property names; and the raw, escaped and decoded forms of such a secret
// are masked wherever else they occur (comments, broken tokens). It scans
// tokens without parsing, so it works on broken input too: single-quoted
// and unquoted keys, unterminated strings (masked to the end of the line),
// garbage values (masked up to the next ',', '}', ']' or line break), and
// input cut short. Any other line that names the secret property (a
// comment, a key with no ':') is masked from the name to the end of the
// line. Masking keeps the line count, so masked text lines up with the
// input line for line. Use it on anything shown to people: source lines,
// diffs, share links. It runs in time linear in the input.
func RedactSpans(data []byte, t Target) ([]byte, []Span) {
	return secrets.Redact(data, redactionFor(t))
}

// RedactPointer masks, in ptr, each reference token that is a secret of
// data (the text linted for t), as findings' pointers are masked, and the
// free-text forms of one. Use it on pointers that come from elsewhere than
// a Finding of data, such as a baseline's entries shown beside the file.
func RedactPointer(data []byte, t Target, ptr string) string {
	return secrets.RedactPointer(data, redactionFor(t), ptr)
}
