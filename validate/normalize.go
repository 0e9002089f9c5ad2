package validate

import (
	"bytes"
	"encoding/json"
	"slices"
	"sort"
)

// ledger collects the fixes that rules attach to their findings, keyed by
// what they change, so that several findings on one value compose into one
// final value and every finding learns the operation and edit it shares.
// normalize turns it into byte edits and the JSON Patch of Result.Fixes.
// The fixes are found by node ID, through index slices allocated with the
// first fix (8 bytes a node) and walked in document order, and come from
// chunks: maps keyed by node, by
// finding and by target cost some 200 bytes per fix, a lot when the input
// is a fix every 22 bytes.
type ledger struct {
	// valueAt holds the fix of the value with that ID; keyAt the fix of
	// the member whose value has that ID.
	valueAt []*valueFix
	keyAt   []*keyFix
	// Chunks the next fixes come from.
	valueSlab []valueFix
	keySlab   []keyFix
	unwrap    *Finding // the value-wrapper finding whose fix unwraps the body
}

// valueFix gathers every fix of one value: either a replacement JSON text
// or string transforms applied in order, so that several findings on one
// string (whitespace, case, spacing) compose into one final value.
type valueFix struct {
	n          *node
	raw        string // replacement JSON text; wins over transforms
	transforms []transform
	by         []*Finding // the findings whose fix this is
	// changed is set by normalize when it replaces the value: raw is
	// then the final JSON text.
	changed bool
}

type transform struct {
	order int
	fn    func(string) string
}

// keyFix is a rename or a removal of a member.
type keyFix struct {
	ref    memberRef
	rename string
	remove bool
	by     []*Finding
}

// fixChunk is how many fixes a chunk holds at most.
const fixChunk = 64

// slot returns the slot of the node with ID id in at, which it first
// allocates for size nodes (or grows). P is a pointer type: one
// instantiation serves every fix type (a struct type parameter would
// compile, and name in main.wasm, one per type).
func slot[P any](at *[]P, id int32, size int) *P {
	if int(id) >= len(*at) {
		*at = append(*at, make([]P, max(size, int(id)+1)-len(*at))...)
	}
	return &(*at)[id]
}

// next returns a zero T from the chunk slab, which it refills first when
// empty.
func next[T any](slab *[]T) *T {
	if len(*slab) == 0 {
		*slab = make([]T, fixChunk)
	}
	t := &(*slab)[0]
	*slab = (*slab)[1:]
	return t
}

// value returns the fix of value n, made on first use, with f among its
// findings.
func (l *ledger) value(n *node, f *Finding, size int) *valueFix {
	v := slot(&l.valueAt, n.ID, size)
	if *v == nil {
		*v = next(&l.valueSlab)
		(*v).n = n
	}
	(*v).by = append((*v).by, f)
	f.Fixable = true
	return *v
}

// key returns the fix of member r, made on first use, with f among its
// findings.
func (l *ledger) key(r memberRef, f *Finding, size int) *keyFix {
	k := slot(&l.keyAt, r.obj.Members[r.i].Val.ID, size)
	if *k == nil {
		*k = next(&l.keySlab)
		(*k).ref = r
	}
	(*k).by = append((*k).by, f)
	f.Fixable = true
	return *k
}

// keyOf returns the fix of the member whose value is n, or nil.
func (l *ledger) keyOf(n *node) *keyFix {
	if int(n.ID) >= len(l.keyAt) {
		return nil
	}
	return l.keyAt[n.ID]
}

// count returns how many values and members l fixes.
func (l *ledger) count() int {
	n := 0
	for _, v := range l.valueAt {
		if v != nil {
			n++
		}
	}
	for _, k := range l.keyAt {
		if k != nil {
			n++
		}
	}
	return n
}

