package validate

import (
	"encoding/json"
	"testing"
)

// TestEditDoesNotAliasInput: a Result stays true when the caller reuses
// the input's bytes.
func TestEditDoesNotAliasInput(t *testing.T) {
	in := []byte(`{"displayName": "a", "inUse": "true"}`)
	res := Lint(in, Options{Target: AzureConnection})
	var got *Finding
	for i := range res.Findings {
		if res.Findings[i].Rule == "boolean-string" {
			got = &res.Findings[i]
		}
	}
	if got == nil || got.Edit == nil {
		t.Fatalf("no boolean-string edit: %v", res.Findings)
	}
	for i := range in {
		in[i] = 'X'
	}
	if got.Edit.Text != "true" || string(got.Fix.Value) != "true" {
		t.Errorf("after the input changed: edit %q, fix %s", got.Edit.Text, got.Fix.Value)
	}
}

// TestFixesInInputOrder: Result.Fixes lists the operations by the position
// they change in the input (SPEC §12), each path valid when the ones before
// it have been applied.
func TestFixesInInputOrder(t *testing.T) {
	in := []byte(`{"HealthCheckStatus": "Passed", "DisplayName": " a", "id": "x"}`)
	res := Lint(in, Options{Target: AzureConnection, DropReadOnly: true})
	want := []Fix{
		{Op: "remove", Path: "/HealthCheckStatus"},
		{Op: "move", From: "/DisplayName", Path: "/displayName"},
		{Op: "replace", Path: "/displayName", Value: json.RawMessage(`"a"`)},
		{Op: "remove", Path: "/id"},
	}
	if len(res.Fixes) != len(want) {
		t.Fatalf("fixes %+v, want %+v", res.Fixes, want)
	}
	for i := range want {
		g, w := res.Fixes[i], want[i]
		if g.Op != w.Op || g.From != w.From || g.Path != w.Path || string(g.Value) != string(w.Value) {
			t.Errorf("fix %d = %+v, want %+v", i, g, w)
		}
	}
	// Each finding keeps its own operation on the input as it is.
	for _, f := range res.Findings {
		if f.Rule == "whitespace" && (f.Fix == nil || f.Fix.Path != "/DisplayName") {
			t.Errorf("whitespace fix %+v, want its path in the input", f.Fix)
		}
	}
}

// TestFixesNestedRename: a fix inside a renamed member names it by its new
// key, since the rename comes first.
func TestFixesNestedRename(t *testing.T) {
	in := []byte(`{"HealthCheckStatusDetails": {"HealthChecks": [{"displayName": "x ", "status": "Passed"}]}}`)
	res := Lint(in, Options{Target: AzureConnection})
	var paths []string
	for _, f := range res.Fixes {
		paths = append(paths, f.Op+" "+f.From+" "+f.Path)
	}
	want := []string{
		"move /HealthCheckStatusDetails /healthCheckStatusDetails",
		"move /healthCheckStatusDetails/HealthChecks /healthCheckStatusDetails/healthChecks",
		"replace  /healthCheckStatusDetails/healthChecks/0/displayName",
		"replace  /healthCheckStatusDetails/healthChecks/0/status",
	}
	if len(paths) != len(want) {
		t.Fatalf("fixes %q, want %q", paths, want)
	}
	for i := range want {
		if paths[i] != want[i] {
			t.Errorf("fix %d = %q, want %q", i, paths[i], want[i])
		}
	}
}

// owned counts the findings whose fix is in l.
func (l *ledger) owned() int {
	n := 0
	for _, v := range l.valueAt {
		if v != nil {
			n += len(v.by)
		}
	}
	for _, k := range l.keyAt {
		if k != nil {
			n += len(k.by)
		}
	}
	return n
}
