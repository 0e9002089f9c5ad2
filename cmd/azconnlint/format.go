package main

import (
	"bufio"
	"fmt"
	"github.com/azconn/azconn/internal/buildinfo"
	"io"
	"strings"
	"time"

	"github.com/azconn/azconn/validate"
)

// report prints the findings of every linted file in one format.
type report struct {
	cfg   *config
	files []*fileResult
	color bool
	root  string    // the project root identities are relative to (SPEC §13)
	now   time.Time // when the run started, for JUnit's timestamp
}

// reportFormat is how one format is written: its writer, and the
// neutraliser every line it writes passes through (neutral.go), so that
// nothing taken from the input forms a pipeline command, whatever the
// writer prints.
type reportFormat struct {
	write func(*report, io.Writer) error
	lines func([]byte) []byte
}

// githubLine neutralises openers; the format's own lines start with "::".
func githubLine(b []byte) []byte { return neutralize(b, `\[`) }

// noError adapts a writer that cannot fail (errors surface on Flush).
func noError(f func(*report, io.Writer)) func(*report, io.Writer) error {
	return func(r *report, w io.Writer) error { f(r, w); return nil }
}

var reportFormats = map[string]reportFormat{
	"text":       {noError(func(r *report, w io.Writer) { r.writeText(w, true) }), neutralLine},
	"compact":    {noError(func(r *report, w io.Writer) { r.writeText(w, false) }), neutralLine},
	"json":       {(*report).writeJSON, jsonLine},
	"sarif":      {(*report).writeSARIF, jsonLine},
	"gitlab":     {(*report).writeGitLab, jsonLine},
	"junit":      {(*report).writeJUnit, xmlLine},
	"checkstyle": {(*report).writeCheckstyle, xmlLine},
	"github":     {noError((*report).writeGitHub), githubLine},
	"azure":      {noError((*report).writeAzure), azureLine}, // azure.go also neutralises each field
}

// write prints the report in format to w.
func (r *report) write(w io.Writer, format string) error {
	f, ok := reportFormats[format]
	if !ok {
		f = reportFormats["text"]
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	lf := &lineFilter{w: bw, fix: f.lines}
	if err := f.write(r, lf); err != nil {
		return err
	}
	if err := lf.Close(); err != nil {
		return err
	}
	return bw.Flush()
}

// entry returns the report-model entry of a linted file.
func (f *fileResult) entry() validate.FileReport {
	return validate.NewFileReport(f.path, validate.Result{Findings: f.findings, Omitted: f.omitted, Target: f.target, TargetFrom: f.targetFrom, Form: f.form, Requests: f.requests}, f.changed)
}

// summary counts the reported findings of the linted files.
func (r *report) summary() validate.Summary {
	var s validate.Summary
	for _, f := range r.files {
		if !f.linted {
			continue
		}
		s.Add(f.entry())
		s.Baselined += f.baselined
	}
	return s
}

// ---- text and compact ------------------------------------------------

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[1;31m"
	ansiYellow = "\x1b[1;33m"
	ansiCyan   = "\x1b[1;36m"
)

func (r *report) paint(code, s string) string {
	if !r.color {
		return s
	}
	return code + s + ansiReset
}

func severityColor(s validate.Severity) string {
	switch s {
	case validate.SeverityError:
		return ansiRed
	case validate.SeverityWarning:
		return ansiYellow
	}
	return ansiCyan
}

// writeText prints `path:line:col: severity: message [rule]` per finding,
// and with snippets the redacted source line with a caret under the span.
func (r *report) writeText(w io.Writer, snippets bool) {
	for _, f := range r.files {
		r.writeFileText(w, f, snippets)
	}
	if snippets {
		if line := r.totalsLine(); line != "" {
			fmt.Fprintln(w, line)
		}
	}
}

// writeFileText prints the text lines of one file's findings.
func (r *report) writeFileText(w io.Writer, f *fileResult, snippets bool) {
	if !f.linted || len(f.findings) == 0 {
		return
	}
	var src *snippetSource
	width := 0
	// A truncated read (over --max-size) may cut the secret's key off
	// its value, so it never shows source.
	if snippets && !f.truncated {
		src = newSnippetSource(f.src, f.target)
		for _, x := range f.findings {
			width = max(width, len(fmt.Sprint(x.Start.Line)))
		}
	}
	for _, x := range f.findings {
		fmt.Fprintf(w, "%s: %s: %s %s\n",
			r.paint(ansiBold, fmt.Sprintf("%s:%d:%d", safePath(f.path), x.Start.Line, x.Start.Column)),
			r.paint(severityColor(x.Severity), x.Severity.String()),
			neutralText(oneLine(x.Message)),
			r.paint(ansiDim, "["+x.Rule+"]"))
		if src != nil {
			if line, caret, ok := src.snippet(x); ok {
				gutter := fmt.Sprintf("%*d", width, x.Start.Line)
				pad := strings.Repeat(" ", width)
				fmt.Fprintf(w, " %s | %s\n", r.paint(ansiDim, gutter), line)
				fmt.Fprintf(w, " %s | %s\n", pad, r.paint(severityColor(x.Severity), caret))
			}
		}
	}
}

// totalsLine is the text format's last line, "" when nothing was found.
func (r *report) totalsLine() string {
	s := r.summary()
	n := s.Problems()
	if n == 0 {
		if s.Baselined > 0 {
			return fmt.Sprintf("\nno new problems; %d baselined", s.Baselined)
		}
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n%d %s (%d %s, %d %s, %d %s) in %d %s",
		n, plural(n, "problem", "problems"),
		s.Errors, plural(s.Errors, "error", "errors"),
		s.Warnings, plural(s.Warnings, "warning", "warnings"),
		s.Infos, plural(s.Infos, "info", "infos"),
		s.Files, plural(s.Files, "file", "files"))
	fixable := 0
	for _, f := range r.files {
		fixable += f.fixable
	}
	if fixable > 0 && !r.cfg.fix {
		fmt.Fprintf(&b, "; %d fixable with --fix", fixable)
	}
	if s.Baselined > 0 {
		fmt.Fprintf(&b, "; %d baselined", s.Baselined)
	}
	if t := r.targetsLine(); t != "" {
		fmt.Fprintf(&b, "; %s", t)
	}
	return b.String()
}

// oneLine keeps a message on its line.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}

// ---- github ------------------------------------------------------------

// writeGitHub prints GitHub Actions workflow commands, one per finding.
func (r *report) writeGitHub(w io.Writer) {
	for _, f := range r.files {
		if f.err != nil {
			fmt.Fprintf(w, "::error file=%s,title=%s::%s\n", ghProperty(shownName(f.path)), ghProperty("azconnlint"), ghData(ioErrorText(f)))
		}
		if !f.linted {
			continue
		}
		for _, x := range f.findings {
			cmd := "error"
			switch x.Severity {
			case validate.SeverityWarning:
				cmd = "warning"
			case validate.SeverityInfo:
				cmd = "notice"
			}
			fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
				cmd, ghProperty(shownName(f.path)), x.Start.Line, x.Start.Column, x.End.Line, x.End.Column,
				ghProperty(x.Rule), ghData(neutralText(x.Message)))
		}
	}
}

