package validate

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	jkind "github.com/santhosh-tekuri/jsonschema/v6/kind"
)

// instance converts the tree into the value the schema engine validates:
// objects keyed by canonical names (so a miscased key is validated as the
// property it will become), numbers as json.Number. Values of members that
// the schema does not know are left out: additionalProperties reports the
// key, and nothing looks inside.
func (p *pass) instance(n *node) any {
	switch n.kind {
	case kindNull:
		return nil
	case kindTrue:
		return true
	case kindFalse:
		return false
	case kindNumber:
		return json.Number(p.src[n.start:n.end])
	case kindString:
		return n.str
	case kindArray:
		out := make([]any, len(n.elems))
		for i, e := range n.elems {
			out[i] = p.instance(e)
		}
		return out
	}
	out := make(map[string]any, len(n.members))
	if n.canon() != nil {
		for name, i := range n.canon().all() {
			// A claimed value (a placeholder) already has its one
			// finding: leave it out rather than validate it for nothing.
			// Its key is a known property, and no property is required.
			if v := n.members[i].val; !v.claimed {
				out[name] = p.instance(v)
			}
		}
	}
	for i := range n.members {
		m := &n.members[i]
		if p.isCanonMember(n, i) {
			continue
		}
		if _, ok := out[m.key]; !ok {
			if n.schemaType() == nil {
				out[m.key] = p.instance(m.val)
			} else {
				out[m.key] = nil
			}
		}
	}
	return out
}

func (p *pass) isCanonMember(n *node, i int) bool {
	for _, e := range n.canon() {
		if e.i == i {
			return true
		}
	}
	return false
}

// locate finds the node at a schema instance location.
func (p *pass) locate(loc []string) *node {
	n := p.root
	for _, seg := range loc {
		switch n.kind {
		case kindObject:
			if i, ok := n.canon().get(seg); ok {
				n = n.members[i].val
				continue
			}
			found := false
			for i := range n.members {
				if n.members[i].key == seg {
					n, found = n.members[i].val, true
					break
				}
			}
			if !found {
				return n
			}
		case kindArray:
			i := 0
			for _, c := range seg {
				i = i*10 + int(c-'0')
			}
			if i < 0 || i >= len(n.elems) {
				return n
			}
			n = n.elems[i]
		default:
			return n
		}
	}
	return n
}

// schemaCheck validates the instance with the compiled target schema and
// maps each error, by its typed kind, to a rule at the value's position.
// Recursion over the instance is bounded by MaxDepth, checked by the parser.
func (p *pass) schemaCheck() {
	sch, err := p.m.compiled()
	if err != nil {
		p.report("internal", SeverityError, 0, 0, "", err.Error())
		return
	}
	err = sch.Validate(p.instance(p.root))
	if err == nil {
		return
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		p.report("internal", SeverityError, 0, 0, "", "schema validation failed: "+err.Error())
		return
	}
	var leaves []*jsonschema.ValidationError
	var collect func(e *jsonschema.ValidationError)
	collect = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			leaves = append(leaves, e)
		}
		for _, c := range e.Causes {
			collect(c)
		}
	}
	collect(ve)
	// Type errors first: one cause, one finding per value.
	rank := func(e *jsonschema.ValidationError) int {
		if _, ok := e.ErrorKind.(*jkind.Type); ok {
			return 0
		}
		return 1
	}
	sort.SliceStable(leaves, func(i, j int) bool { return rank(leaves[i]) < rank(leaves[j]) })
	for _, e := range leaves {
		n := p.locate(e.InstanceLocation)
		switch k := e.ErrorKind.(type) {
		case *jkind.AdditionalProperties:
			if n.kind != kindObject {
				continue
			}
			// Index the object's unbound keys once: objects can be huge.
			first := make(map[string]int, len(k.Properties))
			for i := len(n.members) - 1; i >= 0; i-- {
				if !p.isCanonMember(n, i) && !p.keyReported(n, i) {
					first[n.members[i].key] = i
				}
			}
			var idx []int
			for _, name := range k.Properties {
				if i, ok := first[name]; ok {
					idx = append(idx, i)
				}
			}
			sort.Ints(idx) // document order
			for _, i := range idx {
				p.unknownProperty(n, i)
			}
			continue
		}
		if n.claimed {
			continue
		}
		switch k := e.ErrorKind.(type) {
		case *jkind.Type:
			p.typeError(n, k.Want)
		case *jkind.Enum, *jkind.Const, *jkind.Pattern:
			p.enumError(n)
		case *jkind.Format:
			p.formatError(n, k.Want)
		case *jkind.Minimum, *jkind.Maximum, *jkind.ExclusiveMinimum, *jkind.ExclusiveMaximum:
			f := p.atValue("type", SeverityError, n, fmt.Sprintf("%s must be a 32-bit integer (-2147483648 to 2147483647), not %s", name(n), p.show(n)))
			_ = f
		default:
			p.atValue("type", SeverityError, n, fmt.Sprintf("%s does not match its schema (%T)", name(n), k))
		}
		p.claim(n)
	}
}

