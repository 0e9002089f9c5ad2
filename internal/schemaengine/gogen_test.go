package schemaengine

import (
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/writego.golden")

// everyKeyword uses every keyword the engine has, as testSchema does, with
// a $ref that is not recursive and one pattern used twice.
const everyKeyword = `{"$id": "x", "type": "object", "additionalProperties": false,
	"patternProperties": {"@odata\\.": {}, "^(x|y)$": {"type": "boolean"}},
	"properties": {
		"s": {"type": ["string", "null"], "enum": ["a", true, null]},
		"t": {"type": "string", "format": "date-time"},
		"f": {"type": "string", "pattern": "^(x|y)$"},
		"n": {"type": "integer", "minimum": -2147483648, "maximum": 2.5e3},
		"l": {"type": "array", "items": {"$ref": "#/$defs/node"}},
		"o": {"type": ["object", "null"], "$ref": "#/$defs/node"}
	},
	"$defs": {"node": {"type": "object", "properties": {"v": {"type": "boolean"}}}}}`

// TestWriteGo holds the Go data of a schema with every keyword in a
// golden file: each field once, the $defs schema as one shared variable
// declared before its users, the pattern once.
func TestWriteGo(t *testing.T) {
	s, err := Compile("t.json", []byte(everyKeyword))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := WriteGo(&b, "schemaengine.", "p", map[string]*Schema{"x": s}); err != nil {
		t.Fatal(err)
	}
	const golden = "testdata/writego.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Errorf("WriteGo =\n%s\nwant (%s)\n%s", b.String(), golden, want)
	}
}

func TestWriteGoRecursive(t *testing.T) {
	s, err := Compile("t.json", []byte(testSchema))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	err = WriteGo(&b, "", "p", map[string]*Schema{"x": s})
	if err == nil || !strings.Contains(err.Error(), "$defs/node refers to itself") {
		t.Errorf("WriteGo of a recursive schema = %v, want an error naming $defs/node", err)
	}
}

// TestPatternLazy: a Pattern written as Go data compiles on first use and
// matches as the compiled one does.
func TestPatternLazy(t *testing.T) {
	p := &Pattern{Expr: "^(x|y)$"}
	if !p.MatchString("x") || p.MatchString("xy") {
		t.Errorf("Pattern %q matches wrongly", p.Expr)
	}
}
