package validate

// Options tune one call to Lint. The zero value lints against the
// azureConnection target with the default limits.
type Options struct {
	Target       Target   // zero means AzureConnection
	DropReadOnly bool     // let the fix remove read-only properties
	MaxSize      int      // bytes; zero means DefaultMaxSize
	MaxDepth     int      // nesting levels; zero means DefaultMaxDepth
	Ignore       []string // rule IDs to neither report nor fix
	// MaxFindings caps Result.Findings (zero means DefaultMaxFindings;
	// negative is an error): past it one too-many-findings finding says
	// how many more there were. The cap never changes the fixes applied.
	MaxFindings int
}

// Default limits applied when Options leaves them zero.
const (
	DefaultMaxSize  = 4 << 20
	DefaultMaxDepth = 64
)

// Result is what Lint found and made of the input.
type Result struct {
	// Findings are sorted by start offset, then end offset, then rule.
	Findings []Finding
	// Normalized is the input with every fix applied, or the input itself
	// when nothing applies or a blocking finding forbids changes.
	Normalized []byte
	// Changed reports whether Normalized differs from the input.
	Changed bool
	// Fixes are the operations applied, in document order.
	Fixes []Fix
	// Omitted counts, by severity, the findings left out of Findings past
	// Options.MaxFindings; nil when none were.
	Omitted map[Severity]int
}

// Count returns how many findings of the input have exactly the given
// severity: those in Findings and those Omitted past the cap. The
// too-many-findings summary is not counted: it is no finding of the input.
func (r Result) Count(s Severity) int {
	n := r.Omitted[s]
	for _, f := range r.Findings {
		if f.Severity == s && f.Rule != "too-many-findings" {
			n++
		}
	}
	return n
}

// Fails reports whether any finding of the input, listed or omitted, is at
// or above the given severity (the too-many-findings summary aside).
func (r Result) Fails(min Severity) bool {
	for s, n := range r.Omitted {
		if s >= min && n > 0 {
			return true
		}
	}
	for _, f := range r.Findings {
		if f.Severity >= min && f.Rule != "too-many-findings" {
			return true
		}
	}
	return false
}
