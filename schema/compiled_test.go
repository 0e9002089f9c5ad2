package schema

import (
	"fmt"
	"sync"

	"github.com/azconn/azconn/internal/schemaengine"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

var compiledCache sync.Map // target name → *jsonschema.Schema

// Compiled returns the compiled schema of the named target, once per
// target, for the tests of this package (validate compiles its own).
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
	s, err := schemaengine.Compile(t.File, src)
	if err != nil {
		return nil, err
	}
	got, _ := compiledCache.LoadOrStore(name, s)
	return got.(*jsonschema.Schema), nil
}
