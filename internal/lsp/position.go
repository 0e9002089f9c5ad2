package lsp

import (
	"sort"
	"unicode/utf8"
)

// Position encodings (LSP 3.17 PositionEncodingKind).
const (
	encodingUTF8  = "utf-8"
	encodingUTF16 = "utf-16"
)

// lines indexes a text's line starts so that byte offsets (the engine's)
// and LSP positions convert both ways. A line ends at LF, CRLF or a lone
// CR, as the protocol says.
type lines struct {
	text   []byte
	starts []int
}

func newLines(text []byte) *lines {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		}
	}
	return &lines{text: text, starts: starts}
}

// lineEnd returns the offset of line n's break (or the text's end).
func (l *lines) lineEnd(n int) int {
	if n+1 >= len(l.starts) {
		return len(l.text)
	}
	end := l.starts[n+1] - 1
	if end > l.starts[n] && l.text[end] == '\n' && l.text[end-1] == '\r' {
		end--
	}
	return end
}

// position converts a byte offset to a position in the encoding.
func (l *lines) position(off int, enc string) Position {
	off = max(0, min(off, len(l.text)))
	n := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off }) - 1
	start := l.starts[n]
	if enc == encodingUTF8 {
		return Position{Line: n, Character: off - start}
	}
	units := 0
	for i := start; i < off; {
		r, size := utf8.DecodeRune(l.text[i:])
		i += size
		units += utf16Len(r)
	}
	return Position{Line: n, Character: units}
}

// offset converts a position to a byte offset. A character past the
// line's end means the end (as the protocol says); one inside a
// character (half of a surrogate pair, or inside a UTF-8 sequence)
// means that character's start.
func (l *lines) offset(p Position, enc string) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(l.starts) {
		return len(l.text)
	}
	start, end := l.starts[p.Line], l.lineEnd(p.Line)
	units := 0
	for i := start; i < end; {
		r, size := utf8.DecodeRune(l.text[i:])
		w := size
		if enc != encodingUTF8 {
			w = utf16Len(r)
		}
		if units+w > p.Character {
			return i
		}
		units += w
		i += size
	}
	return end
}

// rangeOf converts the byte span [from, to) to a range.
func (l *lines) rangeOf(from, to int, enc string) Range {
	return Range{Start: l.position(from, enc), End: l.position(to, enc)}
}

// utf16Len is how many UTF-16 code units encode r (an invalid byte is
// read as U+FFFD, one unit).
func utf16Len(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}
