package validate

import (
	"cmp"
	"sort"
	"strings"
	"unicode/utf8"
)

// pass is the state of one Lint call that rules read and report into.
type pass struct {
	src        []byte
	opts       Options
	m          *targetModel
	root       *node
	bom        int
	lines      *lineIndex
	ignore     map[string]bool
	findings   []*Finding
	blocked    bool     // a blocking finding forbids any change
	secrets    []string // secret string values, never to be quoted
	nodes      []*node  // every node in document order, as the parser made them
	slab       []Finding
	chunk0     []Finding // the first chunk of slab
	bomFinding *Finding
	byTarget   map[fixTarget][]*Finding // fixOwners inverted, for edits

	valueFix  map[*node]*valueFix     // fixes of a value, composed
	keyFix    map[memberRef]*keyFix   // renames and removals of a member
	fixOwners map[*Finding]*fixTarget // which fix a finding shares
}

// memberRef names member i of object obj.
type memberRef struct {
	obj *node
	i   int
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

type fixTarget struct {
	value *node
	key   memberRef
	isKey bool
}

func (p *pass) pos(off int) Pos {
	if p.lines == nil {
		p.lines = newLineIndex(p.src, p.bom)
	}
	return p.lines.pos(off)
}

// report records a finding over [start, end) of the input. It returns nil
// when the rule is ignored; the fix helpers accept nil.
func (p *pass) report(rule string, sev Severity, start, end int, ptr, msg string) *Finding {
	if p.ignore[rule] {
		return nil
	}
	if len(p.slab) == 0 {
		// Findings come in bunches: allocate them so. The first chunk
		// becomes Result.Findings when everything fits in it.
		p.slab = make([]Finding, 16)
		if p.chunk0 == nil {
			p.chunk0 = p.slab
		}
	}
	f := &p.slab[0]
	p.slab = p.slab[1:]
	*f = Finding{Rule: rule, Severity: sev, Message: msg, Pointer: ptr, Start: p.pos(start), End: p.pos(end)}
	p.findings = append(p.findings, f)
	return f
}

// atKey reports on the key token of member i of obj.
func (p *pass) atKey(rule string, sev Severity, obj *node, i int, msg string) *Finding {
	m := &obj.members[i]
	p.markKey(obj, i)
	return p.report(rule, sev, m.keyStart, m.keyEnd, p.pointer(m.val), msg)
}

// atValue reports on the token(s) of value n.
func (p *pass) atValue(rule string, sev Severity, n *node, msg string) *Finding {
	return p.report(rule, sev, n.start, n.end, p.pointer(n), msg)
}

// atPart reports on bytes [from, to) of string n's content. In a string
// with escapes, the decoded offsets are mapped back to the source, so the
// span still covers exactly the escapes that spell the part.
func (p *pass) atPart(rule string, sev Severity, n *node, from, to int, msg string) *Finding {
	if n.kind != kindString || from < 0 || to > len(n.str) || from > to {
		return p.atValue(rule, sev, n, msg)
	}
	if from == to && to < len(n.str) {
		to++
	}
	if !n.escaped {
		return p.report(rule, sev, n.start+1+from, n.start+1+to, p.pointer(n), msg)
	}
	raw := p.src[n.start+1 : n.end-1]
	return p.report(rule, sev, n.start+1+rawOffset(raw, from, false), n.start+1+rawOffset(raw, to, true), p.pointer(n), msg)
}

// rawOffset maps the byte offset d of a decoded string to the offset in its
// raw JSON text (without quotes). An offset inside the expansion of an
// escape maps to the escape's start, or past its end when end is set.
func rawOffset(raw []byte, d int, end bool) int {
	i, got := 0, 0
	for i < len(raw) && got < d {
		step, width := 1, 1
		if raw[i] == '\\' && i+1 < len(raw) {
			step = 2
			if raw[i+1] == 'u' {
				r, _ := hexRune(raw, i+2)
				step = 6
				if r >= 0xd800 && r < 0xdc00 && i+11 < len(raw) && raw[i+6] == '\\' && raw[i+7] == 'u' {
					if r2, ok := hexRune(raw, i+8); ok && r2 >= 0xdc00 && r2 <= 0xdfff {
						step, r = 12, 0x10000 // any rune past the BMP: 4 bytes
					}
				}
				width = utf8.RuneLen(r)
				if width < 0 {
					width = 3 // a lone surrogate decodes to U+FFFD
				}
			}
		}
		if got+width > d { // d falls inside this character's bytes
			if end {
				i += step
			}
			return i
		}
		i += step
		got += width
	}
	return i
}

// atOpen reports on the opening bracket of a container.
func (p *pass) atOpen(rule string, sev Severity, n *node, msg string) *Finding {
	return p.report(rule, sev, n.start, n.start+1, p.pointer(n), msg)
}

// claim marks a value as carrying its one value-level finding.
func (p *pass) claim(n *node)                     { n.claimed = true }
func (p *pass) keyReported(obj *node, i int) bool { return obj.members[i].keyDone }

// markKey marks a key as carrying its one key-level finding.
func (p *pass) markKey(obj *node, i int) { obj.members[i].keyDone = true }

// pointer returns the RFC 6901 pointer of n.
func (p *pass) pointer(n *node) string {
	if n.parent != nil && n.parent.parent == nil && n.parent.kind == kindObject {
		return "/" + escapePointer(n.key()) // the common case: a top-level property
	}
	var segs []string
	for ; n != nil && n.parent != nil; n = n.parent {
		if n.parent.kind == kindObject {
			segs = append(segs, escapePointer(n.key()))
		} else {
			segs = append(segs, itoa(int(n.index)))
		}
	}
	var b strings.Builder
	for i := len(segs) - 1; i >= 0; i-- {
		b.WriteByte('/')
		b.WriteString(segs[i])
	}
	return b.String()
}

func escapePointer(s string) string {
	if strings.IndexByte(s, '~') < 0 && strings.IndexByte(s, '/') < 0 {
		return s
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b [20]byte
	n := len(b)
	for ; i > 0; i /= 10 {
		n--
		b[n] = byte('0' + i%10)
	}
	return string(b[n:])
}

// show returns the value for a message: quoted, shortened when long, and
// never for a secret.
func (p *pass) show(n *node) string {
	if n.secret {
		return "the value"
	}
	switch n.kind {
	case kindString:
		for _, s := range p.secrets {
			if n.str == s {
				return "the value"
			}
		}
		s := n.str
		if r := []rune(s); len(r) > 60 {
			s = string(r[:57]) + "…"
		}
		return quoteJSON(s)
	case kindObject:
		return "an object"
	case kindArray:
		return "an array"
	}
	return string(p.src[n.start:n.end])
}

// name returns how messages call the property holding n: its canonical
// name when known, else its key.
func name(n *node) string {
	if n.parent != nil && n.parent.kind == kindArray { // an item: scopeIds[0]
		return name(n.parent) + "[" + itoa(int(n.index)) + "]"
	}
	if n.prop != nil {
		return n.prop.name
	}
	if k := n.key(); k != "" {
		return k
	}
	return "the body"
}

// member returns the top-level member whose canonical name is one of
// names, as the object and its member index, or nil.
func (p *pass) member(names ...string) (*node, int) {
	if p.root == nil || p.root.kind != kindObject {
		return nil, -1
	}
	for _, nm := range names {
		if i, ok := p.root.canon().get(nm); ok {
			return p.root, i
		}
	}
	return nil, -1
}

// prop returns the top-level value whose canonical name is one of names.
func (p *pass) prop(names ...string) *node {
	obj, i := p.member(names...)
	if obj == nil {
		return nil
	}
	return obj.members[i].val
}

// stringProp returns the top-level string value whose canonical name is one
// of names, unless another finding already claimed it.
func (p *pass) stringProp(names ...string) *node {
	n := p.prop(names...)
	if n == nil || n.kind != kindString || n.claimed {
		return nil
	}
	return n
}

// walk calls fn for every node in document order, as the parser listed
// them; every rule shares that one list.
func (p *pass) walk(fn func(n *node)) {
	for _, n := range p.nodes {
		fn(n)
	}
}

// --- fixes ---------------------------------------------------------------

func (p *pass) own(f *Finding, t fixTarget) {
	if p.fixOwners == nil {
		p.fixOwners = map[*Finding]*fixTarget{}
	}
	f.Fixable = true
	p.fixOwners[f] = &t
}

func (p *pass) vfix(n *node) *valueFix {
	v := p.valueFix[n]
	if v == nil {
		if p.valueFix == nil {
			p.valueFix = map[*node]*valueFix{}
		}
		v = &valueFix{}
		p.valueFix[n] = v
	}
	return v
}

// fixTransform attaches a string rewrite of value n to f. Transforms of one
// value run in ascending order; each must be idempotent and leave a valid
// value unchanged.
func (p *pass) fixTransform(f *Finding, n *node, order int, fn func(string) string) {
	if f == nil || n.kind != kindString || n.secret {
		return
	}
	v := p.vfix(n)
	v.transforms = append(v.transforms, transform{order, fn})
	p.own(f, fixTarget{value: n})
}

// fixReplace attaches the replacement of value n by the JSON text raw.
func (p *pass) fixReplace(f *Finding, n *node, raw string) {
	if f == nil || n.secret {
		return
	}
	p.vfix(n).raw = raw
	p.own(f, fixTarget{value: n})
}

func (p *pass) kfix(r memberRef) *keyFix {
	k := p.keyFix[r]
	if k == nil {
		if p.keyFix == nil {
			p.keyFix = map[memberRef]*keyFix{}
		}
		k = &keyFix{}
		p.keyFix[r] = k
	}
	return k
}

// fixRename attaches renaming member i of obj to newKey.
func (p *pass) fixRename(f *Finding, obj *node, i int, newKey string) {
	if f == nil {
		return
	}
	k := p.kfix(memberRef{obj, i})
	k.rename = newKey
	p.own(f, fixTarget{key: memberRef{obj, i}, isKey: true})
}

// fixRemove attaches removing member i of obj.
func (p *pass) fixRemove(f *Finding, obj *node, i int) {
	if f == nil {
		return
	}
	k := p.kfix(memberRef{obj, i})
	k.remove = true
	p.own(f, fixTarget{key: memberRef{obj, i}, isKey: true})
}

// finalValue returns the JSON text value n ends with after its fixes, and
// whether that differs from the input.
func (p *pass) finalValue(n *node, v *valueFix) (string, bool) {
	if v.raw != "" {
		return v.raw, v.raw != string(p.src[n.start:n.end])
	}
	ts := append([]transform(nil), v.transforms...)
	sort.SliceStable(ts, func(i, j int) bool { return ts[i].order < ts[j].order })
	s := n.str
	for _, t := range ts {
		s = t.fn(s)
	}
	if s == n.str {
		return "", false
	}
	return quoteJSON(s), true
}

// compareFindings orders findings by position, then rule.
func compareFindings(a, b Finding) int {
	if c := cmp.Compare(a.Start.Offset, b.Start.Offset); c != 0 {
		return c
	}
	if c := cmp.Compare(a.End.Offset, b.End.Offset); c != 0 {
		return c
	}
	return strings.Compare(a.Rule, b.Rule)
}
