package config

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/azconn/azconn/validate"
)

// Baseline records findings to suppress: each entry is a finding identity
// without its occurrence number (rule, project-relative path, request
// index, JSON Pointer) and how many findings of that tuple to suppress.
// It holds no line number, so it survives lines moving and keys being
// reordered. Its JSON is sorted so that diffs review well.
type Baseline struct {
	Version int     `json:"version"`
	Entries []Entry `json:"entries"`
}

// Entry is one identity tuple of a Baseline and its count.
type Entry struct {
	Rule    string `json:"rule"`
	Path    string `json:"path"`
	Request int    `json:"request"`
	Pointer string `json:"pointer"`
	Count   int    `json:"count"`
}

// key is an Entry without its count.
type key struct {
	rule, path, pointer string
	request             int
}

func (e Entry) key() key { return key{e.Rule, e.Path, e.Pointer, e.Request} }

// compareEntries orders entries by path, request, pointer, then rule.
func compareEntries(a, b Entry) int {
	return cmp.Or(strings.Compare(a.Path, b.Path), cmp.Compare(a.Request, b.Request),
		strings.Compare(a.Pointer, b.Pointer), strings.Compare(a.Rule, b.Rule))
}

// maxCount bounds an entry's count, so that the counts of repeated
// entries, summed, cannot overflow: two entries of 9e18 summed to a
// negative count that suppressed nothing, and --prune-baseline then
// dropped the entry.
const maxCount = 1<<31 - 1

// MaxBaselineSize is the largest baseline ReadBaseline reads (some
// 400,000 entries): a path such as /dev/zero or a FIFO is refused
// instead of read until memory runs out.
const MaxBaselineSize = 64 << 20

// ReadBaseline reads and parses the baseline file at path, reading at
// most MaxBaselineSize+1 bytes of it. An I/O error is returned as it is;
// a file too large or not a baseline is a *Error.
func ReadBaseline(path string) (*Baseline, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxBaselineSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxBaselineSize {
		return nil, &Error{Path: path, Line: 1, Column: 1, Msg: fmt.Sprintf("the file is larger than %d bytes: is it the baseline?", MaxBaselineSize)}
	}
	return ParseBaseline(path, data)
}

// ParseBaseline reads a baseline from data (the file at path, which names
// it in errors). Errors are a *Error at the offending position.
func ParseBaseline(path string, data []byte) (*Baseline, error) {
	var b Baseline
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, jsonError(path, data, err)
	}
	if dec.More() {
		return nil, errAtOffset(path, data, int(dec.InputOffset()), "data after the baseline's object")
	}
	if b.Version != 1 {
		return nil, &Error{Path: path, Line: 1, Column: 1, Msg: fmt.Sprintf("baseline version %d is not supported (want 1)", b.Version)}
	}
	for i, e := range b.Entries {
		if e.Rule == "" || e.Path == "" || e.Count < 1 || e.Count > maxCount || e.Request < 0 {
			return nil, &Error{Path: path, Line: 1, Column: 1, Msg: fmt.Sprintf("entry %d needs a rule, a path, a request of 0 or more and a count from 1 to %d", i, maxCount)}
		}
	}
	b.normalize()
	return &b, nil
}

// jsonError positions an encoding/json error.
func jsonError(path string, data []byte, err error) error {
	off := len(data)
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case asErr(err, &se):
		off = int(se.Offset) - 1 // the offset is past the offending byte
	case asErr(err, &te):
		// The offset is past the value: point at its key instead.
		off = int(te.Offset)
		field := te.Field[strings.LastIndexByte(te.Field, '.')+1:]
		if i := bytes.LastIndex(data[:min(off, len(data))], []byte(`"`+field+`"`)); field != "" && i >= 0 {
			off = i
		}
	default:
		// An unknown field carries no offset: point at its key.
		if _, name, ok := strings.Cut(err.Error(), "unknown field "); ok {
			if i := bytes.Index(data, []byte(name)); i >= 0 {
				off = i
			}
		}
	}
	return errAtOffset(path, data, off, "not a baseline: "+err.Error())
}

func asErr[T error](err error, target *T) bool {
	t, ok := err.(T)
	if ok {
		*target = t
	}
	return ok
}

// errAtOffset is an Error at byte offset off of data.
func errAtOffset(path string, data []byte, off int, msg string) *Error {
	off = min(max(off, 0), len(data))
	before := data[:off]
	line := 1 + bytes.Count(before, []byte{'\n'})
	col := 1 + len([]rune(string(before[bytes.LastIndexByte(before, '\n')+1:])))
	return &Error{Path: path, Line: line, Column: col, Msg: msg}
}

