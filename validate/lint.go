package validate

import (
	"errors"
	"strconv"
	"strings"
)

// Options tune one call to Lint. The zero value detects the target (Auto)
// and uses the default limits.
type Options struct {
	Target       Target   // zero or Auto: detect it from the input
	DropReadOnly bool     // let the fix remove read-only properties
	MaxSize      int      // bytes; zero means DefaultMaxSize
	MaxDepth     int      // nesting levels; zero means DefaultMaxDepth
	Ignore       []string // rule IDs to neither report nor fix
	// API is the Graph API version the body is sent to: "beta" (the zero
	// value means beta) or "v1.0". Under Auto, "v1.0" is evidence for the
	// live target, the only one v1.0 has.
	API string
	// URL is the request URL the body is sent to, when the input form
	// knows it (an HTTP request). Under Auto its path is the strongest
	// evidence after an explicit Target: the endpoint of a target's table
	// selects that target, and a /v1.0/ segment counts as API v1.0.
	URL string
}

// Default limits applied when Options leaves them zero.
const (
	DefaultMaxSize  = 4 << 20
	DefaultMaxDepth = 64
)

func (o Options) maxSize() int {
	if o.MaxSize <= 0 {
		return DefaultMaxSize
	}
	return o.MaxSize
}

func (o Options) maxDepth() int {
	if o.MaxDepth <= 0 {
		return DefaultMaxDepth
	}
	return o.MaxDepth
}

// Linter lints bodies with options checked once by New. It is safe for
// concurrent use.
type Linter struct {
	opts   Options
	ignore map[string]bool
	model  *targetModel // the explicit target's, or the default under Auto
	fixed  detection    // set when the target is explicit
}

// New checks opts and returns a Linter for them. It is an error to name an
// unknown target, an unknown rule ID in Ignore, an unknown API version, or
// a negative MaxSize or MaxDepth.
func New(opts Options) (*Linter, error) {
	l := &Linter{}
	if err := l.init(opts); err != nil {
		return nil, err
	}
	return l, nil
}

// init checks opts and sets the linter up for them.
func (l *Linter) init(opts Options) error {
	var errs []string
	target := Auto
	if opts.Target != "" {
		t, err := ParseTarget(string(opts.Target))
		if err != nil {
			errs = append(errs, err.Error())
		}
		target = t
	}
	if opts.MaxSize < 0 {
		errs = append(errs, "validate: MaxSize "+strconv.Itoa(opts.MaxSize)+" is negative (zero means the default)")
	}
	if opts.MaxDepth < 0 {
		errs = append(errs, "validate: MaxDepth "+strconv.Itoa(opts.MaxDepth)+" is negative (zero means the default)")
	}
	if opts.API != "" && opts.API != "beta" && opts.API != "v1.0" {
		errs = append(errs, "validate: unknown API version "+quoteJSON(opts.API)+" (want beta or v1.0)")
	}
	l.opts = opts
	var unknown []string
	for _, id := range opts.Ignore {
		if _, ok := catalogue[id]; !ok {
			unknown = append(unknown, quoteJSON(id))
			continue
		}
		if l.ignore == nil {
			l.ignore = map[string]bool{}
		}
		l.ignore[id] = true
	}
	if len(unknown) > 0 {
		errs = append(errs, "validate: unknown rule ID "+strings.Join(unknown, ", ")+" in Ignore (Rules lists them)")
	}
	if len(errs) > 0 {
		return errors.New(strings.Join(errs, "\n"))
	}
	all, err := models()
	if err != nil {
		return err
	}
	if target == Auto {
		l.model = all[defaultTarget()]
	} else {
		l.model = all[string(target)]
		l.fixed = detection{model: l.model, from: "flag"}
	}
	l.opts.Target = target
	return nil
}

// Result is what Lint found and made of the input.
type Result struct {
	// Findings are sorted by start offset, then end offset, then rule.
	Findings []Finding
	// Normalized is the input with every fix applied, or the input itself
	// when nothing applies or a blocking finding forbids changes.
	Normalized []byte
	// Changed reports whether Normalized differs from the input.
	Changed bool
	// Fixes are the operations applied, as one RFC 6902 JSON Patch: in the
	// order of the input positions they change, each path as the document
	// is when the fixes before it have been applied.
	Fixes []Fix
	// Target is the target the body was linted for: the one asked for, or
	// under Auto the detected one.
	Target Target
	// TargetFrom says why: "flag" (asked for), "url", "api" (Options.API
	// v1.0), "@odata.type", "property <name>" (a property only that target
	// has), "mixed" (the body has evidence for both; the target is the
	// best fit, and a mixed-target finding explains) or "default".
	TargetFrom string
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
