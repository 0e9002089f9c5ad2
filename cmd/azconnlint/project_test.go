package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestProjectRoot(t *testing.T) {
	top := t.TempDir()
	repo := filepath.Join(top, "repo")
	deep := filepath.Join(repo, "a", "b")
	worktree := filepath.Join(top, "wt", "x")
	for _, d := range []string{filepath.Join(repo, ".git"), deep, worktree} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// A worktree's .git is a file.
	if err := os.WriteFile(filepath.Join(top, "wt", ".git"), []byte("gitdir: elsewhere\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ dir, want string }{
		{repo, repo},
		{deep, repo},
		{worktree, filepath.Join(top, "wt")},
		{top, top}, // no .git above (TempDir is outside any repository): the folder itself
	}
	for _, c := range cases {
		if got := projectRoot(c.dir); got != c.want {
			t.Errorf("projectRoot(%s) = %s, want %s", c.dir, got, c.want)
		}
	}
}

func TestProjectPath(t *testing.T) {
	root := t.TempDir()
	t.Chdir(root)
	if err := os.MkdirAll(filepath.Join(root, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ root, p, want string }{
		{root, "a.json", "a.json"},
		{root, "./sub/../sub/b.json", "sub/b.json"},
		{root, filepath.Join(root, "sub", "c.http"), "sub/c.http"},
		{filepath.Join(root, "sub"), "a.json", filepath.ToSlash(filepath.Join(root, "a.json"))}, // outside: absolute
		{root, "-", "-"},
		{root, "::x;%].json", "::x;%].json"},
	}
	for _, c := range cases {
		if got := projectPath(c.root, c.p); got != c.want {
			t.Errorf("projectPath(%s, %q) = %q, want %q", c.root, c.p, got, c.want)
		}
	}
	// From a subfolder, the same file has the same project path.
	t.Chdir(filepath.Join(root, "sub"))
	if got := projectPath(root, "b.json"); got != "sub/b.json" {
		t.Errorf("from sub: %q, want sub/b.json", got)
	}
}
