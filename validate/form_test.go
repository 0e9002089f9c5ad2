package validate

import (
	"testing"

	"github.com/azconn/azconn/internal/forms"
)

// TestFormNames ties the public forms to package forms' kinds, which the
// sniffer returns and the form linter converts: the same names, in order.
func TestFormNames(t *testing.T) {
	want := []forms.Form{forms.JSON, forms.HTTP, forms.HTTPFile, forms.Markdown}
	for i, f := range Forms() {
		if string(f) != string(want[i]) {
			t.Errorf("Forms()[%d] = %q, package forms calls it %q", i, f, want[i])
		}
		if g, err := ParseForm(string(want[i])); err != nil || g != f {
			t.Errorf("ParseForm(%q) = %q, %v", want[i], g, err)
		}
	}
	for name, f := range map[string]Form{"a.json": FormJSON, "b.http": FormHTTPFile, "c.rest": FormHTTPFile, "d.md": FormMarkdown, "e.txt": ""} {
		if got := FormForName(name); got != f {
			t.Errorf("FormForName(%q) = %q, want %q", name, got, f)
		}
	}
}
