package main

import (
	"bytes"
	"strconv"

	"github.com/rogpeppe/go-internal/diff"
)

// unifiedDiff returns the unified diff (three lines of context) turning a
// into b, with "--- a/aName" and "+++ b/bName" headers, or nil when they are
// equal. Line endings are part of the lines, so a CRLF file diffs cleanly
// against itself.
//
// The diff itself is github.com/rogpeppe/go-internal/diff: an anchored
// (patience-style) diff in O(n log n) time and linear memory, whatever the
// inputs. Its output is reshaped to what azconnlint has always printed:
// no "diff" line before the headers, and hunk ranges in GNU form (",1"
// omitted; an empty side numbered by the line before it).
func unifiedDiff(aName, bName string, a, b []byte) []byte {
	// A lone CR ends a line, as positions count lines; the diff splits at
	// LF only, so a file of CR line endings would be one line: read it as
	// LF here. (A file with LF in it keeps its bytes, so patch applies.)
	if !bytes.Contains(a, []byte{'\n'}) && !bytes.Contains(b, []byte{'\n'}) {
		a, b = loneCRAsLF(a), loneCRAsLF(b)
	}
	d := diff.Diff("a/"+aName, a, "b/"+bName, b)
	if d == nil {
		return nil
	}
	// Drop the "diff a/x b/x" line; the name may contain anything but a
	// line break (callers escape them), so the first LF ends it.
	if i := bytes.IndexByte(d, '\n'); i >= 0 {
		d = d[i+1:]
	}
	out := make([]byte, 0, len(d))
	var ch change
	for n := 0; len(d) > 0; n++ {
		line := d
		if i := bytes.IndexByte(d, '\n'); i >= 0 {
			line = d[:i+1]
		}
		d = d[len(line):]
		// Body lines start with ' ', '-', '+' or '\'; only a hunk header
		// starts with "@@ " (the two header lines come first and start
		// with "--- " and "+++ ").
		switch {
		case n < 2:
			out = append(out, line...)
		case line[0] == '\\' && ch.last != nil:
			// "\ No newline…" stays with the line it follows, the last of its side.
			side := *ch.last
			side[len(side)-1] = append(side[len(side)-1][:len(side[len(side)-1]):len(side[len(side)-1])], line...)
		case line[0] == '-' && len(ch.add) == 0:
			ch.del, ch.last = append(ch.del, line), &ch.del
		case line[0] == '+':
			ch.add, ch.last = append(ch.add, line), &ch.add
		default:
			out = ch.flush(out)
			if line[0] == '-' {
				ch.del, ch.last = append(ch.del, line), &ch.del
				continue
			}
			if h, ok := gnuHunkHeader(line); ok {
				line = h
			}
			out = append(out, line...)
		}
	}
	return ch.flush(out)
}

// change is one run of removed lines and the added lines after it, each
// line with its "\ No newline at end of file" marker if any. The
// anchored diff is not minimal: where a run's lines repeat elsewhere in
// the file (a documentation page's request and response bodies) it
// replaces a whole block to change two lines in it.
type change struct {
	del, add [][]byte
	last     *[][]byte // the side of the line read last, nil after context
}

// flush writes the run with the lines both sides share as context: a
// common head and tail, and, when the sides have as many lines, every
// pair at the same place that is equal. Each side keeps its order and
// count, so the hunk header stays right; it is linear.
func (c *change) flush(out []byte) []byte {
	del, add := c.del, c.add
	c.del, c.add, c.last = c.del[:0], c.add[:0], nil
	same := func(i, j int) bool { return bytes.Equal(del[i][1:], add[j][1:]) }
	head := 0
	for head < len(del) && head < len(add) && same(head, head) {
		head++
	}
	tail := 0
	for tail < len(del)-head && tail < len(add)-head && same(len(del)-1-tail, len(add)-1-tail) {
		tail++
	}
	out = appendContext(out, del[:head])
	md, ma := del[head:len(del)-tail], add[head:len(add)-tail]
	if len(md) != len(ma) {
		out = appendLines(appendLines(out, md), ma)
	} else {
		for i := 0; i < len(md); {
			j := i
			for j < len(md) && !bytes.Equal(md[j][1:], ma[j][1:]) {
				j++
			}
			out = appendLines(appendLines(out, md[i:j]), ma[i:j])
			for j < len(md) && bytes.Equal(md[j][1:], ma[j][1:]) {
				out = appendContext(out, md[j:j+1])
				j++
			}
			i = j
		}
	}
	return appendContext(out, del[len(del)-tail:])
}

func appendLines(out []byte, lines [][]byte) []byte {
	for _, l := range lines {
		out = append(out, l...)
	}
	return out
}

// appendContext writes removed lines as context lines.
func appendContext(out []byte, lines [][]byte) []byte {
	for _, l := range lines {
		out = append(out, ' ')
		out = append(out, l[1:]...)
	}
	return out
}

// gnuHunkHeader rewrites "@@ -a,n +b,m @@\n" into GNU's form: a count of 1
// is omitted, and an empty side (count 0) is numbered by the line before
// it, as GNU diff and patch expect.
func gnuHunkHeader(line []byte) ([]byte, bool) {
	if !bytes.HasPrefix(line, []byte("@@ -")) || !bytes.HasSuffix(line, []byte(" @@\n")) {
		return nil, false
	}
	fields := bytes.Fields(line[3 : len(line)-4]) // "-a,n", "+b,m"
	if len(fields) != 2 {
		return nil, false
	}
	a, aOK := parseRange(fields[0], '-')
	b, bOK := parseRange(fields[1], '+')
	if !aOK || !bOK {
		return nil, false
	}
	h := append([]byte("@@ -"), formatRange(a)...)
	h = append(h, " +"...)
	h = append(h, formatRange(b)...)
	return append(h, " @@\n"...), true
}

// hunkSide is one side of a hunk: its 1-based first line and line count.
type hunkSide struct{ start, n int }

func parseRange(f []byte, sign byte) (hunkSide, bool) {
	if len(f) < 2 || f[0] != sign {
		return hunkSide{}, false
	}
	s, n, ok := bytes.Cut(f[1:], []byte(","))
	if !ok {
		return hunkSide{}, false
	}
	start, err1 := strconv.Atoi(string(s))
	count, err2 := strconv.Atoi(string(n))
	if err1 != nil || err2 != nil {
		return hunkSide{}, false
	}
	return hunkSide{start, count}, true
}

func formatRange(s hunkSide) string {
	switch s.n {
	case 1:
		return strconv.Itoa(s.start)
	case 0:
		// go-internal leaves an empty side's start 0-based, which is
		// GNU's "line before it".
		return strconv.Itoa(s.start) + ",0"
	}
	return strconv.Itoa(s.start) + "," + strconv.Itoa(s.n)
}

// loneCRAsLF returns b with each CR not followed by LF replaced by LF (a
// copy, only when there is one).
func loneCRAsLF(b []byte) []byte {
	var out []byte
	for i, c := range b {
		if c == '\r' && (i+1 == len(b) || b[i+1] != '\n') {
			if out == nil {
				out = append([]byte(nil), b...)
			}
			out[i] = '\n'
		}
	}
	if out == nil {
		return b
	}
	return out
}
