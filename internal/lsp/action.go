package lsp

import (
	"encoding/json"
	"strings"
	"unicode/utf8"

	"github.com/azconn/azconn/validate"
)

// codeAction answers textDocument/codeAction from the current lint: each
// fixable finding's own edit, "Turn off <rule> for this file", and the
// fix-all source action. Every edit is for the version it was computed on.
func (s *Server) codeAction(id, params json.RawMessage) {
	var p codeActionParams
	if !s.decode(id, params, &p) {
		return
	}
	uri := p.TextDocument.URI
	s.withLint(id, uri, func(l *linted) any { return s.actions(l, uri, p) })
}

// actions builds the code actions (the caller holds s.mu).
func (s *Server) actions(l *linted, uri string, p codeActionParams) []CodeAction {
	out := []CodeAction{}
	if !l.shown {
		return out
	}
	from, to := l.lines.offset(p.Range.Start, s.enc), l.lines.offset(p.Range.End, s.enc)
	offered := map[string]bool{}
	for i, f := range l.res.Findings {
		if f.Start.Offset > to || f.End.Offset < from {
			continue
		}
		if f.Edit != nil && wants(p.Context.Only, kindQuickFix) {
			out = append(out, CodeAction{Title: fixTitle(f), Kind: kindQuickFix, IsPreferred: true,
				Diagnostics: []Diagnostic{l.diags[i]},
				Edit:        s.docEdit(uri, &l.version, []TextEdit{{Range: l.lines.rangeOf(f.Edit.Start.Offset, f.Edit.End.Offset, s.enc), NewText: f.Edit.Text}})})
		}
		if !offered[f.Rule] && wants(p.Context.Only, kindQuickFix) {
			offered[f.Rule] = true
			if a, ok := s.turnOff(l, uri, f.Rule); ok {
				a.Diagnostics = []Diagnostic{l.diags[i]}
				out = append(out, a)
			}
		}
	}
	if l.res.Changed && wants(p.Context.Only, kindFixAll) {
		a, b, text := minimalEdit(l.text, l.res.Normalized)
		out = append(out, CodeAction{Title: "Fix all azconnlint problems", Kind: kindFixAll,
			Edit: s.docEdit(uri, &l.version, []TextEdit{{Range: l.lines.rangeOf(a, b, s.enc), NewText: text}})})
	}
	return out
}

// wants reports whether the request's only filter admits kind: a filter
// entry admits its own kind and every kind under it (source admits
// source.fixAll.azconnlint).
func wants(only []string, kind string) bool {
	if len(only) == 0 {
		return true
	}
	for _, o := range only {
		if kind == o || strings.HasPrefix(kind, o+".") {
			return true
		}
	}
	return false
}

// fixTitle names a finding's fix by its rule and the kind of change; it
// quotes nothing from the payload (SPEC §13).
func fixTitle(f validate.Finding) string {
	title := "Fix " + f.Rule
	switch {
	case f.Fix == nil:
	case f.Fix.Op == "replace":
		title += ": replace the value"
	case f.Fix.Op == "remove":
		title += ": remove the member"
	case f.Fix.Op == "move" && f.Fix.Path == "":
		title += ": unwrap the body"
	case f.Fix.Op == "move":
		title += ": rename the property"
	}
	return title
}

// docEdit is a workspace edit of one document at a version: versioned
// documentChanges when the client takes them, else the changes map.
func (s *Server) docEdit(uri string, version *int32, edits []TextEdit) *WorkspaceEdit {
	if s.client.docChanges {
		return &WorkspaceEdit{DocumentChanges: []any{textDocumentEdit{TextDocument: versionedDoc{URI: uri, Version: version}, Edits: edits}}}
	}
	return &WorkspaceEdit{Changes: map[string][]TextEdit{uri: edits}}
}

// minimalEdit returns the one replacement [a, b) → text that turns old
// into new: the common prefix and suffix are kept, so the editor keeps
// the cursor and folds. The cut never splits a character or a CRLF.
func minimalEdit(old, new []byte) (a, b int, text string) {
	p := 0
	for p < len(old) && p < len(new) && old[p] == new[p] {
		p++
	}
	for p > 0 && (!boundary(old, p) || !boundary(new, p)) {
		p--
	}
	q := 0
	for q < len(old)-p && q < len(new)-p && old[len(old)-1-q] == new[len(new)-1-q] {
		q++
	}
	for q > 0 && (!boundary(old, len(old)-q) || !boundary(new, len(new)-q)) {
		q--
	}
	return p, len(old) - q, string(new[p : len(new)-q])
}

// boundary reports whether offset i of t is between two characters and
// not inside a CRLF.
func boundary(t []byte, i int) bool {
	if i <= 0 || i >= len(t) {
		return true
	}
	return utf8.RuneStart(t[i]) && (t[i-1] != '\r' || t[i] != '\n')
}
