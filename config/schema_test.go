package config

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/azconn/azconn/internal/schemaoracle"
)

// TestSchemaAgrees compiles the configuration's JSON Schema with the
// general engine and checks that it accepts what Parse accepts and refuses
// what Parse refuses, on the starter, the README's example and a table.
func TestSchemaAgrees(t *testing.T) {
	s, err := schemaoracle.Compile("config.schema.json", Schema())
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, sec, _ := strings.Cut(string(readme), "### Configuration\n")
	_, example, _ := strings.Cut(sec, "```yaml\n")
	example, _, _ = strings.Cut(example, "```")
	cases := map[string]string{
		"starter":             string(Starter()),
		"readme":              example,
		"unknown key":         "fial-on: warning\n",
		"unknown rule":        "rules: {placeholdr: off}\n",
		"bad severity":        "rules: {placeholder: loud}\n",
		"bad target":          "target: stub\n",
		"max-findings string": "max-findings: \"10\"\n",
		"zero max-findings":   "max-findings: 0\n",
		"override no files":   "overrides: [{rules: {guid: off}}]\n",
		"override bad key":    "overrides: [{files: [a], exclude: [b]}]\n",
		"empty files":         "overrides: [{files: []}]\n",
		"bool markdown":       "markdown: true\n",
		"string markdown":     "markdown: \"true\"\n",
	}
	for name, text := range cases {
		t.Run(name, func(t *testing.T) {
			_, perr := Parse("c.yaml", []byte(text))
			var doc any
			if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
				t.Fatal(err)
			}
			if doc == nil {
				doc = map[string]any{}
			}
			// Through JSON, as an editor sees it; null lists are empty.
			b, err := json.Marshal(dropNulls(doc))
			if err != nil {
				t.Fatal(err)
			}
			inst, err := jsonUnmarshal(b)
			if err != nil {
				t.Fatal(err)
			}
			serr := s.Validate(inst)
			if (perr == nil) != (serr == nil) {
				t.Errorf("Parse says %v, the schema says %v", perr, serr)
			}
		})
	}
}

// dropNulls removes keys whose value is null ("rules:" with its entries
// commented out), which Parse takes as empty.
func dropNulls(v any) any {
	m, ok := v.(map[string]any)
	if !ok {
		return v
	}
	out := map[string]any{}
	for k, x := range m {
		if x != nil {
			out[k] = x
		}
	}
	return out
}

func jsonUnmarshal(b []byte) (any, error) {
	var v any
	err := json.Unmarshal(b, &v)
	return v, err
}
