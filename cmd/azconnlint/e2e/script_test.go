// Package e2e runs azconnlint's testscript suite
// (../testdata/script/*.txtar) on the command as `go build` makes it. It
// knows nothing of the command's code: it is a module of its own
// (go.mod here) so that the suite's dependencies, go-internal's
// testscript and gjson, stay out of the library's go.mod and so out of
// every importer's module graph. The scripts stay beside the command.
package e2e

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/tidwall/gjson"
)

// TestMain builds azconnlint from the repository (its main module, as
// `make build` does) into a temporary folder at the front of PATH, so
// the scripts' `exec azconnlint` runs the real command end to end
// (flags, exit codes, files). The scripts get testscript's own
// environment, so the CI system running these tests does not pick the
// format or the project folder of the commands they run.
func TestMain(m *testing.M) {
	bin, err := os.MkdirTemp("", "azconnlint-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	code := 2
	if err := buildCommand(bin); err != nil {
		fmt.Fprintln(os.Stderr, err)
	} else {
		os.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
		code = m.Run()
	}
	os.RemoveAll(bin)
	os.Exit(code)
}

// buildCommand runs `go build` of ./cmd/azconnlint at the repository's
// root, writing dir/azconnlint. `go test` puts its own go first in PATH.
func buildCommand(dir string) error {
	cmd := exec.Command("go", "build", "-o", filepath.Join(dir, "azconnlint"), "./cmd/azconnlint")
	cmd.Dir = filepath.Join("..", "..", "..")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build ./cmd/azconnlint: %v\n%s", err, out)
	}
	return nil
}

// TestScripts runs ../testdata/script/*.txtar.
//
// Extra script commands:
//
//	status N prog args...   run prog, require exit code N (stdout/stderr kept for checks)
//	json FILE|stdout|stderr QUERY WANT   require gjson(QUERY).String() == WANT
//	jsonvalid FILE|stdout|stderr         require valid JSON
//	unix2dos FILE            convert LF to CRLF
//	chomp FILE               remove the final newline
//	mode FILE PERM           require permission bits PERM (octal)
//	islink FILE              require FILE to be a symbolic link
//	immutable PATH           chattr +i PATH (undone at the end); needs [immutable]
//	oldtime FILE...          set the modification time to 2001-01-01
//	isold FILE...            require that modification time (the file was not rewritten)
//	link OLD NEW             make NEW a hard link to OLD
//	samefile A B             require A and B to be one file (same inode)
//	nobody N prog args...    run prog as the user nobody (setpriv), require exit code N
//
// Extra conditions: [immutable] (chattr +i works here), [nobody] (root with
// setpriv, so the nobody command works; under CI=true a missing setpriv
// is a failure).
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "../testdata/script",
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "")
			seed, err := filepath.Abs("../../../examples/seed-request.json")
			if err != nil {
				return err
			}
			env.Setenv("SEED", seed)
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"status":    cmdStatus,
			"json":      cmdJSON,
			"jsonvalid": cmdJSONValid,
			"unix2dos":  cmdUnix2Dos,
			"chomp":     cmdChomp,
			"mode":      cmdMode,
			"islink":    cmdIsLink,
			"immutable": cmdImmutable,
			"oldtime":   cmdOldTime,
			"isold":     cmdIsOld,
			"link":      cmdLink,
			"samefile":  cmdSameFile,
			"nobody":    cmdNobody,
		},
		Condition: func(cond string) (bool, error) {
			switch cond {
			case "immutable":
				return immutableSupported(t), nil
			case "nobody":
				return nobodySupported()
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
	})
}

func cmdLink(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: link OLD NEW")
	}
	ts.Check(os.Link(ts.MkAbs(args[0]), ts.MkAbs(args[1])))
}

func cmdSameFile(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: samefile A B")
	}
	a, err := os.Stat(ts.MkAbs(args[0]))
	ts.Check(err)
	b, err := os.Stat(ts.MkAbs(args[1]))
	ts.Check(err)
	if os.SameFile(a, b) == neg {
		ts.Fatalf("%s and %s: same file is %v", args[0], args[1], !neg)
	}
}

// nobodySupported: the nobody command needs root (to change user) and
// setpriv (util-linux).
func nobodySupported() (bool, error) {
	if _, err := exec.LookPath("setpriv"); err != nil {
		if os.Getenv("CI") == "true" {
			return false, errors.New("CI=true: setpriv (Debian util-linux) is required to run the CLI as nobody")
		}
		return false, nil
	}
	if _, err := user.Lookup("nobody"); err != nil {
		return false, nil
	}
	return os.Geteuid() == 0, nil
}

// cmdNobody runs prog as the user nobody and checks its exit code. The
// directories above the work directory and the program (temporary ones the
// test made, private to root) are opened for traversal first.
func cmdNobody(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: nobody N prog args...")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	u, err := user.Lookup("nobody")
	ts.Check(err)
	prog, err := exec.LookPath(args[1])
	ts.Check(err)
	for _, p := range []string{ts.Getenv("WORK"), prog} {
		for dir := filepath.Dir(p); dir != "/" && dir != filepath.Clean(os.TempDir()); dir = filepath.Dir(dir) {
			if fi, err := os.Stat(dir); err == nil && fi.Mode().Perm()&0o001 == 0 {
				ts.Check(os.Chmod(dir, fi.Mode().Perm()|0o001))
			}
		}
	}
	err = ts.Exec("setpriv", append([]string{"--reuid", u.Uid, "--regid", u.Gid, "--clear-groups", "--", prog}, args[2:]...)...)
	checkExit(ts, err, want)
}

