package main

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	cfgfile "github.com/azconn/azconn/config"
	"github.com/azconn/azconn/internal/textdiff"
	"github.com/azconn/azconn/validate"
)

// job is one input: a file, or standard input. err is set when the path
// could not even be listed (a missing file, an unreadable directory).
type job struct {
	path     string // as shown in output; "-" for standard input
	stdin    bool
	err      error
	explicit bool // named on the command line, not found by a walk
}

// fileResult is what became of one job.
type fileResult struct {
	job
	src      []byte             // the bytes the findings refer to (after a successful --fix: the written bytes)
	findings []validate.Finding // what is reported
	// omitted counts, by severity, the findings left out past
	// --max-findings; normalized is src with the reported findings'
	// edits applied.
	omitted    map[validate.Severity]int
	normalized []byte
	fixes      int                // fixes applied by --fix (written, or printed for stdin)
	changed    bool               // --fix wrote the file
	output     []byte             // stdin --fix: the normalized payload for stdout
	diff       []byte             // --diff: the unified diff
	linted     bool               // src was read and linted
	fixable    int                // findings that --fix would fix here (0 when the file is blocked)
	truncated  bool               // only the first --max-size+1 bytes were read
	form       validate.Form      // how the input held the body
	requests   []validate.Request // the requests linted (one implicit one for a bare body)
	// target and targetFrom: what the engine linted for, and why.
	target     validate.Target
	targetFrom string
	failOn     validate.Severity // --fail-on, or the file's configuration's
	conf       *cfgfile.Config   // the file's configuration (nil: none)
	baselined  int               // findings the baseline suppressed
	// occurrence, when a baseline filtered the findings, is each kept
	// finding's occurrence number among all of them (identity.go).
	occurrence []int
}

// walkedExt reports whether walking a directory lints a file of this
// name: *.json, *.http and *.rest, and Markdown with --markdown.
func walkedExt(name string, markdown func(string) bool) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json", ".http", ".rest":
		return true
	case ".md", ".markdown":
		return markdown(name)
	}
	return false
}

// collect turns the path arguments into jobs, in argument order; a
// directory contributes its *.json, *.http and *.rest files (and Markdown
// with --markdown) in lexical order.
func collect(paths []string, markdown func(path string) bool) []job {
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	var jobs []job
	seen := map[string]bool{}
	add := func(j job) {
		key := j.path
		if !j.stdin {
			key = filepath.Clean(j.path)
		}
		if seen[key] && j.err == nil {
			return
		}
		seen[key] = true
		jobs = append(jobs, j)
	}
	for _, p := range paths {
		if p == "-" {
			add(job{path: "-", stdin: true})
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			add(job{path: p, err: err})
			continue
		}
		if !fi.IsDir() {
			add(job{path: p, explicit: true})
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				add(job{path: path, err: err})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if path != p && (d.Name() == ".git" || d.Name() == "node_modules") {
					return fs.SkipDir
				}
				return nil
			}
			// The configuration and the baseline (.azconnlint.json,
			// .azconnlint-baseline.json) are no payloads.
			if !walkedExt(path, markdown) || strings.HasPrefix(d.Name(), ".azconnlint") {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				// A link to a file is linted (and --fix writes its target);
				// a link to a directory is not followed.
				if ti, err := os.Stat(path); err != nil || ti.IsDir() {
					if err != nil {
						add(job{path: path, err: err})
					}
					return nil
				}
			}
			// Anything else that is not a regular file (a FIFO, a device,
			// or a link to one) is refused when read, with an error.
			add(job{path: path})
			return nil
		})
		if err != nil {
			add(job{path: p, err: err})
		}
	}
	return jobs
}

// sameFileGroups partitions the job indices so that the names of one file
// (a symbolic link, a hard link, another spelling) fall in one group, in
// input order: --fix handles a group in sequence, so one file is never
// written twice at the same time, and every name is still reported (the
// later ones see the file as the first one left it).
func sameFileGroups(jobs []job) [][]int {
	var groups [][]int
	at := map[string]int{}
	for i, j := range jobs {
		if !j.stdin && j.err == nil {
			if fi, err := os.Stat(j.path); err == nil {
				id := fileID(fi, j.path)
				if g, ok := at[id]; ok {
					groups[g] = append(groups[g], i)
					continue
				}
				at[id] = len(groups)
			}
		}
		groups = append(groups, []int{i})
	}
	return groups
}

