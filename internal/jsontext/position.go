package jsontext

import (
	"bytes"
	"unicode/utf8"
)

// checkpointEvery is the distance in bytes between two checkpoints of a
// LineIndex: a lookup counts at most about this many bytes.
const checkpointEvery = 128

// LineIndex turns byte offsets into positions. It is built once, when the
// first finding needs a position (clean input pays nothing for it), in one
// pass over the input: a checkpoint every checkpointEvery bytes records the
// line and column there. A lookup then counts from the checkpoint at or
// before the offset: O(checkpointEvery) per lookup, in any order, with no
// allocation, so findings that arrive out of document order (schema errors,
// the first occurrence of a duplicate key) cost no more than ordered ones.
type LineIndex struct {
	src []byte
	bom int // length of a leading byte order mark, not counted as a column
	cps []checkpoint
}

// checkpoint is the position of a character boundary near a multiple of
// checkpointEvery: its byte offset, 1-based line and 1-based column.
type checkpoint struct {
	off, line, col int
}

// LineBreakLen returns the length of the line break at i: 2 for CRLF, 1 for
// LF or a lone CR, 0 otherwise.
func LineBreakLen(b []byte, i int) int {
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

// NewLineIndex indexes src, whose first bom bytes are a byte order mark.
func NewLineIndex(src []byte, bom int) *LineIndex {
	x := &LineIndex{src: src, bom: bom, cps: make([]checkpoint, 0, len(src)/checkpointEvery+1)}
	line, col := 1, 1
	at := bom
	x.cps = append(x.cps, checkpoint{at, 1, 1})
	for k := 1; k*checkpointEvery < len(src); k++ {
		// Move to a character boundary (at most three bytes on), so that
		// counting from a checkpoint and from the line start agree.
		next := k * checkpointEvery
		for i := 0; i < utf8.UTFMax-1 && next < len(src) && !utf8.RuneStart(src[next]); i++ {
			next++
		}
		line, col = advance(src, at, next, line, col)
		at = next
		x.cps = append(x.cps, checkpoint{at, line, col})
	}
	return x
}

// advance returns the line and column at byte to, counting on from the
// line and column at byte from (a character boundary). Lines end at LF, at
// CRLF and at a lone CR; a multi-byte character counts once, and invalid
// bytes (which only the encoding finding can point near) one each, as
// utf8.RuneCount counts them. It goes a line at a time, finding line ends
// with bytes.IndexByte, since it runs over the whole input once.
func advance(src []byte, from, to, line, col int) (int, int) {
	for from < to {
		seg := src[from:to]
		end := bytes.IndexByte(seg, '\n')
		if end < 0 {
			end = len(seg)
		}
		// A CR before the LF ends the line first, unless an LF follows it
		// (in the whole input: to may fall between the two).
		for k := 0; k < end; {
			r := bytes.IndexByte(seg[k:end], '\r')
			if r < 0 {
				break
			}
			r += k
			if from+r+1 >= len(src) || src[from+r+1] != '\n' {
				end = r
				break
			}
			k = r + 1
		}
		col += utf8.RuneCount(seg[:end])
		if end == len(seg) {
			break
		}
		line, col = line+1, 1
		from += end + 1
	}
	return line, col
}

// Locate returns the 1-based line and column (in code points) of byte
// offset off, and off clamped to the input.
func (x *LineIndex) Locate(off int) (line, col, at int) {
	off = max(0, min(off, len(x.src)))
	if off < x.bom {
		return 1, 1, off
	}
	// Checkpoint k sits at k*checkpointEvery or up to three bytes on.
	k := min(off/checkpointEvery, len(x.cps)-1)
	if k > 0 && x.cps[k].off > off {
		k--
	}
	cp := x.cps[k]
	line, col = advance(x.src, cp.off, off, cp.line, cp.col)
	return line, col, off
}
