package validate

import "strings"

func init() {
	register(&rule{
		Rule: Rule{ID: "read-only", Severity: SeverityWarning, Fixable: true,
			Summary: "A server-managed (read-only) property in a PATCH or POST (create) body.",
			Help:    "The service ignores or rejects it. It is kept unless you ask the fix to drop read-only properties (DropReadOnly, --drop-read-only)."},
		phase: phaseValue,
		check: checkReadOnly,
	})
}

func checkReadOnly(p *pass) {
	for _, e := range p.canonOf(p.root) {
		name, i := e.name, e.i
		pm := p.m.root.props[name]
		if pm == nil || !pm.readOnly {
			continue
		}
		suffix := " (the fix drops it only when asked to drop read-only properties)"
		if p.opts.DropReadOnly {
			suffix = ""
		}
		call := "a PATCH cannot change it"
		if p.opts.callOf() == callCreate {
			call = "a POST (create) cannot set it"
		}
		msg := name + " is read-only: the service manages it, so " + call + "; remove it from the body" + suffix
		f := p.report("read-only", SeverityWarning, p.root.Members[i].KeyStart, p.root.Members[i].KeyEnd, p.pointer(p.root.Members[i].Val), msg)
		if p.opts.DropReadOnly {
			p.fixRemove(f, p.root, i)
		}
	}
	if p.opts.DropReadOnly {
		p.dropReadOnlyTwins()
	}
}

// dropReadOnlyTwins removes, with the read-only properties, the keys that
// differ from one only by case while it is present too (property-case
// leaves those unbound and unfixed): once the property is dropped, the
// next lint would rename the twin and drop it then, so normalizing twice
// would differ from once.
func (p *pass) dropReadOnlyTwins() {
	canon := p.canonOf(p.root)
	for i := range p.root.Members {
		if canon.has(i) {
			continue
		}
		key := p.root.Members[i].Key
		name := p.m.root.fold[strings.ToLower(key)]
		pm := p.m.root.props[name]
		if pm == nil || !pm.readOnly || name == key {
			continue
		}
		if _, taken := canon.get(name); !taken {
			continue
		}
		m := &p.root.Members[i]
		f := p.report("read-only", SeverityWarning, m.KeyStart, m.KeyEnd, p.pointer(m.Val),
			quoteJSON(key)+" differs only by case from the read-only "+name+", which is also present: the fix drops both")
		p.fixRemove(f, p.root, i)
	}
}
