package forms

import (
	"strings"

	"github.com/azconn/azconn/internal/jsontext"
)

// Request is one request as written in the text, with byte offsets into
// the whole input. Nothing in it is interpreted yet: its URL is not
// resolved, its headers not checked, its body not parsed.
type Request struct {
	Start, End int // the request: its request line to the end of its body
	Method     Span
	Target     Span   // the URL as written, variables unresolved
	Query      []Span // continuation lines of the target ("    &$top=1"), trimmed
	Version    Span   // "HTTP/1.1", or empty
	Headers    []Header
	HasBody    bool
	Body       Span              // the body's bytes, up to and including the line break of its last line
	BodyFile   bool              // the body is a "< ./file" reference, not inline
	Indent     int               // spaces CommonMark strips from each line (a Markdown fence's indentation)
	Vars       map[string]string // the file's @variables (REST Client: file-wide, the last definition wins)
}

// Span is [Start, End) of the input, as the JSON text layer spans its
// tokens.
type Span = jsontext.Span

// Header is one "Name: value" line: its name and its value, trimmed.
type Header struct {
	Name, Value Span
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
	return strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(string(b)), jsontext.BOM))
}

// isCommentLine reports whether t (trimmed) is a .http comment line.
func isCommentLine(t string) bool {
	return strings.HasPrefix(t, "#") || strings.HasPrefix(t, "//")
}

// ParseHTTP reads the requests of an HTTP request or a .http file in
// data[from:]: requests separated by ### lines, # and // comment lines and
// @name = value variables outside requests. Each request is a request
// line, header lines up to a blank line, and a body up to the next
// separator (trailing blank lines and JetBrains response handlers
// excluded).
func ParseHTTP(data []byte, from int) []Request {
	return parseHTTPLines(data, splitLines(data, from))
}

// parseHTTPLines reads the requests of the given lines of data (a whole
// text, or the content of a Markdown fence), as ParseHTTP says.
func parseHTTPLines(data []byte, lines []jsontext.Line) []Request {
	var reqs []Request
	vars := map[string]string{}
	for i := 0; i < len(lines); {
		ln := lines[i]
		t := trimLine(data[ln.Start:ln.End])
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
		r.Vars = vars
		reqs = append(reqs, r)
		i = next
	}
	return reqs
}

// skipScript returns the line after the script starting at lines[i]:
// "< {% … %}" up to the line closing it, or "< ./file.js", one line.
func skipScript(data []byte, lines []jsontext.Line, i int) int {
	if !strings.HasPrefix(strings.TrimSpace(trimLine(data[lines[i].Start:lines[i].End])[1:]), "{%") {
		return i + 1
	}
	for j := i; j < len(lines); j++ {
		t := string(data[lines[j].Start:lines[j].End])
		if j == i {
			_, t, _ = strings.Cut(t, "{%")
		}
		if strings.Contains(t, "%}") {
			return j + 1
		}
	}
	return len(lines)
}

func isSeparator(data []byte, ln jsontext.Line) bool {
	return strings.HasPrefix(strings.TrimSpace(string(data[ln.Start:ln.End])), "###")
}

