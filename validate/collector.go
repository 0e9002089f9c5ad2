package validate

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/azconn/azconn/internal/jsontext"
)

// collector is the one thing a Lint call writes: the findings (allocated by
// chunks), the marks that keep one finding per value and per key, the fix
// ledgers and the pointers built last. The stages and the rules report into
// it (rules through the reporter interface); it reads nothing of theirs
// but the source, the options checked once and, for its fixes, which
// values are secret.
type collector struct {
	src   []byte
	bom   int                 // a UTF-8 byte order mark's length: positions count from after it
	lines *jsontext.LineIndex // on first use
	l     *Linter             // the options checked once: ignored rules, severities, NoFix
	marks
	findings []*Finding // in the order reported
	slab     []Finding
	chunk0   []Finding // the first chunk of slab: findings[i] is &chunk0[i] for i < len(chunk0)
	fixes    ledger
	held     ledger              // fixes of the rules of Options.NoFix: described, never applied
	unbuilt  []unbuilt           // findings certainly past the cap: counted, not built
	deferred [][]deferredPointer // pointers built for kept findings only (pointers.go), in chunks
	applied  []edit              // the edits normalize applied, for the kept findings' Edit
	// secrets tells the values no fix may touch (its hidden: secrets,
	// masked tokens): the rules' context, set once the secrets stage has
	// run, nil before it.
	secrets *ruleContext
}

// newCollector returns the collector of one Lint call over src.
func newCollector(src []byte, l *Linter) *collector {
	c := &collector{}
	c.init(src, l)
	return c
}

// init sets the collector up over src; the guard's verdict sets its BOM
// (screen).
func (c *collector) init(src []byte, l *Linter) {
	c.src, c.l = src, l
}

// marks are the claims of one tree, by node id: the values that carry
// their one value-level finding (placeholder, type…), which later value
// rules skip, and the members whose key carries its one key-level finding
// (property-case, duplicate-key…), by the id of the member's value. Each
// is allocated on its first mark (a byte per node, where a map cost some
// 90 bytes per marked key). The collector makes them (claim, markKey);
// the rules' context reads them.
type marks struct {
	size     int // the tree's node count, once parsed
	claimed  []bool
	keysDone []bool
}

// canceler is the part of a context.Context the engine uses. It is not
// context.Context itself because that interface's Deadline drags the time
// package (its parser, formatter and zone tables, 45 KB of brotli) into the
// WebAssembly page, which never passes a context.
type canceler interface{ Err() error }

// stopped reports whether LintContext's context is done: the pipeline
// then stops at the next stage, and LintContext returns the context's
// error.
func (l *Linter) stopped() bool { return l.ctx != nil && l.ctx.Err() != nil }

// unbuilt counts the findings of one rule and severity that the findings
// cap would certainly leave out, so that they were not built: n of them,
// each after the cap's worth of findings of its class or a better one.
type unbuilt struct {
	rule string
	sev  Severity
	n    int
}

// countUnbuilt records n findings of rule at sev left unbuilt.
func (c *collector) countUnbuilt(rule string, sev Severity, n int) {
	if n > 0 {
		c.unbuilt = append(c.unbuilt, unbuilt{rule, sev, n})
	}
}

// memberRef names member i of object obj.
type memberRef struct {
	obj *node
	i   int
}

func (c *collector) pos(off int) Pos {
	if off == 0 { // the guards' findings: no line index over a refused input
		return Pos{1, 1, 0}
	}
	if c.lines == nil {
		c.lines = jsontext.NewLineIndex(c.src, c.bom)
	}
	return posIn(c.lines, off)
}

// report records a finding over [start, end) of the input. It returns nil
// when the rule is ignored; the fix helpers accept nil.
func (c *collector) report(rule string, sev Severity, start, end int, ptr, msg string) *Finding {
	if c.l.ignore[rule] {
		return nil
	}
	sev, off := c.l.severityOf(rule, ptr, sev)
	if off {
		return nil
	}
	if len(c.slab) == 0 {
		// Findings come in bunches: allocate them so. The first chunk
		// becomes Result.Findings when everything fits in it.
		c.slab = make([]Finding, 16)
		if c.chunk0 == nil {
			c.chunk0 = c.slab
		}
	}
	f := &c.slab[0]
	c.slab = c.slab[1:]
	*f = Finding{Rule: rule, Severity: sev, Message: msg, Pointer: ptr, Start: c.pos(start), End: c.pos(end)}
	if len(c.findings) == cap(c.findings) {
		// Twice the size, not append's 1.25x past 256 (whose copies add
		// up to five times the final size): findings come by the thousand.
		c.findings = slices.Grow(c.findings, max(16, len(c.findings)))
	}
	c.findings = append(c.findings, f)
	return f
}

