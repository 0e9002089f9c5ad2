// Package schemaoracle compiles a schema document with a general JSON
// Schema engine (santhosh-tekuri/jsonschema: the draft's meta-schema
// checked, formats asserted), the oracle that azconn's own engine
// (internal/schemaengine) is compared with. Only tests import it, so the
// general engine is in no binary.
package schemaoracle

import (
	"bytes"
	"fmt"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Compile compiles the schema document src (named file in errors), which
// must have an $id.
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
