package validate

// Options tune one call to Lint. The zero value lints against the
// azureConnection target with the default limits.
type Options struct {
	Target       Target   // zero means AzureConnection
	API          API      // Graph API version; zero means APIBeta
	DropReadOnly bool     // let the fix remove read-only properties
	MaxSize      int      // bytes; zero means DefaultMaxSize
	MaxDepth     int      // nesting levels; zero means DefaultMaxDepth
	Ignore       []string // rule IDs to neither report nor fix
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
}

// Count returns how many findings have exactly the given severity.
func (r Result) Count(s Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == s {
			n++
		}
	}
	return n
}

// Fails reports whether any finding is at or above the given severity.
func (r Result) Fails(min Severity) bool {
	for _, f := range r.Findings {
		if f.Severity >= min {
			return true
		}
	}
	return false
}
