package textdiff

import (
	"bytes"
	"sort"
	"strconv"
	"strings"
)

// context is how many unchanged lines a hunk shows around a change.
const context = 3

// anchoredDiff returns the unified diff of a into b: "--- aName" and
// "+++ bName" headers, then hunks with GNU's ranges. It is an anchored
// diff (Go's internal/diff, also go-internal/diff, whose output it
// reproduces line for line): the lines that occur exactly once in each
// text anchor the match, the longest increasing run of them (patience
// sorting) is kept, and each anchor grows over the equal lines around
// it. That takes O(n log n) time and linear memory on any input, where
// a minimal diff (Myers) can take quadratic time; the price is a larger
// diff where the changed lines repeat elsewhere, which change.flush
// narrows afterwards.
func anchoredDiff(aName string, a []byte, bName string, b []byte) []byte {
	if bytes.Equal(a, b) {
		return nil
	}
	x, y := lines(a), lines(b)
	out := []byte("--- " + aName + "\n+++ " + bName + "\n")
	var h hunk
	var done pair // x[:done.x] and y[:done.y] are written or skipped
	for _, m := range anchors(x, y) {
		if m.x < done.x {
			continue // inside a match already grown over
		}
		start, end := m, m
		for start.x > done.x && start.y > done.y && x[start.x-1] == y[start.y-1] {
			start.x, start.y = start.x-1, start.y-1
		}
		for end.x < len(x) && end.y < len(y) && x[end.x] == y[end.y] {
			end.x, end.y = end.x+1, end.y+1
		}
		h.remove(x[done.x:start.x])
		h.add(y[done.y:start.y])
		same := end.x - start.x
		atEnd := end.x >= len(x) && end.y >= len(y)
		if !atEnd && (same < context || len(h.text) > 0 && same < 2*context) {
			// Too few equal lines to close the hunk and open another.
			h.keep(x[start.x:end.x])
			done = end
			continue
		}
		if len(h.text) > 0 {
			n := min(same, context)
			h.keep(x[start.x : start.x+n])
			out = h.appendTo(out)
			h = hunk{text: h.text[:0]}
		}
		if atEnd {
			break
		}
		h.start = pair{end.x - context, end.y - context}
		h.keep(x[h.start.x:end.x])
		done = end
	}
	return out
}

// pair is a line index in each text.
type pair struct{ x, y int }

// hunk is one hunk being written: its first line in each text
// (0-based), its line count in each and its lines, each with its
// ' ', '-' or '+'.
type hunk struct {
	start, count pair
	text         []string
}

func (h *hunk) remove(ls []string) {
	for _, l := range ls {
		h.text = append(h.text, "-"+l)
	}
	h.count.x += len(ls)
}

func (h *hunk) add(ls []string) {
	for _, l := range ls {
		h.text = append(h.text, "+"+l)
	}
	h.count.y += len(ls)
}

func (h *hunk) keep(ls []string) {
	for _, l := range ls {
		h.text = append(h.text, " "+l)
	}
	h.count.x += len(ls)
	h.count.y += len(ls)
}

// appendTo writes the hunk's header and lines.
func (h *hunk) appendTo(out []byte) []byte {
	out = append(out, "@@ -"...)
	out = appendRange(out, h.start.x, h.count.x)
	out = append(out, " +"...)
	out = appendRange(out, h.start.y, h.count.y)
	out = append(out, " @@\n"...)
	for _, l := range h.text {
		out = append(out, l...)
	}
	return out
}

// appendRange writes one side of a hunk header in GNU's form: the first
// line 1-based and ",count" unless the count is 1; an empty side is
// numbered by the line before it (0-based first line), as GNU diff and
// patch expect.
func appendRange(out []byte, first, n int) []byte {
	if n > 0 {
		first++
	}
	out = strconv.AppendInt(out, int64(first), 10)
	if n != 1 {
		out = append(out, ',')
		out = strconv.AppendInt(out, int64(n), 10)
	}
	return out
}

// lines splits t after each LF. A last line without one gets one, and
// GNU's "\ No newline at end of file" line, so it differs from the same
// line with its LF.
func lines(t []byte) []string {
	ls := strings.SplitAfter(string(t), "\n")
	if ls[len(ls)-1] == "" {
		return ls[:len(ls)-1]
	}
	ls[len(ls)-1] += "\n\\ No newline at end of file\n"
	return ls
}

// anchors returns the longest common subsequence of the lines that occur
// once in x and once in y, as index pairs in increasing order, between
// the sentinels {0, 0} and {len(x), len(y)}. It is Algorithm A of
// Szymanski, "A special case of the maximal common subsequence problem"
// (1975): the longest increasing subsequence of the y ranks of x's
// unique lines, by patience sorting.
func anchors(x, y []string) []pair {
	xi, yi, rank := uniqueLines(x, y)
	n := len(xi)
	// tops[k] is the smallest rank ending an increasing run of k+1;
	// runLen[i] is the length of the longest run ending at rank[i].
	tops := make([]int, n)
	for i := range tops {
		tops[i] = n + 1
	}
	runLen := make([]int, n)
	longest := 0
	for i, r := range rank {
		k := sort.Search(n, func(k int) bool { return tops[k] >= r })
		tops[k] = r
		runLen[i] = k + 1
		longest = max(longest, k+1)
	}
	seq := make([]pair, longest+2)
	seq[longest+1] = pair{len(x), len(y)}
	// The last line with each run length, from the longest down, is
	// above the one before it in both texts.
	for i, k := n-1, longest; i >= 0; i-- {
		if runLen[i] == k {
			seq[k] = pair{xi[i], yi[rank[i]]}
			k--
		}
	}
	return seq
}

// uniqueLines returns the indexes in x of the lines that occur once in
// x and once in y (xi, increasing), the indexes in y of those lines
// (yi, increasing), and for each xi[i] the index into yi of its line.
func uniqueLines(x, y []string) (xi, yi, rank []int) {
	// seen holds each line's count in x (0, 1 or 2 for more) plus four
	// times its count in y, the same way; 1+4 is a unique line. Then a
	// unique line's entry becomes its index into yi, negated less one.
	seen := make(map[string]int)
	for _, l := range x {
		if c := seen[l]; c%4 < 2 {
			seen[l] = c + 1
		}
	}
	for _, l := range y {
		if c := seen[l]; c/4 < 2 {
			seen[l] = c + 4
		}
	}
	for i, l := range y {
		if seen[l] == 1+4 {
			seen[l] = -1 - len(yi)
			yi = append(yi, i)
		}
	}
	for i, l := range x {
		if r := seen[l]; r < 0 {
			xi = append(xi, i)
			rank = append(rank, -1-r)
		}
	}
	return xi, yi, rank
}
