// Package schemaengine validates instances against the targets' JSON Schema
// documents. It implements the part of draft 2020-12 that those documents
// use: type, enum, pattern, format date-time, minimum, maximum, properties,
// patternProperties, additionalProperties false, items and $ref to
// #/$defs/…, with annotations (description, readOnly, x-…) ignored.
// Compile rejects every other keyword, so a schema edit that needs more
// fails the tests instead of going unchecked. The targets are compiled
// ahead of time: internal/schemagen writes them as Go data with WriteGo
// (validate/schema_gen.go), so no process compiles them at run time.
//
// A general engine (santhosh-tekuri/jsonschema) did this job before; with
// golang.org/x/text and math/big it was a quarter of main.wasm, and
// compiling its meta-schemas was most of the page's start. It remains the
// oracle of this package's tests (through internal/schemaoracle), which
// compare the two on the same instances.
//
// The package is internal so that no public API depends on it: package
// validate maps violations to findings, package schema holds the documents.
package schemaengine

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// Kind is what a violation says about a value.
type Kind uint8

const (
	KindType       Kind = iota // a JSON type the schema does not allow; Want: the allowed types
	KindEnum                   // not a member of the enum
	KindPattern                // a string that does not match the pattern
	KindFormat                 // a string that breaks its format; Want: [format]
	KindMinimum                // a number below the minimum
	KindMaximum                // a number above the maximum
	KindAdditional             // an object with properties the schema does not list; Want: their names
)

// Violation is one failed assertion at an instance location (the property
// names and array indexes from the root).
type Violation struct {
	Location []string
	Kind     Kind
	Want     []string
}

// Schema is a compiled schema, safe for concurrent use. Its fields are
// exported so that a schema compiled ahead of time can be written as Go
// data (WriteGo); nothing may change them after Compile or that data.
type Schema struct {
	Types        TypeSet
	Enum         []any // strings, booleans and nil
	Format       string
	Pattern      *Pattern
	Minimum      *Decimal
	Maximum      *Decimal
	Properties   map[string]*Schema
	PatternProps []PatternProp
	NoAdditional bool
	Items        *Schema
	Ref          *Schema
	Asserts      bool // it has an assertion keyword: some value can fail it

	def string // the $defs name this schema was compiled from, for WriteGo
}

// PatternProp is one patternProperties entry.
type PatternProp struct {
	Re     *Pattern
	Schema *Schema
}

// Compile compiles the schema document src (named file in errors), which
// must have an $id.
func Compile(file string, src []byte) (*Schema, error) {
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("schema: %s: %w", file, err)
	}
	if id, _ := doc["$id"].(string); id == "" {
		return nil, fmt.Errorf("schema: %s has no $id", file)
	}
	c := &compiler{root: doc, defs: map[string]*Schema{}}
	s, err := c.compile(doc, "#")
	if err != nil {
		return nil, fmt.Errorf("schema: %s: %w", file, err)
	}
	return s, nil
}

// annotations are the keywords that assert nothing; x-… ones are too.
var annotations = map[string]bool{
	"$schema": true, "$id": true, "$defs": true, "$comment": true, "title": true,
	"description": true, "readOnly": true, "writeOnly": true, "deprecated": true,
	"default": true, "examples": true,
}

type compiler struct {
	root map[string]any
	defs map[string]*Schema // by $ref, so that a recursive type compiles once
}

func (c *compiler) compile(v any, at string) (*Schema, error) {
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s: a schema must be an object", at)
	}
	s := &Schema{}
	return s, c.fill(s, obj, at)
}

// fill reads the keywords of obj into s, in sorted order so that the first
// error is always the same one.
func (c *compiler) fill(s *Schema, obj map[string]any, at string) error {
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if annotations[k] || strings.HasPrefix(k, "x-") {
			continue
		}
		if err := c.keyword(s, k, obj[k], at+"/"+k); err != nil {
			return err
		}
		s.Asserts = true
	}
	return nil
}

