package lsp

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/azconn/azconn/schema"
	"github.com/azconn/azconn/validate"
)

// property is what a target's schema says of one property.
type property struct {
	Type  any    `json:"type"`
	Ref   string `json:"$ref"`
	Enum  []any  `json:"enum"`
	Items *struct {
		Type any `json:"type"`
	} `json:"items"`
	ReadOnly    bool     `json:"readOnly"`
	Deprecated  bool     `json:"deprecated"`
	Successor   string   `json:"x-successor"`
	BetaOnly    bool     `json:"x-beta-only"`
	BetaMembers []string `json:"x-beta-only-members"`
	Description string   `json:"description"`
}

// targetDoc is one target's properties: the body's and those of the
// types it nests ($defs), with the API versions that serve the target.
type targetDoc struct {
	top, nested map[string]property
	apis        []string
}

// docs parses each target's schema once.
var docs = sync.OnceValue(func() map[validate.Target]targetDoc {
	out := map[validate.Target]targetDoc{}
	for _, t := range schema.Tables() {
		src, err := schema.Source(t.Name)
		if err != nil {
			continue
		}
		var doc struct {
			Properties map[string]property `json:"properties"`
			Defs       map[string]struct {
				Properties map[string]property `json:"properties"`
			} `json:"$defs"`
		}
		if json.Unmarshal(src, &doc) != nil {
			continue
		}
		td := targetDoc{top: doc.Properties, nested: map[string]property{}, apis: t.APIs}
		for _, d := range doc.Defs {
			for name, p := range d.Properties {
				td.nested[name] = p
			}
		}
		out[validate.Target(t.Name)] = td
	}
	return out
})

// propertyDoc describes the property name (any case) of target t: type,
// enum members, read-only, deprecated, and the API versions with it.
func propertyDoc(t validate.Target, name string, md bool) (string, bool) {
	td, ok := docs()[t]
	if !ok {
		return "", false
	}
	canon, p, ok := lookupProperty(td.top, name)
	if !ok {
		if canon, p, ok = lookupProperty(td.nested, name); !ok {
			return "", false
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s (%s)", code(canon, md), typeName(p), t)
	if len(p.Enum) > 0 {
		members := make([]string, 0, len(p.Enum))
		for _, m := range p.Enum {
			if s, ok := m.(string); ok {
				members = append(members, code(s, md))
			}
		}
		fmt.Fprintf(&b, "\n\nOne of: %s", strings.Join(members, ", "))
		if len(p.BetaMembers) > 0 {
			fmt.Fprintf(&b, " (beta only: %s)", strings.Join(p.BetaMembers, ", "))
		}
	}
	if p.ReadOnly {
		b.WriteString("\n\nRead-only: the service manages it; leave it out of a PATCH.")
	}
	if p.Deprecated {
		b.WriteString("\n\nDeprecated")
		if p.Successor != "" {
			b.WriteString(": use " + code(p.Successor, md))
		}
		b.WriteString(".")
	}
	fmt.Fprintf(&b, "\n\nAPI versions: %s", apiVersions(td.apis, p.BetaOnly))
	if p.Description != "" {
		b.WriteString("\n\n" + p.Description)
	}
	return b.String(), true
}

// lookupProperty finds name in props, exactly or else by case.
func lookupProperty(props map[string]property, name string) (string, property, bool) {
	if p, ok := props[name]; ok {
		return name, p, true
	}
	keys := make([]string, 0, len(props))
	for k := range props {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if strings.EqualFold(k, name) {
			return k, props[k], true
		}
	}
	return "", property{}, false
}

// typeName renders a JSON Schema type ("string | null", "array of string").
func typeName(p property) string {
	var types []string
	switch t := p.Type.(type) {
	case string:
		types = []string{t}
	case []any:
		for _, x := range t {
			if s, ok := x.(string); ok {
				types = append(types, s)
			}
		}
	}
	for i, t := range types {
		if t == "array" && p.Items != nil {
			if it, ok := p.Items.Type.(string); ok {
				types[i] = "array of " + it
			}
		}
		if t == "object" && p.Ref != "" {
			types[i] = p.Ref[strings.LastIndex(p.Ref, "/")+1:]
		}
	}
	if len(types) == 0 {
		return "any"
	}
	return strings.Join(types, " | ")
}

// apiVersions says which Graph API versions have a property.
func apiVersions(apis []string, betaOnly bool) string {
	switch {
	case len(apis) == 0:
		return "beta documentation only (a pre-release endpoint)"
	case betaOnly || !slices.Contains(apis, "v1.0"):
		return "beta only"
	}
	return strings.Join(apis, ", ")
}
