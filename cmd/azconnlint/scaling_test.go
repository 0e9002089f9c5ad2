package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/azconn/azconn/internal/growth"
)

// The CLI's scaling suite: for each input shape issue 10 found quadratic
// somewhere, the command runs in-process at n and 4n bytes, through every
// format, --fix and --diff, and the growth of what it allocates (count and
// bytes) must stay near linear: above 5× for 4× the input fails. Paths that
// cost time without allocating (scans per finding over a long line) are
// caught by a ratio of CPU time measured in the same run (internal/growth:
// samples of tens of milliseconds, the best of three, measured again
// before failing), failing above twice the algorithm's growth: 8× for a
// linear path. Nothing is compared with an absolute time.

// scalingShape is one input shape, built at about n bytes.
type scalingShape struct {
	name   string
	target string
	n      int
	body   func(n int) []byte
	// timed lists the runs whose time ratio is checked too.
	timed []string
	// minFindings is how many findings the shape gives at n at least,
	// which TestScalingShapesFire checks.
	minFindings int
}

// repeatTo repeats item, separated by sep, between head and tail until the
// whole is about n bytes.
func repeatTo(n int, head, item, sep, tail string) []byte {
	var b bytes.Buffer
	b.WriteString(head)
	for i := 0; b.Len() < n; i++ {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(item)
	}
	b.WriteString(tail)
	return b.Bytes()
}

var scalingShapes = []scalingShape{
	{
		// Many password properties: every one is masked; each mention of
		// the name was checked against every key and edit.
		// 192 KB: one text run takes tens of milliseconds.
		name: "passwords", target: "azureConnection", n: 192 << 10,
		body: func(n int) []byte {
			return repeatTo(n, `{"displayName":" x ","healthCheckStatusDetails":[`, `{"adDomainPassword":"x"}`, ",", "]}\n")
		},
		timed: []string{"text", "diff"}, minFindings: 1,
	},
	{
		// Duplicate keys on one line: each message looked up the first
		// key's position and recounted the line.
		name: "duplicate-keys", target: "azureConnection", n: 32 << 10,
		body: func(n int) []byte {
			return repeatTo(n, `{`, `"é":1`, ",", "}")
		},
		timed: []string{"text"}, minFindings: 500,
	},
	{
		// A minified onPremisesConnection body with thousands of health
		// checks, each with a miscased status and errorType: two schema
		// findings per object on one line, fixable.
		name: "health-checks", target: "onPremisesConnection", n: 64 << 10,
		body: func(n int) []byte {
			return repeatTo(n, `{"displayName":" x ","healthCheckStatusDetail":{"healthChecks":[`,
				`{"status":"Passed","errorType":"DnsCheckFqdnNotFound"}`, ",", "]}}")
		},
		timed: []string{"text"}, minFindings: 500,
	},
	{
		// One long ARM ID of slashes on one line: once a finding per empty
		// segment, each converting the line to runes for its snippet.
		name: "slashes", target: "azureConnection", n: 16 << 10,
		body: func(n int) []byte {
			return []byte(`{"virtualNetworkId":"` + strings.Repeat("/", max(1, n-24)) + `"}`)
		},
		// One finding now: its run takes too little CPU for a ratio.
		minFindings: 1,
	},
}

// scalingRuns are the command lines measured, by name; the file's path is
// appended.
var scalingRuns = []struct {
	name string
	args []string
}{
	{"text", []string{"--format", "text"}},
	{"compact", []string{"--format", "compact"}},
	{"json", []string{"--format", "json"}},
	{"sarif", []string{"--format", "sarif"}},
	{"github", []string{"--format", "github"}},
	{"azure", []string{"--format", "azure"}},
	{"junit", []string{"--format", "junit"}},
	{"gitlab", []string{"--format", "gitlab"}},
	{"checkstyle", []string{"--format", "checkstyle"}},
	{"fix", []string{"--fix", "--format", "text"}},
	{"diff", []string{"--diff", "--format", "text"}},
}

// cost is what one in-process run of the command allocated and the CPU
// time it took.
type cost struct {
	mallocs, bytes uint64
	took           time.Duration
}

// measureCLI runs the command once on a fresh copy of body and returns its
// cost. The file is written before the measurement, so --fix always has
// work to do.
func measureCLI(t *testing.T, dir string, body []byte, args []string) cost {
	t.Helper()
	p := filepath.Join(dir, "in.json")
	if err := os.WriteFile(p, body, 0o644); err != nil {
		t.Fatal(err)
	}
	// The cap is lifted: under it, a cost per finding that grows with the
	// line would look linear (a thousand times the line).
	args = append(append([]string{"--fail-on", "error", "--max-findings", "1000000000"}, args...), p)
	runtime.GC()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	start := cpuTime()
	code := run(args, strings.NewReader(""), io.Discard, io.Discard)
	took := cpuTime() - start
	runtime.ReadMemStats(&m1)
	if code == exitIO || code == exitUsage {
		t.Fatalf("%v: exit %d", args, code)
	}
	return cost{m1.Mallocs - m0.Mallocs, m1.TotalAlloc - m0.TotalAlloc, took}
}