// lintAll lints every input and prints the report; it returns the exit code.
func lintAll(cfg *config, stdin io.Reader, stdout, stderr io.Writer) int {
	start := time.Now()
	confs, err := newConfigs(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "azconnlint: %s\n", configErrorText(err))
		return exitUsage
	}
	jobs := collect(cfg.paths, func(path string) bool { return cfg.markdown || confs.forName(path).Markdown(path) })
	jobConf := make([]*cfgfile.Config, len(jobs))
	for i, j := range jobs {
		jobConf[i] = confs.forJob(cfg, j)
	}
	if confs.printErrors(stderr) {
		return exitUsage // a wrong configuration lints nothing
	}
	jobs, jobConf = excluded(cfg, jobs, jobConf, stderr)
	baselines, err := loadBaselines(cfg, jobConf)
	if err != nil {
		fmt.Fprintf(stderr, "azconnlint: %s\n", configErrorText(err))
		return exitUsage
	}
	writes := cfg.fix && !cfg.diff
	if writes || len(cfg.outputs) > 0 {
		defer removeTempsOnSignal()()
	}
	var groups [][]int
	if writes {
		groups = sameFileGroups(jobs)
	} else {
		for i := range jobs {
			groups = append(groups, []int{i})
		}
	}
	if len(cfg.paths) == 0 {
		if f, ok := stdin.(*os.File); ok && isTerminal(f) {
			fmt.Fprintln(stderr, "azconnlint: reading the payload from standard input (end with Ctrl-D); pass paths to lint files")
		}
	}
	results := lintGroups(cfg, jobs, jobConf, groups, stdin)
	if cfg.writeBaseline != "" {
		return writeBaseline(cfg, results, stderr)
	}
	if code, ok := baselines.apply(cfg, &results, stderr); !ok {
		return code
	}

	// Where findings go: stdout, unless stdout carries the normalized
	// payload (--fix on standard input) or the diff.
	findingsOut := stdout
	if cfg.diff {
		findingsOut = stderr
	} else if cfg.fix {
		for _, j := range jobs {
			if j.stdin {
				findingsOut = stderr
			}
		}
	}

	ioFailed := false
	for _, r := range results {
		if r.err != nil {
			ioFailed = true
			fmt.Fprintf(stderr, "azconnlint: %s\n", ioErrorText(r))
		}
	}
	for _, r := range results {
		var err error
		if cfg.diff && len(r.diff) > 0 {
			_, err = stdout.Write(r.diff)
		}
		if r.output != nil {
			_, err = stdout.Write(r.output)
		}
		if err != nil {
			// The diff or the normalized payload did not get out: as
			// bad as a file that could not be written.
			fmt.Fprintf(stderr, "azconnlint: writing to standard output: %v\n", err)
			ioFailed = true
		}
		if r.changed && !r.stdin && (cfg.format == "text" || cfg.format == "compact") {
			fmt.Fprintf(stderr, "azconnlint: %s: applied %d %s\n", shownName(r.path), r.fixes, plural(r.fixes, "fix", "fixes"))
		}
	}

	rep := &report{cfg: cfg, files: results, color: useColor(cfg.color, findingsOut), root: workingRoot(), now: start}
	if err := rep.write(findingsOut, cfg.format); err != nil {
		fmt.Fprintf(stderr, "azconnlint: writing the report: %v\n", err)
		return exitIO
	}
	if rep.writeOutputs(stdout, stderr) {
		ioFailed = true
	}

	if ioFailed {
		return exitIO
	}
	for _, r := range results {
		if r.counted().Fails(r.failOnOr(cfg.failOn)) {
			return exitFindings
		}
	}
	return exitOK
}

// excluded drops the jobs that their configuration excludes; a file named
// on the command line is reported as skipped.
func excluded(cfg *config, jobs []job, confs []*cfgfile.Config, stderr io.Writer) ([]job, []*cfgfile.Config) {
	baselines := map[string]bool{absPath(cfg.writeBaseline): cfg.writeBaseline != "", absPath(cfg.baseline): cfg.baseline != ""}
	for _, c := range confs {
		if b := c.Baseline(); b != "" {
			baselines[absPath(b)] = true
		}
	}
	var kj []job
	var kc []*cfgfile.Config
	for i, j := range jobs {
		if !j.stdin && j.err == nil && (strings.HasPrefix(filepath.Base(j.path), ".azconnlint") || baselines[absPath(j.path)]) {
			// A configuration or baseline named by a hook that passes
			// every staged .json file: no payload.
			fmt.Fprintf(stderr, "azconnlint: %s: skipped: azconnlint's own configuration or baseline\n", shownName(j.path))
			continue
		}
		if !j.stdin && j.err == nil && confs[i].Excluded(j.path) {
			if j.explicit {
				fmt.Fprintf(stderr, "azconnlint: %s: skipped: excluded by %s\n", shownName(j.path), shownName(confs[i].Path()))
			}
			continue
		}
		kj, kc = append(kj, j), append(kc, confs[i])
	}
	return kj, kc
}

// ioErrorText describes a read or write failure without echoing file
// content (errors from package os carry only the path and the cause).
func ioErrorText(r *fileResult) string {
	var pe *fs.PathError
	if errors.As(r.err, &pe) {
		return fmt.Sprintf("%s: %s: %v", shownName(r.path), pe.Op, pe.Err)
	}
	return fmt.Sprintf("%s: %v", shownName(r.path), r.err)
}

