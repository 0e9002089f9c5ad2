package validate

import (
	"go/ast"
	goparser "go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestGuard checks the guard stage's verdict for each kind of input: the
// form it hands on, the byte order mark, whether parsing goes on, and its
// findings with their offsets.
func TestGuard(t *testing.T) {
	req := "PATCH /beta/deviceManagement/virtualEndpoint/onPremisesConnections/1\n\n{}\n"
	for _, tt := range []struct {
		name, in   string
		form       Form
		maxSize    int
		wantForm   Form
		bom        int
		ok, unread bool
		issues     string // rule@start-end, space-separated
		msgHas     string
	}{
		{name: "clean json", in: `{"a":1}`, wantForm: FormJSON, ok: true},
		{name: "clean request", in: req, wantForm: FormHTTP, ok: true},
		{name: "form given", in: req, form: FormHTTPFile, wantForm: FormHTTPFile, ok: true},
		{name: "too large, unsniffed", in: req, maxSize: 10, wantForm: FormJSON, unread: true, issues: "too-large@0-0", msgHas: "limit of 10 bytes"},
		{name: "too large, form given", in: req, form: FormMarkdown, maxSize: 10, wantForm: FormMarkdown, unread: true, issues: "too-large@0-0"},
		{name: "bom json", in: "\ufeff{}", wantForm: FormJSON, bom: 3, ok: true, issues: "bom@0-3", msgHas: "RFC 8259"},
		{name: "bom request", in: "\ufeff" + req, wantForm: FormHTTP, bom: 3, ok: true, issues: "bom@0-3", msgHas: "mark: the fix"},
		{name: "utf-16", in: "\xff\xfe{\x00}\x00", wantForm: FormJSON, issues: "encoding@0-2", msgHas: "UTF-16"},
		{name: "invalid utf-8", in: "{\"a\": \"\xe9\xe9\"}", wantForm: FormJSON, issues: "encoding@7-8", msgHas: "0xE9: save the file as UTF-8 (2 invalid sequences in all)"},
		{name: "bom and invalid", in: "\ufeff" + req + "\xff", wantForm: FormHTTP, bom: 3, issues: "bom@0-3 encoding@" + strconv.Itoa(3+len(req)) + "-" + strconv.Itoa(4+len(req))},
	} {
		l, err := New(Options{MaxSize: tt.maxSize})
		if err != nil {
			t.Fatal(err)
		}
		g := l.guard([]byte(tt.in), tt.form)
		var issues []string
		msgs := ""
		for _, is := range g.issues {
			issues = append(issues, is.rule+"@"+strconv.Itoa(is.start)+"-"+strconv.Itoa(is.end))
			msgs += is.msg
		}
		if g.form != tt.wantForm || g.bom != tt.bom || g.ok != tt.ok || g.unread != tt.unread || strings.Join(issues, " ") != tt.issues || !strings.Contains(msgs, tt.msgHas) {
			t.Errorf("%s: guard = form %q bom %d ok %v unread %v issues %q %q; want %q %d %v %v %q containing %q",
				tt.name, g.form, g.bom, g.ok, g.unread, issues, msgs, tt.wantForm, tt.bom, tt.ok, tt.unread, tt.issues, tt.msgHas)
		}
	}
}

// TestBodyGuard checks the verdict on a body cut from a text the guard
// passed: a byte order mark of its own is its one finding.
func TestBodyGuard(t *testing.T) {
	if g := bodyGuard([]byte(`{}`)); !g.ok || g.bom != 0 || len(g.issues) != 0 {
		t.Errorf("bodyGuard of a clean body = %+v", g)
	}
	if g := bodyGuard([]byte("\ufeff{}")); !g.ok || g.bom != 3 || len(g.issues) != 1 || g.issues[0].rule != "bom" || !g.issues[0].fixable {
		t.Errorf("bodyGuard of a body with a byte order mark = %+v", g)
	}
}

// TestGuardAtEntrancesOnly fails when the guard stage is called anywhere
// but at the entrances of an input (Linter.Lint, LintRequest) or when a
// body cut from a guarded text is given more than bodyGuard: the size and
// the encoding are checked once for the whole input, whatever its form.
func TestGuardAtEntrancesOnly(t *testing.T) {
	want := map[string]string{"guard": "Lint LintRequest", "bodyGuard": "lintBody"}
	got := map[string][]string{}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := goparser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range file.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				if c, ok := n.(*ast.CallExpr); ok {
					if id := calleeName(c.Fun); want[id] != "" {
						got[id] = append(got[id], fn.Name.Name)
					}
				}
				return true
			})
		}
	}
	for id, callers := range want {
		slices.Sort(got[id])
		if strings.Join(got[id], " ") != callers {
			t.Errorf("%s is called from %v, want only from %s", id, got[id], callers)
		}
	}
}

// calleeName is the name a call expression calls: f or x.f.
func calleeName(e ast.Expr) string {
	switch f := e.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	}
	return ""
}