// Workflow command escapes (as @actions/core does), built once: a
// replacer per finding cost more than the rest of the format.
var (
	ghDataEscapes     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	ghPropertyEscapes = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// ghData escapes a workflow command's message.
func ghData(s string) string { return ghDataEscapes.Replace(s) }

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string { return ghPropertyEscapes.Replace(s) }

// ---- json ----------------------------------------------------------------

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type jsonReport struct {
	Version int                   `json:"version"`
	Tool    jsonTool              `json:"tool"`
	Target  string                `json:"target"`
	Files   []validate.FileReport `json:"files"`
	Summary validate.Summary      `json:"summary"`
}

// writeJSON prints the versioned report of SPEC §8. Field order is fixed
// by the structs and findings come sorted from the engine, so the same
// input gives the same bytes.
func (r *report) writeJSON(w io.Writer) error {
	rep := jsonReport{
		Version: 1,
		Tool:    jsonTool{Name: "azconnlint", Version: buildinfo.Version()},
		Target:  r.cfg.target.String(),
		Files:   []validate.FileReport{},
		Summary: r.summary(),
	}
	// The files are streamed into the empty list, as SARIF's results are.
	return streamInto(w, rep, "\n  \"files\": []", "    ", func(put func(any) error) error {
		for _, f := range r.files {
			if f.linted {
				e := f.entry()
				e.ListRequests() // bounded whatever the input (README: json)
				if err := put(e); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// targetsLine says what the files were linted as: for one file the target
// and its evidence ("linted as onPremisesConnection, from property
// connectionType"), for several the count per target.
func (r *report) targetsLine() string {
	var linted []*fileResult
	for _, f := range r.files {
		if f.linted && f.target != "" {
			linted = append(linted, f)
		}
	}
	switch len(linted) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf("linted as %s, from %s", linted[0].target, linted[0].targetFrom)
	}
	count := map[validate.Target]int{}
	var order []validate.Target
	for _, f := range linted {
		if count[f.target] == 0 {
			order = append(order, f.target)
		}
		count[f.target]++
	}
	parts := make([]string, len(order))
	for i, t := range order {
		parts[i] = fmt.Sprintf("%s %d", t, count[t])
	}
	return "linted as " + strings.Join(parts, ", ")
}
