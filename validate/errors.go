package validate

import (
	"strconv"
	"strings"
)

// FindingsError is the error form of a Result (Result.Err): the findings
// at or above a severity. Find it with errors.As, also through the
// *url.Error an http.Client wraps a transport's error in.
type FindingsError struct {
	Min      Severity  // the severity asked for
	Findings []Finding // the listed findings at or above Min, in position order
	// Omitted counts the findings at or above Min left out of the
	// Result's Findings past Options.MaxFindings.
	Omitted int
}

// Error returns the first finding, with the pointer, and how many more
// there are.
func (e *FindingsError) Error() string {
	n := len(e.Findings) + e.Omitted
	if len(e.Findings) == 0 {
		return "azconn: " + strconv.Itoa(n) + " findings at or above " + e.Min.String()
	}
	msg := "azconn: " + e.Findings[0].String()
	if n > 1 {
		msg += " (and " + strconv.Itoa(n-1) + " more at or above " + e.Min.String() + ")"
	}
	return msg
}

// Err returns nil when no finding of the input, listed or omitted past the
// cap, is at or above min; else a *FindingsError holding those findings.
// The too-many-findings summary is no finding of the input and is left
// out.
func (r Result) Err(min Severity) error {
	if !r.Fails(min) {
		return nil
	}
	e := &FindingsError{Min: min}
	for s, n := range r.Omitted {
		if s >= min {
			e.Omitted += n
		}
	}
	for _, f := range r.Findings {
		if f.Severity >= min && f.Rule != "too-many-findings" {
			e.Findings = append(e.Findings, f)
		}
	}
	return e
}

// Path returns the finding's pointer as its decoded reference tokens
// (RFC 6901: ~1 is '/', ~0 is '~'); nil for the whole body. Array
// indexes are decimal strings, as in the pointer.
func (f Finding) Path() []string {
	if f.Pointer == "" {
		return nil
	}
	parts := strings.Split(f.Pointer[1:], "/")
	for i, p := range parts {
		if strings.Contains(p, "~") {
			parts[i] = strings.NewReplacer("~1", "/", "~0", "~").Replace(p)
		}
	}
	return parts
}
