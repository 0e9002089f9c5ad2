package validate

import (
	"strings"
)

// rawRequest is one request as written in the text, with byte offsets into
// the whole input. Nothing in it is interpreted yet.
type rawRequest struct {
	start, end int // the request: its request line to the end of its body
	method     span
	target     span   // the URL as written, variables unresolved
	query      []span // continuation lines of the target ("    &$top=1"), trimmed
	version    span   // "HTTP/1.1", or empty
	headers    []header
	hasBody    bool
	body       span              // the body's bytes, up to and including the line break of its last line
	bodyFile   bool              // the body is a "< ./file" reference, not inline
	indent     int               // spaces CommonMark strips from each line (a Markdown fence's indentation)
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

// The grammar of .http and .rest files follows the two clients that run
// them:
//   - VS Code REST Client (github.com/Huachao/vscode-restclient,
//     src/utils/httpRequestParser.ts): the method matches
//     /^(GET|POST|…)\s+/i, so any case and any white space after it; the
//     URL runs to /\s+HTTP\/.*$/i (a space in a query is part of it); lines
//     matching /^\s*[&\?]/ continue the request line; a body line matching
//     /^<(?:@\w*)?\s+(.+?)\s*$/ is a file ("< ./body.json", "<@ ./body.json"
//     with variables); {{name}} may hold spaces, and system variables
//     ({{$dotenv X}}, {{$processEnv X}}) come from the environment.
//   - JetBrains HTTP Client ("Exploring the HTTP request syntax",
//     jetbrains.com/help/idea/exploring-http-syntax.html): "within a
//     request, start any line with // or # to make it a comment line"
//     (# @name x among them); indented lines continue the request line;
//     "< {% … %}" or "< ./script.js" before the request line is a
//     pre-request script; after the body, "> {% … %}" or "> ./check.js" is a
//     response handler, ">> ./out.json" and ">>! ./out.json" redirect the
//     response, and "<> ./previous.json" references an earlier response.

// parseRequestLine reads "METHOD target [HTTP/x.y]": the method in any
// case, then spaces or tabs, the target (which may hold spaces, as a
// {{ name }} or a query does), and an optional version, "HTTP/" in any
// case. The target must look like a URL: absolute, a path, or starting
// with a {{variable}}.
func parseRequestLine(t string) (reqLine, bool) {
	i := 0
	for i < len(t) && (t[i] >= 'A' && t[i] <= 'Z' || t[i] >= 'a' && t[i] <= 'z') {
		i++
	}
	m := t[:i]
	if !httpMethods[strings.ToUpper(m)] || i == len(t) || t[i] != ' ' && t[i] != '\t' {
		return reqLine{}, false
	}
	off := i
	for off < len(t) && (t[off] == ' ' || t[off] == '\t') {
		off++
	}
	rest := strings.TrimRight(t[off:], " \t")
	target, ver, vOff := rest, "", 0
	if k := strings.LastIndexAny(rest, " \t"); k > 0 && len(rest)-k > 5 && strings.EqualFold(rest[k+1:k+6], "HTTP/") {
		ver, vOff = rest[k+1:], off+k+1
		target = strings.TrimRight(rest[:k], " \t")
	}
	lower := strings.ToLower(target)
	if target == "" || !(strings.HasPrefix(target, "/") || strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") || strings.HasPrefix(target, "{{")) {
		return reqLine{}, false
	}
	return reqLine{method: m, target: target, version: ver, mOff: 0, tOff: off, vOff: vOff}, true
}

// isContinuation reports whether raw (a line as written) continues the
// request line: "?…" or "&…" (REST Client), or an indented "/…" (JetBrains).
func isContinuation(raw string) bool {
	t := strings.TrimLeft(raw, " \t")
	return strings.HasPrefix(t, "?") || strings.HasPrefix(t, "&") ||
		len(t) < len(raw) && strings.HasPrefix(t, "/") && !strings.HasPrefix(t, "//")
}

// isFileBody reports whether t (trimmed) names a file as the body: "<",
// optionally "@" and an encoding, white space, a path (REST Client).
func isFileBody(t string) bool {
	if !strings.HasPrefix(t, "<") || strings.HasPrefix(t, "<>") {
		return false
	}
	r := strings.TrimPrefix(t[1:], "@")
	r = strings.TrimLeft(r, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
	return len(r) > 1 && (r[0] == ' ' || r[0] == '\t') && strings.TrimSpace(r) != ""
}

// isResponsePart reports whether t (trimmed) starts what follows a
// request's body in a JetBrains file: a response handler ("> {% … %}",
// "> ./check.js"), a redirect (">> file", ">>! file") or a response
// reference ("<> file").
func isResponsePart(t string) bool {
	return strings.HasPrefix(t, ">") || strings.HasPrefix(t, "<>")
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

// trimLine trims white space and a byte order mark (files concatenated
// into one keep theirs) off both ends of a line.
func trimLine(b []byte) string {
	return strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(string(b)), "\ufeff"))
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
		t := trimLine(data[ln.start:ln.end])
		switch {
		case t == "" || strings.HasPrefix(t, "###") || isCommentLine(t):
			i++
			continue
		case isVariableLine(t):
			v := parseVariable(data, ln)
			vars[v.name] = v.value
			i++
			continue
		case strings.HasPrefix(t, "<"):
			i = skipScript(data, lines, i) // a JetBrains pre-request script
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

// skipScript returns the line after the script starting at lines[i]:
// "< {% … %}" up to the line closing it, or "< ./file.js", one line.
func skipScript(data []byte, lines []line, i int) int {
	if !strings.HasPrefix(strings.TrimSpace(trimLine(data[lines[i].start:lines[i].end])[1:]), "{%") {
		return i + 1
	}
	for j := i; j < len(lines); j++ {
		t := string(data[lines[j].start:lines[j].end])
		if j == i {
			_, t, _ = strings.Cut(t, "{%")
		}
		if strings.Contains(t, "%}") {
			return j + 1
		}
	}
	return len(lines)
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
	base := ln.start
	for base < ln.end && (data[base] == ' ' || data[base] == '\t') {
		base++
	}
	if strings.HasPrefix(string(data[base:ln.end]), "\ufeff") {
		base += len("\ufeff")
	}
	r := rawRequest{start: ln.start, end: ln.end}
	r.method = span{base + rl.mOff, base + rl.mOff + len(rl.method)}
	r.target = span{base + rl.tOff, base + rl.tOff + len(rl.target)}
	if rl.version != "" {
		r.version = span{base + rl.vOff, base + rl.vOff + len(rl.version)}
	}
	i++
	for i < len(lines) && isContinuation(string(data[lines[i].start:lines[i].end])) {
		r.continueTarget(data, lines[i])
		i++
	}
	i = r.readHeaders(data, lines, i)
	return r, r.readBody(data, lines, i)
}

// continueTarget adds continuation line ln to the request target: its
// text, trimmed, and a version at its end ("&$top=1 HTTP/1.1").
func (r *rawRequest) continueTarget(data []byte, ln line) {
	q := trimSpan(data, span{ln.start, ln.end})
	t := string(data[q.start:q.end])
	if k := strings.LastIndexAny(t, " \t"); k > 0 && len(t)-k > 5 && strings.EqualFold(t[k+1:k+6], "HTTP/") && r.version.end == 0 {
		r.version = span{q.start + k + 1, q.end}
		q = trimSpan(data, span{q.start, q.start + k})
	}
	r.query = append(r.query, q)
	r.end = ln.end
}

// readHeaders reads header lines from lines[i] up to a blank line (comment
// lines among them skipped) and returns the index after them.
func (r *rawRequest) readHeaders(data []byte, lines []line, i int) int {
	for ; i < len(lines); i++ {
		ln := lines[i]
		t := trimLine(data[ln.start:ln.end])
		if t == "" || strings.HasPrefix(t, "###") {
			break
		}
		if isCommentLine(t) {
			continue
		}
		colon := strings.IndexByte(string(data[ln.start:ln.end]), ':')
		if colon <= 0 || strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[") || strings.HasPrefix(t, "<") {
			break // a body without the blank line before it
		}
		h := header{name: trimSpan(data, span{ln.start, ln.start + colon}), value: trimSpan(data, span{ln.start + colon + 1, ln.end})}
		r.headers = append(r.headers, h)
		r.end = ln.end
	}
	return i
}

// readBody reads the body from lines[i]: from its first line that is
// neither blank nor a comment up to the last such line before the next
// separator or a response handler, redirect or reference (which end the
// request); comment lines inside it stay in its span, and the form layer
// blanks them before linting. It returns the index after the request.
func (r *rawRequest) readBody(data []byte, lines []line, i int) int {
	first, last := -1, -1
	for ; i < len(lines); i++ {
		t := trimLine(data[lines[i].start:lines[i].end])
		if strings.HasPrefix(t, "###") {
			break
		}
		if isResponsePart(t) {
			for i < len(lines) && !isSeparator(data, lines[i]) {
				i++
			}
			break
		}
		if t == "" || isCommentLine(t) {
			continue
		}
		if first < 0 {
			first = i
		}
		last = i
		r.bodyFile = r.bodyFile || isFileBody(t)
	}
	if first >= 0 {
		r.hasBody = true
		r.body = span{lines[first].start, lines[last].next}
		r.end = r.body.end
	}
	return i
}

// blankComments returns body with each comment line (# or // first) as
// spaces, the line breaks kept, so that offsets hold; and whether any was.
func blankComments(body []byte) ([]byte, bool) {
	var out []byte
	eachLine(body, 0, func(ln line) bool {
		if t := trimLine(body[ln.start:ln.end]); isCommentLine(t) {
			if out == nil {
				out = append([]byte(nil), body...)
			}
			for k := ln.start; k < ln.end; k++ {
				out[k] = ' '
			}
		}
		return true
	})
	if out == nil {
		return body, false
	}
	return out, true
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
