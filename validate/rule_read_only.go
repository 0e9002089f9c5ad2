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

func checkReadOnly(rc *ruleContext, out reporter) {
	for _, e := range rc.canonOf(rc.root) {
		name, i := e.name, e.i
		pm := rc.m.root.props[name]
		if pm == nil || !pm.readOnly {
			continue
		}
		suffix := " (the fix drops it only when asked to drop read-only properties)"
		if rc.opts.DropReadOnly {
			suffix = ""
		}
		call := "a PATCH cannot change it"
		if rc.opts.callOf() == callCreate {
			call = "a POST (create) cannot set it"
		}
		msg := name + " is read-only: the service manages it, so " + call + "; remove it from the body" + suffix
		f := out.report("read-only", SeverityWarning, rc.root.Members[i].KeyStart, rc.root.Members[i].KeyEnd, pointerOf(rc.root.Members[i].Val), msg)
		if rc.opts.DropReadOnly {
			out.fixRemove(f, rc.root, i)
		}
	}
	if rc.opts.DropReadOnly {
		rc.dropReadOnlyTwins(out)
	}
}

// dropReadOnlyTwins removes, with the read-only properties, the keys that
// differ from one only by case while it is present too (property-case
// leaves those unbound and unfixed): once the property is dropped, the
// next lint would rename the twin and drop it then, so normalizing twice
// would differ from once.
func (rc *ruleContext) dropReadOnlyTwins(out reporter) {
	canon := rc.canonOf(rc.root)
	for i := range rc.root.Members {
		if canon.has(i) {
			continue
		}
		key := rc.root.Members[i].Key
		name := rc.m.root.fold[strings.ToLower(key)]
		pm := rc.m.root.props[name]
		if pm == nil || !pm.readOnly || name == key {
			continue
		}
		if _, taken := canon.get(name); !taken {
			continue
		}
		m := &rc.root.Members[i]
		f := out.report("read-only", SeverityWarning, m.KeyStart, m.KeyEnd, pointerOf(m.Val),
			quoteJSON(key)+" differs only by case from the read-only "+name+", which is also present: the fix drops both")
		out.fixRemove(f, rc.root, i)
	}
}
