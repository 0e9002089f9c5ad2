package schemaengine

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
)

// Validate returns the violations of instance, a value as encoding/json
// decodes it with UseNumber but with each object an Object. A
// value of the wrong type, outside its enum or breaking its format has
// that one violation and nothing inside it is checked; otherwise its
// $ref's violations come first, then its own, then those of its members
// in name order and of its items in index order.
func (s *Schema) Validate(instance any) []Violation {
	var out []Violation
	s.Each(instance, func(v Violation) {
		v.Location = slices.Clone(v.Location)
		out = append(out, v)
	})
	return out
}

// Each calls fn with each violation of instance, in Validate's order. The
// Location it passes is reused by the next call: fn copies it to keep it.
// A caller that maps each location to a value of its own at once keeps
// neither the list nor the locations (tens of thousands on a body with a
// violation every few dozen bytes).
func (s *Schema) Each(instance any, fn func(Violation)) {
	w := walk{report: fn}
	w.value(s, instance)
}

// Object is an object instance: its members sorted by name, each name
// once, the order Validate visits them in. A caller that walks a tree of
// its own builds it for the price of a slice, where a map[string]any
// costs some 300 bytes per small object (and a sort of its names).
type Object []Member

// Member is one property of an Object.
type Member struct {
	Name  string
	Value any
}

// FromJSON returns v, a value as encoding/json decodes it, as an
// instance: each map[string]any made an Object.
func FromJSON(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(Object, 0, len(v))
		for name, x := range v {
			out = append(out, Member{name, FromJSON(x)})
		}
		slices.SortFunc(out, func(a, b Member) int { return strings.Compare(a.Name, b.Name) })
		return out
	case []any:
		out := make([]any, len(v))
		for i := range v {
			out[i] = FromJSON(v[i])
		}
		return out
	}
	return v
}

// walk is one validation: the location of the value at hand, and where
// violations go.
type walk struct {
	loc    []string
	report func(Violation)
}

func (w *walk) add(k Kind, want []string) {
	w.report(Violation{Location: w.loc, Kind: k, Want: want})
}

func (w *walk) value(s *Schema, v any) {
	switch {
	case !s.Types.allows(v):
		w.add(KindType, s.Types.names())
		return
	case s.Enum != nil && !slices.Contains(s.Enum, v):
		w.add(KindEnum, nil)
		return
	case s.Format != "":
		if str, ok := v.(string); ok && !isDateTime(str) {
			w.add(KindFormat, []string{s.Format})
			return
		}
	}
	if s.Ref != nil {
		w.value(s.Ref, v)
	}
	switch v := v.(type) {
	case Object:
		w.object(s, v)
	case []any:
		if s.Items != nil {
			for i, item := range v {
				w.at(strconv.Itoa(i), s.Items, item)
			}
		}
	case string:
		if s.Pattern != nil && !s.Pattern.MatchString(v) {
			w.add(KindPattern, nil)
		}
	case json.Number:
		w.number(s, v)
	}
}

// at validates v, found at name, with s.
func (w *walk) at(name string, s *Schema, v any) {
	w.loc = append(w.loc, name)
	w.value(s, v)
	w.loc = w.loc[:len(w.loc)-1]
}

// object validates the members of an object, sorted by name.
func (w *walk) object(s *Schema, obj Object) {
	var unknown []string
	for _, m := range obj {
		name := m.Name
		known := false
		if p, ok := s.Properties[name]; ok {
			known = true
			w.at(name, p, m.Value)
		}
		for _, pp := range s.PatternProps {
			// A schema that asserts nothing only makes a name known: no
			// need to match a name already known.
			if known && !pp.Schema.Asserts {
				continue
			}
			if pp.Re.MatchString(name) {
				known = true
				w.at(name, pp.Schema, m.Value)
			}
		}
		if !known && s.NoAdditional {
			unknown = append(unknown, name)
		}
	}
	if unknown != nil {
		w.add(KindAdditional, unknown)
	}
}

func (w *walk) number(s *Schema, v any) {
	if s.Minimum == nil && s.Maximum == nil {
		return
	}
	d, ok := number(v)
	if !ok {
		return
	}
	if s.Minimum != nil && d.cmp(*s.Minimum) < 0 {
		w.add(KindMinimum, nil)
	}
	if s.Maximum != nil && d.cmp(*s.Maximum) > 0 {
		w.add(KindMaximum, nil)
	}
}
