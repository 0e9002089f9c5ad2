// Package schema holds the JSON Schema (draft 2020-12) documents of the
// azconn targets and the small table that goes with each, and compiles the
// schemas once.
//
// The schema documents are the single source of the targets' shapes:
// property names, types, nullability, enum members, readOnly and
// deprecated annotations, and the accepted @odata.type values. The Table
// adds only what JSON Schema cannot say: legacy aliases.
package schema

import (
	"bytes"
	"embed"
	"fmt"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

//go:embed *.schema.json
var files embed.FS

// Table is the data of a target that lives beside its schema document.
type Table struct {
	Name     string // target name, e.g. "azureConnection"
	File     string // schema file name in this package
	Endpoint string // the HTTP request the body belongs to
	// PropertyAliases maps legacy top-level property names to canonical ones.
	PropertyAliases map[string]string
	// TypeAliases maps legacy top-level @odata.type values (compared without
	// case and without the leading '#') to the canonical value.
	TypeAliases map[string]string
	// Secret names the top-level property whose value is never echoed.
	Secret string
}

// tables lists the targets; the first is the default. Adding a target is a
// schema file plus an entry here.
var tables = []Table{
	{
		Name:            "azureConnection",
		File:            "azureConnection.schema.json",
		Endpoint:        "PATCH /deviceManagement/cloudManagedDesktop/azureConnections",
		PropertyAliases: map[string]string{"subnetId": "subNetId"},
		Secret:          "adDomainPassword",
	},
	{
		Name:            "onPremisesConnection",
		File:            "onPremisesConnection.schema.json",
		Endpoint:        "PATCH /deviceManagement/virtualEndpoint/onPremisesConnections/{id}",
		PropertyAliases: map[string]string{"subNetId": "subnetId"},
		TypeAliases:     map[string]string{"#microsoft.graph.AzureConnection": "#microsoft.graph.cloudPcOnPremisesConnection"},
		Secret:          "adDomainPassword",
	},
}

// Tables returns the targets' tables, the default first.
func Tables() []Table { return tables }

// Lookup returns the table of the named target.
func Lookup(name string) (Table, bool) {
	for _, t := range tables {
		if t.Name == name {
			return t, true
		}
	}
	return Table{}, false
}

// Source returns the schema document of the named target.
func Source(name string) ([]byte, error) {
	t, ok := Lookup(name)
	if !ok {
		return nil, fmt.Errorf("schema: unknown target %q", name)
	}
	return files.ReadFile(t.File)
}

// compiled holds one lazy compilation per target: a process that lints
// against one target never pays for the others.
var compiled = func() map[string]func() (*jsonschema.Schema, error) {
	m := make(map[string]func() (*jsonschema.Schema, error), len(tables))
	for _, t := range tables {
		m[t.Name] = sync.OnceValues(func() (*jsonschema.Schema, error) { return compile(t) })
	}
	return m
}()

func compile(t Table) (*jsonschema.Schema, error) {
	src, err := files.ReadFile(t.File)
	if err != nil {
		return nil, err
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
	if err != nil {
		return nil, fmt.Errorf("schema: %s: %w", t.File, err)
	}
	obj, _ := doc.(map[string]any)
	id, _ := obj["$id"].(string)
	if id == "" {
		return nil, fmt.Errorf("schema: %s has no $id", t.File)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(id, doc); err != nil {
		return nil, err
	}
	s, err := c.Compile(id)
	if err != nil {
		return nil, fmt.Errorf("schema: %s: %w", t.Name, err)
	}
	return s, nil
}

// Compiled returns the compiled schema of the named target. Each schema is
// compiled once, on first use, and shared; jsonschema.Schema is safe for
// concurrent validation.
func Compiled(name string) (*jsonschema.Schema, error) {
	c, ok := compiled[name]
	if !ok {
		return nil, fmt.Errorf("schema: unknown target %q", name)
	}
	return c()
}
