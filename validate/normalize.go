package validate

import (
	"bytes"
	"encoding/json"
	"sort"
)

// ledger collects the fixes that rules attach to their findings, keyed by
// what they change, so that several findings on one value compose into one
// final value and every finding learns the operation and edit it shares.
// normalize turns it into byte edits and the JSON Patch of Result.Fixes.
type ledger struct {
	valueFix map[*node]*valueFix     // fixes of a value, composed
	keyFix   map[memberRef]*keyFix   // renames and removals of a member
	owners   map[*Finding]*fixTarget // which fix a finding shares
	byTarget map[fixTarget][]*Finding
	unwrap   *Finding // the value-wrapper finding whose fix unwraps the body
}

// valueFix gathers every fix of one value: either a replacement JSON text
// or string transforms applied in order, so that several findings on one
// string (whitespace, case, spacing) compose into one final value.
type valueFix struct {
	raw        string // replacement JSON text; wins over transforms
	transforms []transform
}

type transform struct {
	order int
	fn    func(string) string
}

// keyFix is a rename or a removal of a member.
type keyFix struct {
	rename string
	remove bool
}

// fixTarget is what one fix changes: a value, or a member's key.
type fixTarget struct {
	value *node
	key   memberRef
	isKey bool
}

func (l *ledger) own(f *Finding, t fixTarget) {
	if l.owners == nil {
		l.owners = map[*Finding]*fixTarget{}
	}
	f.Fixable = true
	l.owners[f] = &t
}

func (l *ledger) value(n *node) *valueFix {
	v := l.valueFix[n]
	if v == nil {
		if l.valueFix == nil {
			l.valueFix = map[*node]*valueFix{}
		}
		v = &valueFix{}
		l.valueFix[n] = v
	}
	return v
}

func (l *ledger) key(r memberRef) *keyFix {
	k := l.keyFix[r]
	if k == nil {
		if l.keyFix == nil {
			l.keyFix = map[memberRef]*keyFix{}
		}
		k = &keyFix{}
		l.keyFix[r] = k
	}
	return k
}

// ownersOf returns the findings whose fix is t (indexed on first use).
func (l *ledger) ownersOf(t fixTarget) []*Finding {
	if l.byTarget == nil {
		l.byTarget = make(map[fixTarget][]*Finding, len(l.owners))
		for f, o := range l.owners {
			l.byTarget[*o] = append(l.byTarget[*o], f)
		}
	}
	return l.byTarget[t]
}

// removed reports whether n is inside a member that a fix removes.
func (l *ledger) removed(n *node) bool {
	for ; n != nil && n.Parent != nil; n = n.Parent {
		if n.Parent.Kind == kindObject {
			if k := l.keyFix[memberRef{n.Parent, int(n.Index)}]; k != nil && k.remove {
				return true
			}
		}
	}
	return false
}

// fixTransform attaches a string rewrite of value n to f. Transforms of one
// value run in ascending order; each must be idempotent and leave a valid
// value unchanged.
func (c *collector) fixTransform(f *Finding, n *node, order int, fn func(string) string) {
	if f == nil || n.Kind != kindString || c.hides(n) {
		return
	}
	lg := c.ledgerOf(f)
	v := lg.value(n)
	v.transforms = append(v.transforms, transform{order, fn})
	lg.own(f, fixTarget{value: n})
}

// ledgerOf returns the ledger f's fix goes in: the applied fixes', or,
// for a rule of Options.NoFix, the held one's, whose fixes are described
// (Fix) but never applied.
func (c *collector) ledgerOf(f *Finding) *ledger {
	if c.l.holds(f.Rule) {
		return &c.held
	}
	return &c.fixes
}

// hides reports whether no fix may touch value n (secret.go's hidden):
// none before the secrets stage has run, since no rule has either.
func (c *collector) hides(n *node) bool { return c.secrets != nil && c.secrets.hidden(n) }

// fixReplace attaches the replacement of value n by the JSON text raw.
func (c *collector) fixReplace(f *Finding, n *node, raw string) {
	if f == nil || c.hides(n) {
		return
	}
	lg := c.ledgerOf(f)
	lg.value(n).raw = raw
	lg.own(f, fixTarget{value: n})
}

// fixRename attaches renaming member i of obj to newKey.
func (c *collector) fixRename(f *Finding, obj *node, i int, newKey string) {
	if f == nil {
		return
	}
	lg := c.ledgerOf(f)
	lg.key(memberRef{obj, i}).rename = newKey
	lg.own(f, fixTarget{key: memberRef{obj, i}, isKey: true})
}

// fixRemove attaches removing member i of obj.
func (c *collector) fixRemove(f *Finding, obj *node, i int) {
	if f == nil {
		return
	}
	lg := c.ledgerOf(f)
	lg.key(memberRef{obj, i}).remove = true
	lg.own(f, fixTarget{key: memberRef{obj, i}, isKey: true})
}

