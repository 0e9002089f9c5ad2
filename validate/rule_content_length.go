package validate

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/azconn/azconn/internal/forms"
	"github.com/azconn/azconn/internal/jsontext"
)

// content-length is reported by the form layer (request.go). Its fix edits
// a header, not the body, so it has no JSON Patch form: Fix is nil, Edit
// is set and the pointer is empty (SPEC §12).
func init() {
	register(&rule{Rule: Rule{ID: "content-length", Severity: SeverityWarning, Fixable: true,
		Summary: "A declared Content-Length that no line-ending convention makes the body's byte length, or a second Content-Length header.",
		Help: "A wrong length makes the server cut the body or wait for more. A count is right when it is the body's length with LF or with CRLF line endings, with or without the final line break, as the client may send it; " +
			"the fix keeps the convention the declared value used (the body's own line endings when none fits); a right value is kept right when other fixes change the body. A templated or file-sourced value or body is not counted. Or leave the header out and let the client compute it."}})
}

// lengthConvention is how a client may count a body written in a file: its
// line breaks sent as LF or as CRLF, the last line's break sent or not.
type lengthConvention struct{ crlf, final bool }

// conventions lists every convention, the one a text as written uses
// first (CRLF when its first line break is CRLF), with the final break.
func conventions(body []byte) []lengthConvention {
	crlf := bytes.Contains(body, []byte("\r\n"))
	return []lengthConvention{{crlf, true}, {crlf, false}, {!crlf, true}, {!crlf, false}}
}

// endings names the line endings alone.
func (c lengthConvention) endings() string {
	if c.crlf {
		return "CRLF line endings"
	}
	return "LF line endings"
}

func (c lengthConvention) String() string {
	s := c.endings()
	if c.final {
		return s + " and the final line break"
	}
	return s + " and no final line break"
}

// wireLength is body's length in bytes when sent under convention c: each
// line break (LF, CRLF or a lone CR) counts 1 or 2, and a break ending the
// body counts only when c sends it.
func wireLength(body []byte, c lengthConvention) int {
	breaks, breakBytes := 0, 0
	for i := 0; i < len(body); i++ {
		if n := jsontext.LineBreakLen(body, i); n > 0 {
			breaks, breakBytes = breaks+1, breakBytes+n
			i += n - 1
		}
	}
	if !c.final && len(body) > 0 && jsontext.LineBreakLen(body, len(body)-1) > 0 {
		breaks--
	}
	width := 1
	if c.crlf {
		width = 2
	}
	return len(body) - breakBytes + breaks*width
}

// isByteCount reports whether v is a Content-Length value: 1*DIGIT (RFC
// 9110 §8.6), so no sign, space or exponent.
func isByteCount(v string) bool {
	if v == "" || len(v) > 15 {
		return false
	}
	for i := 0; i < len(v); i++ {
		if v[i] < '0' || v[i] > '9' {
			return false
		}
	}
	return true
}

// checkContentLength reports a declared Content-Length that no convention
// makes the body's length, and fixes it to the normalized body's length
// under the convention the declared value used (when none fits, the
// body's own line endings with the final break). A templated header value,
// a templated body or a file body ("< ./body.json") cannot be counted here
// and is left alone. Every Content-Length header is checked so, and each
// after the first is reported as a duplicate.
func (fl *formLinter) checkContentLength(r *forms.Request, ri int, body, normalized []byte) {
	hs := r.HeadersNamed(fl.data, "Content-Length")
	if len(hs) == 0 {
		return
	}
	if _, comments := forms.BlankComments(body); r.BodyFile || comments || bytes.Contains(body, []byte("{{")) {
		// Filled in when the request is sent, or sent without its comment
		// lines: the length is not known here.
		return
	}
	if te, ok := r.Header(fl.data, "Transfer-Encoding"); ok {
		fl.report("content-length", SeverityWarning, textSpan(hs[0].Value), ri, fmt.Sprintf("Content-Length is sent with Transfer-Encoding %s: RFC 9112 §6.2 forbids both in one message; remove Content-Length",
			quoteJSON(string(fl.data[te.Value.Start:te.Value.End]))))
		return
	}
	// A Markdown fence's content is its lines less the fence's indentation.
	body, normalized = forms.StripIndent(body, r.Indent), forms.StripIndent(normalized, r.Indent)
	for i, h := range hs {
		if i > 0 {
			fl.report("content-length", SeverityWarning, textSpan(h.Value), ri, fmt.Sprintf("a second Content-Length header (line %d has one): RFC 9112 §6.3 makes a message with differing values invalid; remove this one",
				posIn(fl.lines, hs[0].Name.Start).Line))
		}
		fl.checkLengthValue(h, ri, body, normalized)
	}
}

// checkLengthValue checks one Content-Length value against the body.
func (fl *formLinter) checkLengthValue(h forms.Header, ri int, body, normalized []byte) {
	v := string(fl.data[h.Value.Start:h.Value.End])
	if strings.Contains(v, "{{") {
		return // a variable: filled in when the request is sent
	}
	msg, want := contentLengthMessage(v, body, normalized)
	if msg == "" {
		if strconv.Itoa(want) != v && !fl.l.holds("content-length") {
			// Right as written: the fixed text keeps it right, with no
			// finding of its own (the body's findings explain the change).
			fl.edits = append(fl.edits, formEdit{h.Value.Start, h.Value.End, strconv.Itoa(want), nil})
		}
		return
	}
	if f := fl.report("content-length", SeverityWarning, textSpan(h.Value), ri, msg); f != nil {
		f.Fixable = true
		if !fl.l.holds("content-length") { // Options.NoFix: reported, not fixed
			f.Edit = &Edit{}
			fl.edits = append(fl.edits, formEdit{h.Value.Start, h.Value.End, strconv.Itoa(want), []*Edit{f.Edit}})
		}
	}
}

// contentLengthMessage says what is wrong with the declared value v for
// body, and the value the fix writes; "" when v is right, with the value
// that keeps it right for the normalized body.
func contentLengthMessage(v string, body, normalized []byte) (string, int) {
	convs := conventions(body)
	if !isByteCount(v) {
		c := convs[0]
		return fmt.Sprintf("Content-Length %s is not a byte count (digits only, RFC 9110 §8.6); the body has %d bytes with %s: the fix sets %d",
			quoteJSON(v), wireLength(body, c), c, wireLength(normalized, c)), wireLength(normalized, c)
	}
	n, _ := strconv.Atoi(v)
	for _, c := range convs {
		if wireLength(body, c) != n {
			continue
		}
		// Right as written: no finding, but the text the fixes write
		// keeps it right, counted the same way.
		return "", wireLength(normalized, c)
	}
	// No convention fits: count the body as written, final break sent.
	best := convs[0]
	have, after := wireLength(body, best), wireLength(normalized, best)
	other := lengthConvention{!best.crlf, best.final}
	msg := fmt.Sprintf("Content-Length is %d but the body has %d bytes with %s (%d with %s): a server reads a truncated body or waits for more; the fix sets it to %d",
		n, have, best, wireLength(body, other), other.endings(), after)
	return msg, after
}
