package validate

import (
	"cmp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/azconn/azconn/internal/jsontext"
	"github.com/azconn/azconn/internal/secrets"
)

// pass is one Lint call: the stages' outputs (tree, detection, binding,
// facts), the explicit sets of claimed values and reported keys, the
// findings, and the fix ledger. Rules read it and report into it.
type pass struct {
	src      []byte
	opts     Options
	m        *targetModel
	ignore   map[string]bool
	l        *Linter // the options checked once: severities
	detected detection
	tree     *syntaxTree
	root     *node // the entity: the body, or the object a GET response's {"value": …} wraps
	wrapper  *node // the wrapping response object, when there is one (value-wrapper)
	bound    *binding
	facts    *facts // on first use: see facts.go
	bom      int
	lines    *jsontext.LineIndex
	blocked  bool // a blocking finding forbids any change
	// claimed holds the values that carry their one value-level finding
	// (placeholder, type…): later value rules skip them.
	claimed []bool // by node id, allocated on the first claim
	// keysDone holds the members whose key carries its one key-level
	// finding (property-case, duplicate-key…), by the id of the member's
	// value; allocated on the first mark (a byte per node, where a map
	// cost some 90 bytes per marked key).
	keysDone   []bool
	findings   []*Finding // in the order reported
	slab       []Finding
	chunk0     []Finding // the first chunk of slab: findings[i] is &chunk0[i] for i < len(chunk0)
	bomFinding *Finding
	fixes      ledger
	held       ledger            // fixes of the rules of Options.NoFix: described, never applied
	noFix      map[string]bool   // Options.NoFix
	unbuilt    []unbuilt         // findings certainly past the cap: counted, not built
	ctx        canceler          // LintContext's; nil for Lint
	schemaErrs []schemaViolation // the schema adapter's output, on first use
	schemaRan  bool
	secrets    *secrets.Set      // what must never leave the engine (secret.go)
	deferred   []deferredPointer // pointers built for kept findings only (pointers.go)
}

// canceler is the part of a context.Context the engine uses. It is not
// context.Context itself because that interface's Deadline drags the time
// package (its parser, formatter and zone tables, 45 KB of brotli) into the
// WebAssembly page, which never passes a context.
type canceler interface{ Err() error }

// stopped reports whether LintContext's context is done: the pass then
// stops at the next stage, and LintContext returns the context's error.
func (p *pass) stopped() bool { return p.ctx != nil && p.ctx.Err() != nil }

// unbuilt counts the findings of one rule and severity that the findings
// cap would certainly leave out, so that they were not built: n of them,
// each after the cap's worth of findings of its class or a better one.
type unbuilt struct {
	rule string
	sev  Severity
	n    int
}

// countUnbuilt records n findings of rule at sev left unbuilt.
func (p *pass) countUnbuilt(rule string, sev Severity, n int) {
	if n > 0 {
		p.unbuilt = append(p.unbuilt, unbuilt{rule, sev, n})
	}
}

// memberRef names member i of object obj.
type memberRef struct {
	obj *node
	i   int
}

// ignored reports whether the options turn rule id off.
func (p *pass) ignored(id string) bool { return p.ignore[id] }

func (p *pass) pos(off int) Pos {
	if off == 0 { // the guards' findings: no line index over a refused input
		return Pos{1, 1, 0}
	}
	if p.lines == nil {
		p.lines = jsontext.NewLineIndex(p.src, p.bom)
	}
	return posIn(p.lines, off)
}

// report records a finding over [start, end) of the input. It returns nil
// when the rule is ignored; the fix helpers accept nil.
func (p *pass) report(rule string, sev Severity, start, end int, ptr, msg string) *Finding {
	if p.ignore[rule] {
		return nil
	}
	sev, off := p.l.severityOf(rule, ptr, sev)
	if off {
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
	return p.reportAt(rule, sev, m.keyStart, m.keyEnd, m.val, msg)
}

// atValue reports on the token(s) of value n.
func (p *pass) atValue(rule string, sev Severity, n *node, msg string) *Finding {
	return p.reportAt(rule, sev, n.start, n.end, n, msg)
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
		return p.reportAt(rule, sev, n.start+1+from, n.start+1+to, n, msg)
	}
	raw := p.src[n.start+1 : n.end-1]
	return p.reportAt(rule, sev, n.start+1+rawOffset(raw, from, false), n.start+1+rawOffset(raw, to, true), n, msg)
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
	return p.reportAt(rule, sev, n.start, n.start+1, n, msg)
}

// claim marks a value as carrying its one value-level finding.
func (p *pass) claim(n *node) {
	if p.claimed == nil {
		p.claimed = make([]bool, len(p.tree.nodes))
	}
	p.claimed[n.id] = true
}

// isClaimed reports whether a value carries its one value-level finding.
func (p *pass) isClaimed(n *node) bool { return p.claimed != nil && p.claimed[n.id] }

// keyReported reports whether member i's key carries its key-level finding.
func (p *pass) keyReported(obj *node, i int) bool {
	v := obj.members[i].val
	return v.repeated || int(v.id) < len(p.keysDone) && p.keysDone[v.id]
}

// markKey marks a key as carrying its one key-level finding.
func (p *pass) markKey(obj *node, i int) {
	if p.keysDone == nil {
		p.keysDone = make([]bool, len(p.tree.nodes))
	}
	p.keysDone[obj.members[i].val.id] = true
}

// pointer returns the RFC 6901 pointer of n.
func (p *pass) pointer(n *node) string {
	if n.parent != nil && n.parent.parent == nil && n.parent.kind == kindObject {
		return "/" + escapePointer(n.key()) // the common case: a top-level property
	}
	return pointerWith(n, (*node).key)
}

// pointerWith returns the RFC 6901 pointer of n, naming each member by
// key(value).
func pointerWith(n *node, key func(*node) string) string {
	var segs []string
	for ; n != nil && n.parent != nil; n = n.parent {
		if n.parent.kind == kindObject {
			segs = append(segs, escapePointer(key(n)))
		} else {
			segs = append(segs, strconv.Itoa(int(n.index)))
		}
	}
	var b strings.Builder
	for i := len(segs) - 1; i >= 0; i-- {
		b.WriteByte('/')
		b.WriteString(segs[i])
	}
	return b.String()
}

// escapePointer escapes a key as a pointer token (jsontext.EscapePointer).
func escapePointer(s string) string { return jsontext.EscapePointer(s) }

// show returns the value for a message: quoted, shortened when long, and
// never for a secret.
func (p *pass) show(n *node) string {
	if p.hidden(n) {
		return "the value"
	}
	switch n.kind {
	case kindString:
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
func (p *pass) name(n *node) string {
	if n.parent != nil && n.parent.kind == kindArray { // an item: scopeIds[0]
		return p.name(n.parent) + "[" + strconv.Itoa(int(n.index)) + "]"
	}
	if pm := p.propOf(n); pm != nil {
		return pm.name
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
		if i, ok := p.canonOf(p.root).get(nm); ok {
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
	if n == nil || n.kind != kindString || p.isClaimed(n) {
		return nil
	}
	return n
}

// walk calls fn for every node in document order, as the parser listed
// them; every rule shares that one list.
func (p *pass) walk(fn func(n *node)) {
	for _, n := range p.tree.nodes {
		fn(n)
	}
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
