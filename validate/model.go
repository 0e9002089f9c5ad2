package validate

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/azconn/azconn/internal/schemaengine"
	"github.com/azconn/azconn/schema"
)

// targetModel is what the engine knows of a target: its schema document
// read as data (names, types, enums, annotations) for messages and fixes,
// the compiled schema for validation, and the target's table.
type targetModel struct {
	name       string
	table      schema.Table
	root       *objModel
	compiled   func() (*schemaengine.Schema, error) // compiled on first use
	others     map[string]string                    // canonical @odata.type of the other targets → their names
	otherProps map[string]string                    // property names of other targets → their target names
	only       map[string]bool                      // root property names no other target has (detection evidence)
	onlyFold   map[string]bool                      // the same, lower-cased, for names no other target has in any case
	path       string                               // the endpoint's path without {id}, lower case
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
	description string
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

// schemaDoc mirrors the subset of JSON Schema that the engine reads.
type schemaDoc struct {
	Type        json.RawMessage       `json:"type"`
	Ref         string                `json:"$ref"`
	Enum        []any                 `json:"enum"`
	Flags       []string              `json:"x-flags"`
	Format      string                `json:"format"`
	ReadOnly    bool                  `json:"readOnly"`
	Deprecated  bool                  `json:"deprecated"`
	Successor   string                `json:"x-successor"`
	BetaOnly    bool                  `json:"x-beta-only"`
	BetaMembers []string              `json:"x-beta-only-members"`
	Description string                `json:"description"`
	Items       *schemaDoc            `json:"items"`
	Properties  map[string]*schemaDoc `json:"properties"`
	Defs        map[string]*schemaDoc `json:"$defs"`
}

var models = sync.OnceValues(loadModels)

func loadModels() (map[string]*targetModel, error) {
	out := map[string]*targetModel{}
	for _, t := range schema.Tables() {
		src, err := schema.Source(t.Name)
		if err != nil {
			return nil, err
		}
		m, err := buildModel(t, src)
		if err != nil {
			return nil, fmt.Errorf("validate: target %s: %w", t.Name, err)
		}
		file, doc := t.File, src
		m.compiled = sync.OnceValues(func() (*schemaengine.Schema, error) { return schemaengine.Compile(file, doc) })
		out[t.Name] = m
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

// The json.Unmarshal of the schema document below reads our own embedded
// files once per process; it is not on the linting path.
func buildModel(t schema.Table, src []byte) (*targetModel, error) {
	var doc schemaDoc
	if err := json.Unmarshal(src, &doc); err != nil {
		return nil, err
	}
	defs := map[string]*objModel{}
	for name := range doc.Defs {
		defs[name] = &objModel{name: name}
	}
	var build func(o *objModel, d *schemaDoc) error
	var prop func(name string, d *schemaDoc) (*propModel, error)
	prop = func(name string, d *schemaDoc) (*propModel, error) {
		p := &propModel{name: name, format: d.Format, readOnly: d.ReadOnly, deprecated: d.Deprecated,
			successor: d.Successor, description: d.Description, flags: d.Flags,
			betaOnly: d.BetaOnly, betaMembers: d.BetaMembers}
		if len(d.Type) > 0 {
			var one string
			if json.Unmarshal(d.Type, &one) == nil {
				p.types = []string{one}
			} else if err := json.Unmarshal(d.Type, &p.types); err != nil {
				return nil, fmt.Errorf("%s: bad type: %w", name, err)
			}
		}
		for _, e := range d.Enum {
			if s, ok := e.(string); ok {
				p.enum = append(p.enum, s)
			}
		}
		if d.Ref != "" {
			ref, ok := defs[strings.TrimPrefix(d.Ref, "#/$defs/")]
			if !ok {
				return nil, fmt.Errorf("%s: unresolved $ref %s", name, d.Ref)
			}
			p.ref = ref
		}
		if d.Items != nil {
			it, err := prop(name, d.Items)
			if err != nil {
				return nil, err
			}
			p.items = it
		}
		return p, nil
	}
	build = func(o *objModel, d *schemaDoc) error {
		o.props = map[string]*propModel{}
		o.fold = map[string]string{}
		for name, pd := range d.Properties {
			p, err := prop(name, pd)
			if err != nil {
				return err
			}
			o.props[name] = p
			o.fold[strings.ToLower(name)] = name
			o.names = append(o.names, name)
			if name == "@odata.type" {
				o.odata = p.enum
			}
		}
		slices.Sort(o.names)
		return nil
	}
	root := &objModel{}
	if err := build(root, &doc); err != nil {
		return nil, err
	}
	for name, d := range doc.Defs {
		if err := build(defs[name], d); err != nil {
			return nil, err
		}
	}
	return &targetModel{name: t.Name, table: t, root: root}, nil
}
