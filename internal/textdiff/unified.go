// Package textdiff writes the unified diff of two texts, as GNU diff -u
// writes it and patch reads it, in O(n log n) time and linear memory on
// any input. It knows nothing of JSON, findings or files.
package textdiff

import "bytes"

// Unified returns the unified diff (three lines of context) turning a
// into b, with "--- a/aName" and "+++ b/bName" headers, or nil when they are
// equal. Line endings are part of the lines, so a CRLF file diffs cleanly
// against itself.
//
// The diff itself is anchored (anchoredDiff); its runs of changed lines
// are then narrowed to the lines that really differ (change.flush).
func Unified(aName, bName string, a, b []byte) []byte {
	// A lone CR ends a line, as positions count lines; the diff splits at
	// LF only, so a file of CR line endings would be one line: read it as
	// LF here. (A file with LF in it keeps its bytes, so patch applies.)
	if !bytes.Contains(a, []byte{'\n'}) && !bytes.Contains(b, []byte{'\n'}) {
		a, b = loneCRAsLF(a), loneCRAsLF(b)
	}
	// The names may contain anything but a line break (callers escape
	// them), so the headers are the first two lines.
	d := anchoredDiff("a/"+aName, a, "b/"+bName, b)
	if d == nil {
		return nil
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
