package validate

// Options tune one call to Lint. The zero value lints against the
// azureConnection target with the default limits.
type Options struct {
	Target       Target   // zero means AzureConnection
	DropReadOnly bool     // let the fix remove read-only properties
	MaxSize      int      // bytes; zero means DefaultMaxSize
	MaxDepth     int      // nesting levels; zero means DefaultMaxDepth
	Ignore       []string // rule IDs to neither report nor fix
	// Form is how the input holds the body; zero means sniffed from the
	// content (FormForName maps a file name to its form).
	Form Form
	// Method is the call the body is for when the input has no request
	// line: "PATCH" (update, the default) or "POST" (create).
	Method string

	call callKind // set by the form layer from a request line
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
	// Form is how the input held the body (or bodies).
	Form Form
	// Requests are the requests whose bodies were linted, in text order;
	// a bare JSON body is one implicit request. Finding.Request indexes it.
	Requests []Request
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
