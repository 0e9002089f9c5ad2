package validate

import (
	"fmt"

	"github.com/azconn/azconn/internal/forms"
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
func FormForName(name string) Form { return Form(forms.ForName(name)) }
