package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"github.com/azconn/azconn/internal/buildinfo"
	"io"
	"net/url"
	"path/filepath"
	"sort"

	"github.com/azconn/azconn/validate"
)

// SARIF 2.1.0, the subset azconnlint writes.

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	ColumnKind  string            `json:"columnKind"`
	Artifacts   []sarifFile       `json:"artifacts,omitempty"`
	Results     []sarifResult     `json:"results"`
	Properties  map[string]any    `json:"properties,omitempty"`
}

// sarifFile is one linted file of the run, with what it was linted as.
type sarifFile struct {
	Location   sarifArtifact  `json:"location"`
	Properties map[string]any `json:"properties"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID                   string            `json:"id"`
	ShortDescription     sarifText         `json:"shortDescription"`
	FullDescription      sarifText         `json:"fullDescription"`
	Help                 sarifText         `json:"help"`
	DefaultConfiguration sarifRuleConfig   `json:"defaultConfiguration"`
	Properties           sarifRuleProperty `json:"properties"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifRuleProperty struct {
	Fixable bool `json:"fixable"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex *int            `json:"ruleIndex,omitempty"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
	Fixes     []sarifFix      `json:"fixes,omitempty"`
	// PartialFingerprints holds the finding's identity fingerprint (SPEC
	// §13), which code scanning uses to follow a result across commits.
	PartialFingerprints map[string]string   `json:"partialFingerprints,omitempty"`
	Properties          sarifResultProperty `json:"properties"`
}

// sarifIdentityKey names the identity fingerprint in partialFingerprints.
const sarifIdentityKey = "azconnIdentity/v1"

type sarifResultProperty struct {
	Pointer string `json:"pointer"`
	Fixable bool   `json:"fixable"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
	CharOffset  int `json:"charOffset"`
	CharLength  int `json:"charLength"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifact      `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent sarifText   `json:"insertedContent"`
}

func sarifLevel(s validate.Severity) string {
	switch s {
	case validate.SeverityError:
		return "error"
	case validate.SeverityWarning:
		return "warning"
	}
	return "note"
}

// sarifURI turns a path into a URI reference: relative paths stay relative
// (slash-separated, escaped), absolute ones become file URIs.
func sarifURI(p string) string {
	if p == "-" {
		return "-"
	}
	slashed := filepath.ToSlash(p)
	if filepath.IsAbs(p) {
		return (&url.URL{Scheme: "file", Path: slashed}).String()
	}
	return (&url.URL{Path: slashed}).String()
}

func sarifRegionOf(start, end validate.Pos) *sarifRegion {
	if start.Line < 1 || start.Column < 1 {
		return nil
	}
	r := &sarifRegion{
		StartLine: start.Line, StartColumn: start.Column,
		EndLine: end.Line, EndColumn: end.Column,
		CharOffset: start.Offset, CharLength: end.Offset - start.Offset,
	}
	if r.EndLine < r.StartLine || (r.EndLine == r.StartLine && r.EndColumn < r.StartColumn) {
		r.EndLine, r.EndColumn, r.CharLength = r.StartLine, r.StartColumn, 0
	}
	return r
}

// writeSARIF prints one SARIF 2.1.0 log with one run. The driver lists the
// whole rule catalogue; each result points at its region, and carries a
// text fix when the finding's JSON Patch maps onto its own span.
func (r *report) writeSARIF(w io.Writer) error {
	rules := validate.Rules()
	index := map[string]int{}
	driver := sarifDriver{
		Name: "azconnlint", Version: buildinfo.Version(),
		InformationURI: "https://github.com/azconn/azconn",
		Rules:          []sarifRule{},
	}
	for i, ru := range rules {
		index[ru.ID] = i
		driver.Rules = append(driver.Rules, sarifRule{
			ID:                   ru.ID,
			ShortDescription:     sarifText{ru.Summary},
			FullDescription:      sarifText{ru.Summary},
			Help:                 sarifText{ru.Help},
			DefaultConfiguration: sarifRuleConfig{sarifLevel(ru.Severity)},
			Properties:           sarifRuleProperty{Fixable: ru.Fixable},
		})
	}
	inv := sarifInvocation{ExecutionSuccessful: true}
	for _, f := range r.files {
		if f.err != nil {
			inv.ExecutionSuccessful = false
			inv.Notifications = append(inv.Notifications, sarifNotification{
				Level:     "error",
				Message:   sarifText{ioErrorText(f)},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{sarifURI(f.path)}}}},
			})
		}
	}
	log := sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs: []sarifRun{{
			Tool:        sarifTool{Driver: driver},
			Invocations: []sarifInvocation{inv},
			ColumnKind:  "unicodeCodePoints",
			Results:     []sarifResult{},
			Artifacts:   r.sarifFiles(),
			Properties:  map[string]any{"target": r.cfg.target.String()},
		}},
	}
	return streamInto(w, log, "\n      \"results\": []", resultIndent, func(put func(any) error) error {
		for _, f := range r.files {
			if !f.linted {
				continue
			}
			uri := sarifURI(f.path)
			safe := sarifShownEdits(f, f.target)
			ids := r.identities(f)
			for i, x := range f.findings {
				res := sarifResultOf(x, uri, index, safe)
				res.PartialFingerprints = map[string]string{sarifIdentityKey: ids[i].Fingerprint()}
				if err := put(res); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// streamInto writes v, a report holding an empty list, encoded with
// two-space indentation, with each item put encoded into that list (found
// by marker, the line that ends "[]") at indent, one by one: memory holds
// one item, not the whole list. A raw line break never occurs inside a
// JSON string, so a marker that starts with one is unambiguous.
func streamInto(w io.Writer, v any, marker, indent string, items func(put func(any) error) error) error {
	doc, err := encodeIndented(v)
	if err != nil {
		return err
	}
	at := bytes.Index(doc, []byte(marker))
	if at < 0 {
		return fmt.Errorf("internal: %q not in the report", marker)
	}
	at += len(marker) - 1 // at the "]"
	var one bytes.Buffer
	enc := newEncoder(&one, indent)
	head, sep := doc[:at], "\n"+indent
	put := func(v any) error {
		if head != nil {
			if _, err := w.Write(head); err != nil {
				return err
			}
			head = nil
		}
		one.Reset()
		one.WriteString(sep)
		sep = ",\n" + indent
		if err := enc.Encode(v); err != nil {
			return err
		}
		// Encode ends with a line break; the separator or the list's end
		// takes its place.
		_, err := w.Write(foldNulls(bytes.TrimSuffix(one.Bytes(), []byte("\n"))))
		return err
	}
	if err := items(put); err != nil {
		return err
	}
	if head != nil { // no item: the list stays empty
		_, err := w.Write(doc)
		return err
	}
	if _, err := io.WriteString(w, "\n"+indent[:len(indent)-2]); err != nil { // the list's own indentation
		return err
	}
	_, err = w.Write(doc[at:])
	return err
}

// foldNulls writes each run of null array elements on one line ("null,
// null, null"): a JSON report's requests left out past its cap
// (FileReport.ListRequests) cost 6 bytes each, not a line of 15. A line
// that is only "null" or "null," is an array element (an object member has
// its name before), and the JSON is the same.
func foldNulls(b []byte) []byte {
	if !bytes.Contains(b, []byte("null,\n")) {
		return b
	}
	out := make([]byte, 0, len(b))
	run := false // the last line written is a null element with a comma
	for i := 0; ; i++ {
		line, rest, more := bytes.Cut(b, []byte("\n"))
		el := bytes.TrimLeft(line, " ")
		null := string(el) == "null," || string(el) == "null"
		switch {
		case run && null:
			out = append(out, ' ')
			out = append(out, el...)
		default:
			if i > 0 {
				out = append(out, '\n')
			}
			out = append(out, line...)
		}
		run = null && el[len(el)-1] == ','
		if !more {
			return out
		}
		b = rest
	}
}

// newEncoder returns the reports' JSON encoder: two-space indentation
// after prefix, and <, > and & as they are.
func newEncoder(w io.Writer, prefix string) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	return enc
}

func encodeIndented(v any) ([]byte, error) {
	var b bytes.Buffer
	err := newEncoder(&b, "").Encode(v)
	return b.Bytes(), err
}

// resultIndent is the indentation of a result inside the log.
const resultIndent = "        "

// sarifResultOf is one finding as a SARIF result.
func sarifResultOf(x validate.Finding, uri string, index map[string]int, safe map[*validate.Edit]bool) sarifResult {
	res := sarifResult{
		RuleID:  x.Rule,
		Level:   sarifLevel(x.Severity),
		Message: sarifText{x.Message},
		Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
			ArtifactLocation: sarifArtifact{uri},
			Region:           sarifRegionOf(x.Start, x.End),
		}}},
		Properties: sarifResultProperty{Pointer: x.Pointer, Fixable: x.Fixable},
	}
	if i, ok := index[x.Rule]; ok {
		res.RuleIndex = &i
	}
	if x.Edit != nil && safe[x.Edit] {
		res.Fixes = []sarifFix{{
			Description: sarifText{fixDescription(x)},
			ArtifactChanges: []sarifArtifactChange{{
				ArtifactLocation: sarifArtifact{uri},
				Replacements: []sarifReplacement{{
					DeletedRegion:   *sarifRegionOf(x.Edit.Start, x.Edit.End),
					InsertedContent: sarifText{x.Edit.Text},
				}},
			}},
		}}
	}
	return res
}

// fixDescription says in words what a finding's fix does.
func fixDescription(x validate.Finding) string {
	f := x.Fix
	if f == nil {
		return "Fix " + x.Rule // the BOM: below JSON Patch's reach
	}
	switch f.Op {
	case "replace":
		return "Replace " + f.Path + " with " + string(f.Value)
	case "move":
		return "Rename " + f.From + " to " + f.Path
	case "remove":
		return "Remove " + f.Path
	}
	return f.Op + " " + f.Path
}

// sarifShownEdits returns the edits of f's findings whose inserted text a
// SARIF fix may carry. An edit's text is user data (a trimmed value may
// become the password), so it is shown only where it can be found at its
// place in the normalized text and redaction masks nothing there; an edit
// whose place is uncertain (overlapping edits, edits of findings left out
// past the cap shifting it) is not shown either: the result then has no
// fix, never a secret.
func sarifShownEdits(f *fileResult, t validate.Target) map[*validate.Edit]bool {
	// Findings on one value share its edit, sometimes as equal copies.
	type editKey struct {
		start, end int
		text       string
	}
	var edits []*validate.Edit
	seen := map[editKey]*validate.Edit{}
	alias := map[*validate.Edit]*validate.Edit{}
	for _, x := range f.findings {
		if x.Edit == nil {
			continue
		}
		k := editKey{x.Edit.Start.Offset, x.Edit.End.Offset, x.Edit.Text}
		if first, ok := seen[k]; ok {
			alias[x.Edit] = first
			continue
		}
		seen[k] = x.Edit
		edits = append(edits, x.Edit)
	}
	if len(edits) == 0 {
		return nil
	}
	sort.SliceStable(edits, func(a, b int) bool {
		if edits[a].Start.Offset != edits[b].Start.Offset {
			return edits[a].Start.Offset < edits[b].Start.Offset
		}
		return edits[a].End.Offset < edits[b].End.Offset
	})
	norm := f.normalized
	_, spans := validate.RedactSpans(norm, t)
	shown := make(map[*validate.Edit]bool, len(edits))
	shift, prevEnd := 0, 0
	for _, e := range edits {
		if e.Start.Offset < prevEnd {
			break // overlapping edits: the places that follow are uncertain
		}
		p := e.Start.Offset + shift
		q := p + len(e.Text)
		if p >= 0 && q <= len(norm) && string(norm[p:q]) == e.Text && !maskedWithin(spans, p, q) {
			shown[e] = true
		}
		shift += len(e.Text) - (e.End.Offset - e.Start.Offset)
		prevEnd = e.End.Offset
	}
	for copyOf, first := range alias {
		shown[copyOf] = shown[first]
	}
	return shown
}

// maskedWithin reports whether a masked span overlaps [p, q).
func maskedWithin(spans []validate.Span, p, q int) bool {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].End > p })
	return i < len(spans) && spans[i].Start < q && q > p
}

// sarifFiles lists each linted file with its target, the evidence for it
// and its input form (SPEC §12: per-file target in the artifacts).
func (r *report) sarifFiles() []sarifFile {
	var out []sarifFile
	for _, f := range r.files {
		if !f.linted {
			continue
		}
		out = append(out, sarifFile{
			Location:   sarifArtifact{sarifURI(f.path)},
			Properties: map[string]any{"target": f.target.String(), "targetFrom": f.targetFrom, "form": f.form.String()},
		})
	}
	return out
}
