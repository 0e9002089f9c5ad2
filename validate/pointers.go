package validate

// Pointers of findings are built last, for the findings that Result keeps:
// a pointer is as long as its path, and a path through a long key (a
// megabyte-long name holding many repeated keys) would otherwise cost the
// key's length once per finding: quadratic. Past the findings cap only the
// kept findings pay, so the bytes spent on pointers are bounded by the cap
// times the path length.

// deferredPointer is a finding whose Pointer is the pointer of node at.
type deferredPointer struct {
	f  *Finding
	at *node
}

// reportAt is report with the pointer of n, built when the result is.
// A rule that Options.PointerRules scope needs its pointer at once, to
// find its severity: those findings pay for their pointer even past the cap.
func (c *collector) reportAt(rule string, sev Severity, start, end int, n *node, msg string) *Finding {
	ptr, now := "", n != nil && c.l.isScoped(rule)
	if now {
		ptr = pointerOf(n)
	}
	f := c.report(rule, sev, start, end, ptr, msg)
	if f != nil && n != nil && !now {
		c.deferred = append(c.deferred, deferredPointer{f, n})
	}
	return f
}

// fillPointers sets the deferred pointers of the findings in kept (all of
// them when nothing was capped).
func (c *collector) fillPointers(kept []*Finding, capped bool) {
	var keep map[*Finding]bool
	if capped {
		keep = make(map[*Finding]bool, len(kept))
		for _, f := range kept {
			keep[f] = true
		}
	}
	for _, d := range c.deferred {
		if !capped || keep[d.f] {
			d.f.Pointer = pointerOf(d.at)
		}
	}
	c.deferred = nil
}
