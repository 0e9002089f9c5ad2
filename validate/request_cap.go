package validate

import "slices"

// formCap is the findings cap over a whole text of requests: MaxFindings
// bounds the Result of the text, not each body's, with request-level
// findings counted like the bodies'; one too-many-findings finding says
// how many more there were. Every fix is still applied.
type formCap struct {
	omitted map[Severity]int // left out so far, by severity
	first   int              // offset of the first finding left out (-1: none)
	request int              // its request
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

// compact caps the findings so far once they pass twice the limit, so
// that a text of many requests holds at most that many at a time; called
// between requests (request-level findings are reported by pointer).
func (fl *formLinter) compact() {
	if limit := fl.opts.maxFindings(); len(fl.findings) > 2*limit {
		slices.SortStableFunc(fl.findings, compareFindings)
		fl.findings = fl.selectFindings(fl.findings, limit)
	}
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
		f := Finding{Rule: "too-many-findings", Severity: SeverityWarning, Message: tooManyMessage(c.omitted, limit),
			Start: fl.pos(c.first), End: fl.pos(c.first), Request: c.request}
		fs = append(fs, f)
		slices.SortStableFunc(fs, compareFindings)
	}
	return fs, c.omitted
}
