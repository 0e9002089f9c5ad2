package lsp

import (
	"encoding/json"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/azconn/azconn/validate"
)

// document is an open text document and its last lint.
type document struct {
	uri, path, lang string
	text            []byte
	version         int32
	dirty           bool    // text changed since the last lint started
	last            *linted // the last lint published (or nil)
	flagged         bool    // had diagnostics in this session (SPEC §13)
}

// didOpen stores the document and schedules its lint.
func (s *Server) didOpen(params json.RawMessage) {
	var p didOpenParams
	if !s.decode(nil, params, &p) {
		return
	}
	d := &document{uri: p.TextDocument.URI, path: uriToPath(p.TextDocument.URI),
		lang: p.TextDocument.LanguageID, text: []byte(p.TextDocument.Text), version: p.TextDocument.Version}
	s.mu.Lock()
	if old := s.docs[d.uri]; old != nil {
		d.flagged = old.flagged
	}
	s.docs[d.uri] = d
	s.mu.Unlock()
	s.schedule(d)
}

// didChange applies the changes in order: a change with a range is
// incremental (positions in the negotiated encoding), one without
// replaces the whole text.
func (s *Server) didChange(params json.RawMessage) {
	var p didChangeParams
	if !s.decode(nil, params, &p) {
		return
	}
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		s.mu.Unlock()
		return
	}
	for _, c := range p.ContentChanges {
		d.text = applyChange(d.text, c, s.enc)
	}
	d.version = p.TextDocument.Version
	s.mu.Unlock()
	s.schedule(d)
}

// applyChange returns text with one content change applied.
func applyChange(text []byte, c contentChange, enc string) []byte {
	if c.Range == nil {
		return []byte(c.Text)
	}
	l := newLines(text)
	from, to := l.offset(c.Range.Start, enc), l.offset(c.Range.End, enc)
	if to < from {
		from, to = to, from
	}
	out := make([]byte, 0, len(text)-(to-from)+len(c.Text))
	out = append(out, text[:from]...)
	out = append(out, c.Text...)
	return append(out, text[to:]...)
}

// didSave reloads the configuration when a configuration file was saved.
func (s *Server) didSave(params json.RawMessage) {
	var p docParams
	if s.decode(nil, params, &p) && isConfigFile(uriToPath(p.TextDocument.URI)) {
		s.reloadConfig()
	}
}

// didClose forgets the document and clears its diagnostics.
func (s *Server) didClose(params json.RawMessage) {
	var p docParams
	if !s.decode(nil, params, &p) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return
	}
	delete(s.docs, d.uri)
	s.failWaiters(d, "the document was closed")
	if !s.client.pull {
		s.send("textDocument/publishDiagnostics", publishParams{URI: d.uri, Diagnostics: []Diagnostic{}})
	}
}

// reloadConfig forgets the configuration and lints every open document
// again.
func (s *Server) reloadConfig() {
	s.cfg.Reload()
	s.mu.Lock()
	docs := make([]*document, 0, len(s.docs))
	for _, d := range s.docs {
		docs = append(docs, d)
	}
	refresh := s.client.pull && s.client.refresh
	s.lastCfgE = ""
	// Errors shown on configuration files are cleared; the lints that
	// follow show those that remain.
	for uri := range s.cfgDiags {
		s.send("textDocument/publishDiagnostics", publishParams{URI: uri, Diagnostics: []Diagnostic{}})
		delete(s.cfgDiags, uri)
	}
	s.mu.Unlock()
	for _, d := range docs {
		s.schedule(d)
	}
	if refresh {
		s.call("workspace/diagnostic/refresh", nil)
	}
}

// isConfigFile reports whether path names a configuration file.
func isConfigFile(path string) bool {
	switch filepath.Base(path) {
	case ".azconnlint.yaml", ".azconnlint.yml", ".azconnlint.json":
		return true
	}
	return false
}

// formOf returns the form a document is linted as, from its name, else
// its language ID; "" means the server does not lint it.
func formOf(path, lang string) validate.Form {
	if f := validate.FormForName(path); f != "" {
		return f
	}
	if filepath.Ext(path) != "" && !strings.HasPrefix(path, "untitled") {
		return ""
	}
	switch lang {
	case "json", "jsonc":
		return validate.FormJSON
	case "http":
		return validate.FormHTTPFile
	case "markdown":
		return validate.FormMarkdown
	}
	return ""
}

// uriToPath returns the file path of a file: URI, else the URI itself.
func uriToPath(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return uri
	}
	p := u.Path
	if len(p) >= 3 && p[0] == '/' && p[2] == ':' { // file:///C:/x on Windows
		p = p[1:]
	}
	return filepath.FromSlash(p)
}

// pathToURI returns the file: URI of an absolute path.
func pathToURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x becomes file:///C:/x
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}