func TestCLIScaling(t *testing.T) {
	if testing.Short() {
		t.Skip("scaling suite skipped in -short mode")
	}
	dir := t.TempDir()
	// Warm up what is paid once per process (schema compilation).
	for _, sh := range scalingShapes {
		measureCLI(t, dir, []byte(`{}`), []string{"--target", sh.target})
	}
	for _, sh := range scalingShapes {
		small, large := sh.body(sh.n), sh.body(4*sh.n)
		for _, r := range scalingRuns {
			args := append([]string{"--target", sh.target}, r.args...)
			a, b := measureCLI(t, dir, small, args), measureCLI(t, dir, large, args)
			grow := func(x, y uint64) float64 { return float64(y) / float64(max(x, 1)) }
			gm, gb := grow(a.mallocs, b.mallocs), grow(a.bytes, b.bytes)
			t.Logf("%-14s %-7s %7d → %7d bytes in: %9d → %9d allocations (%.2f×), %11d → %11d bytes (%.2f×)",
				sh.name, r.name, len(small), len(large), a.mallocs, b.mallocs, gm, a.bytes, b.bytes, gb)
			if gm > 5 || gb > 5 {
				t.Errorf("%s through %s: 4× the input allocates %.1f× as often and %.1f× as many bytes (limit 5×)", sh.name, r.name, gm, gb)
			}
		}
		for _, name := range sh.timed {
			checkCLITime(t, dir, sh, name, small, large)
		}
	}
}

// checkCLITime checks the CPU time of one run at n and 4n, measured so
// that a busy machine cannot fail it by chance (internal/growth): a linear
// path may grow 8× at most; the diff, O(n log n) in its lines (bounded by
// bytes here), twice NLogN.
func checkCLITime(t *testing.T, dir string, sh scalingShape, name string, small, large []byte) {
	t.Helper()
	var args []string
	for _, r := range scalingRuns {
		if r.name == name {
			args = append([]string{"--target", sh.target}, r.args...)
		}
	}
	expected := growth.Linear
	if name == "diff" {
		expected = growth.NLogN(len(small))
	}
	clock := func(fn func()) time.Duration {
		start := cpuTime()
		fn()
		return cpuTime() - start
	}
	r := growth.Check{Clock: clock, Expected: expected}.Run(
		func() { measureCLI(t, dir, small, args) }, func() { measureCLI(t, dir, large, args) })
	t.Logf("%-14s %-7s time %v", sh.name, name, r)
	if !r.OK {
		t.Errorf("%s through %s: 4× the input takes more than %.1f× as long: %v", sh.name, name, r.Limit, r)
	}
}

// TestScalingShapesFire: each shape produces the findings that made it
// costly (many findings on one line where it takes that), so the suite
// measures the paths it means to.
func TestScalingShapesFire(t *testing.T) {
	for _, sh := range scalingShapes {
		p := filepath.Join(t.TempDir(), "in.json")
		os.WriteFile(p, sh.body(sh.n), 0o644)
		_, out, _ := runCLI(t, "", "--target", sh.target, "--format", "compact", "--fail-on", "info", p)
		if n := strings.Count(out, "\n"); n < sh.minFindings {
			t.Errorf("%s: only %d findings at %d bytes:\n%.400s", sh.name, n, sh.n, out)
		}
		if sh.name == "passwords" {
			// Few findings, but thousands of values to mask in every
			// source line and diff line shown.
			_, diff, _ := runCLI(t, "", "--target", sh.target, "--diff", p)
			if n := strings.Count(diff, `"adDomainPassword":"********"`); n < 2000 || strings.Contains(diff, `"adDomainPassword":"x"`) {
				t.Errorf("passwords: %d masked passwords in the diff:\n%.400s", n, diff)
			}
		}
	}
}

// TestCLIScalingReport prints, for each shape at 1 MiB and each run with
// the default findings cap, the bytes allocated per input byte and the CPU
// time per MB: the figures of the README's Reliability section.
// AZCONN_SCALING_REPORT=1 go test ./cmd/azconnlint -run TestCLIScalingReport -v
func TestCLIScalingReport(t *testing.T) {
	if os.Getenv("AZCONN_SCALING_REPORT") == "" {
		t.Skip("set AZCONN_SCALING_REPORT=1")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "in.json")
	for _, sh := range scalingShapes {
		body := sh.body(1 << 20)
		for _, r := range scalingRuns {
			if err := os.WriteFile(p, body, 0o644); err != nil {
				t.Fatal(err)
			}
			args := append(append([]string{"--target", sh.target, "--fail-on", "error"}, r.args...), p)
			runtime.GC()
			var m0, m1 runtime.MemStats
			runtime.ReadMemStats(&m0)
			start := cpuTime()
			run(args, strings.NewReader(""), io.Discard, io.Discard)
			took := cpuTime() - start
			runtime.ReadMemStats(&m1)
			mb := float64(len(body)) / (1 << 20)
			t.Logf("%-14s %-7s %7.1f B/B %7.0f ms/MB", sh.name, r.name,
				float64(m1.TotalAlloc-m0.TotalAlloc)/float64(len(body)), float64(took.Milliseconds())/mb)
		}
	}
}
