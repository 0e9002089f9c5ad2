package main

import (
	"os"
	"path/filepath"
	"strings"
)

// projectRoot returns the project root of SPEC §13: the nearest folder at
// or above dir that holds a .git (a directory, or the file a worktree or
// submodule has), else dir itself. dir should be absolute.
func projectRoot(dir string) string {
	for d := dir; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}

// workingRoot is projectRoot of the current directory ("." when the
// current directory cannot be found).
func workingRoot() string {
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	return projectRoot(wd)
}

// projectPath returns p, a path as given on the command line, relative to
// root with '/' separators: the path identities, baselines and GitLab
// reports use, the same wherever the command runs from inside the
// project. A path outside root is absolute (with '/' separators), so that
// it never depends on how far the current directory is from the root;
// "-" (standard input) stays "-".
func projectPath(root, p string) string {
	if p == "-" {
		return p
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.ToSlash(filepath.Clean(p))
	}
	rootAbs, err := filepath.Abs(root)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	rel, err := filepath.Rel(rootAbs, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(rel)
}
