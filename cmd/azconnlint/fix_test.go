//go:build unix

package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// readForFix reads p as lintOne does before a fix.
func readForFix(t *testing.T, p string) readFile {
	t.Helper()
	b, read, err := readInput(job{path: p}, nil, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if read.sum != sha256.Sum256(b) {
		t.Fatal("hash of the bytes read not kept")
	}
	return read
}

// TestWriteBackRefusesChangedFile: an edit of the same size that keeps the
// modification time (what size+mtime missed) is still seen, up to the last
// moment before the replacement, on both write paths.
func TestWriteBackRefusesChangedFile(t *testing.T) {
	for _, links := range []int{1, 2} {
		dir := t.TempDir()
		p := filepath.Join(dir, "a.json")
		os.WriteFile(p, []byte(`{"x":1}`), 0o644)
		if links == 2 {
			os.Link(p, filepath.Join(dir, "b.json"))
		}
		read := readForFix(t, p)
		fi, _ := os.Stat(p)
		beforeReplace = func(string) {
			os.WriteFile(p, []byte(`{"x":2}`), 0o644)
			os.Chtimes(p, fi.ModTime(), fi.ModTime())
		}
		err := writeBack(p, []byte(`{"x": 1}`), read)
		beforeReplace = nil
		if err != errChanged {
			t.Fatalf("%d links: writeBack = %v, want %v", links, err, errChanged)
		}
		if b, _ := os.ReadFile(p); string(b) != `{"x":2}` {
			t.Fatalf("%d links: the other edit was overwritten: %s", links, b)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != links {
			t.Errorf("%d links: temporary files left: %v", links, entries)
		}
	}
}

// TestFixConcurrentAppend appends to a file while --fix runs on it, at
// random moments: the appended bytes are never lost (the fix either saw
// them, or refused to write, or wrote before they came).
func TestFixConcurrentAppend(t *testing.T) {
	body := fixableBody(20000)
	const tail = "      \n"
	r := rand.New(rand.NewSource(3))
	refused := 0
	for trial := 0; trial < 8; trial++ {
		p := filepath.Join(t.TempDir(), "a.json")
		os.WriteFile(p, []byte(body), 0o644)
		var wg sync.WaitGroup
		wg.Add(1)
		delay := time.Duration(r.Intn(150)) * time.Millisecond
		go func() {
			defer wg.Done()
			time.Sleep(delay)
			f, err := os.OpenFile(p, os.O_WRONLY|os.O_APPEND, 0)
			if err != nil {
				t.Error(err)
				return
			}
			f.WriteString(tail)
			f.Close()
		}()
		code, _, stderr := runCLI(t, "", "--fix", "--format", "compact", p)
		wg.Wait()
		b, _ := os.ReadFile(p)
		if !bytes.HasSuffix(b, []byte(tail)) {
			t.Fatalf("trial %d (append after %v): the append was lost (exit %d, %s)", trial, delay, code, stderr)
		}
		if strings.Contains(stderr, "changed while") {
			refused++
		}
	}
	t.Logf("%d of 8 trials refused to write", refused)
}

// fixableBody is a payload with one fix and n more members (distinct keys:
// a duplicate key would block the fix).
func fixableBody(n int) string {
	var b strings.Builder
	b.WriteString(`{"displayName": " Contoso ", "healthCheckStatusDetails": {`)
	for i := range n {
		fmt.Fprintf(&b, `"k%d": "v", `, i)
	}
	b.WriteString(`"z": 1}}` + "\n")
	return b.String()
}

// TestWriteBackHardLinks: a file with two names is rewritten in place, so
// both names see the fix and stay one file.
func TestWriteBackHardLinks(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")
	os.WriteFile(a, []byte(`{"displayName": " x ", "more": "a long tail that the fix shortens"}`), 0o640)
	if err := os.Link(a, b); err != nil {
		t.Skipf("no hard links here: %v", err)
	}
	want := []byte(`{"x":1}`)
	if err := writeBack(a, want, readForFix(t, a)); err != nil {
		t.Fatal(err)
	}
	fa, _ := os.Stat(a)
	fb, _ := os.Stat(b)
	if !os.SameFile(fa, fb) {
		t.Fatal("the hard link was broken")
	}
	if got, _ := os.ReadFile(b); !bytes.Equal(got, want) {
		t.Fatalf("through the other name: %q, want %q", got, want)
	}
	if fa.Mode().Perm() != 0o640 {
		t.Errorf("mode %v", fa.Mode())
	}
}

// TestWriteBackReadOnly: the write bits are honoured by the CLI itself, so
// a read-only file is not replaced even by root (rename needs only a
// writable directory).
func TestWriteBackReadOnly(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.json")
	os.WriteFile(p, []byte("{}"), 0o444)
	err := writeBack(p, []byte("{ }"), readForFix(t, p))
	if err == nil || !strings.Contains(err.Error(), "not writable") {
		t.Fatalf("writeBack = %v", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "{}" {
		t.Fatalf("read-only file replaced: %q", b)
	}
}

func TestWriteBackKeepsModeBits(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.json")
	os.WriteFile(p, []byte("{}"), 0o600)
	os.Chmod(p, os.ModeSetgid|0o751) // setgid survives too (chmod after chown)
	if err := writeBack(p, []byte("{ }"), readForFix(t, p)); err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(p)
	if fi.Mode()&(os.ModePerm|os.ModeSetgid) != os.ModeSetgid|0o751 {
		t.Errorf("mode %v, want g+s 0751", fi.Mode())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
}

// TestReadRefusesNonRegular: a FIFO is refused before it is opened (open
// would block until a writer came), and so is a device.
func TestReadRefusesNonRegular(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "p.json")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	for _, p := range []string{fifo, os.DevNull} {
		done := make(chan error, 1)
		go func() {
			_, _, err := readInput(job{path: p}, nil, 1<<20)
			done <- err
		}()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), "not a regular file") {
				t.Errorf("%s: readInput = %v", p, err)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("%s: readInput blocked", p)
		}
	}
}

func TestWriteBackNotRegular(t *testing.T) {
	if err := writeBack(os.DevNull, []byte("{}"), readFile{}); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Fatalf("writeBack(/dev/null) = %v", err)
	}
}

// cliBinary returns the test binary under the name "azconnlint", which
// makes it run as the command (TestMain).
func cliBinary(t *testing.T) string {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "azconnlint")
	if err := os.Link(exe, bin); err != nil {
		b, err := os.ReadFile(exe)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(bin, b, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return bin
}

// TestFixInterrupted sends SIGINT or SIGTERM to a --fix of many files at
// several moments: no temporary file is ever left behind.
func TestFixInterrupted(t *testing.T) {
	bin := cliBinary(t)
	dir := t.TempDir()
	body := fixableBody(1000)
	var args []string
	args = append(args, "--fix", "--format", "compact")
	for i := 0; i < 600; i++ {
		p := filepath.Join(dir, fmt.Sprintf("f%03d.json", i))
		args = append(args, p)
	}
	interrupted := 0
	for trial, delay := range []time.Duration{30, 60, 90, 120, 150, 200, 250, 300} {
		for _, a := range args[3:] {
			os.WriteFile(a, []byte(body), 0o644)
		}
		cmd := exec.Command(bin, args...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay * time.Millisecond)
		sig := []os.Signal{os.Interrupt, syscall.SIGTERM}[trial%2]
		cmd.Process.Signal(sig)
		err := cmd.Wait()
		if ee, ok := err.(*exec.ExitError); ok && (!ee.Exited() || ee.ExitCode() == 130) {
			interrupted++
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".azconnlint-") {
				t.Fatalf("trial %d (%v after %v): %s left behind", trial, sig, delay*time.Millisecond, e.Name())
			}
		}
	}
	if interrupted == 0 {
		t.Error("no trial was interrupted during the fix: the test proves nothing")
	}
	t.Logf("%d of 8 trials interrupted mid-fix", interrupted)
}