// finalValue returns the JSON text value n ends with after its fixes, and
// whether that differs from the input.
func (c *collector) finalValue(n *node, v *valueFix) (string, bool) {
	if v.raw != "" {
		return v.raw, v.raw != string(c.src[n.Start:n.End])
	}
	ts := append([]transform(nil), v.transforms...)
	sort.SliceStable(ts, func(i, j int) bool { return ts[i].order < ts[j].order })
	s := n.Str
	for _, t := range ts {
		s = t.fn(s)
	}
	if s == n.Str {
		return "", false
	}
	return quoteJSON(s), true
}

// edit replaces src[start:end] with text, for the findings in by.
type edit struct {
	start, end int
	text       string
	by         []*Finding
}

// patchOp is one operation of Result.Fixes with the input offset that
// orders it (SPEC §12: by position in the input).
type patchOp struct {
	at  int
	fix Fix
}

// seqPointer returns the pointer of n in the document as it is when the
// fixes before n (in input order) have been applied: every enclosing
// member's key that a fix renames is written with its new name, because
// that key precedes n and so was renamed first.
func (c *collector) seqPointer(n *node) string {
	return pointerWith(n, func(v *node) string {
		if k := c.fixes.keyFix[memberRef{v.Parent, int(v.Index)}]; k != nil && k.rename != "" && !k.remove {
			return k.rename
		}
		return v.Key()
	})
}

// normalize is the fixes stage: it turns the fixes collected in c into
// byte edits, applies them, and fills each fixable finding's Fix. strip is
// the bom finding whose fix strips the byte order mark, if any; ent holds
// the wrapper the unwrap removes; blocked forbids any change (the Fixes
// are still described). Everything not fixed is kept byte for byte: key
// order, indentation, line endings, number spelling, unknown members.
func normalize(c *collector, strip *Finding, ent entity, blocked bool) (out []byte, fixes []Fix) {
	// Sized from the ledger (a fix of a value or a key each, the BOM and
	// the unwrap's two): thousands of fixes would otherwise grow them
	// by 1.25x, several times their final size.
	z := &normalizer{c: c, finalText: make(map[*node]string, len(c.fixes.valueFix))}
	if n := len(c.fixes.valueFix) + len(c.fixes.keyFix); n > 0 {
		z.edits, z.ops = make([]edit, 0, n+3), make([]patchOp, 0, n)
	}
	if strip != nil {
		z.edits = append(z.edits, edit{0, c.bom, "", []*Finding{strip}})
	}
	z.valueEdits()
	z.removals()
	z.renames()
	z.findingFixes()
	c.describeHeld(ent)
	unwrap, unwrapFix := c.unwrapEdits(ent, blocked)
	z.edits = append(z.edits, unwrap...)
	if blocked || len(z.edits) == 0 {
		return c.src, nil
	}
	return z.apply(), z.patch(unwrapFix)
}

// normalizer gathers one normalize call's byte edits, the operations of
// Result.Fixes, and the final text of each replaced value.
type normalizer struct {
	c         *collector
	edits     []edit
	ops       []patchOp
	finalText map[*node]string
}

// valueEdits replaces each fixed value that is not removed with its final
// text.
func (z *normalizer) valueEdits() {
	c := z.c
	for n, v := range c.fixes.valueFix {
		if c.fixes.removed(n) {
			continue
		}
		text, changed := c.finalValue(n, v)
		if !changed {
			continue
		}
		z.finalText[n] = text
		z.edits = append(z.edits, edit{n.Start, n.End, text, c.fixes.ownersOf(fixTarget{value: n})})
		z.ops = append(z.ops, patchOp{n.Start, Fix{Op: "replace", Path: c.seqPointer(n), Value: json.RawMessage(text)}})
	}
}

// removals removes members: per object, each run of removed members goes
// with the separator on one side, so the rest keeps its layout.
func (z *normalizer) removals() {
	c := z.c
	byObj := map[*node][]int{}
	for r, k := range c.fixes.keyFix {
		if k.remove && !c.fixes.removed(r.obj) {
			byObj[r.obj] = append(byObj[r.obj], r.i)
		}
	}
	for obj, idx := range byObj {
		sort.Ints(idx)
		rm := make([]bool, len(obj.Members))
		for _, i := range idx {
			rm[i] = true
			z.ops = append(z.ops, patchOp{obj.Members[i].KeyStart, Fix{Op: "remove", Path: c.seqPointer(obj) + "/" + escapePointer(obj.Members[i].Key)}})
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
			z.removeRun(obj, i, j, len(rm))
			i = j
		}
	}
}

// removeRun cuts members [i, j) of obj (of n) with one separator.
func (z *normalizer) removeRun(obj *node, i, j, n int) {
	ms := obj.Members
	var by []*Finding
	for k := i; k < j; k++ {
		by = append(by, z.c.fixes.ownersOf(fixTarget{key: memberRef{obj, k}, isKey: true})...)
	}
	switch {
	case j < n: // a kept member follows: cut up to its key
		z.edits = append(z.edits, edit{ms[i].KeyStart, ms[j].KeyStart, "", by})
	case i > 0: // the run ends the object: cut from the previous value's end
		z.edits = append(z.edits, edit{ms[i-1].Val.End, ms[j-1].Val.End, "", by})
	default: // every member goes
		z.edits = append(z.edits, edit{obj.Start + 1, ms[j-1].Val.End, "", by})
	}
}

