package config

import (
	"encoding/json"

	"github.com/azconn/azconn/validate"
)

// Schema returns a JSON Schema (draft 2020-12) of the configuration file,
// for editors (the YAML language server reads it through a
// "# yaml-language-server: $schema=…" comment). It is built from the rule
// catalogue and the targets, so it never falls behind them.
func Schema() []byte {
	severity := map[string]any{"enum": []string{"off", "error", "warning", "info"}}
	ruleProps := map[string]any{}
	for _, r := range validate.Rules() {
		ruleProps[r.ID] = map[string]any{"$ref": "#/$defs/severity", "description": r.Summary}
	}
	targets := []string{string(validate.Auto)}
	for _, t := range validate.Targets() {
		targets = append(targets, string(t))
	}
	var apis []string
	for _, a := range validate.APIs() {
		apis = append(apis, string(a))
	}
	globs := map[string]any{"type": "array", "minItems": 1, "items": map[string]any{"type": "string", "minLength": 1}}
	settings := map[string]any{
		"target":         map[string]any{"enum": targets, "description": "the target whose body is linted (--target)"},
		"api":            map[string]any{"enum": apis, "description": "the Graph API version (--api)"},
		"method":         map[string]any{"enum": []string{"patch", "post", "PATCH", "POST"}, "description": "the call a body without a request line is for (--method)"},
		"form":           map[string]any{"enum": []string{"auto", "json", "http", "http-file", "markdown"}, "description": "how inputs hold the body (--form)"},
		"fail-on":        map[string]any{"enum": []string{"error", "warning", "info"}, "description": "lowest severity that fails the run (--fail-on)"},
		"max-findings":   map[string]any{"type": "integer", "minimum": 1, "description": "findings reported per file (--max-findings)"},
		"drop-read-only": map[string]any{"type": "boolean", "description": "let the fix remove read-only properties (--drop-read-only)"},
		"markdown":       map[string]any{"type": "boolean", "description": "lint Markdown files found while walking folders (--markdown)"},
		"rules":          map[string]any{"type": "object", "properties": ruleProps, "additionalProperties": false, "description": "a rule's severity, or off"},
	}
	override := map[string]any{"type": "object", "required": []string{"files"}, "additionalProperties": false,
		"properties": with(settings, "files", map[string]any{"type": "array", "minItems": 1, "items": map[string]any{"type": "string", "minLength": 1},
			"description": "globs relative to this file's folder; an entry may end in #/json/pointer to scope rules to a property and what is under it"})}
	top := with(settings, "exclude", with(globs, "description", "globs of files never linted"))
	top = with(top, "overrides", map[string]any{"type": "array", "items": override, "description": "settings for some files; later entries win"})
	top = with(top, "baseline", map[string]any{"type": "string", "description": "baseline file whose findings are suppressed (--baseline)"})
	top = with(top, "extends", map[string]any{"type": "string", "description": "another configuration file this one builds on"})
	doc := map[string]any{
		"$schema":              "https://json-schema.org/draft/2020-12/schema",
		"$id":                  "https://github.com/azconn/azconn/config.schema.json",
		"title":                "azconnlint configuration (.azconnlint.yaml)",
		"type":                 "object",
		"properties":           top,
		"additionalProperties": false,
		"$defs":                map[string]any{"severity": severity},
	}
	out, _ := json.MarshalIndent(doc, "", "  ") // maps of plain values: cannot fail
	return append(out, '\n')
}

// with returns a copy of m with key set to v.
func with(m map[string]any, key string, v any) map[string]any {
	out := make(map[string]any, len(m)+1)
	for k, x := range m {
		out[k] = x
	}
	out[key] = v
	return out
}
