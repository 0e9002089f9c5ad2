package validate

import "fmt"

func init() {
	register(&rule{
		Rule: Rule{ID: "value-wrapper", Severity: SeverityWarning, Fixable: true,
			Summary: "A GET response's {\"value\": {…}} around one entity (fixed by unwrapping), or a {\"value\": [ … ]} list (an error: lint one element).",
			Help:    "A PATCH body is the entity itself. The fix replaces the body with the inner object, byte for byte; it is the last fix, after those inside the entity. With the read-only properties dropped (DropReadOnly, --drop-read-only) and the OData control information removed, a GET response becomes a PATCH body."},
	})
}

// findWrapper looks at the body before detection and binding: when it is a
// GET response's {"value": {…}} (beside it only OData control information
// and annotations, and no target has a property "value"), the inner object
// becomes the entity that everything else binds and checks; positions and
// pointers stay those of the whole text. A {"value": [ … ]} list is
// reported, like a body that is not an object, and nothing else is checked:
// findWrapper then returns false.
func findWrapper(root *node, out *collector) (entity, bool) {
	ent := entity{root: root}
	at := -1
	for i := range root.Members {
		switch key := root.Members[i].Key; {
		case key == "value":
			at = i
		case !isAnnotationKey(key):
			return ent, true // data beside "value": an entity, checked as one
		}
	}
	if at < 0 || anyTargetHas("value") {
		return ent, true
	}
	v := root.Members[at].Val
	switch v.Kind {
	case kindObject:
		msg := `the body is a GET response: {"value": …} wraps the entity, and a PATCH body is the entity itself; the fix unwraps it`
		if len(root.Members) > 1 {
			msg += " (and so drops the response's control information around it)"
		}
		f := out.atKey("value-wrapper", SeverityWarning, root, at, msg)
		ent = entity{root: v, wrapper: root}
		if f != nil {
			f.Fixable = true
			out.ledgerOf(f).unwrap = f
		}
	case kindArray:
		out.atKey("value-wrapper", SeverityError, root, at, fmt.Sprintf(`the body is a GET list response (%s in "value"): a PATCH body is one connection, sent to its own URL; lint one element of the list as the body`, countOf(len(v.Elems), "entity", "entities")))
		return ent, false
	}
	return ent, true
}

// anyTargetHas reports whether some target has a top-level property name.
func anyTargetHas(name string) bool {
	all, err := models()
	if err != nil {
		return true // do not guess
	}
	for _, m := range all {
		if m.root.props[name] != nil {
			return true
		}
	}
	return false
}

func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// unwrapEdits returns the byte edits and the JSON Patch operation of the
// unwrap, when a value-wrapper finding asked for it: the bytes around the
// entity go, the entity stays byte for byte (its own fixes apply inside),
// and the operation is a move of /value to the root, the last of
// Result.Fixes. The finding's Edit is the unwrap on its own: the whole
// wrapper replaced by the entity's original text.
func (c *collector) unwrapEdits(ent entity, blocked bool) ([]edit, *Fix) {
	f := c.fixes.unwrap
	if f == nil || ent.wrapper == nil {
		return nil, nil
	}
	w, in := ent.wrapper, ent.root
	fix := &Fix{Op: "move", From: pointerOf(in), Path: ""}
	f.Fix = fix
	if !blocked {
		f.Edit = &Edit{Start: c.pos(w.Start), End: c.pos(w.End), Text: string(c.src[in.Start:in.End])}
	}
	return []edit{{w.Start, in.Start, "", nil}, {in.End, w.End, "", nil}}, fix
}
