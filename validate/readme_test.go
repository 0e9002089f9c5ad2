package validate

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestREADMERules keeps the README's rule table equal to the catalogue
// (-update rewrites it).
func TestREADMERules(t *testing.T) {
	const path = "../README.md"
	readme, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	begin, end := []byte("<!-- rules:begin -->\n"), []byte("<!-- rules:end -->")
	i, j := bytes.Index(readme, begin), bytes.Index(readme, end)
	if i < 0 || j < i {
		t.Fatal("README.md lacks the rules markers")
	}
	var b strings.Builder
	b.WriteString("| rule | severity | fixable | reports |\n|---|---|---|---|\n")
	for _, r := range Rules() {
		fix := "no"
		if r.Fixable {
			fix = "yes"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", r.ID, r.Severity, fix, strings.ReplaceAll(r.Summary, "|", `\|`))
	}
	got := append(append(append([]byte{}, readme[:i+len(begin)]...), b.String()...), readme[j:]...)
	if bytes.Equal(got, readme) {
		return
	}
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md's rule table is out of date: go test ./validate -run TestREADMERules -update")
}
