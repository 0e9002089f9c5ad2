package validate

import (
	"regexp"
	"strings"
)

// Secrets of the request framing (SPEC §12): Authorization header values,
// headers, .http variables and form or query fields whose names contain
// password, secret, token or key (client_secret among them).
var (
	secretHeaderLine = regexp.MustCompile(`^(\s*)([A-Za-z0-9-]+)(\s*:\s*)(\S.*?)(\s*)$`)
	secretVarLine    = regexp.MustCompile(`^(\s*@)([^\s=]+)(\s*=\s*)(\S.*?)(\s*)$`)
	secretField      = regexp.MustCompile(`(?i)(^|[?&\s])([A-Za-z0-9_.\-]*(?:password|secret|token|key)[A-Za-z0-9_.\-]*)=([^&\s#"]+)`)
)

// redactFraming masks the framing secrets of a text line by line; the
// line count and everything else stay.
func redactFraming(data []byte) []byte {
	if !strings.ContainsAny(string(data), ":=") {
		return data
	}
	var out []byte
	changed := false
	for _, ln := range splitLines(data, 0) {
		s := string(data[ln.start:ln.end])
		r := redactLine(s)
		if r != s {
			changed = true
		}
		out = append(append(out, r...), data[ln.end:ln.next]...)
	}
	if !changed {
		return data
	}
	return out
}

func redactLine(s string) string {
	if m := secretHeaderLine.FindStringSubmatch(s); m != nil && isSecretHeader(m[2]) && m[4] != RedactMask {
		return m[1] + m[2] + m[3] + RedactMask + m[5]
	}
	if m := secretVarLine.FindStringSubmatch(s); m != nil && isSecretName(m[2]) && m[4] != RedactMask {
		return m[1] + m[2] + m[3] + RedactMask + m[5]
	}
	if strings.Contains(s, "=") {
		s = secretField.ReplaceAllStringFunc(s, func(f string) string {
			m := secretField.FindStringSubmatch(f)
			if m[3] == RedactMask || strings.HasPrefix(m[3], "{{") {
				return f
			}
			return m[1] + m[2] + "=" + RedactMask
		})
	}
	return s
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
		if m := secretHeaderLine.FindStringSubmatch(s); m != nil && isSecretHeader(m[2]) {
			out = append(out, m[4])
			if _, tok, ok := strings.Cut(m[4], " "); ok {
				out = append(out, strings.TrimSpace(tok))
			}
		}
		if m := secretVarLine.FindStringSubmatch(s); m != nil && isSecretName(m[2]) {
			out = append(out, m[4])
		}
		for _, m := range secretField.FindAllStringSubmatch(s, -1) {
			out = append(out, m[3])
		}
	}
	return out
}
