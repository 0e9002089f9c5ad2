package schemaengine

import (
	"strings"
	"testing"
)

func TestCompile(t *testing.T) {
	s, err := Compile("t.json", []byte(`{"$id": "https://example.com/t", "type": "object", "properties": {"a": {"type": "string", "format": "date-time"}}}`))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(map[string]any{"a": "2014-01-01T00:00:00Z"}); err != nil {
		t.Errorf("valid instance: %v", err)
	}
	if err := s.Validate(map[string]any{"a": "yesterday"}); err == nil {
		t.Error("formats are not asserted")
	}
	if _, err := Compile("t.json", []byte(`{"type": "object"}`)); err == nil || !strings.Contains(err.Error(), "no $id") {
		t.Errorf("no $id: %v", err)
	}
	if _, err := Compile("t.json", []byte(`{`)); err == nil || !strings.Contains(err.Error(), "t.json") {
		t.Errorf("bad JSON: %v", err)
	}
}
