package web

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/azconn/azconn/validate"
)

// example is one entry of examples/examples.json, the page's examples menu
// (build.mjs embeds the files).
type example struct {
	ID     string `json:"id"`
	Label  string `json:"label"`
	File   string `json:"file"` // relative to the repository root
	Target string `json:"target"`
	text   []byte
}

func readExamples() ([]example, error) {
	b, err := os.ReadFile(filepath.Join("examples", "examples.json"))
	if err != nil {
		return nil, err
	}
	var list []example
	if err := json.Unmarshal(b, &list); err != nil {
		return nil, err
	}
	for i := range list {
		if list[i].text, err = os.ReadFile(filepath.Join("..", filepath.FromSlash(list[i].File))); err != nil {
			return nil, err
		}
	}
	return list, nil
}

// TestExamples checks the examples menu against the engine: the seed's body
// comes first, each is detected as the target it is for (the page leaves
// the selector on Detect), the clean payload is clean, every other one has
// findings.
func TestExamples(t *testing.T) {
	list, err := readExamples()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) == 0 || list[0].File != "examples/seed-request.json" {
		t.Fatalf("the first example must be the seed's body, got %+v", list)
	}
	seen := map[string]bool{}
	for _, e := range list {
		if seen[e.ID] || e.ID == "" || e.Label == "" {
			t.Errorf("example %+v: id and label must be set and unique", e)
		}
		seen[e.ID] = true
		target, err := validate.ParseTarget(e.Target)
		if err != nil {
			t.Errorf("example %s: %v", e.ID, err)
			continue
		}
		res := validate.Lint(e.text, validate.Options{})
		if res.Target != target {
			t.Errorf("example %s is detected as %s (%s), want %s", e.ID, res.Target, res.TargetFrom, target)
		}
		switch {
		case e.ID == "clean" && len(res.Findings) > 0:
			t.Errorf("the clean example has findings: %v", res.Findings)
		case e.ID != "clean" && len(res.Findings) == 0:
			t.Errorf("example %s has no findings", e.ID)
		}
		if e.ID == "fixable" && !res.Changed {
			t.Errorf("the fixable example changes nothing")
		}
	}
}
