package secrets

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestMatcher(t *testing.T) {
	m := newMatcher([]string{"xy", "ab", "abcxyz", "he", "she", "hers"})
	got := spans(m, "abcxyz ushers he", nil)
	want := []span{{0, 6}, {8, 13}, {14, 16}}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
	if !m.contains("ushers") || !m.contains("usher") || m.contains("xzy") {
		t.Errorf("contains")
	}
}

// TestMatcherNaive compares the matcher with marking every occurrence of
// every pattern by strings.Index, on random patterns over a small alphabet
// (so that patterns overlap, nest and share suffixes).
func TestMatcherNaive(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	word := func(n int) string { return randomWord(r, "abc", n) }
	for trial := range 2000 {
		var pats []string
		for range 1 + r.IntN(2*fewPatterns) { // both ways of searching
			pats = append(pats, word(1+r.IntN(4)))
		}
		text := word(r.IntN(40))
		covered := make([]bool, len(text))
		for _, p := range pats {
			for i := 0; i+len(p) <= len(text); i++ {
				if text[i:i+len(p)] == p {
					for j := i; j < i+len(p); j++ {
						covered[j] = true
					}
				}
			}
		}
		var want []span
		for i := 0; i < len(text); i++ {
			if covered[i] {
				j := i
				for j < len(text) && covered[j] {
					j++
				}
				want = append(want, span{i, j})
				i = j
			}
		}
		m := newMatcher(pats)
		if got := spans(m, text, nil); !slices.Equal(got, want) {
			t.Fatalf("trial %d: patterns %q in %q: got %v, want %v", trial, pats, text, got, want)
		}
		if m.contains(text) != (len(want) > 0) {
			t.Fatalf("trial %d: contains(%q) with %q", trial, text, pats)
		}
	}
}