// keyword compiles one assertion keyword.
func (c *compiler) keyword(s *Schema, k string, v any, at string) (err error) {
	switch k {
	case "type":
		s.Types, err = parseTypes(v, at)
	case "enum":
		s.Enum, err = parseEnum(v, at)
	case "format":
		if v != "date-time" {
			return fmt.Errorf("%s: format %v is not supported (only date-time)", at, v)
		}
		s.Format = "date-time"
	case "pattern":
		s.Pattern, err = parsePattern(v, at)
	case "minimum":
		s.Minimum, err = parseBound(v, at)
	case "maximum":
		s.Maximum, err = parseBound(v, at)
	case "properties":
		s.Properties, err = c.properties(v, at)
	case "patternProperties":
		s.PatternProps, err = c.patternProperties(v, at)
	case "additionalProperties":
		if v != false {
			return fmt.Errorf("%s: only additionalProperties false is supported", at)
		}
		s.NoAdditional = true
	case "items":
		s.Items, err = c.compile(v, at)
	case "$ref":
		s.Ref, err = c.resolve(v, at)
	default:
		return fmt.Errorf("%s: keyword %q is not supported by azconn's schema engine", at, k)
	}
	return err
}

func (c *compiler) properties(v any, at string) (map[string]*Schema, error) {
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s: must be an object", at)
	}
	out := make(map[string]*Schema, len(obj))
	for name, sv := range obj {
		s, err := c.compile(sv, at+"/"+name)
		if err != nil {
			return nil, err
		}
		out[name] = s
	}
	return out, nil
}

func (c *compiler) patternProperties(v any, at string) ([]PatternProp, error) {
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s: must be an object", at)
	}
	var out []PatternProp
	for expr, sv := range obj {
		re, err := parsePattern(expr, at)
		if err != nil {
			return nil, err
		}
		s, err := c.compile(sv, at+"/"+expr)
		if err != nil {
			return nil, err
		}
		out = append(out, PatternProp{re, s})
	}
	slices.SortFunc(out, func(a, b PatternProp) int { return strings.Compare(a.Re.Expr, b.Re.Expr) })
	return out, nil
}

// resolve compiles the target of a $ref, which must be #/$defs/name.
func (c *compiler) resolve(v any, at string) (*Schema, error) {
	ref, _ := v.(string)
	name, ok := strings.CutPrefix(ref, "#/$defs/")
	if !ok || strings.ContainsAny(name, "/~%") {
		return nil, fmt.Errorf("%s: $ref %q is not supported (only #/$defs/name)", at, v)
	}
	if s, ok := c.defs[name]; ok {
		return s, nil
	}
	defs, _ := c.root["$defs"].(map[string]any)
	obj, ok := defs[name].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s: $ref %q names no schema", at, ref)
	}
	s := &Schema{def: name}
	c.defs[name] = s // before filling: a type may refer to itself
	return s, c.fill(s, obj, ref)
}

func parseEnum(v any, at string) ([]any, error) {
	arr, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("%s: must be an array", at)
	}
	for _, m := range arr {
		switch m.(type) {
		case string, bool, nil:
		default:
			return nil, fmt.Errorf("%s: member %v is not supported (only strings, booleans and null)", at, m)
		}
	}
	return arr, nil
}

func parsePattern(v any, at string) (*Pattern, error) {
	expr, ok := v.(string)
	if !ok {
		return nil, fmt.Errorf("%s: must be a string", at)
	}
	re, err := regexp.Compile(expr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", at, err)
	}
	p := &Pattern{Expr: expr}
	p.once.Do(func() { p.re = re })
	return p, nil
}

func parseBound(v any, at string) (*Decimal, error) {
	n, ok := v.(json.Number)
	if !ok {
		return nil, fmt.Errorf("%s: must be a number", at)
	}
	d, ok := parseDecimal(string(n))
	if !ok {
		return nil, fmt.Errorf("%s: %s is not a JSON number", at, n)
	}
	return &d, nil
}
