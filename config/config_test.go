package config

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/azconn/azconn/validate"
)

// writeTree writes files (path → content) under a new temporary folder
// holding .git, and returns it.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	files[".git/HEAD"] = "ref: refs/heads/main\n"
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestFind(t *testing.T) {
	root := writeTree(t, map[string]string{
		".azconnlint.yaml":           "",
		"a/.azconnlint.json":         "{}",
		"a/b/c/x.json":               "{}",
		"two/.azconnlint.yaml":       "",
		"two/.azconnlint.yml":        "",
		"two/x.json":                 "{}",
		"d/x.json":                   "{}",
		"outside/.azconnlint.yaml":   "",
		"outside/proj/.git/HEAD":     "",
		"outside/proj/sub/x.json":    "{}",
		"outside/proj/.azconnlint.x": "",
	})
	tests := []struct{ file, want, err string }{
		{"a/b/c/x.json", "a/.azconnlint.json", ""},
		{"d/x.json", ".azconnlint.yaml", ""},
		{"x.json", ".azconnlint.yaml", ""},
		{"two/x.json", "", "two configuration files in one folder (.azconnlint.yaml, .azconnlint.yml): keep one"},
		// The project root (the folder holding .git) ends the lookup: a
		// file above it is not used.
		{"outside/proj/sub/x.json", "", ""},
	}
	for _, tt := range tests {
		got, err := Find(filepath.Join(root, tt.file))
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("Find(%s) error %v, want %q", tt.file, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("Find(%s): %v", tt.file, err)
			continue
		}
		want := ""
		if tt.want != "" {
			want = filepath.Join(root, tt.want)
		}
		if abs(got) != want {
			t.Errorf("Find(%s) = %q, want %q", tt.file, got, want)
		}
	}
}

func abs(p string) string {
	if p == "" {
		return ""
	}
	a, _ := filepath.Abs(p)
	return a
}

// TestLoadErrors checks that every kind of mistake is an *Error at the
// position of the offending key or value.
func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, text string
		line, col  int
		msg        string
	}{
		{"unknown key", "target: auto\nrulez: {}\n", 2, 1, `unknown key "rulez" (did you mean "rules"?)`},
		{"repeated key", "api: beta\napi: v1.0\n", 2, 1, `key "api" is repeated`},
		{"not a mapping", "- a\n", 1, 1, "must be a mapping"},
		{"unknown rule", "rules:\n  guidd: off\n", 2, 3, `unknown rule ID "guidd" (did you mean "guid"?)`},
		{"bad severity", "rules: {guid: loud}\n", 1, 15, `unknown severity "loud"`},
		{"severity type", "rules: {guid: 3}\n", 1, 15, "not a number"},
		{"bad target", "target: stub\n", 1, 9, `target: unknown value "stub"`},
		{"bad api", "api: v2\n", 1, 6, `api: unknown value "v2" (want beta or v1.0)`},
		{"bad method", "method: get\n", 1, 9, "want patch or post"},
		{"bad form", "form: xml\n", 1, 7, "form: unknown value"},
		{"bad fail-on", "fail-on: fatal\n", 1, 10, "want error, warning or info"},
		{"max-findings zero", "max-findings: 0\n", 1, 15, "positive whole number"},
		{"bool type", "markdown: yes please\n", 1, 11, "wants true or false"},
		{"exclude type", "exclude: templates\n", 1, 10, "want a list of globs"},
		{"bad glob", "exclude: [\"a/{b\"]\n", 1, 11, "not a valid pattern"},
		{"absolute glob", "exclude: [/etc]\n", 1, 11, "is absolute"},
		{"overrides type", "overrides: {files: a}\n", 1, 12, "wants a list"},
		{"override without files", "overrides:\n  - rules: {guid: off}\n", 2, 5, "needs files"},
		{"empty files", "overrides:\n  - files: []\n", 2, 12, "list of globs is empty"},
		{"pointer without slash", "overrides:\n  - files: [\"a.json#x\"]\n    rules: {guid: off}\n", 2, 13, "must start with /"},
		{"bad pointer escape", "overrides:\n  - files: [\"a.json#/a~2\"]\n    rules: {guid: off}\n", 2, 13, "~ not followed by 0 or 1"},
		{"unknown override key", "overrides:\n  - files: [a]\n    exclude: [b]\n", 3, 5, `unknown key "exclude"`},
		{"anchor", "rules: &x {guid: off}\n", 1, 8, "anchors and aliases"},
		{"merge key", "rules:\n  <<: {guid: off}\n", 2, 3, "merge keys (<<) are not accepted"},
		{"syntax", "target: auto\n  api: beta\n", 2, 1, "not valid YAML"},
		{"json syntax", "{\n  \"target\": \"auto\"\n", 2, 1, "did not find expected ',' or '}'"},
		{"key type", "1: a\n", 1, 1, "a key must be a name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("c.yaml", []byte(tt.text))
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("error %v (%T), want *Error", err, err)
			}
			if ce.Line != tt.line || ce.Column != tt.col || !strings.Contains(ce.Msg, tt.msg) {
				t.Errorf("got %s, want c.yaml:%d:%d: …%s…", ce, tt.line, tt.col, tt.msg)
			}
			if !strings.HasPrefix(ce.Error(), "c.yaml:") {
				t.Errorf("Error() = %q does not start with the path", ce.Error())
			}
		})
	}
}