// renames rewrites each renamed key that is not removed.
func (z *normalizer) renames() {
	c := z.c
	for r, k := range c.fixes.keyFix {
		if k.remove || k.rename == "" || c.fixes.removed(r.obj) {
			continue
		}
		m := &r.obj.Members[r.i]
		z.edits = append(z.edits, edit{m.KeyStart, m.KeyEnd, quoteJSON(k.rename), c.fixes.ownersOf(fixTarget{key: r, isKey: true})})
		parent := c.seqPointer(r.obj)
		z.ops = append(z.ops, patchOp{m.KeyStart, Fix{Op: "move", From: parent + "/" + escapePointer(m.Key), Path: parent + "/" + escapePointer(k.rename)}})
	}
}

// findingFixes fills each fixable finding's own operation.
func (z *normalizer) findingFixes() {
	c := z.c
	for f, t := range c.fixes.owners {
		if !t.isKey {
			z.valueFindingFix(f, t.value)
			continue
		}
		k := c.fixes.keyFix[t.key]
		m := &t.key.obj.Members[t.key.i]
		if k.remove {
			f.Fix = &Fix{Op: "remove", Path: pointerOf(m.Val)}
		} else {
			f.Fix = &Fix{Op: "move", From: pointerOf(m.Val), Path: pointerOf(t.key.obj) + "/" + escapePointer(k.rename)}
		}
	}
}

// valueFindingFix fills the operation of finding f, which fixes value n: a
// replace with its final text.
func (z *normalizer) valueFindingFix(f *Finding, n *node) {
	c := z.c
	if text, ok := z.finalText[n]; ok {
		f.Fix = &Fix{Op: "replace", Path: pointerOf(n), Value: json.RawMessage(text)}
		return
	}
	// Superseded by the removal of an enclosing member (a fix exists, but
	// is not applied: no Fix, no Edit), or no change.
	f.Fixable, f.Fix = c.fixes.removed(n), nil
}

// apply writes the source with the edits in order (one that overlaps an
// earlier edit, inside a removal, is skipped) and gives each finding the
// edit that applied its fix.
func (z *normalizer) apply() []byte {
	c, edits := z.c, z.edits
	sort.Slice(edits, func(i, j int) bool {
		if edits[i].start != edits[j].start {
			return edits[i].start < edits[j].start
		}
		return edits[i].end < edits[j].end
	})
	var b bytes.Buffer
	b.Grow(len(c.src))
	last := 0
	for _, e := range edits {
		if e.start < last {
			continue
		}
		b.Write(c.src[last:e.start])
		b.WriteString(e.text)
		last = e.end
		applied := &Edit{Start: c.pos(e.start), End: c.pos(e.end), Text: e.text}
		for _, f := range e.by {
			if f != nil {
				f.Edit = applied
			}
		}
	}
	b.Write(c.src[last:])
	return b.Bytes()
}

// patch returns Result.Fixes in input order: a fix's paths are those of
// the document after the fixes before it (see seqPointer); the unwrapping
// fix, if any, comes last (SPEC §12: the paths before it are inside
// /value).
func (z *normalizer) patch(unwrapFix *Fix) []Fix {
	ops := z.ops
	sort.Slice(ops, func(i, j int) bool { return ops[i].at < ops[j].at })
	fixes := make([]Fix, len(ops), len(ops)+1)
	for i, o := range ops {
		fixes[i] = o.fix
	}
	if unwrapFix != nil {
		fixes = append(fixes, *unwrapFix)
	}
	return fixes
}

// describeHeld fills the Fix of each finding whose fix Options.NoFix
// holds back: the operation it would make, applied to nothing.
func (c *collector) describeHeld(ent entity) {
	if f := c.held.unwrap; f != nil && ent.wrapper != nil {
		f.Fix = &Fix{Op: "move", From: pointerOf(ent.root), Path: ""}
	}
	for f, t := range c.held.owners {
		if t.isKey {
			k := c.held.keyFix[t.key]
			m := &t.key.obj.Members[t.key.i]
			f.Fix = &Fix{Op: "remove", Path: pointerOf(m.Val)}
			if !k.remove {
				f.Fix = &Fix{Op: "move", From: pointerOf(m.Val), Path: pointerOf(t.key.obj) + "/" + escapePointer(k.rename)}
			}
			continue
		}
		text, changed := c.finalValue(t.value, c.held.valueFix[t.value])
		f.Fixable, f.Fix = changed, nil
		if changed {
			f.Fix = &Fix{Op: "replace", Path: pointerOf(t.value), Value: json.RawMessage(text)}
		}
	}
}
