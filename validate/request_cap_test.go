package validate

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestMergeFindings checks that merging two sorted runs gives what a
// stable sort of the first run followed by the second gives: runs in text
// order, overlapping runs, and ties (the first run's finding first).
func TestMergeFindings(t *testing.T) {
	at := func(start, end int, rule, msg string) Finding {
		return Finding{Rule: rule, Message: msg, Start: Pos{Offset: start}, End: Pos{Offset: end}}
	}
	r := rand.New(rand.NewPCG(1, 2))
	random := func(n int) []Finding {
		fs := make([]Finding, n)
		for i := range fs {
			s := r.IntN(20)
			fs[i] = at(s, s+r.IntN(3), []string{"a", "b"}[r.IntN(2)], string(rune('A'+i)))
		}
		slices.SortStableFunc(fs, compareFindings)
		return fs
	}
	cases := [][2][]Finding{
		{nil, nil},
		{{at(0, 3, "bom", "x")}, nil},
		{nil, {at(5, 6, "a", "x")}},
		{{at(0, 3, "bom", "1"), at(4, 5, "a", "2")}, {at(7, 9, "a", "3"), at(8, 8, "b", "4")}},
		{{at(4, 5, "a", "first")}, {at(4, 5, "a", "second")}},
		{{at(1, 9, "a", "1"), at(6, 7, "a", "2")}, {at(3, 4, "b", "3"), at(8, 8, "a", "4")}},
	}
	for range 200 {
		cases = append(cases, [2][]Finding{random(r.IntN(6)), random(r.IntN(6))})
	}
	for _, c := range cases {
		want := slices.Concat(c[0], c[1])
		slices.SortStableFunc(want, compareFindings)
		got := mergeFindings(slices.Clone(c[0]), c[1])
		if !slices.EqualFunc(got, want, func(a, b Finding) bool { return a.Message == b.Message && compareFindings(a, b) == 0 }) {
			t.Fatalf("mergeFindings(%v, %v) = %v, want %v", c[0], c[1], got, want)
		}
	}
}
