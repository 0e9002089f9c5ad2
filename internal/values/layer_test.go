package values

import (
	goparser "go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// below lists, for each leaf layer, the only project packages it may
// import: the layers under it. A leaf never imports validate or a front end.
var below = map[string][]string{
	".":           {"internal/jsontext", "internal/suggest"},
	"../jsontext": {},
	"../forms":    {"internal/jsontext"},
	"../render":   {},
	"../secrets":  {"internal/jsontext", "internal/suggest", "internal/values"},
	"../textdiff": {},
}

// TestImportsOnlyDownward fails when a leaf's files (tests included)
// import a project package that is not below it.
func TestImportsOnlyDownward(t *testing.T) {
	const module = "github.com/azconn/azconn/"
	for dir, allowed := range below {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: no Go files (%v)", dir, err)
		}
		for _, f := range files {
			file, err := goparser.ParseFile(token.NewFileSet(), f, nil, goparser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range file.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				rel, ok := strings.CutPrefix(path, module)
				if ok && !slices.Contains(allowed, rel) {
					t.Errorf("%s imports %s, which is not a layer below it (allowed: %v)", f, path, allowed)
				}
			}
		}
	}
}
