package azconn_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path"
	"strings"
	"testing"
)

// goMod is what `go mod edit -json` says of a go.mod.
type goMod struct {
	Go      string
	Require []struct {
		Path     string
		Indirect bool
	}
}

// TestDependenciesDocumented fails when a module of the repository (the
// root or a nested one: web/, cmd/azconnlint/e2e/) requires a module that
// README's Dependencies section does not name, or when the go line said
// there is not the root go.mod's: that section is where each dependency's
// reason and the modules' layout are kept.
func TestDependenciesDocumented(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, deps, _ := bytes.Cut(readme, []byte("\n## Dependencies\n"))
	deps, _, _ = bytes.Cut(deps, []byte("\n## "))
	mods := 0
	for _, f := range trackedFiles(t) {
		if path.Base(f) != "go.mod" || strings.Contains(f, "testdata/") {
			continue
		}
		mods++
		mod := readGoMod(t, f)
		if f == "go.mod" && !bytes.Contains(deps, []byte("**The `go` line is "+mod.Go+"**")) {
			t.Errorf("README's Dependencies does not say \"The `go` line is %s\" (go.mod)", mod.Go)
		}
		for _, r := range mod.Require {
			if !r.Indirect && !strings.HasPrefix(r.Path, "github.com/azconn/azconn") && !bytes.Contains(deps, []byte("`"+r.Path+"`")) {
				t.Errorf("%s requires %s, which README's Dependencies does not name: say why it is needed", f, r.Path)
			}
		}
	}
	if mods < 3 {
		t.Errorf("%d go.mod files found, want the root, web/ and cmd/azconnlint/e2e/", mods)
	}
}

func readGoMod(t *testing.T, file string) goMod {
	t.Helper()
	out, err := exec.Command("go", "mod", "edit", "-json", file).Output()
	if err != nil {
		t.Fatalf("go mod edit -json %s: %v", file, err)
	}
	var m goMod
	if err := json.Unmarshal(out, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestImporterModuleGraph builds a program that imports validate and
// validate/guard, as a module of its own at the root's go line with a
// replace of azconn to this checkout: it builds, compiles no third-party
// package, and its module graph is the root's requirements and nothing
// of the nested modules (chromedp, go-internal…). The module cache serves
// it: the root's own graph is loaded first, offline for the importer.
func TestImporterModuleGraph(t *testing.T) {
	root, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	goCmd(t, root, nil, "list", "-m", "all") // the root's graph into the cache
	mod := readGoMod(t, "go.mod")
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(path.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/x\n\ngo "+mod.Go+"\n\nrequire github.com/azconn/azconn v0.0.0\n\nreplace github.com/azconn/azconn => "+root+"\n")
	write("main.go", `package main

import (
	"fmt"
	"net/http"

	"github.com/azconn/azconn/validate"
	"github.com/azconn/azconn/validate/guard"
)

func main() {
	_, err := guard.New(http.DefaultTransport, guard.Config{})
	fmt.Println(len(validate.Lint([]byte("{}"), validate.Options{}).Findings), err)
}
`)
	sum, err := os.ReadFile("go.sum")
	if err != nil {
		t.Fatal(err)
	}
	write("go.sum", string(sum))
	offline := []string{"GOFLAGS=-mod=mod", "GOPROXY=off", "GOTOOLCHAIN=local", "GOWORK=off"}
	goCmd(t, dir, offline, "mod", "tidy")
	goCmd(t, dir, offline, "build", "-o", os.DevNull, ".")
	third := goCmd(t, dir, offline, "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", ".")
	for _, p := range strings.Fields(third) {
		if p != "example.com/x" && !strings.HasPrefix(p, "github.com/azconn/azconn/") {
			t.Errorf("the importer compiles %s", p)
		}
	}
	want := map[string]bool{"example.com/x": true, "github.com/azconn/azconn": true}
	for _, r := range mod.Require {
		want[r.Path] = true
	}
	got := strings.Fields(goCmd(t, dir, offline, "list", "-m", "-f", "{{.Path}}", "all"))
	for _, m := range got {
		if !want[m] {
			t.Errorf("the importer's module graph has %s, which the root go.mod does not require", m)
		}
		delete(want, m)
	}
	t.Logf("go list -m all: %d modules: %s", len(got), strings.Join(got, " "))
	if len(want) > 0 {
		t.Errorf("the importer's module graph lacks %v", want)
	}
}

// goCmd runs the go command in dir with env added and returns its
// standard output.
func goCmd(t *testing.T, dir string, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go %s in %s: %v\n%s", strings.Join(args, " "), dir, err, stderr.Bytes())
	}
	return string(out)
}
