// Package schemaengine compiles the targets' JSON Schema documents with
// the schema engine (santhosh-tekuri/jsonschema). It is internal so that
// the engine is no part of any public API: package validate maps its
// errors to findings, and package schema holds only the documents.
package schemaengine

import (
	"bytes"
	"fmt"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Compile compiles the draft 2020-12 schema document src (named file in
// errors), which must have an $id, with format assertions on. The result is
// safe for concurrent validation.
func Compile(file string, src []byte) (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
	if err != nil {
		return nil, fmt.Errorf("schema: %s: %w", file, err)
	}
	obj, _ := doc.(map[string]any)
	id, _ := obj["$id"].(string)
	if id == "" {
		return nil, fmt.Errorf("schema: %s has no $id", file)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(id, doc); err != nil {
		return nil, err
	}
	s, err := c.Compile(id)
	if err != nil {
		return nil, fmt.Errorf("schema: %s: %w", file, err)
	}
	return s, nil
}
