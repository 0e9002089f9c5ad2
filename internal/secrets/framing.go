package secrets

import (
	"net/url"
	"regexp"
	"strings"
	"sync"

	"github.com/azconn/azconn/internal/jsontext"
)

// Secrets of the request framing (SPEC §12): Authorization header values,
// and the values of headers, .http variables, query, fragment, form and
// JSON fields and URL userinfo passwords whose names contain password,
// secret, token or key (client_secret among them). Each value is cut by
// the grammar it comes from — a header or variable value runs to the end
// of its line, a form or query value to the next '&' — and names are
// compared after percent-decoding and case-folding. A variable is secret
// too when a secret header or field uses it ({{auth}} as the whole
// Authorization value). The values are collected once for the whole text
// (framingScan) and masked wherever they occur, in every request. The
// expressions are compiled on first use: a bare JSON body never needs them.
var (
	// A header line: a token name (RFC 9110 §5.6.2), a colon, the value.
	secretHeaderLine = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile("^(\\s*)([!#$%&'*+.^_`|~0-9A-Za-z-]+)(\\s*:\\s*)(\\S.*?)(\\s*)$")
	})
	// A variable line: REST Client "@name = value" (spaces allowed after @).
	secretVarLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\s*@\s*)([^\s=]+)(\s*=\s*)(\S.*?)(\s*)$`) })
	// A field's name: after a start, '?', '&', ';', '#' or space, up to
	// '='; its value runs to the next '&' or the end of the line.
	secretField = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?:^|[?&;#\s])([A-Za-z0-9_.%\-\[\]]+)[ \t]*=[ \t]*`) })
	// A JSON member "name": "value" (a token request's JSON body).
	secretMember = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`"([^"\\]{1,64})"\s*:\s*("(?:[^"\\]|\\.)*")`) })
	// URL userinfo: scheme://user:password@.
	secretUserinfo = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`[A-Za-z][A-Za-z0-9+.\-]*://[^/?#@\s:]*:([^/?#@\s]+)@`)
	})
	// A line holding a URL: a request line, or a query continuation
	// line ("    ?$select=id", "    &$top=1").
	urlLine = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^\s*(?:[A-Za-z]+\s+(?:[A-Za-z][A-Za-z0-9+.\-]*://|/|\{\{)|[?&])`)
	})
	httpVarRef = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\{\{\s*([^{}\s]+)\s*\}\}`) })
)

// framingSecret is one secret value of the framing: where it is and its
// text as written.
type framingSecret struct {
	at  span
	raw string
}

// framingScan returns the framing secrets of data, in no set order.
func framingScan(data []byte, all *Names) []framingSecret {
	if !strings.ContainsAny(string(data), ":=") {
		return nil
	}
	var out []framingSecret
	vars := map[string][]span{} // every variable's value spans, by folded name
	var used []string           // variables used in secret values
	add := func(s span) {
		v := string(data[s.start:s.end])
		if v == "" || v == Mask {
			return
		}
		for _, m := range httpVarRef().FindAllStringSubmatch(v, -1) {
			used = append(used, strings.ToLower(m[1]))
		}
		if !isTemplateRef(v) {
			out = append(out, framingSecret{s, v})
		}
	}
	jsontext.EachLine(data, 0, func(ln jsontext.Line) bool {
		s := string(data[ln.Start:ln.End])
		for _, sp := range lineSecrets(s, vars, ln.Start, all) {
			add(span{ln.Start + sp.start, ln.Start + sp.end})
		}
		return true
	})
	for _, name := range used {
		for _, s := range vars[name] {
			add(s)
			add(credentials(data, s))
		}
		delete(vars, name)
	}
	return out
}

// lineSecrets returns the spans of line s (offsets within it) holding a
// framing secret, and records its variable definitions (at base) in vars.
// A JSON member named like a secret is one unless it is one of all, the
// targets' property names (a body's password is masked as one).
func lineSecrets(s string, vars map[string][]span, base int, all *Names) []span {
	var out []span
	if m := secretVarLine().FindStringSubmatchIndex(s); m != nil {
		name := foldName(s[m[4]:m[5]])
		if IsSecretName(name) {
			out = append(out, span{m[8], m[9]})
		} else {
			vars[name] = append(vars[name], span{base + m[8], base + m[9]})
		}
		return out
	}
	if m := secretHeaderLine().FindStringSubmatchIndex(s); m != nil && isSecretHeader(foldName(s[m[4]:m[5]])) {
		v := span{m[8], m[9]}
		out = append(out, v, credentials([]byte(s), v))
	}
	if strings.Contains(s, "=") {
		out = append(out, fieldSecrets(s)...)
	}
	if strings.Contains(s, "\"") {
		for _, m := range secretMember().FindAllStringSubmatchIndex(s, -1) {
			if name := foldName(s[m[2]:m[3]]); IsSecretName(name) && !all.Has(s[m[2]:m[3]]) {
				out = append(out, span{m[4] + 1, m[5] - 1})
			}
		}
	}
	if strings.Contains(s, "://") {
		for _, m := range secretUserinfo().FindAllStringSubmatchIndex(s, -1) {
			out = append(out, span{m[2], m[3]})
		}
	}
	return out
}

// credentials returns the part of value v after an authentication scheme
// ("Bearer eyJ…" → "eyJ…"), or an empty span.
func credentials(data []byte, v span) span {
	val := string(data[v.start:v.end])
	sch := strings.IndexAny(val, " \t")
	if sch <= 0 {
		return span{v.end, v.end}
	}
	return trimSpan(data, span{v.start + sch + 1, v.end})
}

// fieldSecrets returns the spans of line s holding the value of a field
// whose name, percent-decoded and case-folded, names a secret: up to the
// next '&' (a form value may hold '#', spaces and quotes), and in a URL
// line also up to ';', '#' or a space.
func fieldSecrets(s string) []span {
	var out []span
	inURL := urlLine().MatchString(s)
	for _, m := range secretField().FindAllStringSubmatchIndex(s, -1) {
		if !IsSecretName(foldName(s[m[2]:m[3]])) {
			continue
		}
		v := span{m[1], m[1] + strings.IndexByte(s[m[1]:]+"&", '&')}
		if inURL { // a query or fragment value also ends at ';', '#' or a space
			if k := strings.IndexAny(s[v.start:v.end], ";# \t"); k >= 0 {
				v.end = v.start + k
			}
		}
		out = append(out, trimSpan([]byte(s), v))
	}
	return out
}

// foldName is a name as compared: percent-decoded, lower-cased.
func foldName(name string) string {
	if strings.Contains(name, "%") {
		if d, err := url.PathUnescape(name); err == nil {
			name = d
		}
	}
	return strings.ToLower(name)
}

// isTemplateRef reports whether v is only a template reference ({{var}},
// ${VAR}…): a name for a value defined elsewhere, not a secret itself.
func isTemplateRef(v string) bool {
	return IsStandInRef(strings.TrimSpace(v))
}

// isSecretHeader reports whether a header's value is a secret.
func isSecretHeader(name string) bool {
	n := strings.ToLower(name)
	return n == "authorization" || n == "proxy-authorization" || n == "cookie" || IsSecretName(n)
}

// addFraming adds the framing secrets of data to set: each value as
// written and percent-decoded. Values shorter than FreeMin are
// masked where they are defined only: as whole tokens elsewhere they would
// mask chance matches ("1", "abc").
func addFraming(set *Set, fs []framingSecret) {
	for _, f := range fs {
		if len([]rune(f.raw)) < FreeMin {
			continue
		}
		set.Add(f.raw, f.raw)
		if strings.Contains(f.raw, "%") {
			if d, err := url.QueryUnescape(f.raw); err == nil && d != f.raw {
				set.Add(d, d)
			}
		}
	}
}

// framing masks the framing secrets of the text where they are defined,
// as bare edits merged with the JSON ones (so the spans Redact
// returns cover them), and adds their values to the set, so that they are
// masked wherever else they occur.
func (r *redactor) framing() {
	fs := framingScan(r.data, r.all)
	for _, f := range fs {
		r.edits = append(r.edits, redactEdit{start: f.at.start, end: f.at.end, framing: true})
	}
	addFraming(r.set, fs)
}

// BodySecrets returns the secrets of the values of data's secret property
// and its near-misses, found by scanning tokens as Redact does (no
// framing), sealed: for a body whose tree is cut short.
func BodySecrets(data []byte, terms Terms) *Set {
	r := newRedactor(data, terms)
	r.secretValues()
	return r.set.Seal()
}

// FileSecrets is the one secret set of a text holding requests: every
// body's password, as the redactor finds them in the whole text (any
// casing, near-miss keys, escapes, containers: what each body's bind
// finds, without parsing each body once more), and every framing secret.
// A body whose parse finds one more adds it to its own copy. Terms are
// those of any target, since the text may hold requests for either.
func FileSecrets(data []byte, terms Terms) *Set {
	r := newRedactor(data, terms)
	r.secretValues()
	addFraming(r.set, framingScan(data, terms.All))
	return r.set.Seal()
}

// MaskURL masks a request URL's framing secrets by their grammar (query
// and fragment field values, a userinfo password), then every other
// secret of set in it; all is every target's property names (Terms.All).
func MaskURL(u string, set *Set, all *Names) string {
	const verb = "GET "
	line := verb + u
	sp := lineSecrets(line, map[string][]span{}, 0, all)
	if len(sp) > 0 {
		sortSpans(sp)
		var b strings.Builder
		last := 0
		for _, s := range sp {
			if s.start < last {
				s.start = last
			}
			if s.end <= s.start {
				continue
			}
			b.WriteString(line[last:s.start])
			b.WriteString(Mask)
			last = s.end
		}
		b.WriteString(line[last:])
		line = b.String()
	}
	return set.FreeText(line[len(verb):])
}

// IsSecretName reports whether a variable, header or form field name
// names a secret (SPEC §12).
func IsSecretName(name string) bool {
	n := strings.ToLower(name)
	for _, w := range []string{"password", "secret", "token", "key", "authorization"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// trimSpan trims spaces and tabs off both ends of s.
func trimSpan(data []byte, s span) span {
	s.start, s.end = jsontext.TrimBlanks(data, s.start, s.end)
	return s
}