// unknownProperty reports member idx, whose key the object's type does
// not have.
func (p *pass) unknownProperty(obj *node, idx int) {
	key := obj.members[idx].key
	o := obj.schemaType()
	// Case variants and aliases belong to property-case.
	if o != nil {
		if _, ok := o.fold[strings.ToLower(key)]; ok {
			return
		}
		if obj == p.root {
			if _, ok := p.m.table.PropertyAliases[key]; ok {
				return
			}
		}
	}
	typeName := "the " + p.m.name + " target"
	if o != nil && o.name != "" {
		typeName = o.name
	}
	msg := fmt.Sprintf("unknown property %s: %s has no such property", quoteJSON(key), typeName)
	var names []string
	if o != nil {
		names = o.names
	}
	v := obj.members[idx].val
	switch {
	case obj == p.root && key == "value" && v.kind == kindObject:
		msg += "; this looks like a GET response wrapped in {\"value\": …}: send the inner object as the body"
	case obj == p.root && key == "error" && v.kind == kindObject:
		msg += "; this looks like a Microsoft Graph error response, not a request body"
	case obj == p.root && p.m.otherProps[key] != "":
		msg += fmt.Sprintf("; it is a property of the %s target: lint with that target if the body is meant for it", p.m.otherProps[key])
	default:
		if s := nearest(key, names); s != "" {
			msg += fmt.Sprintf("; did you mean %s?", quoteJSON(s))
		} else {
			msg += "; remove it"
		}
	}
	p.atKey("unknown-property", SeverityError, obj, idx, msg)
}

// typeError reports a value of the wrong JSON type, unless a more precise
// rule explains it.
func (p *pass) typeError(n *node, want []string) {
	pm := n.prop
	if n.kind == kindString && pm != nil && pm.allows("boolean") {
		if s := strings.TrimSpace(n.str); strings.EqualFold(s, "true") || strings.EqualFold(s, "false") {
			lit := strings.ToLower(s)
			f := p.atValue("boolean-string", SeverityWarning, n,
				fmt.Sprintf("%s is the string %s; it must be the JSON boolean %s (no quotes)", name(n), p.show(n), lit))
			p.fixReplace(f, n, lit)
			return
		}
	}
	wantNames := make([]string, 0, len(want))
	for _, w := range want {
		if w != "null" {
			wantNames = append(wantNames, article(w))
		}
	}
	if n.kind == kindNull {
		var msg string
		switch {
		case n.parent != nil && n.parent.kind == kindArray:
			msg = fmt.Sprintf("%s cannot be null: each item of the collection must be %s; remove this one", name(n), list(wantNames, "or"))
		case pm != nil && pm.allows("array"):
			msg = fmt.Sprintf("%s cannot be null: a collection is never null; send [] to clear it, or leave the property out to keep its current value", name(n))
		default:
			msg = fmt.Sprintf("%s cannot be null: leave the property out to keep its current value, or set %s", name(n), list(wantNames, "or"))
		}
		p.atValue("type", SeverityError, n, msg)
		return
	}
	got := article(n.kind.typeName())
	if n.kind == kindString || n.kind == kindNumber || n.kind == kindTrue || n.kind == kindFalse {
		got += " (" + p.show(n) + ")"
	}
	msg := fmt.Sprintf("%s must be %s, not %s", name(n), list(wantNames, "or"), got)
	if pm != nil && pm.nullable() {
		msg += ", or null"
	}
	p.atValue("type", SeverityError, n, msg)
}

func article(t string) string {
	switch t {
	case "object", "array", "integer":
		return "an " + t
	}
	return "a " + t
}

