package validate

import (
	"fmt"
	"iter"
	"strings"

	"github.com/azconn/azconn/internal/secrets"
)

// binding is what the bind stage learns of a tree for one target: the
// schema property each value is checked against, the schema type and
// canonical-name index of each bound object, and which values are secret.
// Tables are indexed by node id.
type binding struct {
	nodes   []boundNode // by node id
	objs    []objInfo   // the bound objects, indexed by boundNode.obj-1
	secrets []string    // the secret string values, never to be quoted
}

// boundNode is what binding knows of one node (16 bytes: one per value).
type boundNode struct {
	prop   *propModel // the schema property a value is checked against
	obj    int32      // objects bound to a schema type: 1 + index in objs; else 0
	secret bool       // the value of a secret property, or inside one
}

// objOf returns the binding of object n, or nil.
func (b *binding) objOf(n *node) *objInfo {
	if i := b.nodes[n.ID].obj; i > 0 {
		return &b.objs[i-1]
	}
	return nil
}

// objInfo is what binding knows of an object node.
type objInfo struct {
	obj   *objModel  // the schema object type
	canon canonIndex // canonical property name → member index
}

// canonIndex maps canonical property names to member indexes. A slice, not
// a map: it holds at most the type's properties, and a linear search over
// a couple of dozen names beats hashing and allocating a map per object.
type canonIndex []canonEntry

type canonEntry struct {
	name string
	i    int
}

func (c canonIndex) get(name string) (int, bool) {
	for _, e := range c {
		if e.name == name {
			return e.i, true
		}
	}
	return -1, false
}

// has reports whether member i is bound to a canonical name.
func (c canonIndex) has(i int) bool {
	for _, e := range c {
		if e.i == i {
			return true
		}
	}
	return false
}

// all yields name, member index pairs in binding order.
func (c canonIndex) all() iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		for _, e := range c {
			if !yield(e.name, e.i) {
				return
			}
		}
	}
}

// propOf returns the schema property that value n is checked against, or nil.
func (b *binding) propOf(n *node) *propModel { return b.nodes[n.ID].prop }

// typeOf returns the schema object type bound to n, or nil.
func (b *binding) typeOf(n *node) *objModel {
	if o := b.objOf(n); o != nil {
		return o.obj
	}
	return nil
}

// canonOf returns the canonical-name index of a bound object, or nil.
func (b *binding) canonOf(n *node) canonIndex {
	if o := b.objOf(n); o != nil {
		return o.canon
	}
	return nil
}

// isSecret reports whether n is the value of a secret property, or inside one.
func (b *binding) isSecret(n *node) bool { return b.nodes[n.ID].secret }

// setType binds object n to schema type o.
func (b *binding) setType(n *node, o *objModel) {
	if o != nil && n.Kind == kindObject {
		b.objs = append(b.objs, objInfo{obj: o})
		b.nodes[n.ID].obj = int32(len(b.objs))
	}
}

// bind walks the tree alongside the target's schema: it gives every value
// the property model it is checked against, maps each object's keys to
// canonical names, marks secret values, and reports property-case on the
// way, because the schema must then see the canonical name (so the value is
// validated as the property it will become). It returns the binding.
func bind(tree *syntaxTree, root *node, det detection, l *Linter, out reporter) *binding {
	nodes := tree.Nodes
	objects := 0
	for _, n := range nodes {
		if n.Kind == kindObject {
			objects++
		}
	}
	b := &binding{nodes: make([]boundNode, len(nodes)), objs: make([]objInfo, 0, objects)}
	bd := binder{b: b, root: root, m: det.model, det: det, out: out, caseOff: l.ignore["property-case"]}
	b.setType(root, bd.m.root)
	secret := bd.m.table.Secret
	// Pre-order: a parent is always seen before its children.
	for _, n := range nodes {
		if par := n.Parent; par != nil {
			bn := &b.nodes[n.ID]
			bn.secret = b.nodes[par.ID].secret ||
				(par.Kind == kindObject && secret != "" && strings.EqualFold(par.Members[n.Index].Key, secret))
			if bn.secret && n.Kind == kindString && n.Str != "" && !secrets.IsStandIn(n.Str) {
				b.secrets = append(b.secrets, n.Str)
			}
		}
		switch n.Kind {
		case kindObject:
			if b.nodes[n.ID].obj > 0 {
				bd.bindObject(n)
			}
		case kindArray:
			if pm := b.nodes[n.ID].prop; pm != nil && pm.items != nil {
				for _, e := range n.Elems {
					b.nodes[e.ID].prop = pm.items
					if e.Kind == kindObject {
						b.setType(e, pm.items.ref)
					}
				}
			}
		}
	}
	return b
}

// bindAlone binds tree for target m as a Lint call without options does,
// for a reading of its secrets outside one; from is the detection's
// origin. What it reports is dropped.
func bindAlone(src []byte, tree *syntaxTree, m *targetModel, from string) *binding {
	var l Linter
	out := newCollector(src, &l)
	out.size = len(tree.Nodes)
	return bind(tree, tree.Root, detection{model: m, from: from}, &l, out)
}

