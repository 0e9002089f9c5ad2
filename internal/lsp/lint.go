package lsp

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/azconn/azconn/validate"
)

// linted is one lint of one version of a document.
type linted struct {
	version  int32
	text     []byte
	lines    *lines
	shown    bool // the document is one the server reports on
	res      validate.Result
	diags    []Diagnostic // aligned with res.Findings
	settings Settings
	cfgErr   error
}

// waiter is a request that needs the current lint of a document.
type waiter struct {
	id     json.RawMessage
	uri    string
	answer func(*linted) any
}

// schedule marks the document for the worker.
func (s *Server) schedule(d *document) {
	s.mu.Lock()
	d.dirty = true
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default: // already woken; it takes every dirty document
	}
}

// work is the lint worker: it lints the newest text of every dirty
// document until none is left, then sleeps.
func (s *Server) work() {
	for {
		select {
		case <-s.done:
			return
		case <-s.wake:
		}
		for {
			job, ok := s.next()
			if !ok {
				break
			}
			s.finish(job.doc, s.safeLint(job))
		}
	}
}

// job is a snapshot of a document to lint.
type job struct {
	doc             *document
	text            []byte
	version         int32
	flagged         bool
	enc             string
	related         bool
	path, lang, uri string
}

// next takes a dirty document's snapshot (texts are never changed in
// place, so the snapshot shares the bytes).
func (s *Server) next() (job, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.docs {
		if d.dirty {
			d.dirty = false
			return job{doc: d, text: d.text, version: d.version, flagged: d.flagged, enc: s.enc,
				related: s.client.related, path: d.path, lang: d.lang, uri: d.uri}, true
		}
	}
	return job{}, false
}

// safeLint is lint that survives a panic in the server's own code: the
// document then shows nothing, and the client logs the error.
func (s *Server) safeLint(j job) (l *linted) {
	defer func() {
		if r := recover(); r != nil {
			l = &linted{version: j.version, text: j.text, lines: newLines(j.text)}
			s.send("window/logMessage", map[string]any{"type": 1, "message": fmt.Sprintf("azconnlint: internal error linting %s: %v", j.uri, r)})
		}
	}()
	return s.lint(j)
}

// lint runs the engine on a snapshot, unless the document is not one to
// report on (SPEC §13): a form the server does not lint, an excluded
// file, Markdown without markdown: true, or JSON without evidence.
func (s *Server) lint(j job) *linted {
	l := &linted{version: j.version, text: j.text, lines: newLines(j.text)}
	form := formOf(j.path, j.lang)
	if form == "" || isConfigFile(j.path) {
		return l
	}
	l.settings, l.cfgErr = s.cfg.Settings(j.path)
	if l.settings.Excluded || (form == validate.FormMarkdown && !l.settings.Markdown) {
		return l
	}
	opts := l.settings.Options
	opts.Form = form
	l.res = validate.Lint(j.text, opts)
	if form == validate.FormJSON && !j.flagged && !l.settings.Named && !isPayload(j.text, l.res, opts) {
		return l
	}
	l.shown = true
	l.diags = make([]Diagnostic, len(l.res.Findings))
	for i, f := range l.res.Findings {
		l.diags[i] = diagnostic(l, f, j)
	}
	return l
}

// isPayload reports whether a JSON document has evidence of a target:
// its @odata.type, or a property only a target has. Under a configured
// target or API the result says "flag" or "api", so detection runs again
// with neither. Too large to parse, the text is a payload when it names
// a Microsoft Graph type.
func isPayload(text []byte, res validate.Result, opts validate.Options) bool {
	for _, f := range res.Findings {
		if f.Rule == "too-large" {
			return bytes.Contains(text, []byte("microsoft.graph."))
		}
	}
	if res.TargetFrom == "flag" || res.TargetFrom == "api" {
		res = validate.Lint(text, validate.Options{Form: validate.FormJSON, MaxSize: opts.MaxSize,
			MaxDepth: opts.MaxDepth, MaxFindings: 1})
	}
	return res.TargetFrom == "@odata.type" || res.TargetFrom == "mixed" ||
		strings.HasPrefix(res.TargetFrom, "property ")
}