// enumError reports a string that is not a member of its enum.
func (p *pass) enumError(n *node) {
	pm := n.prop
	if pm == nil || n.kind != kindString {
		p.atValue("type", SeverityError, n, fmt.Sprintf("%s has an unexpected value %s", name(n), p.show(n)))
		return
	}
	if pm.name == "@odata.type" {
		p.odataType(n)
		return
	}
	s := strings.TrimSpace(n.str)
	if len(pm.flags) > 0 {
		p.flagsError(n, s)
		return
	}
	for _, m := range pm.enum {
		if s == m {
			return // only whitespace around it: the whitespace rule says so
		}
	}
	for _, m := range pm.enum {
		if strings.EqualFold(s, m) {
			canonical := m
			f := p.atValue("enum-case", SeverityWarning, n,
				fmt.Sprintf("%s must be written %s: Graph enum members are case-sensitive lowerCamelCase", p.show(n), quoteJSON(canonical)))
			p.fixTransform(f, n, 20, func(string) string { return canonical })
			return
		}
	}
	msg := fmt.Sprintf("%s is not a member of %s: use one of %s", p.show(n), name(n), list(pm.enum, "or"))
	if near := nearest(s, pm.enum); near != "" {
		msg += fmt.Sprintf("; did you mean %s?", quoteJSON(near))
	}
	p.atValue("enum", SeverityError, n, msg)
}

// flagsError handles a flags enum: a comma-separated member list.
func (p *pass) flagsError(n *node, s string) {
	parts := strings.Split(s, ",")
	out := make([]string, len(parts))
	for i, part := range parts {
		part = strings.TrimSpace(part)
		found := ""
		for _, m := range n.prop.flags {
			if strings.EqualFold(part, m) {
				found = m
			}
		}
		if found == "" {
			p.atValue("enum", SeverityError, n, fmt.Sprintf("%s is not a comma-separated list of %s members: use %s", p.show(n), name(n), list(n.prop.flags, "and/or")))
			return
		}
		out[i] = found
	}
	canonical := strings.Join(out, ",")
	if canonical == s {
		return
	}
	f := p.atValue("enum-case", SeverityWarning, n, fmt.Sprintf("%s must be written %s: flags are lowerCamelCase members joined by ',' without spaces", p.show(n), quoteJSON(canonical)))
	p.fixTransform(f, n, 20, func(string) string { return canonical })
}

// odataType reports an @odata.type the object's type does not accept.
func (p *pass) odataType(n *node) {
	accepted := n.parent.schemaType().odata
	canonical := accepted[0]
	bare := func(s string) string { return strings.ToLower(strings.TrimPrefix(strings.TrimSpace(s), "#")) }
	got := bare(n.str)
	isRoot := n.parent == p.root
	fixable := func(msg string) {
		f := p.atValue("odata-type", SeverityWarning, n, msg)
		p.fixTransform(f, n, 20, func(string) string { return canonical })
	}
	for _, a := range accepted {
		if bare(a) == got {
			fixable(fmt.Sprintf("@odata.type must be written %s (type names are case-sensitive and start with '#')", quoteJSON(canonical)))
			return
		}
	}
	if isRoot {
		for legacy, c := range p.m.table.TypeAliases {
			if bare(legacy) == got && c == canonical {
				fixable(fmt.Sprintf("%s is the legacy type name; the %s target's type is %s", p.show(n), p.m.name, quoteJSON(canonical)))
				return
			}
		}
		if other, ok := p.m.others[got]; ok {
			p.atValue("odata-type", SeverityError, n, fmt.Sprintf("%s is the type of the %s target, not of %s: lint with that target, or write %s", p.show(n), other, p.m.name, quoteJSON(canonical)))
			return
		}
	}
	p.atValue("odata-type", SeverityError, n, fmt.Sprintf("@odata.type %s does not name this object's type: write %s, or leave @odata.type out", p.show(n), quoteJSON(canonical)))
}

func (p *pass) formatError(n *node, format string) {
	if format == "date-time" {
		p.atValue("format", SeverityError, n, fmt.Sprintf("%s must be an RFC 3339 date-time in UTC such as \"2014-01-01T00:00:00Z\", not %s", name(n), p.show(n)))
		return
	}
	p.atValue("format", SeverityError, n, fmt.Sprintf("%s is not a valid %s: %s", name(n), format, p.show(n)))
}
