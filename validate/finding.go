package validate

import (
	"encoding/json"
	"fmt"

	"github.com/azconn/azconn/internal/jsontext"
)

// Severity ranks a finding. Higher is worse, so that "at or above" is a
// plain comparison.
type Severity uint8

const (
	SeverityInfo Severity = iota + 1
	SeverityWarning
	SeverityError
)

var severityNames = map[Severity]string{SeverityInfo: "info", SeverityWarning: "warning", SeverityError: "error"}

// String returns "error", "warning" or "info".
func (s Severity) String() string {
	if n, ok := severityNames[s]; ok {
		return n
	}
	return fmt.Sprintf("Severity(%d)", uint8(s))
}

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) {
	if _, ok := severityNames[s]; !ok {
		return nil, fmt.Errorf("validate: invalid severity %d", uint8(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err == nil {
		*s = v
	}
	return err
}

// ParseSeverity parses "error", "warning" or "info".
func ParseSeverity(name string) (Severity, error) {
	for s, n := range severityNames {
		if n == name {
			return s, nil
		}
	}
	return 0, fmt.Errorf("validate: unknown severity %q (want error, warning or info)", name)
}

// Pos is a position in the input: a 1-based line, a 1-based column counted
// in Unicode code points, and a 0-based byte offset.
type Pos struct {
	Line   int
	Column int
	Offset int
}

// String returns "line:column".
func (p Pos) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Column) }

// posIn returns the position of byte offset off (clamped to the input) in
// the input x indexes.
func posIn(x *jsontext.LineIndex, off int) Pos {
	line, col, at := x.Locate(off)
	return Pos{Line: line, Column: col, Offset: at}
}

// Fix is one RFC 6902 operation ("replace", "move" or "remove") that the
// normalizer applies for a finding. Value is the JSON text of the new value
// for "replace".
type Fix struct {
	Op    string          `json:"op"`
	From  string          `json:"from,omitempty"`
	Path  string          `json:"path"`
	Value json.RawMessage `json:"value,omitempty"`
}

// Finding is one problem in the input, with the span it concerns.
// Property-level findings span the key token, value-level findings the value
// token, and findings about part of a string the offending part.
type Finding struct {
	Rule     string
	Severity Severity
	Message  string
	Pointer  string // RFC 6901 JSON Pointer to the property or value
	Start    Pos
	End      Pos // exclusive
	// Fixable says that a fix exists for the finding. Fix is its
	// operation when it has a JSON Patch form and is applied, or would be
	// (the input is blocked, or Options.NoFix holds the rule's fixes
	// back); nil when the removal of an enclosing member supersedes it.
	Fixable bool
	Fix     *Fix
	// Fixed says that Lint applied the fix: Normalized has it, and Edit
	// is set.
	Fixed bool
	// Edit is the change to the input's bytes that applies the fix, when
	// Lint applied it (nil for blocked input). Findings on one value share
	// its edit; removing read-only members may share one edit. Not part of
	// the JSON form.
	Edit *Edit
	// Request is the index in Result.Requests of the request the finding
	// is about; its Pointer and Fix are relative to that request's body.
	Request int
}

// Edit replaces the input's bytes [Start, End) with Text.
type Edit struct {
	Start, End Pos
	Text       string
}

// findingJSON is the flat wire shape of a Finding (SPEC §8).
type findingJSON struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Pointer  string   `json:"pointer"`
	spanJSON
	Fixable bool `json:"fixable"`
	Fixed   bool `json:"fixed"` // the fix is in Normalized (what --fix writes)
	Fix     *Fix `json:"fix,omitempty"`
	Request int  `json:"request"`
}

// MarshalJSON writes the flat shape used by the CLI and the page.
func (f Finding) MarshalJSON() ([]byte, error) {
	return json.Marshal(findingJSON{
		Rule: f.Rule, Severity: f.Severity, Message: f.Message, Pointer: f.Pointer,
		spanJSON: newSpanJSON(f.Start, f.End),
		Fixable:  f.Fixable, Fixed: f.Fixed, Fix: f.Fix, Request: f.Request,
	})
}

// UnmarshalJSON reads the flat shape written by MarshalJSON.
func (f *Finding) UnmarshalJSON(b []byte) error {
	var j findingJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*f = Finding{
		Rule: j.Rule, Severity: j.Severity, Message: j.Message, Pointer: j.Pointer,
		Fixable: j.Fixable, Fixed: j.Fixed, Fix: j.Fix, Request: j.Request,
	}
	f.Start, f.End = j.spanJSON.positions()
	return nil
}

// String returns "line:col /pointer: severity: message [rule]", the
// pointer left out when it is empty. For a body marshalled by a program
// the pointer is the useful location: its line and column are of one long
// line.
func (f Finding) String() string {
	if f.Pointer == "" {
		return fmt.Sprintf("%s: %s: %s [%s]", f.Start, f.Severity, f.Message, f.Rule)
	}
	return fmt.Sprintf("%s %s: %s: %s [%s]", f.Start, f.Pointer, f.Severity, f.Message, f.Rule)
}