// finish publishes a lint and answers the requests waiting for it,
// unless a newer version (or a reload) overtook it while it ran.
func (s *Server) finish(d *document, l *linted) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lints++
	if s.docs[d.uri] != d || d.version != l.version || d.dirty {
		s.dropped++
		return
	}
	prev := d.last
	d.last = l
	if len(l.diags) > 0 {
		d.flagged = true
	}
	s.showConfigError(l.cfgErr)
	if !s.client.pull && (l.shown || prev != nil && len(prev.diags) > 0) {
		v := l.version
		s.send("textDocument/publishDiagnostics", publishParams{URI: d.uri, Version: &v, Diagnostics: nonNil(l.diags)})
	}
	for key, w := range s.waiting {
		if w.uri == d.uri {
			delete(s.waiting, key)
			s.reply(w.id, w.answer(l))
		}
	}
}

// showConfigError tells the user about a broken configuration once per
// distinct error: as a message, and as a diagnostic on the file when the
// error has a position.
func (s *Server) showConfigError(err error) {
	if err == nil || err.Error() == s.lastCfgE {
		return
	}
	s.lastCfgE = err.Error()
	s.send("window/showMessage", map[string]any{"type": 1, "message": "azconnlint: " + err.Error()})
	var ce *ConfigError
	if errors.As(err, &ce) && ce.Line > 0 && !s.client.pull {
		p := Position{Line: ce.Line - 1, Character: max(ce.Column-1, 0)}
		s.cfgDiags[pathToURI(absPath(ce.Path))] = true
		s.send("textDocument/publishDiagnostics", publishParams{URI: pathToURI(absPath(ce.Path)), Diagnostics: []Diagnostic{{
			Range: Range{Start: p, End: p}, Severity: severityError, Code: "config", Source: "azconnlint", Message: ce.Msg}}})
	}
}

// withLint answers a request from the document's current lint, now or
// when the worker has it.
func (s *Server) withLint(id json.RawMessage, uri string, answer func(*linted) any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[uri]
	if d == nil {
		s.replyError(id, codeInvalidParams, "the document is not open: "+uri)
		return
	}
	if d.last != nil && !d.dirty && d.last.version == d.version {
		s.reply(id, answer(d.last))
		return
	}
	s.waiting[idKey(id)] = &waiter{id: id, uri: uri, answer: answer}
}

// cancel answers a waiting request with RequestCancelled; a request
// already answered is left alone, as the protocol allows.
func (s *Server) cancel(params json.RawMessage) {
	var p cancelParams
	if !s.decode(nil, params, &p) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if w := s.waiting[idKey(p.ID)]; w != nil {
		delete(s.waiting, idKey(p.ID))
		s.replyError(w.id, codeRequestCancelled, "cancelled")
	}
}

// failWaiters answers the requests waiting on a closed document.
func (s *Server) failWaiters(d *document, msg string) {
	for key, w := range s.waiting {
		if w.uri == d.uri {
			delete(s.waiting, key)
			s.replyError(w.id, codeContentModified, msg)
		}
	}
}

// codeContentModified answers a request whose document went away.
const codeContentModified = -32801

func idKey(id json.RawMessage) string {
	var b bytes.Buffer
	if json.Compact(&b, id) != nil {
		return string(id)
	}
	return b.String()
}

// pullDiagnostics answers textDocument/diagnostic with a full report.
func (s *Server) pullDiagnostics(id, params json.RawMessage) {
	var p docParams
	if !s.decode(id, params, &p) {
		return
	}
	s.mu.Lock()
	open := s.docs[p.TextDocument.URI] != nil
	s.mu.Unlock()
	if !open {
		s.reply(id, fullReport{Kind: "full", Items: []Diagnostic{}})
		return
	}
	s.withLint(id, p.TextDocument.URI, func(l *linted) any {
		return fullReport{Kind: "full", Items: nonNil(l.diags)}
	})
}

func nonNil(d []Diagnostic) []Diagnostic {
	if d == nil {
		return []Diagnostic{}
	}
	return d
}

// absPath makes a configuration path (the loader may give it relative to
// the working directory) absolute for its URI.
func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}
