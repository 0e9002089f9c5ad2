package validate

import (
	"strings"
)

// rawRequest is one request as written in the text, with byte offsets into
// the whole input. Nothing in it is interpreted yet.
type rawRequest struct {
	start, end int // the request: its request line to the end of its body
	method     span
	target     span // the URL as written, variables unresolved
	version    span // "HTTP/1.1", or empty
	headers    []header
	hasBody    bool
	body       span              // the body's bytes, up to and including the line break of its last line
	bodyFile   bool              // the body is a "< ./file" reference, not inline
	vars       map[string]string // the file's @variables (REST Client: file-wide, the last definition wins)
}

// span is [start, end) of the input.
type span struct{ start, end int }

// header is one "Name: value" line.
type header struct {
	name, value span
}

// hvar is one "@name = value" definition of a .http file.
type hvar struct {
	name, value string
}

// reqLine is what a request line says.
type reqLine struct {
	method, target, version string
	// offsets of the three within the trimmed line
	mOff, tOff, vOff int
}

// httpMethods are the methods a request line may start with.
var httpMethods = map[string]bool{"GET": true, "POST": true, "PATCH": true, "PUT": true, "DELETE": true, "HEAD": true, "OPTIONS": true, "TRACE": true, "CONNECT": true}

// parseRequestLine reads "METHOD target [HTTP/x.y]". The target must look
// like a URL: absolute, a path, or starting with a {{variable}}.
func parseRequestLine(t string) (reqLine, bool) {
	m, rest, ok := strings.Cut(t, " ")
	if !ok || !httpMethods[strings.ToUpper(m)] || m != strings.ToUpper(m) {
		return reqLine{}, false
	}
	off := len(m) + 1
	for strings.HasPrefix(rest, " ") || strings.HasPrefix(rest, "\t") {
		rest, off = rest[1:], off+1
	}
	target, ver := rest, ""
	vOff := 0
	if i := strings.LastIndexAny(rest, " \t"); i > 0 && strings.HasPrefix(strings.TrimSpace(rest[i:]), "HTTP/") {
		ver = strings.TrimSpace(rest[i:])
		vOff = off + i + 1
		target = strings.TrimRight(rest[:i], " \t")
	}
	lower := strings.ToLower(target)
	if target == "" || strings.ContainsAny(target, " \t") ||
		!(strings.HasPrefix(target, "/") || strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") || strings.HasPrefix(target, "{{")) {
		return reqLine{}, false
	}
	return reqLine{method: m, target: target, version: ver, mOff: 0, tOff: off, vOff: vOff}, true
}

// isVariableLine reports whether t is "@name = value".
func isVariableLine(t string) bool {
	if !strings.HasPrefix(t, "@") {
		return false
	}
	name, _, ok := strings.Cut(t[1:], "=")
	name = strings.TrimSpace(name)
	return ok && name != "" && !strings.ContainsAny(name, " \t{}")
}

// isCommentLine reports whether t (trimmed) is a .http comment line.
func isCommentLine(t string) bool {
	return strings.HasPrefix(t, "#") || strings.HasPrefix(t, "//")
}

// parseHTTPText reads the requests of an HTTP request or a .http file in
// data[from:]: requests separated by ### lines, # and // comment lines and
// @name = value variables outside requests. Each request is a request
// line, header lines up to a blank line, and a body up to the next
// separator (trailing blank lines and JetBrains response handlers
// excluded).
func parseHTTPText(data []byte, from int) []rawRequest {
	return parseHTTPLines(data, splitLines(data, from))
}

// parseHTTPLines reads the requests of the given lines of data (a whole
// text, or the content of a Markdown fence), as parseHTTPText says.
func parseHTTPLines(data []byte, lines []line) []rawRequest {
	var reqs []rawRequest
	vars := map[string]string{}
	for i := 0; i < len(lines); {
		ln := lines[i]
		t := strings.TrimSpace(string(data[ln.start:ln.end]))
		switch {
		case t == "" || strings.HasPrefix(t, "###") || isCommentLine(t):
			i++
			continue
		case isVariableLine(t):
			v := parseVariable(data, ln)
			vars[v.name] = v.value
			i++
			continue
		}
		rl, ok := parseRequestLine(t)
		if !ok {
			// Not a request: skip to the next separator.
			for i < len(lines) && !isSeparator(data, lines[i]) {
				i++
			}
			continue
		}
		r, next := readRequest(data, lines, i, rl)
		r.vars = vars
		reqs = append(reqs, r)
		i = next
	}
	return reqs
}

func isSeparator(data []byte, ln line) bool {
	return strings.HasPrefix(strings.TrimSpace(string(data[ln.start:ln.end])), "###")
}

func parseVariable(data []byte, ln line) hvar {
	s := string(data[ln.start:ln.end])
	at := strings.IndexByte(s, '@')
	eq := strings.IndexByte(s, '=')
	name := strings.TrimSpace(s[at+1 : eq])
	vs := eq + 1
	for vs < len(s) && (s[vs] == ' ' || s[vs] == '\t') {
		vs++
	}
	ve := len(s)
	for ve > vs && (s[ve-1] == ' ' || s[ve-1] == '\t') {
		ve--
	}
	return hvar{name: name, value: s[vs:ve]}
}

// readRequest reads the request whose request line is lines[i]; it
// returns the request and the index of the first line after it.
func readRequest(data []byte, lines []line, i int, rl reqLine) (rawRequest, int) {
	ln := lines[i]
	lead := 0
	for ln.start+lead < ln.end && (data[ln.start+lead] == ' ' || data[ln.start+lead] == '\t') {
		lead++
	}
	base := ln.start + lead
	r := rawRequest{start: ln.start, end: ln.end}
	r.method = span{base + rl.mOff, base + rl.mOff + len(rl.method)}
	r.target = span{base + rl.tOff, base + rl.tOff + len(rl.target)}
	if rl.version != "" {
		r.version = span{base + rl.vOff, base + rl.vOff + len(rl.version)}
	}
	i++
	// Headers, up to a blank line; comment lines among them are skipped.
	for ; i < len(lines); i++ {
		ln := lines[i]
		t := strings.TrimSpace(string(data[ln.start:ln.end]))
		if t == "" || strings.HasPrefix(t, "###") {
			break
		}
		if isCommentLine(t) {
			continue
		}
		colon := strings.IndexByte(string(data[ln.start:ln.end]), ':')
		if colon <= 0 || strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[") {
			break // a body without the blank line before it
		}
		h := header{name: trimSpan(data, span{ln.start, ln.start + colon}), value: trimSpan(data, span{ln.start + colon + 1, ln.end})}
		r.headers = append(r.headers, h)
		r.end = ln.end
	}
	// Body: from the first non-blank line up to the separator.
	for i < len(lines) && strings.TrimSpace(string(data[lines[i].start:lines[i].end])) == "" {
		i++
	}
	first, last := -1, -1
	for ; i < len(lines); i++ {
		ln := lines[i]
		t := strings.TrimSpace(string(data[ln.start:ln.end]))
		if strings.HasPrefix(t, "###") {
			break
		}
		if strings.HasPrefix(t, "> {%") || strings.HasPrefix(t, "<> ") {
			// A JetBrains response handler or redirect ends the body.
			for i < len(lines) && !isSeparator(data, lines[i]) {
				i++
			}
			break
		}
		if first < 0 && t != "" {
			first = i
		}
		if t != "" {
			last = i
		}
	}
	if first >= 0 {
		r.hasBody = true
		r.body = span{lines[first].start, lines[last].next}
		r.end = r.body.end
		if t := strings.TrimSpace(string(data[lines[first].start:lines[first].end])); strings.HasPrefix(t, "< ") && first == last {
			r.bodyFile = true
		}
	}
	return r, i
}

// trimSpan trims spaces and tabs off both ends of s.
func trimSpan(data []byte, s span) span {
	for s.start < s.end && (data[s.start] == ' ' || data[s.start] == '\t') {
		s.start++
	}
	for s.end > s.start && (data[s.end-1] == ' ' || data[s.end-1] == '\t') {
		s.end--
	}
	return s
}

// headerValue returns the first header named name (any case).
func (r *rawRequest) headerValue(data []byte, name string) (header, bool) {
	for _, h := range r.headers {
		if strings.EqualFold(string(data[h.name.start:h.name.end]), name) {
			return h, true
		}
	}
	return header{}, false
}

// headersNamed returns every header named name (any case), in order.
func (r *rawRequest) headersNamed(data []byte, name string) []header {
	var out []header
	for _, h := range r.headers {
		if strings.EqualFold(string(data[h.name.start:h.name.end]), name) {
			out = append(out, h)
		}
	}
	return out
}
