package validate

import (
	"slices"
	"sort"
)

// formCap is the findings cap over a whole text of requests: MaxFindings
// bounds the Result of the text, not each body's, with request-level
// findings counted like the bodies'; one too-many-findings finding says
// how many more there were. Every fix is still applied.
type formCap struct {
	omitted map[Severity]int // left out so far, by severity
	first   int              // offset of the first finding left out (-1: none)
	request int              // its request
	// pointersFull: a body's pass left some out because their pointers
	// filled its Result's room (pointerBudget).
	pointersFull bool
}

// omit records findings left out: counts by severity, the first at off.
func (fl *formLinter) omit(counts map[Severity]int, off, ri int) {
	c := &fl.cap
	if c.omitted == nil {
		c.omitted, c.first = map[Severity]int{}, -1
	}
	for s, n := range counts {
		c.omitted[s] += n
	}
	if c.first < 0 || off < c.first {
		c.first, c.request = off, ri
	}
}

// flush ends a request: its findings, sorted, join those of the requests
// before it (each request's come after the last one's in the text, so
// joining them is mostly an append: no sort of all the findings at the
// end); then the findings so far are capped once they pass twice the
// limit, so that a text of many requests holds at most that many at a
// time. Capping part of the findings and then the rest leaves out the
// same ones as capping all at once: a finding left out early has the
// cap's worth of its class or better before it in any larger set.
func (fl *formLinter) flush() {
	sortFindings(fl.pending)
	fl.findings = mergeFindings(fl.findings, fl.pending)
	fl.pending = fl.pending[:0]
	if limit := fl.opts.maxFindings(); len(fl.findings) > 2*limit {
		fl.findings = fl.selectFindings(fl.findings, limit)
	}
}

// mergeFindings appends b to a, both sorted by compareFindings, keeping
// the order; on a tie a's finding comes first, as a stable sort of a's
// findings followed by b's would put them. When b starts after a ends (a
// request after the one before it: the usual case) it is an append;
// else only the part of a after b's first finding is sorted again.
func mergeFindings(a, b []Finding) []Finding {
	if len(b) == 0 {
		return a
	}
	from := sort.Search(len(a), func(i int) bool { return compareFindings(a[i], b[0]) > 0 })
	a = append(a, b...)
	if from < len(a)-len(b) {
		sortFindings(a[from:])
	}
	return a
}

// selectFindings keeps at most limit of fs (sorted) as selectCapped does,
// recording the rest as omitted.
func (fl *formLinter) selectFindings(fs []Finding, limit int) []Finding {
	if len(fs) <= limit {
		return fs
	}
	ptrs := make([]*Finding, len(fs))
	for i := range fs {
		ptrs[i] = &fs[i]
	}
	kept, omitted, first := selectCapped(ptrs, limit, [capClasses]int{})
	fl.omit(omitted, first.Start.Offset, first.Request)
	out := make([]Finding, len(kept))
	for i, f := range kept {
		out[i] = *f
	}
	return out
}

// capAll applies the cap to the text's sorted findings and adds the one
// too-many-findings finding when any was left out, here or by a body's
// pass; it returns the findings and the counts left out (nil for none).
func (fl *formLinter) capAll(fs []Finding) ([]Finding, map[Severity]int) {
	limit := fl.opts.maxFindings()
	fs = fl.selectFindings(fs, limit)
	c := fl.cap
	if c.omitted == nil {
		return fs, nil
	}
	if !slices.Contains(fl.opts.Ignore, "too-many-findings") {
		f := Finding{Rule: "too-many-findings", Severity: SeverityWarning, Message: tooManyMessage(c.omitted, limit, c.pointersFull),
			Start: fl.pos(c.first), End: fl.pos(c.first), Request: c.request}
		fs = mergeFindings(fs, []Finding{f})
	}
	return fs, c.omitted
}
