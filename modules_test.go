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
