// Package suggest finds the "did you mean" candidate for a misspelt name,
// for the engine's messages and the CLI's usage errors alike.
package suggest

import (
	"unicode"
	"unicode/utf8"
)

// Distance returns the Levenshtein distance between a and b, by code
// points, ignoring case.
func Distance(a, b string) int {
	// Names are short: their runes and the two rows live on the stack
	// (a name past the buffers' size moves to the heap as append does).
	var bufA, bufB [64]rune
	var bufP, bufC [65]int
	ra, rb := lowerRunes(bufA[:0], a), lowerRunes(bufB[:0], b)
	prev, cur := bufP[:0], bufC[:0]
	for range len(rb) + 1 {
		prev, cur = append(prev, 0), append(cur, 0)
	}
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Nearest returns the candidate closest to name when it is close enough to
// be a plausible typo (at most limit edits), else "".
func Nearest(name string, candidates []string, limit int) string {
	best, bestD := "", limit+1
	n := utf8.RuneCountInString(name)
	for _, c := range candidates {
		// The distance is at least the difference in length: skip
		// candidates too far off without the quadratic count, so that
		// a megabyte-long name costs its length, not its length squared
		// per candidate.
		if m := utf8.RuneCountInString(c); n-m > limit || m-n > limit {
			continue
		}
		if d := Distance(name, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// Limit is the default typo allowance: a third of the name's length, at
// least 1 and at most 3.
func Limit(name string) int {
	return min(3, max(1, utf8.RuneCountInString(name)/3))
}

// lowerRunes appends the code points of s, each lowered as strings.ToLower
// does, to buf.
func lowerRunes(buf []rune, s string) []rune {
	for _, r := range s {
		buf = append(buf, unicode.ToLower(r))
	}
	return buf
}
