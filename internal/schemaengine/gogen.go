package schemaengine

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// WriteGo writes compiled schemas as Go package-level variables, for a
// file generated ahead of time (see internal/schemagen): a process that
// uses them neither parses nor compiles a schema. roots maps variable
// names to schemas. A schema reached through $ref gets a variable of its
// own (root name + $defs name), shared as Compile shares it; a pattern
// gets one per distinct expression (prefix + "Pattern" + index), compiled
// on its first match. qual is this package's name in the generated file.
// The text is valid Go, left for go/format to lay out. A recursive $ref
// cannot be written, as Go variables cannot refer to themselves.
func WriteGo(b *strings.Builder, qual, prefix string, roots map[string]*Schema) error {
	g := &goWriter{qual: qual, prefix: prefix, vars: map[*Schema]string{}, patterns: map[string]string{}}
	names := make([]string, 0, len(roots))
	for name := range roots {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		g.root = name
		if err := g.declare(name, roots[name]); err != nil {
			return err
		}
	}
	b.WriteString(g.out.String())
	return nil
}

// goWriter is one WriteGo: the variables declared or being declared.
type goWriter struct {
	qual, prefix, root string
	vars               map[*Schema]string // "" while the schema's own variable is being written
	patterns           map[string]string  // expression → variable
	out                strings.Builder
}

// declare writes the variable name for s, after the variables it uses.
func (g *goWriter) declare(name string, s *Schema) error {
	g.vars[s] = ""
	var lit strings.Builder
	if err := g.literal(&lit, s, false); err != nil {
		return err
	}
	g.vars[s] = name
	fmt.Fprintf(&g.out, "var %s = %s\n\n", name, lit.String())
	return nil
}

// literal writes s as a composite literal, elided (without its type) as
// an element of a map or slice; shared parts become variables.
func (g *goWriter) literal(b *strings.Builder, s *Schema, elided bool) error {
	if !elided {
		fmt.Fprintf(b, "&%sSchema", g.qual)
	}
	b.WriteString("{\n")
	if s.Types != 0 {
		fmt.Fprintf(b, "Types: %d, // %s\n", s.Types, strings.Join(s.Types.names(), ", "))
	}
	if s.Enum != nil {
		if err := g.enum(b, s.Enum); err != nil {
			return err
		}
	}
	if s.Format != "" {
		fmt.Fprintf(b, "Format: %s,\n", strconv.Quote(s.Format))
	}
	if s.Pattern != nil {
		fmt.Fprintf(b, "Pattern: %s,\n", g.pattern(s.Pattern))
	}
	g.bound(b, "Minimum", s.Minimum)
	g.bound(b, "Maximum", s.Maximum)
	if err := g.members(b, s); err != nil {
		return err
	}
	if s.NoAdditional {
		b.WriteString("NoAdditional: true,\n")
	}
	for _, f := range []struct {
		name string
		sub  *Schema
	}{{"Items", s.Items}, {"Ref", s.Ref}} {
		if f.sub == nil {
			continue
		}
		fmt.Fprintf(b, "%s: ", f.name)
		if err := g.sub(b, f.sub, false); err != nil {
			return err
		}
		b.WriteString(",\n")
	}
	if s.Asserts {
		b.WriteString("Asserts: true,\n")
	}
	b.WriteString("}")
	return nil
}

// members writes Properties and PatternProps, in name order.
func (g *goWriter) members(b *strings.Builder, s *Schema) error {
	if s.Properties != nil {
		fmt.Fprintf(b, "Properties: map[string]*%sSchema{\n", g.qual)
		names := make([]string, 0, len(s.Properties))
		for name := range s.Properties {
			names = append(names, name)
		}
		slices.Sort(names)
		for _, name := range names {
			fmt.Fprintf(b, "%s: ", strconv.Quote(name))
			if err := g.sub(b, s.Properties[name], true); err != nil {
				return err
			}
			b.WriteString(",\n")
		}
		b.WriteString("},\n")
	}
	if s.PatternProps != nil {
		fmt.Fprintf(b, "PatternProps: []%sPatternProp{\n", g.qual)
		for _, pp := range s.PatternProps {
			fmt.Fprintf(b, "{Re: %s, Schema: ", g.pattern(pp.Re))
			if err := g.sub(b, pp.Schema, false); err != nil {
				return err
			}
			b.WriteString("},\n")
		}
		b.WriteString("},\n")
	}
	return nil
}

// sub writes a schema inside another: a $defs schema by its variable,
// declared first; any other inline.
func (g *goWriter) sub(b *strings.Builder, s *Schema, elided bool) error {
	if s.def == "" {
		return g.literal(b, s, elided)
	}
	name, seen := g.vars[s]
	if seen && name == "" {
		return fmt.Errorf("schemaengine: $defs/%s refers to itself; a recursive schema cannot be written as Go data", s.def)
	}
	if !seen {
		name = g.root + strings.ToUpper(s.def[:1]) + s.def[1:]
		if err := g.declare(name, s); err != nil {
			return err
		}
	}
	b.WriteString(name)
	return nil
}

func (g *goWriter) enum(b *strings.Builder, enum []any) error {
	b.WriteString("Enum: []any{")
	for i, m := range enum {
		if i > 0 {
			b.WriteString(", ")
		}
		switch m := m.(type) {
		case string:
			b.WriteString(strconv.Quote(m))
		case bool:
			b.WriteString(strconv.FormatBool(m))
		case nil:
			b.WriteString("nil")
		default:
			return fmt.Errorf("schemaengine: enum member %v cannot be written as Go data", m)
		}
	}
	b.WriteString("},\n")
	return nil
}

func (g *goWriter) bound(b *strings.Builder, field string, d *Decimal) {
	if d != nil {
		fmt.Fprintf(b, "%s: &%sDecimal{Neg: %t, Digits: %s, Point: %d},\n", field, g.qual, d.Neg, strconv.Quote(d.Digits), d.Point)
	}
}

// pattern returns the variable of p's expression, declaring it on first use.
func (g *goWriter) pattern(p *Pattern) string {
	if name, ok := g.patterns[p.Expr]; ok {
		return name
	}
	name := fmt.Sprintf("%sPattern%d", g.prefix, len(g.patterns))
	g.patterns[p.Expr] = name
	fmt.Fprintf(&g.out, "var %s = &%sPattern{Expr: %s}\n\n", name, g.qual, strconv.Quote(p.Expr))
	return name
}