// binder is one bind call: the binding it fills, what it binds against,
// and where it reports property-case.
type binder struct {
	b       *binding
	root    *node
	m       *targetModel
	det     detection
	out     reporter
	caseOff bool // property-case is ignored: a case variant stays unbound
}

func (bd *binder) bindObject(n *node) {
	info := bd.b.objOf(n)
	o := info.obj
	info.canon = make(canonIndex, 0, min(len(n.Members), len(o.props)))
	// Exact names first, so that a case variant never takes a name that the
	// payload also spells exactly.
	for i := range n.Members {
		k := n.Members[i].Key
		if _, ok := o.props[k]; ok {
			if _, seen := info.canon.get(k); !seen {
				info.canon = append(info.canon, canonEntry{k, i})
			}
		}
	}
	for i := range n.Members {
		m := &n.Members[i]
		if _, ok := o.props[m.Key]; ok {
			continue
		}
		canonical, alias := "", false
		if n == bd.root {
			if c, ok := bd.m.table.PropertyAliases[m.Key]; ok {
				canonical, alias = c, true
			}
		}
		if canonical == "" {
			canonical = o.fold[strings.ToLower(m.Key)]
		}
		if canonical == "" {
			continue
		}
		// After the first loop, canon holds every exactly spelled name.
		_, taken := info.canon.get(canonical)
		bd.propertyCase(n, i, canonical, alias, taken)
		// An ignored property-case rule leaves the key unbound: it is
		// then an unknown property, as the service sees it.
		if !taken && !bd.caseOff {
			info.canon = append(info.canon, canonEntry{canonical, i})
		}
	}
	for _, e := range info.canon {
		name, i := e.name, e.i
		v := n.Members[i].Val
		pm := o.props[name]
		bd.b.nodes[v.ID].prop = pm
		if v.Kind == kindObject && pm.ref != nil {
			bd.b.setType(v, pm.ref)
		}
	}
}

// propertyCase reports member i of obj, whose key is a case variant or a
// legacy alias of canonical; fixable unless the canonical key is there too,
// or, for an alias, when the evidence for the target is mixed (no alias
// fix in either direction then).
func (bd *binder) propertyCase(obj *node, i int, canonical string, alias, taken bool) {
	key := obj.Members[i].Key
	var msg string
	if alias {
		msg = fmt.Sprintf("%s is the legacy spelling of %s for the %s target: rename it", quoteJSON(key), quoteJSON(canonical), bd.m.name)
	} else {
		msg = fmt.Sprintf("%s differs from the property %s only by case; Graph property names are case-sensitive: rename it", quoteJSON(key), quoteJSON(canonical))
	}
	if o := bd.b.typeOf(obj); o != nil {
		if pm := o.props[canonical]; pm != nil && pm.deprecated && pm.successor != "" {
			// The deprecated rule then renames it on to the successor, in
			// the same fix: say so, or the message names a key that the
			// fix does not write.
			msg += fmt.Sprintf("; %s itself is deprecated in favour of %s (see deprecated)", quoteJSON(canonical), quoteJSON(pm.successor))
		}
	}
	fix := !taken
	switch {
	case taken:
		msg += fmt.Sprintf(" (not fixed automatically: %s is also present, so remove one of them)", quoteJSON(canonical))
	case alias && bd.det.mixed != nil:
		fix = false
		msg += " (not fixed automatically: the body mixes both targets' properties, see mixed-target)"
	default:
		if other, spelling := bd.otherSpelling(key, canonical); other != "" {
			// Nothing in the body names its API, and the other target
			// spells this property differently: a rename toward the
			// fallback could break a body meant for the other one.
			fix = false
			msg += fmt.Sprintf(" (not fixed automatically: nothing in the body says which API it is for, and the %s target spells it %s; choose the target explicitly)", other, quoteJSON(spelling))
		}
	}
	f := bd.out.atKey("property-case", SeverityWarning, obj, i, msg)
	if fix {
		bd.out.fixRename(f, obj, i, canonical)
	}
}

// otherSpelling returns, when the target is the fallback of Auto (no
// evidence), another target and its spelling of the property that key
// names there, if it differs from canonical; else "".
func (bd *binder) otherSpelling(key, canonical string) (target, spelling string) {
	if bd.det.from != "default" {
		return "", ""
	}
	all, _ := models()
	for _, name := range tableOrder() {
		m := all[name]
		if m == bd.m {
			continue
		}
		c, ok := m.table.PropertyAliases[key]
		if !ok {
			if _, exact := m.root.props[key]; exact {
				c = key
			} else {
				c = m.root.fold[strings.ToLower(key)]
			}
		}
		if c != "" && c != canonical {
			return name, c
		}
	}
	return "", ""
}