// TestOptions checks the merge: top level, then matching overrides in
// order; rules that are off go to Ignore, others to Severity; pointer
// entries become PointerRules; excluded files say so.
func TestOptions(t *testing.T) {
	root := writeTree(t, map[string]string{".azconnlint.yaml": `
target: onPremisesConnection
fail-on: warning
exclude: ["templates", "**/*.draft.json"]
rules:
  placeholder: error
  username: off
overrides:
  - files: ["legacy/**"]
    api: v1.0
    markdown: true
    rules: {placeholder: off, read-only: info}
  - files: ["legacy/keep/*.json"]
    rules: {placeholder: warning}
  - files: ["legacy/*.json#/organizationalUnit"]
    rules: {ou-format: warning}
`})
	c, err := Load(filepath.Join(root, ".azconnlint.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	in := func(p string) string { return filepath.Join(root, filepath.FromSlash(p)) }

	o, ex := c.Options(in("a.json"))
	if ex || o.Target != validate.OnPremisesConnection || o.API != "" || !slices.Equal(o.Ignore, []string{"username"}) ||
		o.Severity["placeholder"] != validate.SeverityError || len(o.PointerRules) != 0 {
		t.Errorf("a.json: %+v excluded %v", o, ex)
	}
	o, _ = c.Options(in("legacy/a.json"))
	if o.API != validate.APIV1 || !slices.Equal(o.Ignore, []string{"placeholder", "username"}) || o.Severity["read-only"] != validate.SeverityInfo {
		t.Errorf("legacy/a.json: %+v", o)
	}
	if want := []validate.PointerRule{{Pointer: "/organizationalUnit", Rule: "ou-format", Severity: validate.SeverityWarning}}; !slices.Equal(o.PointerRules, want) {
		t.Errorf("legacy/a.json pointer rules %+v, want %+v", o.PointerRules, want)
	}
	o, _ = c.Options(in("legacy/keep/k.json"))
	if slices.Contains(o.Ignore, "placeholder") || o.Severity["placeholder"] != validate.SeverityWarning || len(o.PointerRules) != 0 {
		t.Errorf("legacy/keep/k.json: later entries must win: %+v", o)
	}
	for _, p := range []string{"templates/t.json", "templates/deep/t.json", "x/y.draft.json"} {
		if _, ex := c.Options(in(p)); !ex {
			t.Errorf("%s not excluded", p)
		}
	}
	if !c.Markdown(in("legacy/r.md")) || c.Markdown(in("r.md")) {
		t.Error("markdown: want true in legacy/ only")
	}
	if s, ok := c.FailOn(in("a.json")); !ok || s != validate.SeverityWarning {
		t.Errorf("FailOn = %v %v", s, ok)
	}
	// Every Options the file gives is accepted by the engine.
	for _, p := range []string{"a.json", "legacy/a.json", "legacy/keep/k.json"} {
		o, _ := c.Options(in(p))
		if _, err := validate.New(o); err != nil {
			t.Errorf("%s: New refused the options: %v", p, err)
		}
	}
	// A nil Config is the defaults.
	var none *Config
	if o, ex := none.Options("a.json"); ex || o.Target != "" || none.Markdown("a.md") || none.Path() != "" {
		t.Errorf("nil Config: %+v %v", o, ex)
	}
}

// TestExtends checks that extends pulls another file in (its globs stay
// relative to its own folder) and that a cycle is an error at the key.
func TestExtends(t *testing.T) {
	root := writeTree(t, map[string]string{
		"common/base.yaml":      "fail-on: info\nrules: {guid: off, placeholder: error}\nexclude: [\"gen\"]\n",
		"proj/.azconnlint.yaml": "extends: ../common/base.yaml\nrules: {placeholder: warning}\n",
		"cycle/a.yaml":          "extends: b.yaml\n",
		"cycle/b.yaml":          "target: auto\nextends: a.yaml\n",
	})
	c, err := Load(filepath.Join(root, "proj/.azconnlint.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	o, _ := c.Options(filepath.Join(root, "proj/x.json"))
	if !slices.Equal(o.Ignore, []string{"guid"}) || o.Severity["placeholder"] != validate.SeverityWarning {
		t.Errorf("extended options %+v", o)
	}
	if s, _ := c.FailOn(filepath.Join(root, "proj/x.json")); s != validate.SeverityInfo {
		t.Errorf("fail-on %v, want info from the base", s)
	}
	if !c.Excluded(filepath.Join(root, "common/gen/x.json")) || c.Excluded(filepath.Join(root, "proj/gen/x.json")) {
		t.Error("the base's globs must stay relative to the base's folder")
	}
	_, err = Load(filepath.Join(root, "cycle/a.yaml"))
	var ce *Error
	if !errors.As(err, &ce) || !strings.Contains(ce.Msg, "makes a cycle") || ce.Line != 2 || ce.Column != 10 {
		t.Errorf("cycle: %v", err)
	}
}

// TestStarter checks that the file --init writes loads and changes
// nothing but the exclude of node_modules.
func TestStarter(t *testing.T) {
	c, err := Parse("starter.yaml", Starter())
	if err != nil {
		t.Fatal(err)
	}
	o, _ := c.Options("a.json")
	if o.Target != "" || len(o.Ignore) != 0 || len(o.Severity) != 0 {
		t.Errorf("starter options %+v", o)
	}
}

// TestLoaderCache checks that ForFile reads a folder's configuration once
// and Forget reads it again.
func TestLoaderCache(t *testing.T) {
	root := writeTree(t, map[string]string{".azconnlint.yaml": "fail-on: info\n", "a/x.json": "{}"})
	var l Loader
	c1, err := l.ForFile(filepath.Join(root, "a/x.json"))
	if err != nil || c1 == nil {
		t.Fatal(c1, err)
	}
	if err := os.WriteFile(filepath.Join(root, ".azconnlint.yaml"), []byte("fail-on: warning\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c2, _ := l.ForFile(filepath.Join(root, "a/y.json"))
	if c2 != c1 {
		t.Error("the cached configuration was not reused")
	}
	l.Forget()
	c3, _ := l.ForFile(filepath.Join(root, "a/x.json"))
	if s, _ := c3.FailOn("a/x.json"); s != validate.SeverityWarning {
		t.Errorf("after Forget: fail-on %v, want warning", s)
	}
}

// TestREADMEExample keeps the README's example configuration loadable and
// its baseline example parseable.
func TestREADMEExample(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(readme)
	_, sec, ok := strings.Cut(text, "### Configuration\n")
	if !ok {
		t.Fatal("README.md has no Configuration section")
	}
	_, block, _ := strings.Cut(sec, "```yaml\n")
	block, _, _ = strings.Cut(block, "```")
	c, err := Parse("README.md", []byte(block))
	if err != nil {
		t.Fatalf("the README's example: %v", err)
	}
	if _, err := validate.New(mustOptions(c, "legacy/contoso.json")); err != nil {
		t.Errorf("the README's example gives options New refuses: %v", err)
	}
	_, bsec, _ := strings.Cut(text, "### Baseline\n")
	_, bjson, _ := strings.Cut(bsec, "```json\n")
	bjson, _, _ = strings.Cut(bjson, "```")
	if _, err := ParseBaseline("README.md", []byte(bjson)); err != nil {
		t.Errorf("the README's baseline: %v", err)
	}
}

func mustOptions(c *Config, file string) validate.Options {
	o, _ := c.Options(file)
	return o
}
