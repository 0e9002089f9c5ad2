package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	cfgfile "github.com/azconn/azconn/config"
	"github.com/azconn/azconn/validate"
)

// baselines are the baseline files of a run, by path: --baseline's for
// every input, else each input's configuration's.
type baselines struct {
	root  string                       // the project root: baseline paths are relative to it
	files []string                     // in the order first met
	by    map[string]*cfgfile.Matcher  // baseline file → its matcher for this run
	of    []string                     // per job: its baseline file ("" when none)
	data  map[string]*cfgfile.Baseline // as loaded
}

// loadBaselines reads each baseline the run uses, once. A missing
// baseline named by --baseline or a configuration is an error.
func loadBaselines(cfg *config, confs []*cfgfile.Config) (*baselines, error) {
	b := &baselines{root: workingRoot(), by: map[string]*cfgfile.Matcher{}, data: map[string]*cfgfile.Baseline{}}
	if cfg.writeBaseline != "" {
		return b, nil
	}
	for _, c := range confs {
		path := cfg.baseline
		if path == "" {
			path = c.Baseline()
		}
		b.of = append(b.of, path)
		if path == "" || b.data[path] != nil {
			continue
		}
		bl, err := cfgfile.ReadBaseline(path) // bounded: a baseline of /dev/zero is refused
		if err != nil {
			return nil, err
		}
		b.files = append(b.files, path)
		b.data[path], b.by[path] = bl, bl.Matcher()
	}
	return b, nil
}

// apply suppresses the baselined findings of each result, then reports the
// entries left unused (or, with --prune-baseline, rewrites the files
// without them). ok is false when the run must stop with code.
func (b *baselines) apply(cfg *config, results *[]*fileResult, stderr io.Writer) (code int, ok bool) {
	if len(b.files) == 0 {
		return 0, true
	}
	linted := map[string]map[string]bool{} // baseline → project paths linted this run
	for i, r := range *results {
		file := b.of[i]
		if file == "" || r.stdin || !r.linted {
			continue
		}
		p := projectPath(b.root, r.path)
		if linted[file] == nil {
			linted[file] = map[string]bool{}
		}
		linted[file][p] = true
		b.filter(b.by[file], p, r)
	}
	// An entry is unused when its file was linted and no longer has the
	// finding, or when its file is gone; files outside this run (a
	// pre-commit run passes only the changed ones) keep their entries.
	for _, file := range b.files {
		considered := func(p string) bool {
			if linted[file][p] {
				return true
			}
			_, err := os.Stat(filepath.Join(b.root, filepath.FromSlash(p)))
			return os.IsNotExist(err)
		}
		m := b.by[file]
		if cfg.pruneBaseline {
			if err := os.WriteFile(file, m.Pruned(considered).Marshal(), 0o644); err != nil {
				fmt.Fprintf(stderr, "azconnlint: --prune-baseline: %s\n", configErrorText(err))
				return exitIO, false
			}
			continue
		}
		b.reportUnused(cfg, file, m.Unused(considered), results)
	}
	return 0, true
}

// filter drops r's baselined findings. Each kept finding keeps the
// occurrence number it had among all of the file's findings, so its
// identity (SARIF, GitLab) is the same with or without the baseline.
func (b *baselines) filter(m *cfgfile.Matcher, path string, r *fileResult) {
	all := validate.Identities(path, r.findings)
	var kept []validate.Finding
	var occ []int
	for i, f := range r.findings {
		if m.Suppress(path, f) {
			r.baselined++
			continue
		}
		kept, occ = append(kept, f), append(occ, all[i].Occurrence)
	}
	r.findings, r.occurrence = kept, occ
}

