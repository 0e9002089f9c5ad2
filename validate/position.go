package validate

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// lineIndex turns byte offsets into positions. It is built only when a
// finding needs a position, so clean input pays nothing for it.
type lineIndex struct {
	src    []byte
	starts []int // byte offset of each line's first byte
	bom    int   // length of a leading byte order mark, not counted as a column
	// last is the previous answer: findings come mostly in document order,
	// so counting on from it keeps a long minified line linear.
	last Pos
}

// lineBreakLen returns the length of the line break at i: 2 for CRLF, 1 for
// LF or a lone CR, 0 otherwise.
func lineBreakLen(b []byte, i int) int {
	switch b[i] {
	case '\n':
		return 1
	case '\r':
		if i+1 < len(b) && b[i+1] == '\n' {
			return 2
		}
		return 1
	}
	return 0
}

func newLineIndex(src []byte, bom int) *lineIndex {
	n := bytes.Count(src, []byte{'\n'}) + 1
	hasCR := bytes.IndexByte(src, '\r') >= 0
	if hasCR {
		n += bytes.Count(src, []byte{'\r'})
	}
	x := &lineIndex{src: src, starts: make([]int, 1, n), bom: bom}
	if !hasCR { // jump from LF to LF
		for i := 0; ; {
			j := bytes.IndexByte(src[i:], '\n')
			if j < 0 {
				return x
			}
			i += j + 1
			x.starts = append(x.starts, i)
		}
	}
	for i := 0; i < len(src); i++ {
		if n := lineBreakLen(src, i); n > 0 {
			i += n - 1
			x.starts = append(x.starts, i+1)
		}
	}
	return x
}

// pos returns the position of byte offset off (clamped to the input).
func (x *lineIndex) pos(off int) Pos {
	off = max(0, min(off, len(x.src)))
	line := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off }) - 1
	start := x.starts[line]
	if line == 0 && off >= x.bom {
		start = x.bom
	}
	col := 1
	if x.last.Line == line+1 && x.last.Offset >= start && x.last.Offset <= off &&
		(x.last.Offset == len(x.src) || utf8.RuneStart(x.src[x.last.Offset])) {
		start, col = x.last.Offset, x.last.Column
	}
	// An offset inside a multi-byte character counts as that character.
	p := Pos{Line: line + 1, Column: col + utf8.RuneCount(x.src[start:off]), Offset: off}
	x.last = p
	return p
}

// line returns the text of the 1-based line n without its line break.
func (x *lineIndex) line(n int) []byte {
	if n < 1 || n > len(x.starts) {
		return nil
	}
	s := x.starts[n-1]
	e := len(x.src)
	if n < len(x.starts) {
		e = x.starts[n]
	}
	for e > s && (x.src[e-1] == '\n' || x.src[e-1] == '\r') {
		e--
	}
	return x.src[s:e]
}