// removed reports whether n is inside a member that a fix removes.
func (l *ledger) removed(n *node) bool {
	for ; n != nil && n.Parent != nil; n = n.Parent {
		if n.Parent.Kind == kindObject {
			if k := l.keyOf(n); k != nil && k.remove {
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
	v := c.ledgerOf(f).value(n, f, c.size)
	v.transforms = append(v.transforms, transform{order, fn})
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
	c.ledgerOf(f).value(n, f, c.size).raw = raw
}

// fixRename attaches renaming member i of obj to newKey.
func (c *collector) fixRename(f *Finding, obj *node, i int, newKey string) {
	if f == nil {
		return
	}
	c.ledgerOf(f).key(memberRef{obj, i}, f, c.size).rename = newKey
}

// fixRemove attaches removing member i of obj.
func (c *collector) fixRemove(f *Finding, obj *node, i int) {
	if f == nil {
		return
	}
	c.ledgerOf(f).key(memberRef{obj, i}, f, c.size).remove = true
}

// finalValue returns the JSON text value n ends with after its fixes, and
// whether that differs from the input.
func (c *collector) finalValue(n *node, v *valueFix) (string, bool) {
	if v.raw != "" {
		return v.raw, v.raw != string(c.src[n.Start:n.End])
	}
	// In place: the order is all that changes, and a second call sorts
	// nothing. Most values have one.
	if ts := v.transforms; len(ts) > 1 {
		sort.SliceStable(ts, func(i, j int) bool { return ts[i].order < ts[j].order })
	}
	s := n.Str
	for _, t := range v.transforms {
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

// seqPointer returns the pointer of n in the document as it is when the
// fixes before n (in input order) have been applied: every enclosing
// member's key that a fix renames is written with its new name, because
// that key precedes n and so was renamed first.
func (c *collector) seqPointer(n *node) string {
	return pointerWith(n, func(v *node) string {
		if k := c.fixes.keyOf(v); k != nil && k.rename != "" && !k.remove {
			return k.rename
		}
		return v.Key()
	})
}

// normalize is the fixes stage: it turns the fixes collected in c into
// byte edits and applies them; the findings' own Fix and Edit come once
// the cap has kept some (findingFixes). strip is
// the bom finding whose fix strips the byte order mark, if any; ent holds
// the wrapper the unwrap removes; blocked forbids any change (the Fixes
// are still described). Everything not fixed is kept byte for byte: key
// order, indentation, line endings, number spelling, unknown members.
func normalize(c *collector, strip *Finding, ent entity, blocked bool) (out []byte, fixes []Fix) {
	// Sized from the ledger (a fix of a value or a key each, the BOM and
	// the unwrap's two): thousands of fixes would otherwise grow them
	// by 1.25x, several times their final size.
	z := &normalizer{c: c}
	if n := c.fixes.count(); n > 0 {
		z.edits = make([]edit, 0, n+3)
		z.ops = patchOps{at: make([]int, 0, n), fixes: make([]Fix, 0, n+1)}
	}
	if strip != nil {
		z.edits = append(z.edits, edit{0, c.bom, "", []*Finding{strip}})
	}
	z.valueEdits()
	z.removals()
	z.renames()
	if f := c.held.unwrap; f != nil && ent.wrapper != nil {
		f.Fix = &Fix{Op: "move", From: pointerOf(ent.root), Path: ""}
	}
	unwrap, unwrapFix := c.unwrapEdits(ent, blocked)
	z.edits = append(z.edits, unwrap...)
	if blocked || len(z.edits) == 0 {
		return c.src, nil
	}
	return z.apply(), z.patch(unwrapFix)
}

// normalizer gathers one normalize call's byte edits and the operations
// of Result.Fixes.
type normalizer struct {
	c     *collector
	edits []edit
	ops   patchOps
}

// patchOps are the operations of Result.Fixes, each with the input offset
// that orders it (SPEC §12: by position in the input): two slices sorted
// together, so that the operations need no copy into Result.Fixes.
type patchOps struct {
	at    []int
	fixes []Fix
}

func (p *patchOps) add(at int, f Fix) {
	p.at, p.fixes = append(p.at, at), append(p.fixes, f)
}

func (p *patchOps) Len() int           { return len(p.at) }
func (p *patchOps) Less(i, j int) bool { return p.at[i] < p.at[j] }
func (p *patchOps) Swap(i, j int) {
	p.at[i], p.at[j] = p.at[j], p.at[i]
	p.fixes[i], p.fixes[j] = p.fixes[j], p.fixes[i]
}

// valueEdits replaces each fixed value that is not removed with its final
// text.
func (z *normalizer) valueEdits() {
	c := z.c
	for _, v := range c.fixes.valueAt {
		if v == nil {
			continue
		}
		if c.fixes.removed(v.n) {
			continue
		}
		text, changed := c.finalValue(v.n, v)
		if !changed {
			continue
		}
		v.raw, v.changed = text, true
		z.edits = append(z.edits, edit{v.n.Start, v.n.End, text, v.by})
		z.ops.add(v.n.Start, Fix{Op: "replace", Path: c.seqPointer(v.n), Value: json.RawMessage(text)})
	}
}

// removals removes members: per object, each run of removed members goes
// with the separator on one side, so the rest keeps its layout.
func (z *normalizer) removals() {
	c := z.c
	byObj := map[*node][]int{}
	for _, k := range c.fixes.keyAt {
		if k == nil {
			continue
		}
		if k.remove && !c.fixes.removed(k.ref.obj) {
			byObj[k.ref.obj] = append(byObj[k.ref.obj], k.ref.i)
		}
	}
	for obj, idx := range byObj {
		sort.Ints(idx)
		rm := make([]bool, len(obj.Members))
		parent := c.seqPointer(obj)
		for _, i := range idx {
			rm[i] = true
			z.ops.add(obj.Members[i].KeyStart, Fix{Op: "remove", Path: parent + "/" + escapePointer(obj.Members[i].Key)})
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
		by = append(by, z.c.fixes.keyOf(ms[k].Val).by...)
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
	for _, k := range c.fixes.keyAt {
		if k == nil {
			continue
		}
		if k.remove || k.rename == "" || c.fixes.removed(k.ref.obj) {
			continue
		}
		m := &k.ref.obj.Members[k.ref.i]
		z.edits = append(z.edits, edit{m.KeyStart, m.KeyEnd, quoteJSON(k.rename), k.by})
		parent := c.seqPointer(k.ref.obj)
		z.ops.add(m.KeyStart, Fix{Op: "move", From: parent + "/" + escapePointer(m.Key), Path: parent + "/" + escapePointer(k.rename)})
	}
}

// findingFixes fills the Fix, Fixable and Edit of the listed findings
// (all of them when nothing was capped): like pointers, they are built for
// the findings that Result keeps, as a finding past the cap would carry
// them for nothing (a fix applies whether its finding is listed or not).
func (c *collector) findingFixes(listed []*Finding, capped bool) {
	keep := func(*Finding) bool { return true }
	if capped {
		set := make(map[*Finding]bool, len(listed))
		for _, f := range listed {
			set[f] = true
		}
		keep = func(f *Finding) bool { return set[f] }
	}
	for _, v := range c.fixes.valueAt {
		if v == nil {
			continue
		}
		for _, f := range v.by {
			if keep(f) {
				c.valueFindingFix(f, v)
			}
		}
	}
	c.fixes.keyFindingFixes(keep)
	c.describeHeld(keep)
	for _, e := range c.applied {
		if slices.ContainsFunc(e.by, keep) {
			ed := &Edit{Start: c.pos(e.start), End: c.pos(e.end), Text: e.text}
			for _, f := range e.by {
				if f != nil {
					f.Edit = ed
				}
			}
		}
	}
}

// keyFindingFixes fills the Fix of each kept finding that fixes a key.
func (l *ledger) keyFindingFixes(keep func(*Finding) bool) {
	for _, k := range l.keyAt {
		if k == nil {
			continue
		}
		for _, f := range k.by {
			if keep(f) {
				f.Fix = keyFindingFix(k)
			}
		}
	}
}

// keyFindingFix is the operation of a finding that fixes a key: the
// removal or the rename of its member.
func keyFindingFix(k *keyFix) *Fix {
	m := &k.ref.obj.Members[k.ref.i]
	if k.remove {
		return &Fix{Op: "remove", Path: pointerOf(m.Val)}
	}
	return &Fix{Op: "move", From: pointerOf(m.Val), Path: pointerOf(k.ref.obj) + "/" + escapePointer(k.rename)}
}

// valueFindingFix fills the operation of finding f, which fixes value v:
// a replace with its final text.
func (c *collector) valueFindingFix(f *Finding, v *valueFix) {
	if v.changed {
		f.Fix = &Fix{Op: "replace", Path: pointerOf(v.n), Value: json.RawMessage(v.raw)}
		return
	}
	// Superseded by the removal of an enclosing member (a fix exists, but
	// is not applied: no Fix, no Edit), or no change.
	f.Fixable, f.Fix = c.fixes.removed(v.n), nil
}

// apply writes the source with the edits in order (one that overlaps an
// earlier edit, inside a removal, is skipped) and keeps the edits applied
// in c.applied, whose findings get them as their Edit (findingFixes).
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
	last, applied := 0, edits[:0]
	for _, e := range edits {
		if e.start < last {
			continue
		}
		b.Write(c.src[last:e.start])
		b.WriteString(e.text)
		last = e.end
		applied = append(applied, e)
	}
	c.applied = applied
	b.Write(c.src[last:])
	return b.Bytes()
}

// patch returns Result.Fixes in input order: a fix's paths are those of
// the document after the fixes before it (see seqPointer); the unwrapping
// fix, if any, comes last (SPEC §12: the paths before it are inside
// /value).
func (z *normalizer) patch(unwrapFix *Fix) []Fix {
	sort.Sort(&z.ops)
	fixes := z.ops.fixes
	if unwrapFix != nil {
		fixes = append(fixes, *unwrapFix)
	}
	return fixes
}

// describeHeld fills the Fix of each finding kept whose fix Options.NoFix
// holds back: the operation it would make, applied to nothing.
func (c *collector) describeHeld(keep func(*Finding) bool) {
	c.held.keyFindingFixes(keep)
	for _, v := range c.held.valueAt {
		if v == nil {
			continue
		}
		if !slices.ContainsFunc(v.by, keep) {
			continue
		}
		text, changed := c.finalValue(v.n, v)
		for _, f := range v.by {
			f.Fixable, f.Fix = changed, nil
			if changed {
				f.Fix = &Fix{Op: "replace", Path: pointerOf(v.n), Value: json.RawMessage(text)}
			}
		}
	}
}