// atKey reports on the key token of member i of obj.
func (c *collector) atKey(rule string, sev Severity, obj *node, i int, msg string) *Finding {
	m := &obj.Members[i]
	c.markKey(obj, i)
	return c.reportAt(rule, sev, m.KeyStart, m.KeyEnd, m.Val, msg)
}

// atValue reports on the token(s) of value n.
func (c *collector) atValue(rule string, sev Severity, n *node, msg string) *Finding {
	return c.reportAt(rule, sev, n.Start, n.End, n, msg)
}

// atPart reports on bytes [from, to) of string n's content. In a string
// with escapes, the decoded offsets are mapped back to the source, so the
// span still covers exactly the escapes that spell the part.
func (c *collector) atPart(rule string, sev Severity, n *node, from, to int, msg string) *Finding {
	if n.Kind != kindString || from < 0 || to > len(n.Str) || from > to {
		return c.atValue(rule, sev, n, msg)
	}
	if from == to && to < len(n.Str) {
		to++
	}
	if !n.Escaped {
		return c.reportAt(rule, sev, n.Start+1+from, n.Start+1+to, n, msg)
	}
	raw := c.src[n.Start+1 : n.End-1]
	return c.reportAt(rule, sev, n.Start+1+jsontext.RawOffset(raw, from, false), n.Start+1+jsontext.RawOffset(raw, to, true), n, msg)
}

// atOpen reports on the opening bracket of a container.
func (c *collector) atOpen(rule string, sev Severity, n *node, msg string) *Finding {
	return c.reportAt(rule, sev, n.Start, n.Start+1, n, msg)
}

// claim marks a value as carrying its one value-level finding.
func (c *collector) claim(n *node) {
	if c.claimed == nil {
		c.claimed = make([]bool, c.size)
	}
	c.claimed[n.ID] = true
}

// isClaimed reports whether a value carries its one value-level finding.
func (m *marks) isClaimed(n *node) bool { return m.claimed != nil && m.claimed[n.ID] }

// keyReported reports whether member i's key carries its key-level finding.
func (m *marks) keyReported(obj *node, i int) bool {
	v := obj.Members[i].Val
	return v.Repeated || int(v.ID) < len(m.keysDone) && m.keysDone[v.ID]
}

// markKey marks a key as carrying its one key-level finding.
func (c *collector) markKey(obj *node, i int) {
	if c.keysDone == nil {
		c.keysDone = make([]bool, c.size)
	}
	c.keysDone[obj.Members[i].Val.ID] = true
}

// pointerOf returns the RFC 6901 pointer of n.
func pointerOf(n *node) string {
	if n.Parent != nil && n.Parent.Parent == nil && n.Parent.Kind == kindObject {
		return "/" + escapePointer(n.Key()) // the common case: a top-level property
	}
	return pointerWith(n, (*node).Key)
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

// sortFindings sorts fs by compareFindings, keeping the order of equal
// ones. sort.SliceStable rather than slices.SortStableFunc: its code is
// linked already, where each struct type given to the generic sort adds
// about 9 KB to main.wasm; these sorts are once per request, not per value.
func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool { return compareFindings(fs[i], fs[j]) < 0 })
}

// findingOrder sorts a collector's findings by compareFindings for
// sort.Stable: a pointer to the collector makes the sort.Interface without
// allocating, and sort.Stable adds about 4 KB to main.wasm where the
// pointer instantiation of slices' sorts (only validate used it) took 27 KB.
type findingOrder collector

func (o *findingOrder) Len() int { return len(o.findings) }
func (o *findingOrder) Less(i, j int) bool {
	return compareFindings(*o.findings[i], *o.findings[j]) < 0
}
func (o *findingOrder) Swap(i, j int) { o.findings[i], o.findings[j] = o.findings[j], o.findings[i] }

// insertFinding puts f into fs, sorted by compareFindings, after those
// that do not come after it: where a stable sort of fs and then f would.
func insertFinding(fs []*Finding, f *Finding) []*Finding {
	i := sort.Search(len(fs), func(i int) bool { return compareFindings(*fs[i], *f) > 0 })
	fs = append(fs, nil)
	copy(fs[i+1:], fs[i:])
	fs[i] = f
	return fs
}