// normalize merges entries with one key and sorts them.
func (b *Baseline) normalize() {
	sum := map[key]int{}
	var out []Entry
	for _, e := range b.Entries {
		if _, ok := sum[e.key()]; !ok {
			out = append(out, Entry{Rule: e.Rule, Path: e.Path, Request: e.Request, Pointer: e.Pointer})
		}
		sum[e.key()] += e.Count
	}
	for i := range out {
		out[i].Count = sum[out[i].key()]
	}
	slices.SortFunc(out, compareEntries)
	b.Version, b.Entries = 1, out
}

// Add records findings of the file at path (project-relative, '/'
// separators).
func (b *Baseline) Add(path string, findings []validate.Finding) {
	for _, f := range findings {
		if f.Rule == "too-many-findings" || f.Rule == "baseline-unused" {
			continue // about the run, not about the input
		}
		b.Entries = append(b.Entries, Entry{Rule: f.Rule, Path: path, Request: f.Request, Pointer: f.Pointer, Count: 1})
	}
	b.normalize()
}

// Marshal returns the baseline's JSON: sorted, indented, ending in a
// newline.
func (b *Baseline) Marshal() []byte {
	c := Baseline{Entries: slices.Clone(b.Entries)}
	c.normalize()
	if c.Entries == nil {
		c.Entries = []Entry{}
	}
	out, _ := json.MarshalIndent(c, "", "  ") // plain strings and ints: cannot fail
	return append(escapeCommands(out), '\n')
}

// escapeCommands writes the "[" of a pipeline command opener ("##vso[",
// "##[", any case) as "\u005b" (SPEC §13): a baseline is printed by
// `cat` in CI logs and shown in diffs, and its pointers and paths come
// from the input. '#' occurs only inside JSON strings, so the escape
// keeps the document's value.
func escapeCommands(b []byte) []byte {
	var out []byte
	last := 0
	for i := 0; i+2 < len(b); i++ {
		if b[i] != '#' || b[i+1] != '#' {
			continue
		}
		n := 0
		switch {
		case b[i+2] == '[':
			n = 2
		case i+5 < len(b) && strings.EqualFold(string(b[i+2:i+5]), "vso") && b[i+5] == '[':
			n = 5
		default:
			continue
		}
		out = append(out, b[last:i+n]...)
		out = append(out, `\u005b`...)
		last = i + n + 1
		i += n
	}
	if out == nil {
		return b
	}
	return append(out, b[last:]...)
}

// Matcher applies a baseline to one run: each entry suppresses up to its
// count of findings, and what is left over is unused. Not safe for
// concurrent use; files are matched in the order they are reported.
type Matcher struct {
	left map[key]int
	b    *Baseline
}

// Matcher starts applying the baseline to a run.
func (b *Baseline) Matcher() *Matcher {
	m := &Matcher{left: map[key]int{}, b: b}
	for _, e := range b.Entries {
		m.left[e.key()] += e.Count
	}
	return m
}

// Suppress reports whether the baseline suppresses f, a finding of the
// file at path, and if so uses one of its tuple's count. Call it for a
// file's findings in input order, so the first ones of a tuple are those
// suppressed.
func (m *Matcher) Suppress(path string, f validate.Finding) bool {
	k := key{f.Rule, path, f.Pointer, f.Request}
	if m.left[k] > 0 {
		m.left[k]--
		return true
	}
	return false
}

// Filter returns the findings of the file at path that the baseline does
// not suppress, and how many it suppressed (Suppress for each, in order).
func (m *Matcher) Filter(path string, findings []validate.Finding) (kept []validate.Finding, suppressed int) {
	for _, f := range findings {
		if m.Suppress(path, f) {
			suppressed++
			continue
		}
		kept = append(kept, f)
	}
	return kept, suppressed
}

// Unused returns the entries of the paths that considered accepts (those
// linted in this run, and those of files that are gone) that suppressed
// fewer findings than their count, with the count not used; sorted.
func (m *Matcher) Unused(considered func(path string) bool) []Entry {
	var out []Entry
	for _, e := range m.b.Entries {
		if n := m.left[e.key()]; n > 0 && considered(e.Path) {
			e.Count = n
			out = append(out, e)
		}
	}
	slices.SortFunc(out, compareEntries)
	return out
}

// Pruned returns the baseline without what Unused(considered) returns:
// each such entry's count lowered to the findings it suppressed, and
// entries that suppressed none dropped.
func (m *Matcher) Pruned(considered func(path string) bool) *Baseline {
	out := &Baseline{Version: 1, Entries: []Entry{}}
	for _, e := range m.b.Entries {
		if considered(e.Path) {
			e.Count -= m.left[e.key()]
		}
		if e.Count > 0 {
			out.Entries = append(out.Entries, e)
		}
	}
	out.normalize()
	return out
}
