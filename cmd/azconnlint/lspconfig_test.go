package main

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/azconn/azconn/internal/lsp"
	"github.com/azconn/azconn/validate"
)

// TestLSPConfig checks what the language server gets from a project's
// configuration: options, exclusion, markdown, named files, the file that
// applies, and a broken configuration as an error at its position.
func TestLSPConfig(t *testing.T) {
	root := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write(".git/HEAD", "")
	conf := write(".azconnlint.yaml", "markdown: true\nexclude: [gen]\nrules: {placeholder: error, username: off}\noverrides:\n  - files: [\"payloads/*.json\"]\n    target: onPremisesConnection\n")
	broken := write("broken/.azconnlint.yml", "rules:\n  nope: off\n")
	pc := lspConfig()

	s, err := pc.Settings(filepath.Join(root, "payloads/a.json"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Options.Target != validate.OnPremisesConnection || s.Options.Severity["placeholder"] != validate.SeverityError ||
		!slices.Equal(s.Options.Ignore, []string{"username"}) || !s.Markdown || !s.Named || s.Excluded || s.File != conf {
		t.Errorf("payloads/a.json: %+v", s)
	}
	if s, _ := pc.Settings(filepath.Join(root, "notes/a.json")); s.Named || s.Options.Target != "" {
		t.Errorf("notes/a.json: %+v", s)
	}
	if s, _ := pc.Settings(filepath.Join(root, "gen/a.json")); !s.Excluded {
		t.Errorf("gen/a.json not excluded: %+v", s)
	}
	_, err = pc.Settings(filepath.Join(root, "broken/a.json"))
	var ce *lsp.ConfigError
	if !errors.As(err, &ce) || ce.Path != broken || ce.Line != 2 || ce.Column != 3 {
		t.Errorf("broken config: %v", err)
	}
	// Reload reads the files again.
	write("broken/.azconnlint.yml", "rules:\n  guid: off\n")
	if _, err := pc.Settings(filepath.Join(root, "broken/a.json")); err == nil {
		t.Error("the cache was not used before Reload")
	}
	pc.Reload()
	if s, err := pc.Settings(filepath.Join(root, "broken/a.json")); err != nil || !slices.Equal(s.Options.Ignore, []string{"guid"}) {
		t.Errorf("after Reload: %+v %v", s, err)
	}
}
