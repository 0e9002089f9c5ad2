package forms

import (
	"encoding/json"
	"strings"

	"github.com/azconn/azconn/internal/jsontext"
)

// fence is one fenced code block of a Markdown text.
type fence struct {
	info    string          // the info string's first word, lower-cased ("http", "json")
	content []jsontext.Line // the lines between the fences
	open    jsontext.Line   // the opening fence line
	End     int             // offset after the closing fence line (or the end of input)
	skip    bool            // a docs comment before it says "ignored" or "response"
	Indent  int             // the opening fence's indentation, which CommonMark strips from each content line
}

// isFence reports whether t (with leading spaces removed) opens or closes
// a fenced code block.
func isFence(t string) bool {
	return strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~")
}

// markdownFences returns the fenced code blocks of data[from:], each with
// whether a docs block comment (<!-- { "blockType": "ignored" } -->, or
// "response") stands right before it.
func markdownFences(data []byte, from int) []fence {
	lines := splitLines(data, from)
	var out []fence
	skipNext := false
	// nextClose is the first line at or after the current comment's that
	// holds "-->": it only moves forward, so unclosed comments cost no
	// rescans.
	nextClose := -1
	for i := 0; i < len(lines); i++ {
		ln := lines[i]
		raw := string(data[ln.Start:ln.End])
		t := strings.TrimLeft(raw, " ")
		indent := len(raw) - len(t)
		switch {
		case strings.TrimSpace(t) == "":
			continue
		case strings.HasPrefix(t, "<!--"):
			// A docs block comment may Span lines; read it whole.
			if nextClose < i {
				nextClose = i
				for nextClose < len(lines) && !strings.Contains(string(data[lines[nextClose].Start:lines[nextClose].End]), "-->") {
					nextClose++
				}
			}
			j := min(nextClose, len(lines)-1)
			skipNext = docsCommentSkips(data[ln.Start:lines[j].End])
			i = j
			continue
		case indent > 3 || !isFence(t):
			skipNext = false
			continue
		}
		marker := t[0]
		n := 0
		for n < len(t) && t[n] == marker {
			n++
		}
		info := strings.TrimSpace(t[n:])
		if marker == '`' && strings.Contains(info, "`") {
			skipNext = false
			continue // not a fence: a code Span
		}
		word, _, _ := strings.Cut(info, " ")
		word, _, _ = strings.Cut(word, "{")
		f := fence{info: strings.ToLower(word), open: ln, skip: skipNext, End: len(data), Indent: indent}
		skipNext = false
		j := i + 1
		for ; j < len(lines); j++ {
			c := strings.TrimLeft(string(data[lines[j].Start:lines[j].End]), " ")
			k := 0
			for k < len(c) && c[k] == marker {
				k++
			}
			if k >= n && strings.TrimSpace(c[k:]) == "" {
				f.End = lines[j].Next
				break
			}
			f.content = append(f.content, lines[j])
		}
		out = append(out, f)
		i = j
	}
	return out
}

// docsCommentSkips reports whether an HTML comment is a Microsoft docs
// block annotation that marks the next block as not a request.
func docsCommentSkips(b []byte) bool {
	if len(b) > 4096 {
		return false // not a docs annotation, which is a few lines
	}
	s := strings.TrimSpace(string(b))
	s = strings.TrimPrefix(s, "<!--")
	s, _, _ = strings.Cut(s, "-->")
	var v struct {
		BlockType string `json:"blockType"`
	}
	if json.Unmarshal([]byte(strings.TrimSpace(s)), &v) == nil {
		bt := strings.ToLower(v.BlockType)
		return bt == "ignored" || bt == "response"
	}
	lower := strings.ToLower(s)
	return strings.Contains(lower, `"ignored"`) || strings.Contains(lower, `"response"`)
}

// ParseMarkdown returns the requests of the fenced http blocks of data.
// A block holds .http syntax (requests separated by ###, comments,
// @variables), so one block may hold several requests; a response's
// status line (HTTP/1.1 200 OK) is not a request, and a block a docs
// comment marks ignored is skipped. When a block's last request has no
// body but its call takes one (POST, PATCH or PUT, not runHealthChecks), a
// json block that follows with nothing but blank lines and comments
// between is its body; after any other request it is a response sample.
func ParseMarkdown(data []byte, from int) []Request {
	fences := markdownFences(data, from)
	var reqs []Request
	for i, f := range fences {
		if f.skip || f.info != "http" || len(f.content) == 0 {
			continue
		}
		block := parseHTTPLines(data, f.content)
		if len(block) == 0 {
			continue
		}
		for j := range block {
			block[j].Indent = f.Indent
		}
		if r := &block[len(block)-1]; !r.HasBody && takesBody(data, r) && i+1 < len(fences) {
			bodyFromFence(data, r, f, fences[i+1])
		}
		reqs = append(reqs, block...)
	}
	return reqs
}

// takesBody reports whether request r's call takes a body: POST, PATCH or
// PUT, and not the runHealthChecks action.
func takesBody(data []byte, r *Request) bool {
	m := strings.ToUpper(string(data[r.Method.Start:r.Method.End]))
	if m != "POST" && m != "PATCH" && m != "PUT" {
		return false
	}
	t := strings.ToLower(string(data[r.Target.Start:r.Target.End]))
	t, _, _ = strings.Cut(t, "?")
	return !strings.HasSuffix(strings.TrimRight(t, "/"), "/runhealthchecks")
}

// bodyFromFence makes the json block next, when it follows block f with
// nothing but blank lines and comments between, the body of r.
func bodyFromFence(data []byte, r *Request, f, next fence) {
	if next.info != "json" || next.skip || !onlyBlankBetween(data, f.End, next.open.Start) || len(next.content) == 0 {
		return
	}
	first, last := -1, -1
	for j, ln := range next.content {
		if strings.TrimSpace(string(data[ln.Start:ln.End])) != "" {
			if first < 0 {
				first = j
			}
			last = j
		}
	}
	if first >= 0 {
		r.HasBody = true
		r.Body = Span{Start: next.content[first].Start, End: next.content[last].Next}
		r.End = r.Body.End
		r.Indent = next.Indent
	}
}

// StripIndent returns body with up to n leading spaces removed from each
// line, as CommonMark removes a fence's indentation from its content
// (spec 0.31, 4.5 "Fenced code blocks").
func StripIndent(body []byte, n int) []byte {
	if n == 0 {
		return body
	}
	out := make([]byte, 0, len(body))
	jsontext.EachLine(body, 0, func(ln jsontext.Line) bool {
		k := ln.Start
		for k < ln.End && k-ln.Start < n && body[k] == ' ' {
			k++
		}
		out = append(out, body[k:ln.Next]...)
		return true
	})
	return out
}

// onlyBlankBetween reports whether data[from:to] holds only white space
// and HTML comments.
func onlyBlankBetween(data []byte, from, to int) bool {
	if from > to {
		return false
	}
	s := string(data[from:to])
	for {
		s = strings.TrimSpace(s)
		if !strings.HasPrefix(s, "<!--") {
			break
		}
		_, rest, ok := strings.Cut(s, "-->")
		if !ok {
			return false
		}
		s = rest
	}
	return s == ""
}