// lintOne reads, lints and (with --fix) writes one input.
func lintOne(cfg *config, j job, stdin io.Reader, conf *cfgfile.Config) *fileResult {
	r := &fileResult{job: j, conf: conf, failOn: cfg.failOnFor(j, conf)}
	if j.err != nil {
		return r
	}
	data, read, err := readInput(j, stdin, cfg.maxSize)
	if err != nil {
		r.err = err
		return r
	}
	opts := cfg.optionsFor(j, conf)
	res := validate.Lint(data, opts)
	r.linted, r.form = true, res.Form
	r.reportOn(data, res)
	r.truncated = len(data) > cfg.maxSize
	changes := res.Changed && !bytes.Equal(res.Normalized, data)
	if changes {
		for _, f := range res.Findings {
			if f.Fixable {
				r.fixable++
			}
		}
	}

	switch {
	case cfg.diff:
		if changes {
			label := shownName(j.path)
			r.diff = neutralLines(textdiff.Unified(label, label,
				validate.Redact(data, res.Target), validate.Redact(res.Normalized, res.Target)))
		}
	case cfg.fix && j.stdin:
		r.output = res.Normalized
		if changes {
			r.changed, r.fixes, r.fixable = true, appliedFixes(res), 0
			r.reportOn(res.Normalized, validate.Lint(res.Normalized, opts))
		}
	case cfg.fix && changes:
		if err := writeBack(j.path, res.Normalized, read); err != nil {
			r.err = err
			return r
		}
		r.changed, r.fixes, r.fixable = true, appliedFixes(res), 0
		// Report what remains, at its position in the written bytes.
		r.reportOn(res.Normalized, validate.Lint(res.Normalized, opts))
	}
	return r
}

// failOnOr is the lowest severity that fails the run for this file (its
// configuration's fail-on, or --fail-on), else def when unset.
func (r *fileResult) failOnOr(def validate.Severity) validate.Severity {
	if r.failOn == 0 {
		return def
	}
	return r.failOn
}

// counted is the reported result as the library counts it: the findings
// shown and those left out past --max-findings.
func (r *fileResult) counted() validate.Result {
	return validate.Result{Findings: r.findings, Omitted: r.omitted}
}

// reportOn makes res, the result of linting src, what r reports.
func (r *fileResult) reportOn(src []byte, res validate.Result) {
	r.src, r.findings, r.normalized, r.omitted = src, res.Findings, res.Normalized, res.Omitted
	r.requests, r.target, r.targetFrom = res.Requests, res.Target, res.TargetFrom
}

// readInput reads a job's bytes. It reads at most maxSize+1 bytes: enough
// for the engine to report too-large without holding a huge file. A named
// file must be a regular file: it is checked before the open (which must
// not block on a FIFO, so it does not wait for one) and again on the open
// file.
func readInput(j job, stdin io.Reader, maxSize int) ([]byte, readFile, error) {
	limit := int64(maxSize) + 1
	if j.stdin {
		b, err := io.ReadAll(io.LimitReader(stdin, limit))
		return b, readFile{}, err
	}
	fi, err := os.Stat(j.path)
	if err != nil {
		return nil, readFile{}, err
	}
	if err := regular(fi); err != nil {
		return nil, readFile{}, &fs.PathError{Op: "read", Path: j.path, Err: err}
	}
	f, err := os.OpenFile(j.path, os.O_RDONLY|openNoBlock, 0)
	if err != nil {
		return nil, readFile{}, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, readFile{}, err
	}
	if err := regular(info); err != nil {
		return nil, readFile{}, &fs.PathError{Op: "read", Path: j.path, Err: err}
	}
	b, err := io.ReadAll(io.LimitReader(f, limit))
	if err != nil {
		return nil, readFile{}, err
	}
	return b, readFile{info: info, sum: sha256.Sum256(b)}, nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// lintGroups lints the jobs, a group (the jobs that write one file) at a
// time, on every core; results are in job order. With one group or one
// core it lints on the calling goroutine: a worker would only wake
// another thread.
func lintGroups(cfg *config, jobs []job, jobConf []*cfgfile.Config, groups [][]int, stdin io.Reader) []*fileResult {
	results := make([]*fileResult, len(jobs))
	lintGroup := func(g []int) {
		for _, i := range g {
			results[i] = lintOne(cfg, jobs[i], stdin, jobConf[i])
		}
	}
	workers := min(runtime.GOMAXPROCS(0), len(groups))
	if workers <= 1 {
		for _, g := range groups {
			lintGroup(g)
		}
		return results
	}
	var wg sync.WaitGroup
	next := make(chan []int)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for g := range next {
				lintGroup(g)
			}
		}()
	}
	for _, g := range groups {
		next <- g
	}
	close(next)
	wg.Wait()
	return results
}

// appliedFixes counts the fixes a --fix applies: the JSON Patch operations
// and the edits of the framing that have none (a Content-Length, a byte
// order mark), each edit once.
func appliedFixes(res validate.Result) int {
	n := len(res.Fixes)
	seen := map[*validate.Edit]bool{}
	for _, f := range res.Findings {
		if f.Fix == nil && f.Edit != nil && !seen[f.Edit] {
			seen[f.Edit] = true
			n++
		}
	}
	return n
}
