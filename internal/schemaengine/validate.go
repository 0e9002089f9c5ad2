package schemaengine

import (
	"encoding/json"
	"slices"
	"sort"
	"strconv"
)

// Validate returns the violations of instance, a value as encoding/json
// decodes it with UseNumber. A value of the wrong type, outside its enum
// or breaking its format has that one violation and nothing inside it is
// checked; otherwise its $ref's violations come first, then its own, then
// those of its members in name order and of its items in index order.
func (s *Schema) Validate(instance any) []Violation {
	var w walk
	w.value(s, instance)
	return w.out
}

// walk is one validation: the location of the value at hand, and the
// violations so far.
type walk struct {
	loc []string
	out []Violation
}

func (w *walk) add(k Kind, want []string) {
	w.out = append(w.out, Violation{Location: slices.Clone(w.loc), Kind: k, Want: want})
}

func (w *walk) value(s *Schema, v any) {
	switch {
	case !s.types.allows(v):
		w.add(KindType, s.types.names())
		return
	case s.enum != nil && !slices.Contains(s.enum, v):
		w.add(KindEnum, nil)
		return
	case s.format != "":
		if str, ok := v.(string); ok && !isDateTime(str) {
			w.add(KindFormat, []string{s.format})
			return
		}
	}
	if s.ref != nil {
		w.value(s.ref, v)
	}
	switch v := v.(type) {
	case map[string]any:
		w.object(s, v)
	case []any:
		if s.items != nil {
			for i, item := range v {
				w.at(strconv.Itoa(i), s.items, item)
			}
		}
	case string:
		if s.pattern != nil && !s.pattern.MatchString(v) {
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

func (w *walk) object(s *Schema, obj map[string]any) {
	names := make([]string, 0, len(obj))
	for name := range obj {
		names = append(names, name)
	}
	sort.Strings(names)
	var unknown []string
	for _, name := range names {
		known := false
		if p, ok := s.properties[name]; ok {
			known = true
			w.at(name, p, obj[name])
		}
		for _, pp := range s.patternProps {
			// A schema that asserts nothing only makes a name known: no
			// need to match a name already known.
			if known && !pp.sch.asserts {
				continue
			}
			if pp.re.MatchString(name) {
				known = true
				w.at(name, pp.sch, obj[name])
			}
		}
		if !known && s.noAdditional {
			unknown = append(unknown, name)
		}
	}
	if unknown != nil {
		w.add(KindAdditional, unknown)
	}
}

func (w *walk) number(s *Schema, v any) {
	if s.minimum == nil && s.maximum == nil {
		return
	}
	d, ok := number(v)
	if !ok {
		return
	}
	if s.minimum != nil && d.cmp(*s.minimum) < 0 {
		w.add(KindMinimum, nil)
	}
	if s.maximum != nil && d.cmp(*s.maximum) > 0 {
		w.add(KindMaximum, nil)
	}
}
