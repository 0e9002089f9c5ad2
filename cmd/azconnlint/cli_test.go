package main

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/azconn/azconn/validate"
	"github.com/tidwall/gjson"
)

// runCLI runs the command in-process.
func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = run(args, strings.NewReader(stdin), &o, &e)
	return code, o.String(), e.String()
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int{"1": 1, "4194304": 4 << 20, "512KiB": 512 << 10, "4MiB": 4 << 20, "2k": 2048, "3M": 3 << 20, "10b": 10, " 7 ": 7} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0", "-1", "x", "1.5M", "4GiB", "99999999999999MiB"} {
		if _, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) succeeded", in)
		}
	}
}

func TestNearestRule(t *testing.T) {
	for in, want := range map[string]string{"enum-cse": "enum-case", "ENUM-CASE": "enum-case", "readonly": "read-only", "zzzzzzzzzz": ""} {
		if got := nearestRule(in); got != want {
			t.Errorf("nearestRule(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestParallelOrder lints many files with several workers and checks the
// report follows the input order and equals a one-worker run byte for byte.
func TestParallelOrder(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for i := 0; i < 400; i++ {
		p := filepath.Join(dir, fmt.Sprintf("f%03d.json", (i*7919)%400)) // not in lexical order
		body := fmt.Sprintf("{\n  \"displayName\": \" n%d \"%s\n}\n", i, strings.Repeat(",\n  \"healthCheckStatus\": \"Passed\"", i%3))
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	args := append([]string{"--format", "json", "--fail-on", "info"}, paths...)
	old := runtime.GOMAXPROCS(8)
	code, many, _ := runCLI(t, "", args...)
	runtime.GOMAXPROCS(1)
	_, one, _ := runCLI(t, "", args...)
	runtime.GOMAXPROCS(old)
	if code != exitFindings {
		t.Fatalf("exit %d", code)
	}
	if many != one {
		t.Fatal("8 workers and 1 worker give different reports")
	}
	got := gjson.Get(many, "files.#.path").Array()
	if len(got) != len(paths) {
		t.Fatalf("%d files reported, want %d", len(got), len(paths))
	}
	for i, p := range paths {
		if got[i].String() != p {
			t.Fatalf("files[%d] = %s, want %s", i, got[i], p)
		}
	}
	// A directory argument gives lexical order.
	_, out, _ := runCLI(t, "", "--format", "json", dir)
	names := gjson.Get(out, "files.#.path").Array()
	for i := 1; i < len(names); i++ {
		if names[i-1].String() >= names[i].String() {
			t.Fatalf("directory walk not in lexical order at %d: %s, %s", i, names[i-1], names[i])
		}
	}
}

func TestUseColor(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	t.Setenv("NO_COLOR", "")
	t.Setenv("TERM", "xterm")
	if useColor("auto", w) {
		t.Error("auto colours a pipe")
	}
	if useColor("auto", &bytes.Buffer{}) {
		t.Error("auto colours a buffer")
	}
	if !useColor("always", w) || useColor("never", w) {
		t.Error("always/never not obeyed")
	}
	devnull, _ := os.Open(os.DevNull)
	defer devnull.Close()
	if isTerminal(devnull) {
		t.Error("/dev/null taken for a terminal")
	}
	if pty := openPTY(t); pty != nil {
		if !isTerminal(pty) || !useColor("auto", pty) {
			t.Error("a terminal is not coloured in auto mode")
		}
		t.Setenv("NO_COLOR", "1")
		if useColor("auto", pty) {
			t.Error("NO_COLOR ignored")
		}
		if !useColor("always", pty) {
			t.Error("--color always must win over NO_COLOR")
		}
		t.Setenv("NO_COLOR", "")
		t.Setenv("TERM", "dumb")
		if useColor("auto", pty) {
			t.Error("TERM=dumb ignored")
		}
	}
}

// TestExitCodesInProcess covers the exit codes through run() as well (the
// scripts cover them through the binary).
func TestExitCodesInProcess(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.json")
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(good, []byte(`{"displayName": "Contoso"}`), 0o644)
	os.WriteFile(bad, []byte(`{"displayName": "Contoso",}`), 0o644)
	for _, c := range []struct {
		args []string
		want int
	}{
		{[]string{good}, 0},
		{[]string{bad}, 1},
		{[]string{"--format=nope", good}, 2},
		{[]string{"--target", "x", good}, 2},
		{[]string{filepath.Join(dir, "none.json"), good}, 3},
		{[]string{filepath.Join(dir, "none.json"), bad}, 3},
	} {
		if code, _, stderr := runCLI(t, "", c.args...); code != c.want {
			t.Errorf("%v: exit %d, want %d (%s)", c.args, code, c.want, stderr)
		}
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

// TestStdoutFailure: if the normalized payload (or the report) cannot be
// written, the run fails with exit 3 instead of reporting success.
func TestStdoutFailure(t *testing.T) {
	var e bytes.Buffer
	code := run([]string{"--fix"}, strings.NewReader(`{"displayName": " x "}`), failWriter{}, &e)
	if code != exitIO || !strings.Contains(e.String(), "writing to standard output") {
		t.Errorf("--fix to a failing stdout: exit %d, stderr %q", code, e.String())
	}
	e.Reset()
	code = run([]string{"--format", "json", "-"}, strings.NewReader(`{}`), failWriter{}, &e)
	if code != exitIO {
		t.Errorf("report to a failing stdout: exit %d, stderr %q", code, e.String())
	}
}

// TestFailOnCountsOmitted: --fail-on sees the findings left out past
// --max-findings, not only those listed.
func TestFailOnCountsOmitted(t *testing.T) {
	r := &fileResult{
		findings: []validate.Finding{{Rule: "whitespace", Severity: validate.SeverityInfo}},
		omitted:  map[validate.Severity]int{validate.SeverityError: 3},
	}
	if !r.counted().Fails(validate.SeverityError) {
		t.Error("omitted errors do not fail --fail-on error")
	}
	if got := r.counted().Count(validate.SeverityError); got != 3 {
		t.Errorf("errors counted %d, want 3", got)
	}
}

// writeFiles writes each body as its name plus ext into a new temporary
// directory and returns the paths, in name order.
func writeFiles(t *testing.T, bodies map[string]string, ext string) []string {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for _, name := range slices.Sorted(maps.Keys(bodies)) {
		p := filepath.Join(dir, name+ext)
		if err := os.WriteFile(p, []byte(bodies[name]), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// checkOutputs runs the command with args and then paths, and hands its
// standard output and error, labelled by args, to check.
func checkOutputs(t *testing.T, check func(what, out string), args, paths []string) {
	t.Helper()
	_, stdout, stderr := runCLI(t, "", append(args, paths...)...)
	label := strings.Join(args, " ")
	check(label+" stdout", stdout)
	check(label+" stderr", stderr)
}
