package schema

import (
	"fmt"
	"sync"

	"github.com/azconn/azconn/internal/schemaengine"
	"github.com/azconn/azconn/internal/schemaoracle"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

var (
	compiledCache sync.Map // target name → *jsonschema.Schema
	ownCache      sync.Map // target name → *schemaengine.Schema
)

// Compiled returns the named target's schema compiled by the general JSON
// Schema engine (internal/schemaoracle), once per target. The tests of
// this package read the documents as the standard does, and compare
// azconn's own engine (compiledOwn) with it.
func Compiled(name string) (*jsonschema.Schema, error) {
	return compileOnce(&compiledCache, name, schemaoracle.Compile)
}

// compiledOwn is Compiled with azconn's own engine.
func compiledOwn(name string) (*schemaengine.Schema, error) {
	return compileOnce(&ownCache, name, schemaengine.Compile)
}

// compileOnce compiles the named target's document with compile, once per
// cache and target.
func compileOnce[S any](cache *sync.Map, name string, compile func(file string, src []byte) (S, error)) (S, error) {
	var zero S
	if s, ok := cache.Load(name); ok {
		return s.(S), nil
	}
	t, ok := Lookup(name)
	if !ok {
		return zero, fmt.Errorf("schema: unknown target %q", name)
	}
	src, err := Source(name)
	if err != nil {
		return zero, err
	}
	s, err := compile(t.File, src)
	if err != nil {
		return zero, err
	}
	got, _ := cache.LoadOrStore(name, s)
	return got.(S), nil
}
