package lsp

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
)

// configName is the file a new configuration is written to.
const configName = ".azconnlint.yaml"

// turnOff builds "Turn off <rule> for this file in .azconnlint.yaml": an
// overrides entry naming the file, added to the configuration that
// applies, or a new one at the project root (the folder with the
// nearest .git, else the workspace folder). It is not offered for a
// JSON configuration, a flow-style overrides list, a path that would
// read as a glob, or a client that cannot create the file.
func (s *Server) turnOff(l *linted, uri, rule string) (CodeAction, bool) {
	path := uriToPath(uri)
	if !filepath.IsAbs(path) {
		return CodeAction{}, false
	}
	cfg := l.settings.File
	if cfg == "" {
		cfg = filepath.Join(s.projectRoot(path), configName)
	}
	if filepath.Ext(cfg) == ".json" {
		return CodeAction{}, false
	}
	rel, err := filepath.Rel(filepath.Dir(cfg), path)
	if err != nil || strings.HasPrefix(rel, "..") || strings.ContainsAny(rel, `*?[]{}\"`) {
		return CodeAction{}, false
	}
	rel = filepath.ToSlash(rel)
	cfgURI := pathToURI(cfg)
	content, version, exists := s.configText(cfgURI, cfg)
	title := "Turn off " + rule + " for this file in " + filepath.Base(cfg)
	if !exists {
		if !s.client.create || !s.client.docChanges {
			return CodeAction{}, false
		}
		c := createFile{Kind: "create", URI: cfgURI}
		c.Options.IgnoreIfExists = true
		text := "# azconnlint configuration\noverrides:\n" + overrideItem("  ", rel, rule)
		return CodeAction{Title: title, Kind: kindQuickFix, Edit: &WorkspaceEdit{DocumentChanges: []any{c,
			textDocumentEdit{TextDocument: versionedDoc{URI: cfgURI}, Edits: []TextEdit{{NewText: text}}}}}}, true
	}
	from, to, text, ok := addOverride(content, rel, rule)
	if !ok {
		return CodeAction{}, false
	}
	cl := newLines(content)
	edit := TextEdit{Range: cl.rangeOf(from, to, s.enc), NewText: text}
	return CodeAction{Title: title, Kind: kindQuickFix, Edit: s.docEdit(cfgURI, version, []TextEdit{edit})}, true
}

// configText returns the configuration's text: the editor's when it is
// open there (with its version), else the file's.
func (s *Server) configText(uri, path string) (text []byte, version *int32, exists bool) {
	if d := s.docs[uri]; d != nil {
		v := d.version
		return d.text, &v, true
	}
	b, err := os.ReadFile(path)
	return b, nil, err == nil
}

// projectRoot is the folder holding the nearest .git above path, else
// the workspace folder when it holds path, else path's folder.
func (s *Server) projectRoot(path string) string {
	for dir := filepath.Dir(path); ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	if s.root != "" && strings.HasPrefix(path, s.root+string(filepath.Separator)) {
		return s.root
	}
	return filepath.Dir(path)
}

// overrideItem is one block-style overrides entry turning rule off for
// the file rel, indented by ind.
func overrideItem(ind, rel, rule string) string {
	return ind + "- files: [\"" + rel + "\"]\n" + ind + "  rules:\n" + ind + "    " + rule + ": off\n"
}

// addOverride returns the edit [from, to) → text that adds an overrides
// entry to a YAML configuration: after a block-style overrides: key
// (matching its items' indentation), in place of an empty flow list, or
// as a new key at the end. ok is false when the file spells overrides
// some other way.
func addOverride(content []byte, rel, rule string) (from, to int, text string, ok bool) {
	for off := 0; off < len(content); {
		end := bytes.IndexByte(content[off:], '\n')
		next := len(content)
		if end >= 0 {
			next = off + end + 1
		}
		line := strings.TrimRight(string(content[off:next]), "\r\n")
		if rest, found := strings.CutPrefix(line, "overrides:"); found {
			rest, _, _ = strings.Cut(rest, "#")
			switch strings.TrimSpace(rest) {
			case "":
				lead := ""
				if end < 0 {
					lead = "\n"
				}
				return next, next, lead + overrideItem(itemIndent(content[next:]), rel, rule), true
			case "[]":
				return off, off + len(line), "overrides:\n" + strings.TrimSuffix(overrideItem("  ", rel, rule), "\n"), true
			}
			return 0, 0, "", false
		}
		off = next
	}
	if bytes.Contains(content, []byte("overrides")) {
		return 0, 0, "", false
	}
	lead := ""
	if len(content) > 0 && content[len(content)-1] != '\n' {
		lead = "\n"
	}
	return len(content), len(content), lead + "overrides:\n" + overrideItem("  ", rel, rule), true
}

// itemIndent is the indentation of the list items that follow an
// overrides: key ("  " when there are none yet).
func itemIndent(rest []byte) string {
	for _, line := range strings.Split(string(rest), "\n") {
		t := strings.TrimLeft(line, " ")
		if t == "" || t == "\r" || strings.HasPrefix(t, "#") {
			continue
		}
		if strings.HasPrefix(t, "-") {
			return line[:len(line)-len(t)]
		}
		break
	}
	return "  "
}
