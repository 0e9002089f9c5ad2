//go:build js && wasm

package main

import (
	"encoding/json"
	"os"
	"strings"
	"syscall/js"
	"testing"

	"github.com/azconn/azconn/validate"
)

func callJSON(t *testing.T, args ...any) map[string]json.RawMessage {
	t.Helper()
	vals := make([]js.Value, len(args))
	for i, a := range args {
		vals[i] = js.ValueOf(a)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(call(vals)), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestLintMatchesEngine(t *testing.T) {
	seed, err := os.ReadFile("../examples/seed-request.json")
	if err != nil {
		t.Fatal(err)
	}
	m := callJSON(t, string(seed), `{"dropReadOnly": true, "redact": true, "info": true}`)
	if e, ok := m["error"]; ok {
		t.Fatalf("error: %s", e)
	}
	want := validate.Lint(seed, validate.Options{DropReadOnly: true})
	wantFindings, _ := json.Marshal(want.Findings)
	if string(m["findings"]) != string(wantFindings) {
		t.Errorf("findings\n%s\nwant\n%s", m["findings"], wantFindings)
	}
	var normalized, redacted, path, target string
	json.Unmarshal(m["normalized"], &normalized)
	json.Unmarshal(m["redacted"], &redacted)
	json.Unmarshal(m["path"], &path)
	json.Unmarshal(m["target"], &target)
	if normalized != string(want.Normalized) {
		t.Errorf("normalized differs from validate.Lint's")
	}
	if redacted != string(validate.Redact(seed, validate.AzureConnection)) || !strings.Contains(redacted, validate.RedactMask) {
		t.Errorf("redacted = %s", redacted)
	}
	if path != "-" || target != "azureConnection" {
		t.Errorf("path %q target %q", path, target)
	}
	for _, k := range []string{"changed", "summary", "fixes", "version", "rules", "targets"} {
		if _, ok := m[k]; !ok {
			t.Errorf("no %q in the answer", k)
		}
	}
}

// Every failure comes back as {"error": …}, never as a panic into JS.
func TestErrors(t *testing.T) {
	for name, args := range map[string][]any{
		"no arguments":   nil,
		"text not text":  {42},
		"bad options":    {"{}", "{not json"},
		"unknown target": {"{}", `{"target": "nope"}`},
	} {
		m := callJSON(t, args...)
		var msg string
		if err := json.Unmarshal(m["error"], &msg); err != nil || msg == "" {
			t.Errorf("%s: no error in %v", name, m)
		}
		if _, ok := m["version"]; !ok {
			t.Errorf("%s: no version in the error", name)
		}
	}
}