// reportUnused adds one baseline-unused warning per file at its line 1,
// naming the rules and pointers; a file that is gone gets an entry of its
// own.
func (b *baselines) reportUnused(cfg *config, file string, unused []cfgfile.Entry, results *[]*fileResult) {
	byPath := map[string][]cfgfile.Entry{}
	var paths []string
	for _, e := range unused {
		if byPath[e.Path] == nil {
			paths = append(paths, e.Path)
		}
		byPath[e.Path] = append(byPath[e.Path], e)
	}
	for _, p := range paths {
		i := slices.IndexFunc(*results, func(r *fileResult) bool { return r.linted && !r.stdin && projectPath(b.root, r.path) == p })
		mask := func(ptr string) string { return ptr }
		if i >= 0 {
			// A hand-written or older baseline may name a secret of the
			// file (a password used as a key): masked as findings are.
			r := (*results)[i]
			mask = func(ptr string) string { return validate.RedactPointer(r.src, r.target, ptr) }
		}
		f := unusedFinding(file, byPath[p], mask)
		if i >= 0 {
			// The file's configuration (and --ignore) may turn the rule
			// off or change its severity, as for every rule.
			r := (*results)[i]
			opts := cfg.optionsFor(r.job, r.conf)
			if slices.Contains(opts.Ignore, f.Rule) {
				continue
			}
			if s, ok := opts.Severity[f.Rule]; ok {
				f.Severity = s
			}
		} else if slices.Contains(cfg.ignore, f.Rule) {
			continue
		}
		if i < 0 {
			shown := filepath.Join(b.root, filepath.FromSlash(p))
			if wd, err := os.Getwd(); err == nil {
				if rel, err := filepath.Rel(wd, shown); err == nil {
					shown = rel
				}
			}
			r := &fileResult{job: job{path: shown}, linted: true, failOn: cfg.failOn}
			*results = append(*results, r)
			i = len(*results) - 1
			f.Message = "the file is gone: " + f.Message
		}
		r := (*results)[i]
		r.findings = append([]validate.Finding{f}, r.findings...)
		if r.occurrence != nil {
			r.occurrence = append([]int{0}, r.occurrence...)
		}
	}
}

// unusedFinding is the baseline-unused warning for one file's entries,
// their pointers shown through mask.
func unusedFinding(file string, es []cfgfile.Entry, mask func(string) string) validate.Finding {
	var parts []string
	for _, e := range es {
		at := mask(e.Pointer)
		if at == "" {
			at = "the top level"
		}
		if e.Request > 0 {
			at = fmt.Sprintf("request %d %s", e.Request, at)
		}
		parts = append(parts, fmt.Sprintf("%s at %s (%d)", e.Rule, at, e.Count))
	}
	return validate.Finding{Rule: "baseline-unused", Severity: validate.SeverityWarning,
		Start: validate.Pos{Line: 1, Column: 1}, End: validate.Pos{Line: 1, Column: 1},
		Message: fmt.Sprintf("%s suppresses findings that no longer occur here: %s; run azconnlint --prune-baseline to drop them",
			shownName(file), strings.Join(parts, ", "))}
}

// writeBaseline records every finding of the run in --write-baseline's
// file, and exits 0 unless an input or the file could not be read or
// written.
func writeBaseline(cfg *config, results []*fileResult, stderr io.Writer) int {
	root := workingRoot()
	b := &cfgfile.Baseline{Version: 1}
	n, code := 0, exitOK
	for _, r := range results {
		if r.err != nil {
			fmt.Fprintf(stderr, "azconnlint: %s\n", ioErrorText(r))
			code = exitIO
			continue
		}
		if !r.linted || r.stdin {
			continue
		}
		b.Add(projectPath(root, r.path), r.findings)
		n += len(r.findings)
	}
	if err := os.WriteFile(cfg.writeBaseline, b.Marshal(), 0o644); err != nil {
		fmt.Fprintf(stderr, "azconnlint: --write-baseline: %s\n", configErrorText(err))
		return exitIO
	}
	fmt.Fprintf(stderr, "azconnlint: wrote %d %s to %s\n", n, plural(n, "finding", "findings"), shownName(cfg.writeBaseline))
	return code
}
