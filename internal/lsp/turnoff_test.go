package lsp

import (
	"os"
	"path/filepath"
	"testing"
)

// TestAddOverride adds an overrides entry to each shape of YAML
// configuration, and declines the shapes it cannot edit safely.
func TestAddOverride(t *testing.T) {
	item := "- files: [\"a/b.json\"]\n  rules:\n    enum-case: off\n"
	for _, tc := range []struct{ name, in, want string }{
		{"empty file", "", "overrides:\n  " + indent(item, "  ")},
		{"no overrides", "rules:\n  guid-case: off", "rules:\n  guid-case: off\noverrides:\n  " + indent(item, "  ")},
		{"indented items", "overrides: # per file\n  - files: [x.json]\n    rules: {}\n",
			"overrides: # per file\n  " + indent(item, "  ") + "  - files: [x.json]\n    rules: {}\n"},
		{"items at the key's indentation", "overrides:\n- files: [x.json]\n  rules: {}\nmarkdown: true\n",
			"overrides:\n" + item + "- files: [x.json]\n  rules: {}\nmarkdown: true\n"},
		{"empty flow list", "overrides: []\nmarkdown: true\n", "overrides:\n  " + indent(item, "  ") + "markdown: true\n"},
		{"key last, no newline", "overrides:", "overrides:\n  " + indent(item, "  ")},
		{"flow list", "overrides: [{files: [x.json]}]\n", ""},
		{"quoted key", "\"overrides\": []\n", ""},
	} {
		from, to, text, ok := addOverride([]byte(tc.in), "a/b.json", "enum-case")
		if !ok {
			if tc.want != "" {
				t.Errorf("%s: declined", tc.name)
			}
			continue
		}
		if got := tc.in[:from] + text + tc.in[to:]; got != tc.want {
			t.Errorf("%s: got\n%s\nwant\n%s", tc.name, got, tc.want)
		}
	}
}

// indent indents every line of s but the first by ind.
func indent(s, ind string) string {
	out := ""
	for i, line := range splitLines(s) {
		if i > 0 {
			out += ind
		}
		out += line
	}
	return out
}

func splitLines(s string) []string {
	var lines []string
	for len(s) > 0 {
		i := 0
		for i < len(s) && s[i] != '\n' {
			i++
		}
		if i < len(s) {
			i++
		}
		lines = append(lines, s[:i])
		s = s[i:]
	}
	return lines
}

// TestTurnOff: the action edits the configuration that applies (open in
// the editor: at its version) and, in a project without one, creates
// .azconnlint.yaml at the root when the client can create files.
func TestTurnOff(t *testing.T) {
	cfg := &testConfig{}
	c := start(t, cfg)
	dir := c.newWorkspace()
	c.initialize(fullCaps())
	sub := filepath.Join(dir, "conns")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	uri := pathToURI(filepath.Join(sub, "conn.json"))
	c.open(uri, "json", payload, 1)
	enum := find(t, c.publish(uri).Diagnostics, "enum-case")
	params := map[string]any{"textDocument": map[string]any{"uri": uri}, "range": enum.Range,
		"context": map[string]any{"diagnostics": []any{}, "only": []string{"quickfix"}}}
	var actions []CodeAction
	c.call("textDocument/codeAction", params, &actions)
	create := action(t, actions, "Turn off enum-case for this file in .azconnlint.yaml")
	if len(create.Edit.DocumentChanges) != 2 {
		t.Fatalf("create: %+v", create.Edit)
	}
	if cf, ok := create.Edit.DocumentChanges[0].(map[string]any); !ok || cf["kind"] != "create" || cf["uri"] != pathToURI(filepath.Join(dir, ".azconnlint.yaml")) {
		t.Errorf("create at the root: %+v", create.Edit.DocumentChanges[0])
	}

	// The configuration exists, open in the editor at version 4.
	cfgPath := filepath.Join(dir, ".azconnlint.yml")
	cfg.mu.Lock()
	cfg.settings = Settings{File: cfgPath}
	cfg.mu.Unlock()
	c.open(pathToURI(cfgPath), "yaml", "rules:\n  guid-case: off\n", 4)
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{}})
	c.publish(uri)
	c.call("textDocument/codeAction", params, &actions)
	edit := action(t, actions, "Turn off enum-case for this file in .azconnlint.yml")
	got := applyWorkspaceEdit(t, edit.Edit, pathToURI(cfgPath), 4, "rules:\n  guid-case: off\n", encodingUTF16)
	if want := "rules:\n  guid-case: off\noverrides:\n  - files: [\"conns/conn.json\"]\n    rules:\n      enum-case: off\n"; got != want {
		t.Errorf("edited configuration:\n%s\nwant:\n%s", got, want)
	}

	// Saving the configuration in the editor reloads it and relints.
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": pathToURI(cfgPath)}})
	if p := c.publish(uri); *p.Version != 1 {
		t.Errorf("relint after saving the configuration: version %d", *p.Version)
	}
	cfg.mu.Lock()
	reloads := cfg.reloads
	cfg.mu.Unlock()
	if reloads != 2 {
		t.Errorf("reloads = %d, want 2 (watched files, then the save)", reloads)
	}
	c.shutdown()
	c.golden("turn-off")
}
