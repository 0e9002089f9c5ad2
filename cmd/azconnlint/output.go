package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// reportOutput is one --output FORMAT=PATH.
type reportOutput struct {
	format, path string
}

// outputFlag collects --output values; a path may hold commas, so one
// value is one report.
type outputFlag struct{ outs *[]reportOutput }

func (o outputFlag) String() string {
	if o.outs == nil {
		return ""
	}
	var s []string
	for _, out := range *o.outs {
		s = append(s, out.format+"="+out.path)
	}
	return strings.Join(s, " ")
}

func (o outputFlag) Set(v string) error {
	format, path, ok := strings.Cut(v, "=")
	if !ok || path == "" {
		return fmt.Errorf("want FORMAT=PATH, e.g. junit=TEST-azconn.xml, got %q", v)
	}
	if !contains(formats, format) {
		return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(formats, ", "))
	}
	*o.outs = append(*o.outs, reportOutput{format: format, path: path})
	return nil
}

// formatSet reports whether --format was given.
func formatSet(fs *flag.FlagSet) bool {
	set := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "format" {
			set = true
		}
	})
	return set
}

// envFormat is the format when --format is not given: azure in Azure
// Pipelines (TF_BUILD=True), github in GitHub Actions
// (GITHUB_ACTIONS=true), else def.
func envFormat(def string) string {
	switch {
	case strings.EqualFold(os.Getenv("TF_BUILD"), "true"):
		return "azure"
	case os.Getenv("GITHUB_ACTIONS") == "true":
		return "github"
	}
	return def
}

// checkReportOutputs refuses a report on standard output when standard output
// already carries the diff or the normalized payload of standard input.
func checkReportOutputs(cfg *config) error {
	stdinFix := cfg.fix && (len(cfg.paths) == 0 || contains(cfg.paths, "-"))
	for _, o := range cfg.outputs {
		if o.path != "-" {
			continue
		}
		switch {
		case cfg.diff:
			return fmt.Errorf("--output %s=-: standard output carries the diff; name a file", o.format)
		case stdinFix:
			return fmt.Errorf("--output %s=-: standard output carries the normalized payload; name a file", o.format)
		}
	}
	return nil
}

// writeOutputs writes each --output report, to standard output for "-";
// it reports each failure on stderr and says whether any failed.
func (r *report) writeOutputs(stdout, stderr io.Writer) (failed bool) {
	file := *r
	file.color = false
	for _, o := range r.cfg.outputs {
		var err error
		if o.path == "-" {
			err = file.write(stdout, o.format)
		} else {
			err = writeReportFile(o.path, func(w io.Writer) error { return file.write(w, o.format) })
		}
		if err != nil {
			fmt.Fprintf(stderr, "azconnlint: --output %s=%s: %v\n", o.format, shownName(o.path), err)
			failed = true
		}
	}
	return failed
}

// writeReportFile writes a report whole or not at all: into a temporary
// file beside path, renamed over it once complete. A missing folder is
// created (reports/TEST-azconn.xml in a fresh clone). On failure (or an
// interrupt) the temporary file is removed and path is left as it was.
func writeReportFile(path string, write func(io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return writeErr("cannot create its folder", err)
	}
	tmp, err := temps.create(filepath.Dir(path))
	if err != nil {
		return writeErr("cannot create a temporary file beside it", err)
	}
	err = write(tmp)
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		temps.remove(tmp.Name())
		return writeErr("writing", err)
	}
	if err := temps.rename(tmp.Name(), path); err != nil {
		if errors.Is(err, errStopped) {
			return err
		}
		return writeErr("cannot put it in place", err)
	}
	return nil
}