func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: status N prog args...")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	err = ts.Exec(args[1], args[2:]...)
	checkExit(ts, err, want)
}

// scriptText reads a file, or the last command's stdout or stderr (which
// ReadFile knows by those names).
func scriptText(ts *testscript.TestScript, name string) string {
	return ts.ReadFile(name)
}

func cmdJSON(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 3 {
		ts.Fatalf("usage: json FILE QUERY WANT")
	}
	data := scriptText(ts, args[0])
	if !gjson.Valid(data) {
		ts.Fatalf("%s is not valid JSON", args[0])
	}
	got := gjson.Get(data, args[1])
	if (got.String() == args[2]) == neg {
		if neg {
			ts.Fatalf("%s: %s is %q, want anything else", args[0], args[1], got.String())
		}
		ts.Fatalf("%s: %s is %q (exists: %v), want %q", args[0], args[1], got.String(), got.Exists(), args[2])
	}
}

func cmdJSONValid(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: jsonvalid FILE")
	}
	if gjson.Valid(scriptText(ts, args[0])) == neg {
		ts.Fatalf("%s: valid JSON is %v, want %v", args[0], !neg, neg)
	}
}

func cmdUnix2Dos(ts *testscript.TestScript, neg bool, args []string) {
	for _, a := range args {
		p := ts.MkAbs(a)
		b, err := os.ReadFile(p)
		ts.Check(err)
		b = bytes.ReplaceAll(bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
		ts.Check(os.WriteFile(p, b, 0o644))
	}
}

func cmdChomp(ts *testscript.TestScript, neg bool, args []string) {
	for _, a := range args {
		p := ts.MkAbs(a)
		b, err := os.ReadFile(p)
		ts.Check(err)
		b = bytes.TrimSuffix(bytes.TrimSuffix(b, []byte("\n")), []byte("\r"))
		ts.Check(os.WriteFile(p, b, 0o644))
	}
}

func cmdMode(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: mode FILE PERM")
	}
	want, err := strconv.ParseUint(args[1], 8, 32)
	ts.Check(err)
	fi, err := os.Stat(ts.MkAbs(args[0]))
	ts.Check(err)
	if got := uint64(fi.Mode().Perm()); (got == want) == neg {
		ts.Fatalf("%s: mode %#o, want %#o", args[0], got, want)
	}
}

func cmdIsLink(ts *testscript.TestScript, neg bool, args []string) {
	for _, a := range args {
		fi, err := os.Lstat(ts.MkAbs(a))
		ts.Check(err)
		if (fi.Mode()&os.ModeSymlink != 0) == neg {
			ts.Fatalf("%s: symlink is %v", a, !neg)
		}
	}
}

var oldTime = time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)

func cmdOldTime(ts *testscript.TestScript, neg bool, args []string) {
	for _, a := range args {
		ts.Check(os.Chtimes(ts.MkAbs(a), oldTime, oldTime))
	}
}

func cmdIsOld(ts *testscript.TestScript, neg bool, args []string) {
	for _, a := range args {
		fi, err := os.Stat(ts.MkAbs(a))
		ts.Check(err)
		if fi.ModTime().Equal(oldTime) == neg {
			ts.Fatalf("%s: modified %v; untouched is %v", a, fi.ModTime(), !neg)
		}
	}
}

func cmdImmutable(ts *testscript.TestScript, neg bool, args []string) {
	for _, a := range args {
		p := ts.MkAbs(a)
		if out, err := exec.Command("chattr", "+i", p).CombinedOutput(); err != nil {
			ts.Fatalf("chattr +i %s: %v\n%s", a, err, out)
		}
		ts.Defer(func() { exec.Command("chattr", "-i", p).Run() })
	}
}

// immutableSupported probes whether chattr +i works in the temporary
// directory (it needs e2fsprogs, CAP_LINUX_IMMUTABLE and a filesystem
// that has the flag). It is the only way a root process (tests run as
// root) meets a file it cannot replace on a normal filesystem. The
// always-run variant of that test uses /dev/stdin instead.
func immutableSupported(t *testing.T) bool {
	dir, err := os.MkdirTemp("", "azconnlint-immutable-")
	if err != nil {
		return false
	}
	defer os.RemoveAll(dir)
	if exec.Command("chattr", "+i", dir).Run() != nil {
		if os.Getenv("CI") == "true" {
			t.Logf("chattr +i is not available here; the immutable-directory case is not run (the /dev/stdin case covers exit 3 on write)")
		}
		return false
	}
	defer exec.Command("chattr", "-i", dir).Run()
	f, err := os.Create(filepath.Join(dir, "probe"))
	if err == nil {
		f.Close()
		return false // not enforced
	}
	return strings.Contains(err.Error(), "not permitted")
}

// checkExit fails the script unless err, from ts.Exec, is an exit with
// code want (nil for 0).
func checkExit(ts *testscript.TestScript, err error, want int) {
	got := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		got = ee.ExitCode()
	case err != nil:
		ts.Fatalf("%v", err)
	}
	if got != want {
		ts.Fatalf("exit code %d, want %d", got, want)
	}
}
