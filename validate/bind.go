package validate

import (
	"fmt"
	"strings"
)

// bind walks the tree alongside the target's schema: it gives every value
// the property model it is checked against, maps each object's keys to
// canonical names, and reports property-case on the way, because the
// schema must then see the canonical name (so the value is validated as
// the property it will become).
func (p *pass) bind() {
	p.root.setType(p.m.root)
	p.walk(func(n *node) {
		switch n.kind {
		case kindObject:
			if n.schemaType() != nil {
				p.bindObject(n)
			}
		case kindArray:
			if n.prop != nil && n.prop.items != nil {
				for _, e := range n.elems {
					e.prop = n.prop.items
					if e.kind == kindObject {
						e.setType(n.prop.items.ref)
					}
				}
			}
		}
	})
}

func (p *pass) bindObject(n *node) {
	o := n.schemaType()
	n.info.canon = make(canonIndex, 0, len(n.members))
	// Exact names first, so that a case variant never takes a name that the
	// payload also spells exactly.
	for i := range n.members {
		k := n.members[i].key
		if _, ok := o.props[k]; ok {
			if _, seen := n.canon().get(k); !seen {
				n.info.canon = append(n.info.canon, canonEntry{k, i})
			}
		}
	}
	for i := range n.members {
		m := &n.members[i]
		if _, ok := o.props[m.key]; ok {
			continue
		}
		canonical, alias := "", false
		if n == p.root {
			if c, ok := p.m.table.PropertyAliases[m.key]; ok {
				canonical, alias = c, true
			}
		}
		if canonical == "" {
			canonical = o.fold[strings.ToLower(m.key)]
		}
		if canonical == "" {
			continue
		}
		// After the first loop, canon holds every exactly spelled name.
		_, taken := n.canon().get(canonical)
		p.propertyCase(n, i, canonical, alias, taken)
		if !taken && !p.ignore["property-case"] {
			n.info.canon = append(n.info.canon, canonEntry{canonical, i})
		}
	}
	for name, i := range n.canon().all() {
		v := n.members[i].val
		v.prop = o.props[name]
		if v.kind == kindObject && v.prop.ref != nil {
			v.setType(v.prop.ref)
		}
	}
}

// propertyCase reports member i of obj, whose key is a case variant or a
// legacy alias of canonical; fixable unless the canonical key is there too.
func (p *pass) propertyCase(obj *node, i int, canonical string, alias, taken bool) {
	key := obj.members[i].key
	var msg string
	if alias {
		msg = fmt.Sprintf("%s is the legacy spelling of %s for the %s target: rename it", quoteJSON(key), quoteJSON(canonical), p.m.name)
	} else {
		msg = fmt.Sprintf("%s differs from the property %s only by case; Graph property names are case-sensitive: rename it", quoteJSON(key), quoteJSON(canonical))
	}
	if taken {
		msg += fmt.Sprintf(" (not fixed automatically: %s is also present, so remove one of them)", quoteJSON(canonical))
	}
	f := p.atKey("property-case", SeverityWarning, obj, i, msg)
	if !taken {
		p.fixRename(f, obj, i, canonical)
	}
}
