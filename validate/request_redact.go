package validate

import (
	"regexp"
	"strings"
	"sync"
)

// Secrets of the request framing (SPEC §12): Authorization header values,
// headers, .http variables and form or query fields whose names contain
// password, secret, token or key (client_secret among them). Compiled on
// first use, as a bare JSON body never needs them: no process pays at start.
var (
	secretHeaderLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\s*)([A-Za-z0-9-]+)(\s*:\s*)(\S.*?)(\s*)$`) })
	secretVarLine    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\s*@)([^\s=]+)(\s*=\s*)(\S.*?)(\s*)$`) })
	secretField      = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)(^|[?&\s])([A-Za-z0-9_.\-]*(?:password|secret|token|key)[A-Za-z0-9_.\-]*)=([^&\s#"]+)`)
	})
)

// framing masks the framing secrets of the text line by line (header,
// variable and field values) as bare edits, merged with the JSON ones, so
// the spans RedactSpans returns cover them too.
func (r *redactor) framing() {
	if !strings.ContainsAny(string(r.data), ":=") {
		return
	}
	for _, ln := range splitLines(r.data, 0) {
		s := string(r.data[ln.start:ln.end])
		for _, sp := range framingSpans(s) {
			r.edits = append(r.edits, redactEdit{start: ln.start + sp[0], end: ln.start + sp[1]})
		}
	}
}

// framingSpans returns the [start, end) byte ranges of line s that hold a
// framing secret not already masked or left as a {{variable}}.
func framingSpans(s string) [][2]int {
	var out [][2]int
	if m := secretHeaderLine().FindStringSubmatchIndex(s); m != nil && isSecretHeader(s[m[4]:m[5]]) && s[m[8]:m[9]] != RedactMask {
		out = append(out, [2]int{m[8], m[9]})
	}
	if m := secretVarLine().FindStringSubmatchIndex(s); m != nil && isSecretName(s[m[4]:m[5]]) && s[m[8]:m[9]] != RedactMask {
		out = append(out, [2]int{m[8], m[9]})
	}
	if strings.Contains(s, "=") {
		for _, m := range secretField().FindAllStringSubmatchIndex(s, -1) {
			v := s[m[6]:m[7]]
			if v != RedactMask && !strings.HasPrefix(v, "{{") {
				out = append(out, [2]int{m[6], m[7]})
			}
		}
	}
	return out
}

// isSecretHeader reports whether a header's value is a secret.
func isSecretHeader(name string) bool {
	n := strings.ToLower(name)
	return n == "authorization" || n == "proxy-authorization" || n == "cookie" || isSecretName(n)
}

// framingSecrets returns the secret values of a text's framing (header,
// variable and field values), to keep them out of messages.
func framingSecrets(data []byte) []string {
	var out []string
	for _, ln := range splitLines(data, 0) {
		s := string(data[ln.start:ln.end])
		if m := secretHeaderLine().FindStringSubmatch(s); m != nil && isSecretHeader(m[2]) {
			out = append(out, m[4])
			if _, tok, ok := strings.Cut(m[4], " "); ok {
				out = append(out, strings.TrimSpace(tok))
			}
		}
		if m := secretVarLine().FindStringSubmatch(s); m != nil && isSecretName(m[2]) {
			out = append(out, m[4])
		}
		for _, m := range secretField().FindAllStringSubmatch(s, -1) {
			out = append(out, m[3])
		}
	}
	return out
}
