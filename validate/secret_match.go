package validate

// matcher finds every occurrence of a set of patterns in one pass over a
// text (Aho–Corasick), so that searching free text for many secrets costs
// the length of the text, not text × secrets.
type matcher struct {
	next map[uint64]int32 // state<<8 | byte → state: the trie's edges
	fail []int32          // longest proper suffix of a state that is a state
	out  []int32          // length of the longest pattern ending at a state, through fail links
}

func newMatcher(patterns []string) *matcher {
	m := &matcher{next: map[uint64]int32{}, fail: []int32{0}, out: []int32{0}}
	type edge struct {
		c  byte
		to int32
	}
	children := [][]edge{nil}
	for _, pat := range patterns {
		s := int32(0)
		for i := 0; i < len(pat); i++ {
			key := uint64(s)<<8 | uint64(pat[i])
			t, ok := m.next[key]
			if !ok {
				t = int32(len(m.fail))
				m.next[key] = t
				m.fail = append(m.fail, 0)
				m.out = append(m.out, 0)
				children = append(children, nil)
				children[s] = append(children[s], edge{pat[i], t})
			}
			s = t
		}
		m.out[s] = max(m.out[s], int32(len(pat)))
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
			f := m.fail[u]
			for {
				if t, ok := m.next[uint64(f)<<8|uint64(e.c)]; ok {
					m.fail[e.to] = t
					break
				}
				if f == 0 {
					break
				}
				f = m.fail[f]
			}
			m.out[e.to] = max(m.out[e.to], m.out[m.fail[e.to]])
			queue = append(queue, e.to)
		}
	}
	return m
}

// step moves from state s over byte c.
func (m *matcher) step(s int32, c byte) int32 {
	for {
		if t, ok := m.next[uint64(s)<<8|uint64(c)]; ok {
			return t
		}
		if s == 0 {
			return 0
		}
		s = m.fail[s]
	}
}

// contains reports whether text holds any pattern.
func (m *matcher) contains(text string) bool {
	if m == nil {
		return false
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
func (m *matcher) spans(text []byte, out []span) []span {
	if m == nil {
		return out
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
