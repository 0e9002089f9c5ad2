package main

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// schemaDoc mirrors the subset of JSON Schema that validate's model reads.
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
	Items       *schemaDoc            `json:"items"`
	Properties  map[string]*schemaDoc `json:"properties"`
	Defs        map[string]*schemaDoc `json:"$defs"`
}

// modelWriter writes one target's objModel and propModel literals
// (validate/model.go): the root as variable name, each object type of
// $defs that it reaches as name + the type's name.
type modelWriter struct {
	name string
	defs map[string]*schemaDoc
	vars map[string]string // $defs name → variable; "" while being written
	out  *strings.Builder
}

func writeModel(out *strings.Builder, name, file string, src []byte) error {
	var doc schemaDoc
	if err := json.Unmarshal(src, &doc); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	w := &modelWriter{name: name, defs: doc.Defs, vars: map[string]string{}, out: out}
	var lit strings.Builder
	if err := w.object(&lit, "", &doc); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	fmt.Fprintf(out, "var %s = %s\n\n", name, lit.String())
	return nil
}

// object writes an objModel literal: its properties in name order.
func (w *modelWriter) object(b *strings.Builder, typeName string, d *schemaDoc) error {
	names := make([]string, 0, len(d.Properties))
	for name := range d.Properties {
		names = append(names, name)
	}
	slices.Sort(names)
	fmt.Fprintf(b, "&objModel{\nname: %q,\nprops: map[string]*propModel{\n", typeName)
	for _, name := range names {
		fmt.Fprintf(b, "%q: ", name)
		if err := w.prop(b, name, d.Properties[name], true); err != nil {
			return err
		}
		b.WriteString(",\n")
	}
	b.WriteString("},\nfold: map[string]string{\n")
	folded := map[string]bool{}
	for _, name := range names {
		if lower := strings.ToLower(name); !folded[lower] { // the first in name order
			folded[lower] = true
			fmt.Fprintf(b, "%q: %q,\n", lower, name)
		}
	}
	fmt.Fprintf(b, "},\nnames: %s,\n", strs(names))
	if p := d.Properties["@odata.type"]; p != nil && len(stringMembers(p.Enum)) > 0 {
		fmt.Fprintf(b, "odata: %s,\n", strs(stringMembers(p.Enum)))
	}
	b.WriteString("}")
	return nil
}

// prop writes a propModel literal; elided, without its type, as a
// map's value.
func (w *modelWriter) prop(b *strings.Builder, name string, d *schemaDoc, elided bool) error {
	if !elided {
		b.WriteString("&propModel")
	}
	fmt.Fprintf(b, "{\nname: %q,\n", name)
	if len(d.Type) > 0 {
		var types []string
		var one string
		if json.Unmarshal(d.Type, &one) == nil {
			types = []string{one}
		} else if err := json.Unmarshal(d.Type, &types); err != nil {
			return fmt.Errorf("%s: bad type: %w", name, err)
		}
		fmt.Fprintf(b, "types: %s,\n", strs(types))
	}
	fields := []struct {
		name string
		v    []string
	}{{"enum", stringMembers(d.Enum)}, {"flags", d.Flags}, {"betaMembers", d.BetaMembers}}
	for _, f := range fields {
		if len(f.v) > 0 {
			fmt.Fprintf(b, "%s: %s,\n", f.name, strs(f.v))
		}
	}
	if d.Format != "" {
		fmt.Fprintf(b, "format: %q,\n", d.Format)
	}
	if d.Successor != "" {
		fmt.Fprintf(b, "successor: %q,\n", d.Successor)
	}
	for _, f := range []struct {
		name string
		on   bool
	}{{"readOnly", d.ReadOnly}, {"deprecated", d.Deprecated}, {"betaOnly", d.BetaOnly}} {
		if f.on {
			fmt.Fprintf(b, "%s: true,\n", f.name)
		}
	}
	if d.Ref != "" {
		ref, err := w.ref(name, d.Ref)
		if err != nil {
			return err
		}
		fmt.Fprintf(b, "ref: %s,\n", ref)
	}
	if d.Items != nil {
		b.WriteString("items: ")
		if err := w.prop(b, name, d.Items, false); err != nil {
			return err
		}
		b.WriteString(",\n")
	}
	b.WriteString("}")
	return nil
}

// ref returns the variable of the object type a $ref names, writing it
// first when it is new.
func (w *modelWriter) ref(prop, ref string) (string, error) {
	def := strings.TrimPrefix(ref, "#/$defs/")
	d, ok := w.defs[def]
	if !ok || def == "" || def == ref {
		return "", fmt.Errorf("%s: unresolved $ref %s", prop, ref)
	}
	if v, seen := w.vars[def]; seen {
		if v == "" {
			return "", fmt.Errorf("%s: $defs/%s refers to itself; a recursive type cannot be written as Go data", prop, def)
		}
		return v, nil
	}
	w.vars[def] = ""
	var lit strings.Builder
	if err := w.object(&lit, def, d); err != nil {
		return "", err
	}
	v := w.name + strings.ToUpper(def[:1]) + def[1:]
	w.vars[def] = v
	fmt.Fprintf(w.out, "var %s = %s\n\n", v, lit.String())
	return v, nil
}

// stringMembers is the string members of an enum, null excluded.
func stringMembers(enum []any) []string {
	var out []string
	for _, e := range enum {
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// strs writes a []string literal.
func strs(v []string) string {
	q := make([]string, len(v))
	for i, s := range v {
		q[i] = strconv.Quote(s)
	}
	return "[]string{" + strings.Join(q, ", ") + "}"
}
