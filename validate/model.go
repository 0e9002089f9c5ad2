package validate

import (
	"fmt"
	"strings"
	"sync"

	"github.com/azconn/azconn/internal/schemaengine"
	"github.com/azconn/azconn/schema"
)

// targetModel is what the engine knows of a target: its schema document
// read as data (names, types, enums, annotations) for messages and fixes,
// the compiled schema for validation, and the target's table. The first
// two are generated ahead of time (schema_gen.go).
type targetModel struct {
	name       string
	table      schema.Table
	root       *objModel
	compiled   *schemaengine.Schema
	others     map[string]string // canonical @odata.type of the other targets → their names
	otherProps map[string]string // property names of other targets → their target names
	only       map[string]bool   // root property names no other target has (detection evidence)
	onlyFold   map[string]bool   // the same, lower-cased, for names no other target has in any case
	path       string            // the endpoint's path without {id}, lower case
}

// objModel is one object type of a schema.
type objModel struct {
	name  string
	props map[string]*propModel
	fold  map[string]string // lower-case name → name
	names []string          // in schema order
	odata []string          // accepted @odata.type values; [0] is canonical
}

// propModel is one property of an object type.
type propModel struct {
	name        string
	types       []string // JSON Schema type names; "null" when nullable
	enum        []string // members, null excluded
	flags       []string // flags enum members (comma-separated on the wire)
	format      string
	readOnly    bool
	deprecated  bool
	successor   string
	betaOnly    bool       // x-beta-only: only the beta API has the property
	betaMembers []string   // x-beta-only-members: enum members only beta has
	ref         *objModel  // object-valued
	items       *propModel // array-valued
}

func (p *propModel) allows(t string) bool {
	for _, x := range p.types {
		if x == t || (t == "integer" && x == "number") {
			return true
		}
	}
	return false
}

func (p *propModel) nullable() bool { return p.allows("null") }

//go:generate go run ../internal/schemagen -o schema_gen.go

// generatedTarget is a target's schema compiled ahead of time
// (schema_gen.go, written by internal/schemagen from package schema's
// documents): no process parses or compiles a schema on its way to a
// finding.
type generatedTarget struct {
	root     *objModel
	compiled *schemaengine.Schema
}

// models adds to the generated data what each target needs to know of the
// others, once per process.
var models = sync.OnceValues(loadModels)

func loadModels() (map[string]*targetModel, error) {
	out := map[string]*targetModel{}
	for _, t := range schema.Tables() {
		g, ok := generatedTargets[t.Name]
		if !ok {
			return nil, fmt.Errorf("validate: target %s is not in schema_gen.go: run go generate ./validate/", t.Name)
		}
		out[t.Name] = &targetModel{name: t.Name, table: t, root: g.root, compiled: g.compiled}
	}
	for name, m := range out {
		m.others = map[string]string{}
		m.otherProps = map[string]string{}
		m.only = map[string]bool{}
		m.onlyFold = map[string]bool{}
		for _, p := range m.root.names {
			m.only[p] = true
			m.onlyFold[strings.ToLower(p)] = true
		}
		if _, path, ok := strings.Cut(m.table.Endpoint, " "); ok {
			m.path = strings.ToLower(strings.TrimSuffix(path, "/{id}"))
		}
		for other, o := range out {
			if other == name {
				continue
			}
			if len(o.root.odata) > 0 {
				m.others[strings.ToLower(strings.TrimPrefix(o.root.odata[0], "#"))] = other
			}
			for _, p := range o.root.names {
				if _, ok := m.root.props[p]; !ok {
					m.otherProps[p] = other
				}
				delete(m.only, p)
				delete(m.onlyFold, strings.ToLower(p))
			}
		}
	}
	return out, nil
}
