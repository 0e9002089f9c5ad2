package validate

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"
)

// edit replaces src[start:end] with text, for the findings in by.
type edit struct {
	start, end int
	text       string
	by         []*Finding
}

// owners returns the findings whose fix is t (indexed on first use).
func (p *pass) owners(t fixTarget) []*Finding {
	if p.byTarget == nil {
		p.byTarget = make(map[fixTarget][]*Finding, len(p.fixOwners))
		for f, o := range p.fixOwners {
			p.byTarget[*o] = append(p.byTarget[*o], f)
		}
	}
	return p.byTarget[t]
}

// normalize turns the pass's fixes into byte edits, applies them, and fills
// each fixable finding's Fix. Everything not fixed is kept byte for byte:
// key order, indentation, line endings, number spelling, unknown members.
func (p *pass) normalize(stripBOM bool) (out []byte, fixes []Fix) {
	var edits []edit
	if stripBOM {
		edits = append(edits, edit{0, p.bom, "", []*Finding{p.bomFinding}})
	}
	removed := func(n *node) bool {
		for ; n != nil && n.parent != nil; n = n.parent {
			if n.parent.kind == kindObject {
				if k := p.keyFix[memberRef{n.parent, int(n.index)}]; k != nil && k.remove {
					return true
				}
			}
		}
		return false
	}

	var replaces, removes, moves []Fix
	finalText := map[*node]string{}
	for n, v := range p.valueFix {
		if removed(n) {
			continue
		}
		text, changed := p.finalValue(n, v)
		if !changed {
			continue
		}
		finalText[n] = text
		edits = append(edits, edit{n.start, n.end, text, p.owners(fixTarget{value: n})})
		replaces = append(replaces, Fix{Op: "replace", Path: p.pointer(n), Value: json.RawMessage(text)})
	}

	// Removals: per object, each run of removed members goes with the
	// separator on one side, so the rest keeps its layout.
	byObj := map[*node][]int{}
	for r, k := range p.keyFix {
		if k.remove && !removed(r.obj) {
			byObj[r.obj] = append(byObj[r.obj], r.i)
		}
	}
	for obj, idx := range byObj {
		sort.Ints(idx)
		rm := make([]bool, len(obj.members))
		for _, i := range idx {
			rm[i] = true
			removes = append(removes, Fix{Op: "remove", Path: p.pointer(obj.members[i].val)})
		}
		for i := 0; i < len(rm); {
			if !rm[i] {
				i++
				continue
			}
			j := i
			for j < len(rm) && rm[j] {
				j++
			}
			ms := obj.members
			var by []*Finding
			for k := i; k < j; k++ {
				by = append(by, p.owners(fixTarget{key: memberRef{obj, k}, isKey: true})...)
			}
			switch {
			case j < len(rm): // a kept member follows: cut up to its key
				edits = append(edits, edit{ms[i].keyStart, ms[j].keyStart, "", by})
			case i > 0: // the run ends the object: cut from the previous value's end
				edits = append(edits, edit{ms[i-1].val.end, ms[j-1].val.end, "", by})
			default: // every member goes
				edits = append(edits, edit{obj.start + 1, ms[j-1].val.end, "", by})
			}
			i = j
		}
	}

	for r, k := range p.keyFix {
		if k.remove || k.rename == "" || removed(r.obj) {
			continue
		}
		m := &r.obj.members[r.i]
		edits = append(edits, edit{m.keyStart, m.keyEnd, quoteJSON(k.rename), p.owners(fixTarget{key: r, isKey: true})})
		to := p.pointer(r.obj) + "/" + escapePointer(k.rename)
		moves = append(moves, Fix{Op: "move", From: p.pointer(m.val), Path: to})
	}

	// Fill each finding's own operation.
	for f, t := range p.fixOwners {
		switch {
		case t.isKey:
			k := p.keyFix[t.key]
			m := &t.key.obj.members[t.key.i]
			if k.remove {
				f.Fix = &Fix{Op: "remove", Path: p.pointer(m.val)}
			} else {
				f.Fix = &Fix{Op: "move", From: p.pointer(m.val), Path: p.pointer(t.key.obj) + "/" + escapePointer(k.rename)}
			}
		default:
			text, ok := finalText[t.value]
			if !ok {
				if removed(t.value) {
					// Superseded by the removal of an enclosing member.
					f.Fix = &Fix{Op: "replace", Path: p.pointer(t.value)}
					if v := p.valueFix[t.value]; v != nil {
						if txt, changed := p.finalValue(t.value, v); changed {
							f.Fix.Value = json.RawMessage(txt)
							continue
						}
					}
				}
				f.Fixable, f.Fix = false, nil
				continue
			}
			f.Fix = &Fix{Op: "replace", Path: p.pointer(t.value), Value: json.RawMessage(text)}
		}
	}

	if p.blocked || len(edits) == 0 {
		return p.src, nil
	}
	sort.Slice(edits, func(i, j int) bool {
		if edits[i].start != edits[j].start {
			return edits[i].start < edits[j].start
		}
		return edits[i].end < edits[j].end
	})
	var b bytes.Buffer
	b.Grow(len(p.src))
	last := 0
	for _, e := range edits {
		if e.start < last { // overlaps an earlier edit (inside a removal): skip
			continue
		}
		b.Write(p.src[last:e.start])
		b.WriteString(e.text)
		last = e.end
		applied := &Edit{Start: p.pos(e.start), End: p.pos(e.end), Text: e.text}
		for _, f := range e.by {
			if f != nil {
				f.Edit = applied
			}
		}
	}
	b.Write(p.src[last:])

	sort.Slice(replaces, func(i, j int) bool { return replaces[i].Path < replaces[j].Path })
	sort.Slice(removes, func(i, j int) bool { return removes[i].Path < removes[j].Path })
	// Deeper moves first, so that each from-path is still valid when applied.
	sort.Slice(moves, func(i, j int) bool {
		di, dj := strings.Count(moves[i].From, "/"), strings.Count(moves[j].From, "/")
		if di != dj {
			return di > dj
		}
		return moves[i].From < moves[j].From
	})
	fixes = append(append(append(fixes, replaces...), removes...), moves...)
	return b.Bytes(), fixes
}
