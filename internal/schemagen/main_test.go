package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestGenerated fails when validate/schema_gen.go is not what schemagen
// writes from today's schema documents: run go generate ./validate/.
func TestGenerated(t *testing.T) {
	want, err := generate()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../validate/schema_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("validate/schema_gen.go is stale (%d bytes, %d expected): run go generate ./validate/", len(got), len(want))
	}
}

func TestWriteModelErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{`{"properties": {"a": {"$ref": "#/$defs/t"}}, "$defs": {"t": {"properties": {"b": {"$ref": "#/$defs/t"}}}}}`, "refers to itself"},
		{`{"properties": {"a": {"$ref": "#/$defs/missing"}}}`, "unresolved $ref"},
		{`{"properties": {"a": {"type": 1}}}`, "bad type"},
		{`{`, "t.json"},
	}
	for _, tt := range tests {
		var b strings.Builder
		err := writeModel(&b, "m", "t.json", []byte(tt.src))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("writeModel(%s) = %v, want an error with %q", tt.src, err, tt.want)
		}
	}
}

// TestWriteModel writes a $defs type once, before its first user, and
// folds two names that differ in case to the first in name order.
func TestWriteModel(t *testing.T) {
	src := `{"properties": {"b": {"$ref": "#/$defs/t"}, "B": {"type": ["string", "null"], "enum": ["x", null]},
		"l": {"type": "array", "items": {"$ref": "#/$defs/t"}}, "@odata.type": {"enum": ["#t"]}},
		"$defs": {"t": {"properties": {"f": {"x-flags": ["p", "q"], "x-beta-only": true, "readOnly": true}}}}}`
	var b strings.Builder
	if err := writeModel(&b, "m", "t.json", []byte(src)); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{`"b": "B"`, `ref: mT`, `odata: []string{"#t"}`, `enum: []string{"x"}`,
		`types: []string{"string", "null"}`, `flags: []string{"p", "q"}`, "readOnly: true", "betaOnly: true", `names: []string{"@odata.type", "B", "b", "l"}`} {
		if !strings.Contains(got, want) {
			t.Errorf("the model lacks %s:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "var mT ="); n != 1 || strings.Index(got, "var mT =") > strings.Index(got, "var m =") {
		t.Errorf("want var mT once, before var m:\n%s", got)
	}
}
