package lsp

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/azconn/azconn/validate"
)

// hover answers textDocument/hover: over a finding, its rule's summary
// and help; over a property name, what the target's schema says of it.
// Nothing of the payload is quoted but the engine's own messages, which
// never hold the password.
func (s *Server) hover(id, params json.RawMessage) {
	var p positionParams
	if !s.decode(id, params, &p) {
		return
	}
	s.withLint(id, p.TextDocument.URI, func(l *linted) any {
		if h := s.hoverAt(l, p.Position); h != nil {
			return h
		}
		return nil
	})
}

// hoverAt builds the hover at pos (the caller holds s.mu).
func (s *Server) hoverAt(l *linted, pos Position) *Hover {
	if !l.shown {
		return nil
	}
	off := l.lines.offset(pos, s.enc)
	md := s.client.markdown
	var parts []string
	var at *Range
	for _, f := range l.res.Findings {
		if f.Start.Offset <= off && (off < f.End.Offset || f.Start.Offset == f.End.Offset) {
			parts = append(parts, findingDoc(f, md))
			if at == nil {
				r := l.lines.rangeOf(f.Start.Offset, f.End.Offset, s.enc)
				at = &r
			}
		}
	}
	if name, from, to, ok := keyAt(l.text, off); ok {
		if doc, found := propertyDoc(targetAt(l.res, off), name, md); found {
			parts = append(parts, doc)
			r := l.lines.rangeOf(from, to, s.enc)
			at = &r
		}
	}
	if len(parts) == 0 {
		return nil
	}
	kind := "plaintext"
	if md {
		kind = "markdown"
	}
	return &Hover{Contents: markupContent{Kind: kind, Value: strings.Join(parts, "\n\n---\n\n")}, Range: at}
}

// findingDoc is a finding's message with its rule's summary and help.
func findingDoc(f validate.Finding, md bool) string {
	head := fmt.Sprintf("%s %s (%s): %s", f.Severity, code(f.Rule, md), "azconnlint", f.Message)
	if r, ok := validate.LookupRule(f.Rule); ok {
		return head + "\n\n" + r.Summary + "\n\n" + r.Help
	}
	return head
}

// code marks an identifier as code in Markdown.
func code(s string, md bool) string {
	if md {
		return "`" + s + "`"
	}
	return s
}

// targetAt is the target the text at off was linted for: that of the
// request holding it, else the result's.
func targetAt(res validate.Result, off int) validate.Target {
	for _, r := range res.Requests {
		if r.Start.Offset <= off && off <= r.End.Offset && r.Target != "" {
			return r.Target
		}
	}
	return res.Target
}

// keyAt finds the object key whose string token holds off: JSON strings
// never span lines, so scanning the line from its start finds every
// token's bounds. It returns the decoded key and the token's span.
func keyAt(text []byte, off int) (name string, from, to int, ok bool) {
	if off < 0 || off > len(text) {
		return "", 0, 0, false
	}
	start := off
	for start > 0 && text[start-1] != '\n' && text[start-1] != '\r' {
		start--
	}
	for i := start; i < len(text) && text[i] != '\n' && text[i] != '\r'; i++ {
		if text[i] != '"' {
			continue
		}
		j := i + 1
		for j < len(text) && text[j] != '"' && text[j] != '\n' {
			if text[j] == '\\' {
				j++
			}
			j++
		}
		if j >= len(text) || text[j] != '"' {
			return "", 0, 0, false
		}
		if i <= off && off <= j {
			k := j + 1
			for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
				k++
			}
			if k >= len(text) || text[k] != ':' || json.Unmarshal(text[i:j+1], &name) != nil {
				return "", 0, 0, false
			}
			return name, i, j + 1, true
		}
		i = j
	}
	return "", 0, 0, false
}
