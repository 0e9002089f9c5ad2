package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestMain lets the test binary act as azconnlint: run under that name
// (cliBinary links it so; the PATH entry below serves the Neovim test),
// it is the command. The testscript suite, on the built command, is the
// module in e2e/.
func TestMain(m *testing.M) {
	if filepath.Base(os.Args[0]) == "azconnlint" {
		main()
		os.Exit(0)
	}
	// The CI system running these tests must not pick the format or the
	// project folder of the commands they run (tests set these
	// variables themselves where they test them).
	for _, v := range []string{"TF_BUILD", "GITHUB_ACTIONS", "CI_PROJECT_DIR"} {
		os.Unsetenv(v)
	}
	bin, err := commandOnPath()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	code := m.Run()
	os.RemoveAll(bin)
	os.Exit(code)
}

// commandOnPath links the test binary as azconnlint in a new folder at
// the front of PATH and returns the folder.
func commandOnPath() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	dir, err := os.MkdirTemp("", "azconnlint-bin-")
	if err != nil {
		return "", err
	}
	if err := os.Symlink(exe, filepath.Join(dir, "azconnlint")); err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	return dir, os.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
}
