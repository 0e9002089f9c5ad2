package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/azconn/azconn/validate"
)

// Azure Pipelines logging commands, as the agent reads them
// (azure-pipelines-agent, src/Agent.Sdk/CommandStringConvertor.cs and
// src/Agent.Worker/Command.cs): in a property value "%" is written
// "%AZP25" first, then ";", CR, LF and "]" as %3B, %0D, %0A and %5D; in
// the message "%", CR and LF.
var (
	azPropertyEscapes = strings.NewReplacer("%", "%AZP25", ";", "%3B", "\r", "%0D", "\n", "%0A", "]", "%5D")
	azDataEscapes     = strings.NewReplacer("%", "%AZP25", "\r", "%0D", "\n", "%0A")
)

// azProperty neutralises and escapes a logging command's property value.
func azProperty(s string) string { return azPropertyEscapes.Replace(neutralText(s)) }

// azData neutralises and escapes a logging command's message.
func azData(s string) string { return azDataEscapes.Replace(neutralText(s)) }

// azSourcePath is the absolute path the agent wants (it maps it onto the
// repository only when the file exists there); "" for standard input
// without --stdin-filename.
func (r *report) azSourcePath(f *fileResult) string {
	p := f.path
	if f.stdin {
		p = r.cfg.stdinFilename
	}
	if p == "" {
		return ""
	}
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	// A name with control characters or invalid UTF-8 is quoted, as
	// everywhere in text (name.go): it names no file the agent could map,
	// but puts no raw byte in the log.
	return quotedName(p)
}

// azIssueType maps a severity onto a logissue type (SPEC §13); "" means a
// plain log line, not an issue.
func (r *report) azIssueType(s validate.Severity) string {
	switch {
	case s == validate.SeverityError:
		return "error"
	case s == validate.SeverityWarning, r.cfg.failOn == validate.SeverityInfo:
		return "warning"
	}
	return ""
}

// writeAzure prints, per file with findings, a collapsible group holding
// the human text, then one task.logissue command per finding, and last the
// totals (the run summary keeps only ten issues of each type per step).
// Failure is left to the exit code: no task.complete.
func (r *report) writeAzure(w io.Writer) {
	for _, f := range r.files {
		src := r.azSourcePath(f)
		if f.err != nil {
			azIssue(w, "error", src, validate.Pos{}, "azconnlint", ioErrorText(f))
		}
		if !f.linted || len(f.findings) == 0 {
			continue
		}
		fmt.Fprintf(w, "##[group]%s\n", shownName(f.path)) // a title, not a command: no escapes
		text := &lineFilter{w: w, fix: neutralLine}
		r.writeFileText(text, f, true)
		text.Close()
		fmt.Fprintln(w, "##[endgroup]")
		for _, x := range f.findings {
			if typ := r.azIssueType(x.Severity); typ != "" {
				azIssue(w, typ, src, x.Start, x.Rule, x.Message)
			}
		}
	}
	if line := strings.TrimPrefix(r.totalsLine(), "\n"); line != "" {
		fmt.Fprintln(w, neutralText("azconnlint: "+line))
	} else {
		fmt.Fprintln(w, "azconnlint: no problems")
	}
}

// azIssue prints one task.logissue command; an empty source path and a
// position without a line are left out.
func azIssue(w io.Writer, typ, src string, at validate.Pos, code, msg string) {
	fmt.Fprintf(w, "##vso[task.logissue type=%s;", typ)
	if src != "" {
		fmt.Fprintf(w, "sourcepath=%s;", azProperty(src))
	}
	if at.Line > 0 {
		fmt.Fprintf(w, "linenumber=%d;columnnumber=%d;", at.Line, at.Column)
	}
	fmt.Fprintf(w, "code=%s;]%s\n", azProperty(code), azData(msg))
}
