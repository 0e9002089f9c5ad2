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
		c.deferPointer(f, n)
	}
	return f
}

// deferPointer adds f, whose pointer is n's, to the last chunk of
// c.deferred, or to a new one twice as big (up to 1,024): a slice that
// grows by 1.25x allocates five times its final size.
func (c *collector) deferPointer(f *Finding, n *node) {
	k := len(c.deferred)
	if k == 0 || len(c.deferred[k-1]) == cap(c.deferred[k-1]) {
		c.deferred = append(c.deferred, make([]deferredPointer, 0, 16<<min(k, 6)))
		k++
	}
	c.deferred[k-1] = append(c.deferred[k-1], deferredPointer{f, n})
}

// fillPointers sets the deferred pointers of the findings in kept (all of
// them when nothing was capped), sorted by position, while their bytes
// fit in pointerBudget; it returns kept without the findings left out
// past it (the last in the cap's order, which it returns), whose pointers
// are not built.
func (c *collector) fillPointers(kept []*Finding, capped bool) (listed, dropped []*Finding) {
	var keep map[*Finding]bool
	if capped {
		keep = make(map[*Finding]bool, len(kept))
		for _, f := range kept {
			keep[f] = true
		}
	}
	budget, total := pointerBudget(len(c.src)), 0
	for _, f := range kept {
		total += len(f.Pointer) // scoped rules' pointers, built at once
	}
	for _, chunk := range c.deferred {
		for i := range chunk {
			if d := &chunk[i]; total <= budget && (!capped || keep[d.f]) {
				d.f.Pointer = pointerOf(d.at)
				total += len(d.f.Pointer)
				d.at = nil
			}
		}
	}
	if total > budget {
		return c.pointersInBudget(kept, budget)
	}
	c.deferred = nil
	return kept, nil
}

// pointersInBudget is fillPointers past the budget: it builds the pointers
// of kept in the cap's order (blocking first, then by severity, the
// earliest first) until they pass budget, and leaves out the findings from
// there on.
func (c *collector) pointersInBudget(kept []*Finding, budget int) (listed, dropped []*Finding) {
	pending := map[*Finding]*node{}
	for _, chunk := range c.deferred {
		for _, d := range chunk {
			if d.at != nil {
				pending[d.f] = d.at
			}
		}
	}
	c.deferred = nil
	// The findings of class cut from kept[from] on, and of every worse
	// class, are left out.
	cut, from, total := capClasses, 0, 0
	for class := 0; class < capClasses && cut == capClasses; class++ {
		for i, f := range kept {
			if findingClass(f) != class {
				continue
			}
			if n := pending[f]; n != nil {
				f.Pointer = pointerOf(n)
			}
			if total += len(f.Pointer); total > budget {
				cut, from = class, i
				break
			}
		}
	}
	for i, f := range kept {
		if k := findingClass(f); k > cut || k == cut && i >= from {
			dropped = append(dropped, f)
		} else {
			listed = append(listed, f)
		}
	}
	return listed, dropped
}
