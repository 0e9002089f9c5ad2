package main

import (
	"bytes"
	"fmt"
)

// diffContext is the number of unchanged lines around each change.
const diffContext = 3

// maxEditDistance bounds the Myers search; past it the differing middle is
// shown as one deletion and one insertion (still a correct diff, only not
// minimal), which keeps time and memory bounded on unrelated inputs.
const maxEditDistance = 4000

type opKind byte

const (
	opEqual  opKind = ' '
	opDelete opKind = '-'
	opInsert opKind = '+'
)

type edit struct {
	kind opKind
	a, b int // line index in a and b (for an insertion, a is where it goes; for a deletion, b)
}

// splitLines splits b after each '\n'; the last line may lack one.
func splitLines(b []byte) [][]byte {
	var lines [][]byte
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			lines = append(lines, b)
			break
		}
		lines = append(lines, b[:i+1])
		b = b[i+1:]
	}
	return lines
}

// unifiedDiff returns the unified diff (GNU format, three lines of context)
// turning a into b, with "--- a/aName" and "+++ b/bName" headers, or nil
// when they are equal. Line endings are part of the lines, so a CRLF file
// diffs cleanly against itself.
func unifiedDiff(aName, bName string, a, b []byte) []byte {
	if bytes.Equal(a, b) {
		return nil
	}
	al, bl := splitLines(a), splitLines(b)
	edits := diffLines(al, bl)

	var out bytes.Buffer
	fmt.Fprintf(&out, "--- a/%s\n+++ b/%s\n", aName, bName)
	for i := 0; i < len(edits); {
		// Find the next change.
		for i < len(edits) && edits[i].kind == opEqual {
			i++
		}
		if i == len(edits) {
			break
		}
		start := max(0, i-diffContext)
		// Extend the hunk while changes are within 2*context of each other.
		end := i
		for {
			for end < len(edits) && edits[end].kind != opEqual {
				end++
			}
			run := end
			for run < len(edits) && edits[run].kind == opEqual {
				run++
			}
			if run < len(edits) && run-end <= 2*diffContext {
				end = run
				continue
			}
			end = min(len(edits), end+diffContext)
			break
		}
		writeHunk(&out, edits[start:end], al, bl)
		i = end
	}
	return out.Bytes()
}

func writeHunk(out *bytes.Buffer, h []edit, al, bl [][]byte) {
	aStart, bStart, aN, bN := -1, -1, 0, 0
	for _, e := range h {
		if e.kind != opInsert {
			if aStart < 0 {
				aStart = e.a
			}
			aN++
		}
		if e.kind != opDelete {
			if bStart < 0 {
				bStart = e.b
			}
			bN++
		}
	}
	// An empty side is numbered by the line before it (GNU convention).
	if aStart < 0 {
		aStart = h[0].a - 1
	}
	if bStart < 0 {
		bStart = h[0].b - 1
	}
	fmt.Fprintf(out, "@@ -%s +%s @@\n", hunkRange(aStart, aN), hunkRange(bStart, bN))
	for _, e := range h {
		var line []byte
		switch e.kind {
		case opInsert:
			line = bl[e.b]
		default:
			line = al[e.a]
		}
		out.WriteByte(byte(e.kind))
		out.Write(line)
		if len(line) == 0 || line[len(line)-1] != '\n' {
			out.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

// hunkRange formats a 0-based start and a count as "line,count" (1-based),
// omitting ",1" as GNU diff does.
func hunkRange(start, n int) string {
	if n == 1 {
		return fmt.Sprint(start + 1)
	}
	if n == 0 {
		return fmt.Sprintf("%d,0", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

// diffLines returns an edit script from a to b: Myers' O(ND) algorithm on
// the part between the common prefix and suffix.
func diffLines(a, b [][]byte) []edit {
	pre := 0
	for pre < len(a) && pre < len(b) && bytes.Equal(a[pre], b[pre]) {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && bytes.Equal(a[len(a)-1-suf], b[len(b)-1-suf]) {
		suf++
	}
	var edits []edit
	for i := 0; i < pre; i++ {
		edits = append(edits, edit{opEqual, i, i})
	}
	edits = append(edits, myers(a[pre:len(a)-suf], b[pre:len(b)-suf], pre, pre)...)
	for i := 0; i < suf; i++ {
		edits = append(edits, edit{opEqual, len(a) - suf + i, len(b) - suf + i})
	}
	return edits
}

// myers diffs a and b, whose first lines are line aOff and bOff of the
// whole inputs.
func myers(a, b [][]byte, aOff, bOff int) []edit {
	n, m := len(a), len(b)
	replaceAll := func() []edit {
		var e []edit
		for i := range n {
			e = append(e, edit{opDelete, aOff + i, bOff})
		}
		for j := range m {
			e = append(e, edit{opInsert, aOff + n, bOff + j})
		}
		return e
	}
	if n == 0 || m == 0 {
		return replaceAll()
	}
	maxD := min(n+m, maxEditDistance)
	// v[k+off] is the furthest x on diagonal k; trace keeps v for each d.
	off := maxD + 1
	v := make([]int, 2*off+1)
	var trace [][]int
	found := false
	var dEnd int
	for d := 0; d <= maxD && !found; d++ {
		snap := make([]int, 2*d+3)
		copy(snap, v[off-d-1:off+d+2])
		trace = append(trace, snap)
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && bytes.Equal(a[x], b[y]) {
				x, y = x+1, y+1
			}
			v[off+k] = x
			if x >= n && y >= m {
				found, dEnd = true, d
				break
			}
		}
	}
	if !found {
		return replaceAll()
	}
	// Walk back through the snapshots (snapshot d holds v before round d,
	// i.e. the result of round d-1, for diagonals -d-1..d+1).
	var rev []edit
	x, y := n, m
	for d := dEnd; d > 0; d-- {
		prev := trace[d]
		get := func(k int) int { return prev[k+d+1] }
		k := x - y
		var pk int
		if k == -d || (k != d && get(k-1) < get(k+1)) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := get(pk)
		py := px - pk
		for x > px && y > py {
			x, y = x-1, y-1
			rev = append(rev, edit{opEqual, aOff + x, bOff + y})
		}
		if x == px {
			y--
			rev = append(rev, edit{opInsert, aOff + x, bOff + y})
		} else {
			x--
			rev = append(rev, edit{opDelete, aOff + x, bOff + y})
		}
	}
	for x > 0 && y > 0 {
		x, y = x-1, y-1
		rev = append(rev, edit{opEqual, aOff + x, bOff + y})
	}
	out := make([]edit, len(rev))
	for i, e := range rev {
		out[len(rev)-1-i] = e
	}
	return out
}
