package schema

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

var compiledCache sync.Map // target name → *jsonschema.Schema

// Compiled returns the named target's schema compiled by a general JSON
// Schema engine (santhosh-tekuri/jsonschema, with its meta-schema check and
// format assertions), once per target. The tests of this package read the
// documents as the standard does, and compare azconn's own engine
// (internal/schemaengine) with it.
func Compiled(name string) (*jsonschema.Schema, error) {
	if s, ok := compiledCache.Load(name); ok {
		return s.(*jsonschema.Schema), nil
	}
	t, ok := Lookup(name)
	if !ok {
		return nil, fmt.Errorf("schema: unknown target %q", name)
	}
	src, err := Source(name)
	if err != nil {
		return nil, err
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
	if err != nil {
		return nil, fmt.Errorf("schema: %s: %w", t.File, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	id, _ := doc.(map[string]any)["$id"].(string)
	if err := c.AddResource(id, doc); err != nil {
		return nil, err
	}
	s, err := c.Compile(id)
	if err != nil {
		return nil, fmt.Errorf("schema: %s: %w", t.File, err)
	}
	got, _ := compiledCache.LoadOrStore(name, s)
	return got.(*jsonschema.Schema), nil
}
