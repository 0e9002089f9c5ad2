package validate

import (
	"fmt"
)

// DefaultMaxFindings is the findings cap applied when Options.MaxFindings
// is zero.
const DefaultMaxFindings = 1000

func init() {
	register(&rule{
		Rule: Rule{ID: "too-many-findings", Severity: SeverityWarning,
			Summary: "More findings than the cap (Options.MaxFindings, default 1,000): says how many more there were.",
			Help: "The findings kept are the blocking ones first, then by severity, listed by position; every fix is still applied, and Result.Count and Result.Fails count the findings left out too. " +
				"Fix what is listed and lint again, or raise the cap. A result also lists at most 8 bytes of pointers per input byte (64 KiB at least): past that, as under very long keys, findings are left out the same way, and the summary says so; lint a smaller part of the input then."},
	})
}

func (o Options) maxFindings() int {
	if o.MaxFindings <= 0 {
		return DefaultMaxFindings
	}
	return o.MaxFindings
}

// capClasses is how many classes findingClass has.
const capClasses = 4

// findingClass ranks a finding for the cap: blocking findings first, then
// by severity.
func findingClass(f *Finding) int {
	if blocking[f.Rule] {
		return 0
	}
	return 1 + int(SeverityError-f.Severity)
}

// capFindings keeps at most limit of fs (sorted by position): the
// blocking ones first, then by severity, the earliest of a class first,
// still sorted by position; it builds the pointers of those it keeps,
// leaving out the last of them in that order if their pointers pass the
// Result's share (pointerBudget). One too-many-findings finding, at the
// first finding left out, says how many more there were (the findings
// past the cap that were counted, not built, among them: c.unbuilt). It
// returns the kept findings, the counts left out by severity and whether
// pointers left some out. Linear in len(fs).
func (c *collector) capFindings(fs []*Finding, limit int) ([]*Finding, map[Severity]int, bool) {
	if limit <= 0 {
		limit = DefaultMaxFindings
	}
	kept, omitted, first := fs, map[Severity]int(nil), -1
	if len(fs) > limit {
		var extra [capClasses]int
		for _, u := range c.unbuilt {
			extra[findingClass(&Finding{Rule: u.rule, Severity: u.sev})] += u.n
		}
		var f *Finding
		kept, omitted, f = selectCapped(fs, limit, extra)
		for _, u := range c.unbuilt {
			omitted[u.sev] += u.n
		}
		first = f.Start.Offset
	}
	kept, dropped := c.fillPointers(kept, omitted != nil)
	for _, f := range dropped {
		if omitted == nil {
			omitted = map[Severity]int{}
		}
		omitted[f.Severity]++
		if first < 0 || f.Start.Offset < first {
			first = f.Start.Offset
		}
	}
	if omitted == nil {
		return kept, nil, false
	}
	if f := c.report("too-many-findings", SeverityWarning, first, first, "", tooManyMessage(omitted, limit, dropped != nil)); f != nil {
		c.findings = c.findings[:len(c.findings)-1] // report appended it to the uncapped list
		kept = insertFinding(kept, f)
	}
	return kept, omitted, dropped != nil
}

// A Result lists at most pointerBytesPerByte bytes of pointers per input
// byte, and minPointerBytes whatever the input: a pointer is as long as
// its path, and under a key half the input long each of the cap's
// findings would hold a copy of that key (the Result alone would be
// hundreds of bytes per input byte). A real body's findings use a few
// percent of it.
const (
	pointerBytesPerByte = 8
	minPointerBytes     = 64 << 10
)

// pointerBudget is how many bytes of pointers a Result of an input of
// size bytes lists.
func pointerBudget(size int) int { return max(minPointerBytes, pointerBytesPerByte*size) }

// selectCapped keeps at most limit of fs (sorted by position), the
// blocking ones first, then by severity, the earliest of a class first,
// in position order; it returns the counts left out by severity and the
// first finding left out (nil when none). unbuilt findings, counted by
// class but never built, take their class's quota first. Linear in
// len(fs). Applied to a prefix of a list and again to what it kept plus
// the rest, it keeps what one call over the whole list keeps: a class's
// quota only shrinks as findings come.
func selectCapped(fs []*Finding, limit int, unbuilt [capClasses]int) (kept []*Finding, omitted map[Severity]int, first *Finding) {
	per := unbuilt // past the cap: never kept, but they fill their class
	for _, f := range fs {
		per[findingClass(f)]++
	}
	// The classes kept whole, and how many of the last one.
	var quota [capClasses]int
	left := limit
	for c := range per {
		quota[c] = min(per[c], left)
		left -= quota[c]
	}
	kept = fs[:0:0]
	omitted = map[Severity]int{}
	for _, f := range fs {
		if c := findingClass(f); quota[c] > 0 {
			quota[c]--
			kept = append(kept, f)
			continue
		}
		omitted[f.Severity]++
		if first == nil {
			first = f
		}
	}
	return kept, omitted, first
}

// tooManyMessage is the too-many-findings message for the counts left out,
// past the cap or, bySize, past the room for pointers.
func tooManyMessage(omitted map[Severity]int, limit int, bySize bool) string {
	n := 0
	for _, c := range omitted {
		n += c
	}
	if bySize {
		return fmt.Sprintf("%d more finding%s not listed (%s): their pointers run through long keys, and those shown fill the room a result gives pointers (%d bytes per input byte); blocking ones come first, then by severity: fix them and lint again, or lint a smaller part of the input",
			n, pluralS(n), severityCounts(omitted), pointerBytesPerByte)
	}
	return fmt.Sprintf("%d more finding%s not listed (%s): the first %d are shown, blocking ones first, then by severity; fix them and lint again, or raise the cap",
		n, pluralS(n), severityCounts(omitted), limit)
}

// severityCounts says "2 errors, 1 warning" for the non-zero counts.
func severityCounts(by map[Severity]int) string {
	var parts []string
	for s := SeverityError; s >= SeverityInfo; s-- {
		if n := by[s]; n > 0 {
			word := s.String()
			if word == "info" {
				parts = append(parts, fmt.Sprintf("%d info", n))
				continue
			}
			parts = append(parts, fmt.Sprintf("%d %s%s", n, word, pluralS(n)))
		}
	}
	return list(parts, "and")
}