func parseVariable(data []byte, ln jsontext.Line) hvar {
	s := string(data[ln.Start:ln.End])
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
func readRequest(data []byte, lines []jsontext.Line, i int, rl reqLine) (Request, int) {
	ln := lines[i]
	base := ln.Start
	for base < ln.End && (data[base] == ' ' || data[base] == '\t') {
		base++
	}
	base += jsontext.BOMLen(data[base:ln.End])
	r := Request{Start: ln.Start, End: ln.End}
	r.Method = Span{Start: base + rl.mOff, End: base + rl.mOff + len(rl.method)}
	r.Target = Span{Start: base + rl.tOff, End: base + rl.tOff + len(rl.target)}
	if rl.version != "" {
		r.Version = Span{Start: base + rl.vOff, End: base + rl.vOff + len(rl.version)}
	}
	i++
	for i < len(lines) && isContinuation(string(data[lines[i].Start:lines[i].End])) {
		r.continueTarget(data, lines[i])
		i++
	}
	i = r.readHeaders(data, lines, i)
	return r, r.readBody(data, lines, i)
}

// continueTarget adds continuation line ln to the request target: its
// text, trimmed, and a version at its end ("&$top=1 HTTP/1.1").
func (r *Request) continueTarget(data []byte, ln jsontext.Line) {
	q := trimSpan(data, Span{Start: ln.Start, End: ln.End})
	t := string(data[q.Start:q.End])
	if k := strings.LastIndexAny(t, " \t"); k > 0 && len(t)-k > 5 && strings.EqualFold(t[k+1:k+6], "HTTP/") && r.Version.End == 0 {
		r.Version = Span{Start: q.Start + k + 1, End: q.End}
		q = trimSpan(data, Span{Start: q.Start, End: q.Start + k})
	}
	r.Query = append(r.Query, q)
	r.End = ln.End
}

// readHeaders reads header lines from lines[i] up to a blank line (comment
// lines among them skipped) and returns the index after them.
func (r *Request) readHeaders(data []byte, lines []jsontext.Line, i int) int {
	for ; i < len(lines); i++ {
		ln := lines[i]
		t := trimLine(data[ln.Start:ln.End])
		if t == "" || strings.HasPrefix(t, "###") {
			break
		}
		if isCommentLine(t) {
			continue
		}
		colon := strings.IndexByte(string(data[ln.Start:ln.End]), ':')
		if colon <= 0 || strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[") || strings.HasPrefix(t, "<") {
			break // a body without the blank line before it
		}
		h := Header{Name: trimSpan(data, Span{Start: ln.Start, End: ln.Start + colon}), Value: trimSpan(data, Span{Start: ln.Start + colon + 1, End: ln.End})}
		r.Headers = append(r.Headers, h)
		r.End = ln.End
	}
	return i
}

// readBody reads the body from lines[i]: from its first line that is
// neither blank nor a comment up to the last such line before the next
// separator or a response handler, redirect or reference (which end the
// request); comment lines inside it stay in its Span, and the form layer
// blanks them before linting. It returns the index after the request.
func (r *Request) readBody(data []byte, lines []jsontext.Line, i int) int {
	first, last := -1, -1
	for ; i < len(lines); i++ {
		t := trimLine(data[lines[i].Start:lines[i].End])
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
		r.BodyFile = r.BodyFile || isFileBody(t)
	}
	if first >= 0 {
		r.HasBody = true
		r.Body = Span{Start: lines[first].Start, End: lines[last].Next}
		r.End = r.Body.End
	}
	return i
}

// BlankComments returns body with each comment line (# or // first) as
// spaces, the line breaks kept, so that offsets hold; and whether any was.
func BlankComments(body []byte) ([]byte, bool) {
	var out []byte
	jsontext.EachLine(body, 0, func(ln jsontext.Line) bool {
		if t := trimLine(body[ln.Start:ln.End]); isCommentLine(t) {
			if out == nil {
				out = append([]byte(nil), body...)
			}
			for k := ln.Start; k < ln.End; k++ {
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
func trimSpan(data []byte, s Span) Span {
	s.Start, s.End = jsontext.TrimBlanks(data, s.Start, s.End)
	return s
}

// Header returns the first header named name (any case).
func (r *Request) Header(data []byte, name string) (Header, bool) {
	for _, h := range r.Headers {
		if strings.EqualFold(string(data[h.Name.Start:h.Name.End]), name) {
			return h, true
		}
	}
	return Header{}, false
}

// HeadersNamed returns every header named name (any case), in order.
func (r *Request) HeadersNamed(data []byte, name string) []Header {
	var out []Header
	for _, h := range r.Headers {
		if strings.EqualFold(string(data[h.Name.Start:h.Name.End]), name) {
			out = append(out, h)
		}
	}
	return out
}

// Parse returns the requests of data[from:] (from skips a byte order
// mark) when it holds the given form: those of the fenced http blocks of
// Markdown, else those of HTTP text (a request or a .http file).
func Parse(data []byte, form Form, from int) []Request {
	if form == Markdown {
		return ParseMarkdown(data, from)
	}
	return ParseHTTP(data, from)
}
