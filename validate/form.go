package validate

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/azconn/azconn/internal/jsontext"
)

// Form names how an input holds the body: as bare JSON, or inside an HTTP
// request, a .http file or Markdown. The zero Form means "sniff the
// content".
type Form string

// The input forms.
const (
	FormJSON     Form = "json"      // a bare JSON body
	FormHTTP     Form = "http"      // one HTTP request: request line, headers, blank line, body
	FormHTTPFile Form = "http-file" // a .http/.rest file: requests separated by ###, comments, @variables
	FormMarkdown Form = "markdown"  // Markdown: fenced http blocks holding requests
)

// Forms returns every form, in the order of the constants.
func Forms() []Form { return []Form{FormJSON, FormHTTP, FormHTTPFile, FormMarkdown} }

// ParseForm returns the form with the given name; "" and "auto" mean sniff.
func ParseForm(name string) (Form, error) {
	if name == "" || name == "auto" {
		return "", nil
	}
	for _, f := range Forms() {
		if string(f) == name {
			return f, nil
		}
	}
	return "", fmt.Errorf("validate: unknown form %q (want json, http, http-file or markdown)", name)
}

// String returns the form's name; the zero Form reads as "auto".
func (f Form) String() string {
	if f == "" {
		return "auto"
	}
	return string(f)
}

// MarshalText implements encoding.TextMarshaler.
func (f Form) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (f *Form) UnmarshalText(b []byte) error {
	v, err := ParseForm(string(b))
	if err == nil {
		*f = v
	}
	return err
}

// FormForName returns the form a file name's extension says: .json is
// JSON, .http and .rest are http-file, .md and .markdown are Markdown.
// Anything else is the zero Form (sniff).
func FormForName(name string) Form {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		return FormJSON
	case ".http", ".rest":
		return FormHTTPFile
	case ".md", ".markdown":
		return FormMarkdown
	}
	return ""
}

// sniffForm tells the form from the content: a leading '{' or '[' is
// JSON; a request line first (after comments and @variables) is an HTTP
// request, or a .http file when a ### separator, a comment or a variable
// comes with it; a fenced code block makes Markdown. Anything else is
// JSON, whose parser then says what is wrong.
func sniffForm(data []byte) Form {
	data = bytes.TrimPrefix(data, utf8BOM)
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] == '{' || trimmed[0] == '[' || trimmed[0] == '"' {
		return FormJSON
	}
	fileMarks, form, script := false, Form(""), false
	eachLine(data, 0, func(ln line) bool {
		t := strings.TrimSpace(string(data[ln.start:ln.end]))
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
			form = FormMarkdown
			return false
		}
		if _, ok := parseRequestLine(t); ok {
			form = FormHTTP
			if fileMarks || hasSeparator(data) {
				form = FormHTTPFile
			}
		}
		return false
	})
	if form != "" {
		return form
	}
	eachLine(data, 0, func(ln line) bool {
		if isFence(strings.TrimLeft(string(data[ln.start:ln.end]), " ")) {
			form = FormMarkdown
		}
		return form == ""
	})
	if form != "" {
		return form
	}
	return FormJSON
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// hasSeparator reports whether a line starts with ###.
func hasSeparator(data []byte) bool {
	found := false
	eachLine(data, 0, func(ln line) bool {
		found = bytes.HasPrefix(bytes.TrimLeft(data[ln.start:ln.end], " \t"), []byte("###"))
		return !found
	})
	return found
}

// line is one line of the text: [start, end) without its line break, and
// next, the offset after the break.
type line struct{ start, end, next int }

// splitLines cuts data[from:] into lines at LF, CRLF or a lone CR.
func splitLines(data []byte, from int) []line {
	out := make([]line, 0, bytes.Count(data[from:], []byte{'\n'})+1)
	eachLine(data, from, func(ln line) bool {
		out = append(out, ln)
		return true
	})
	return out
}

// eachLine calls fn for each line of data[from:] until it returns false.
func eachLine(data []byte, from int, fn func(line) bool) {
	for i := from; i < len(data); {
		j := i
		for j < len(data) && data[j] != '\n' && data[j] != '\r' {
			j++
		}
		next := j
		if j < len(data) {
			next += jsontext.LineBreakLen(data, j)
		}
		if !fn(line{i, j, next}) {
			return
		}
		i = next
	}
}
