package secrets

import (
	"sort"
	"strings"
)

// matcher finds every occurrence of a set of patterns in one pass over a
// text (Aho–Corasick), so that searching free text for many secrets costs
// the length of the text, not text × secrets. Most of a text is read in
// the root state, whose moves are one table lookup; the other states keep
// their few edges in a list.
type matcher struct {
	// With few patterns (a body's one password has up to four forms),
	// looking for each with strings.Index is several times faster than a
	// step per byte, and still linear; the automaton is built only for
	// more.
	few []string
	*automaton
}

// automaton is the Aho–Corasick automaton of a matcher's patterns.
type automaton struct {
	root  [256]int32 // the root's move over each byte (0: stay)
	first []int32    // state → its edges in edges[first[s]:first[s+1]]
	edges []edge
	fail  []int32 // longest proper suffix of a state that is a state
	out   []int32 // length of the longest pattern ending at a state, through fail links
}

type edge struct {
	c  byte
	to int32
}

// fewPatterns is how many patterns the matcher looks for one by one.
const fewPatterns = 8

func newMatcher(patterns []string) *matcher {
	if len(patterns) <= fewPatterns {
		return &matcher{few: patterns}
	}
	// The trie has at most one state per pattern byte, plus the root:
	// sized so, its tables are allocated once instead of growing by
	// 1.25x (which cost some four times their final size).
	states := 1
	for _, pat := range patterns {
		states += len(pat)
	}
	m := &matcher{automaton: &automaton{fail: make([]int32, 1, states), out: make([]int32, 1, states)}}
	children := make([][]edge, 1, states) // the trie, by state
	child := func(s int32, c byte) (int32, bool) {
		for _, e := range children[s] {
			if e.c == c {
				return e.to, true
			}
		}
		return 0, false
	}
	for _, pat := range patterns {
		s := int32(0)
		for i := 0; i < len(pat); i++ {
			t, ok := child(s, pat[i])
			if !ok {
				t = int32(len(m.fail))
				m.fail = append(m.fail, 0)
				m.out = append(m.out, 0)
				children = append(children, nil)
				children[s] = append(children[s], edge{pat[i], t})
			}
			s = t
		}
		m.out[s] = max(m.out[s], int32(len(pat)))
	}
	m.first = make([]int32, len(children)+1)
	for s, es := range children {
		m.first[s+1] = m.first[s]
		if s == 0 {
			for _, e := range es {
				m.root[e.c] = e.to
			}
			continue
		}
		m.edges = append(m.edges, es...)
		m.first[s+1] += int32(len(es))
	}
	// Breadth first, so that a state's fail link is done before its
	// children's.
	queue := make([]int32, 0, len(m.fail))
	for _, e := range children[0] {
		queue = append(queue, e.to)
	}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		for _, e := range children[u] {
			m.fail[e.to] = m.step(m.fail[u], e.c)
			m.out[e.to] = max(m.out[e.to], m.out[m.fail[e.to]])
			queue = append(queue, e.to)
		}
	}
	return m
}

// step moves from state s over byte c.
func (m *matcher) step(s int32, c byte) int32 {
	for s != 0 {
		for _, e := range m.edges[m.first[s]:m.first[s+1]] {
			if e.c == c {
				return e.to
			}
		}
		s = m.fail[s]
	}
	return m.root[c]
}

// contains reports whether text holds any pattern.
func (m *matcher) contains(text string) bool {
	if m == nil {
		return false
	}
	if m.few != nil {
		return containsAny(text, m.few)
	}
	s := int32(0)
	for i := 0; i < len(text); i++ {
		s = m.step(s, text[i])
		if m.out[s] > 0 {
			return true
		}
	}
	return false
}

// spans appends to out the byte spans of text covered by pattern
// occurrences, overlapping and adjacent ones merged, in order.
func spans(m *matcher, text string, out []span) []span {
	if m == nil {
		return out
	}
	if m.few != nil {
		return fewSpans(m.few, text, out)
	}
	base := len(out)
	s := int32(0)
	for i := 0; i < len(text); i++ {
		s = m.step(s, text[i])
		n := int(m.out[s])
		if n == 0 {
			continue
		}
		// Occurrences come by end; a longer one may reach back over
		// earlier spans, which it then absorbs.
		sp := span{i + 1 - n, i + 1}
		for len(out) > base && out[len(out)-1].end >= sp.start {
			sp.start = min(sp.start, out[len(out)-1].start)
			out = out[:len(out)-1]
		}
		out = append(out, sp)
	}
	return out
}

// containsAny reports whether text holds one of patterns.
func containsAny(text string, patterns []string) bool {
	for _, p := range patterns {
		if strings.Contains(text, p) {
			return true
		}
	}
	return false
}

// fewSpans is spans by looking for each pattern in turn: every occurrence,
// overlapping ones too, then sorted and merged.
func fewSpans(patterns []string, text string, out []span) []span {
	base := len(out)
	for _, p := range patterns {
		for from := 0; p != "" && from < len(text); {
			i := strings.Index(text[from:], p)
			if i < 0 {
				break
			}
			out = append(out, span{from + i, from + i + len(p)})
			from += i + 1
		}
	}
	found := out[base:]
	if len(found) < 2 {
		return out
	}
	sortSpans(found)
	merged := found[:1]
	for _, sp := range found[1:] {
		if last := &merged[len(merged)-1]; sp.start <= last.end {
			last.end = max(last.end, sp.end)
		} else {
			merged = append(merged, sp)
		}
	}
	return out[:base+len(merged)]
}

// sortSpans sorts spans by start. sort.Slice rather than slices.SortFunc:
// the generic sort would be compiled once more for this package's span
// type (some 7 KB of main.wasm), and the spans sorted are few.
func sortSpans(sp []span) {
	sort.Slice(sp, func(a, b int) bool { return sp[a].start < sp[b].start })
}
