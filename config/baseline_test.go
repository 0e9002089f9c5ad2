package config

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/azconn/azconn/validate"
)

func finding(rule, ptr string, req int) validate.Finding {
	return validate.Finding{Rule: rule, Pointer: ptr, Request: req}
}

// TestBaselineRoundTrip: Add counts repeats, Marshal sorts by path,
// request, pointer, rule, and ParseBaseline reads it back unchanged.
func TestBaselineRoundTrip(t *testing.T) {
	var b Baseline
	b.Add("z.json", []validate.Finding{finding("guid", "/subscriptionId", 0)})
	b.Add("a.http", []validate.Finding{finding("placeholder", "/inUse", 1), finding("placeholder", "/inUse", 1), finding("enum-case", "/a", 0), finding("too-many-findings", "", 0)})
	out := b.Marshal()
	back, err := ParseBaseline("b.json", out)
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{Rule: "enum-case", Path: "a.http", Request: 0, Pointer: "/a", Count: 1},
		{Rule: "placeholder", Path: "a.http", Request: 1, Pointer: "/inUse", Count: 2},
		{Rule: "guid", Path: "z.json", Request: 0, Pointer: "/subscriptionId", Count: 1},
	}
	if !slices.Equal(back.Entries, want) {
		t.Errorf("entries %+v, want %+v", back.Entries, want)
	}
	if string(back.Marshal()) != string(out) {
		t.Error("Marshal is not stable")
	}
	if strings.Contains(string(out), "line") {
		t.Error("a baseline holds no line number")
	}
}

// TestMatcher: each entry suppresses up to its count; what is left over is
// unused for the paths considered, and Pruned drops it.
func TestMatcher(t *testing.T) {
	b := &Baseline{Version: 1, Entries: []Entry{
		{Rule: "placeholder", Path: "a.json", Pointer: "/inUse", Count: 2},
		{Rule: "guid", Path: "a.json", Pointer: "/subscriptionId", Count: 1},
		{Rule: "guid", Path: "other.json", Pointer: "/subscriptionId", Count: 1},
	}}
	m := b.Matcher()
	kept, n := m.Filter("a.json", []validate.Finding{finding("placeholder", "/inUse", 0), finding("enum-case", "/x", 0), finding("placeholder", "/inUse", 1)})
	if n != 1 || len(kept) != 2 || kept[0].Rule != "enum-case" || kept[1].Request != 1 {
		t.Fatalf("kept %+v, suppressed %d", kept, n)
	}
	onlyA := func(p string) bool { return p == "a.json" }
	unused := m.Unused(onlyA)
	want := []Entry{
		{Rule: "placeholder", Path: "a.json", Pointer: "/inUse", Count: 1},
		{Rule: "guid", Path: "a.json", Pointer: "/subscriptionId", Count: 1},
	}
	if !slices.Equal(unused, want) {
		t.Errorf("unused %+v, want %+v", unused, want)
	}
	pruned := m.Pruned(onlyA)
	wantPruned := []Entry{
		{Rule: "placeholder", Path: "a.json", Pointer: "/inUse", Count: 1},
		{Rule: "guid", Path: "other.json", Pointer: "/subscriptionId", Count: 1},
	}
	if !slices.Equal(pruned.Entries, wantPruned) {
		t.Errorf("pruned %+v, want %+v", pruned.Entries, wantPruned)
	}
}

func TestParseBaselineErrors(t *testing.T) {
	tests := []struct {
		name, text string
		line, col  int
		msg        string
	}{
		{"syntax", "{\n  \"version\": 1,\n  \"entries\": [,]\n}", 3, 15, "invalid character"},
		{"unknown field", "{\"version\": 1, \"entry\": []}", 1, 16, `unknown field "entry"`},
		{"wrong type", "{\"version\": \"1\"}", 1, 2, "cannot unmarshal"},
		{"version", "{\"version\": 2, \"entries\": []}", 1, 1, "version 2 is not supported"},
		{"bad entry", "{\"version\": 1, \"entries\": [{\"rule\": \"guid\", \"path\": \"a\", \"count\": 0}]}", 1, 1, "entry 0 needs"},
		{"trailing", "{\"version\": 1, \"entries\": []} {}", 1, 31, "data after"},
		{"count too large", "{\"version\": 1, \"entries\": [{\"rule\": \"guid\", \"path\": \"a\", \"count\": 9000000000000000000}, {\"rule\": \"guid\", \"path\": \"a\", \"count\": 9000000000000000000}]}", 1, 1, "count from 1 to 2147483647"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseBaseline("b.json", []byte(tt.text))
			var ce *Error
			if !errors.As(err, &ce) || ce.Line != tt.line || ce.Column != tt.col || !strings.Contains(ce.Msg, tt.msg) {
				t.Errorf("got %v, want b.json:%d:%d: …%s…", err, tt.line, tt.col, tt.msg)
			}
		})
	}
}

// TestBaselineNeutralisesCommands: a pointer or path holding a pipeline
// command opener is written with its "[" as \u005b (SPEC §13), and reads
// back as the input's exact value, so the entry still matches.
func TestBaselineNeutralisesCommands(t *testing.T) {
	var b Baseline
	ptrs := []string{"/extra##vso[task.setvariable variable=x]y", "/a##[error]b", "/c##VSO[d", "/##[", "/##"}
	for _, p := range ptrs {
		b.Add("dir##vso[x]/f##[.json", []validate.Finding{finding("unknown-property", p, 0)})
	}
	out := string(b.Marshal())
	for _, bad := range []string{"##vso[", "##VSO[", "##["} {
		if strings.Contains(out, bad) {
			t.Errorf("baseline holds %q:\n%s", bad, out)
		}
	}
	back, err := ParseBaseline("b.json", []byte(out))
	if err != nil {
		t.Fatal(err)
	}
	m := back.Matcher()
	for _, p := range ptrs {
		if _, n := m.Filter("dir##vso[x]/f##[.json", []validate.Finding{finding("unknown-property", p, 0)}); n != 1 {
			t.Errorf("%q not matched after the round trip", p)
		}
	}
}

// TestReadBaselineBounded: a baseline file larger than MaxBaselineSize (a
// sparse file here; /dev/zero in the wild, which was read until memory ran
// out) is refused with a positioned error after reading at most one byte
// past the bound; a missing file is the I/O error; a good one parses.
func TestReadBaselineBounded(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.json")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxBaselineSize + 10); err != nil {
		t.Fatal(err)
	}
	f.Close()
	var ce *Error
	if _, err := ReadBaseline(big); !errors.As(err, &ce) || ce.Line != 1 || !strings.Contains(ce.Msg, "larger than") {
		t.Errorf("a file past the bound: %v", err)
	}
	if _, err := ReadBaseline(filepath.Join(dir, "none.json")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a missing file: %v, want the not-exist error", err)
	}
	good := filepath.Join(dir, "good.json")
	var b Baseline
	b.Add("a.json", []validate.Finding{finding("guid", "/subscriptionId", 0)})
	if err := os.WriteFile(good, b.Marshal(), 0o644); err != nil {
		t.Fatal(err)
	}
	if back, err := ReadBaseline(good); err != nil || len(back.Entries) != 1 {
		t.Errorf("a good file: %v, %+v", err, back)
	}
}
