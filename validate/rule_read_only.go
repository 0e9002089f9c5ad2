package validate

func init() {
	register(&rule{
		Rule: Rule{ID: "read-only", Severity: SeverityWarning, Fixable: true,
			Summary: "A server-managed (read-only) property in a PATCH body.",
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
		msg := name + " is read-only: the service manages it, so a PATCH cannot change it; remove it from the body" + suffix
		f := p.report("read-only", SeverityWarning, p.root.members[i].keyStart, p.root.members[i].keyEnd, p.pointer(p.root.members[i].val), msg)
		if p.opts.DropReadOnly {
			p.fixRemove(f, p.root, i)
		}
	}
}
