package validate

import (
	"go/ast"
	goparser "go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// maxFuncLines is the longest a function of the package may be, from its
// declaration to its closing brace: grammars and rules are split into
// small functions (gjson-style, 20-40 lines), and this bound keeps any one
// from growing back into a page-long parser.
const maxFuncLines = 120

// TestFunctionLength fails when a function or method in the non-test
// files of the package, or of the leaf layers it moved out
// (internal/values, internal/jsontext, internal/forms, internal/secrets,
// internal/render), is longer than maxFuncLines.
func TestFunctionLength(t *testing.T) {
	var files []string
	for _, pattern := range []string{"*.go", "../internal/values/*.go", "../internal/jsontext/*.go", "../internal/forms/*.go", "../internal/secrets/*.go", "../internal/render/*.go"} {
		matched, err := filepath.Glob(pattern)
		if err != nil || len(matched) == 0 {
			t.Fatalf("no Go files match %s (%v)", pattern, err)
		}
		files = append(files, matched...)
	}
	fset := token.NewFileSet()
	seen := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := goparser.ParseFile(fset, f, nil, goparser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			var body *ast.BlockStmt
			var name string
			switch fn := n.(type) {
			case *ast.FuncDecl:
				body, name = fn.Body, fn.Name.Name
			case *ast.FuncLit:
				body, name = fn.Body, "a function literal"
			default:
				return true
			}
			if body == nil {
				return true
			}
			seen++
			from, to := fset.Position(n.Pos()), fset.Position(body.Rbrace)
			if lines := to.Line - from.Line + 1; lines > maxFuncLines {
				t.Errorf("%s:%d: %s is %d lines long (at most %d): split it into small functions", f, from.Line, name, lines, maxFuncLines)
			}
			return true
		})
	}
	if seen < 100 {
		t.Fatalf("only %d functions found: not the package's folder?", seen)
	}
}
