// Package azconn_test holds the checks that concern the repository as a
// whole rather than one package.
package azconn_test

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// outside lists the spellings of a path to the research folder that sits
// beside the work trees but not beside a clone. They are built from parts
// so that this file does not match itself.
var outside = []string{
	".." + "/" + "shared",
	".." + `\` + "shared",
	`"..", ` + `"shared"`,
	"/work" + "/" + "shared",
}

// TestStandsAlone fails when a tracked file refers to a path outside the
// repository: a clone must test, build and follow its README on its own
// (Microsoft's data lives in testdata/graph, see its SOURCES.md).
func TestStandsAlone(t *testing.T) {
	files := trackedFiles(t)
	if len(files) < 100 {
		t.Fatalf("only %d files found: not the repository's root?", len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for n, line := range bytes.Split(b, []byte("\n")) {
			for _, p := range outside {
				if bytes.Contains(line, []byte(p)) {
					t.Errorf("%s:%d refers to %s outside the repository: use testdata/graph", f, n+1, p)
				}
			}
		}
	}
}

// trackedFiles lists what git tracks; in a copy without git (an unpacked
// archive) it walks the tree instead, leaving out what is never tracked.
func trackedFiles(t *testing.T) []string {
	out, err := exec.Command("git", "ls-files", "-z").Output()
	if err == nil && len(out) > 0 {
		var files []string
		for _, f := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
			if _, err := os.Lstat(f); err == nil { // deleted but not yet committed
				files = append(files, f)
			}
		}
		return files
	}
	t.Logf("git ls-files: %v; walking the tree instead", err)
	var files []string
	err = filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		switch {
		case d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules" || p == "bin" || p == "web/dist"):
			return filepath.SkipDir
		case d.Type().IsRegular():
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
