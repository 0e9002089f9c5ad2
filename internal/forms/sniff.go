package forms

import (
	"bytes"
	"path/filepath"
	"strings"

	"github.com/azconn/azconn/internal/jsontext"
)

// Form is how a text holds requests: a bare JSON body, one HTTP request,
// a .http file or Markdown. Package validate names them to its callers.
type Form string

// The forms. The zero Form means "not known": Sniff tells it.
const (
	JSON     Form = "json"      // a bare JSON body
	HTTP     Form = "http"      // one HTTP request: request line, headers, blank line, body
	HTTPFile Form = "http-file" // a .http/.rest file: requests separated by ###, comments, @variables
	Markdown Form = "markdown"  // Markdown: fenced http blocks holding requests
)

// ForName returns the form a file name's extension says: .json is
// JSON, .http and .rest are http-file, .md and .markdown are Markdown.
// Anything else is the zero Form (sniff).
func ForName(name string) Form {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		return JSON
	case ".http", ".rest":
		return HTTPFile
	case ".md", ".markdown":
		return Markdown
	}
	return ""
}

// Sniff tells the form from the content: a leading '{' or '[' is
// JSON; a request line first (after comments and @variables) is an HTTP
// request, or a .http file when a ### separator, a comment or a variable
// comes with it; a fenced code block makes Markdown. Anything else is
// JSON, whose parser then says what is wrong.
func Sniff(data []byte) Form {
	data = data[jsontext.BOMLen(data):]
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] == '{' || trimmed[0] == '[' || trimmed[0] == '"' {
		return JSON
	}
	fileMarks, form, script := false, Form(""), false
	jsontext.EachLine(data, 0, func(ln jsontext.Line) bool {
		t := strings.TrimSpace(string(data[ln.Start:ln.End]))
		switch {
		case script: // a JetBrains pre-request script, up to its %}
			script = !strings.Contains(t, "%}")
			return true
		case t == "":
			return true
		case strings.HasPrefix(t, "<"):
			fileMarks = true
			_, after, open := strings.Cut(t, "{%")
			script = open && !strings.Contains(after, "%}")
			return true
		case strings.HasPrefix(t, "###"):
			fileMarks = true
			return true
		case strings.HasPrefix(t, "#") || strings.HasPrefix(t, "//"):
			fileMarks = true
			return true
		case isVariableLine(t):
			fileMarks = true
			return true
		case isFence(t):
			form = Markdown
			return false
		}
		if _, ok := parseRequestLine(t); ok {
			form = HTTP
			if fileMarks || hasSeparator(data) {
				form = HTTPFile
			}
		}
		return false
	})
	if form != "" {
		return form
	}
	jsontext.EachLine(data, 0, func(ln jsontext.Line) bool {
		if isFence(strings.TrimLeft(string(data[ln.Start:ln.End]), " ")) {
			form = Markdown
		}
		return form == ""
	})
	if form != "" {
		return form
	}
	return JSON
}

// hasSeparator reports whether a line starts with ###.
func hasSeparator(data []byte) bool {
	found := false
	jsontext.EachLine(data, 0, func(ln jsontext.Line) bool {
		found = bytes.HasPrefix(bytes.TrimLeft(data[ln.Start:ln.End], " \t"), []byte("###"))
		return !found
	})
	return found
}

// splitLines cuts data[from:] into lines at LF, CRLF or a lone CR.
func splitLines(data []byte, from int) []jsontext.Line {
	out := make([]jsontext.Line, 0, bytes.Count(data[from:], []byte{'\n'})+1)
	jsontext.EachLine(data, from, func(ln jsontext.Line) bool {
		out = append(out, ln)
		return true
	})
	return out
}
