package jsontext

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// pos is what Locate returns: line, column and the clamped offset.
type pos struct{ line, col, off int }

func locate(x *LineIndex, off int) pos {
	line, col, at := x.Locate(off)
	return pos{line, col, at}
}

// naivePos is the definition LineIndex implements: lines broken at LF, CRLF
// or a lone CR; the column counts the code points from the line start (after
// a BOM on line 1), an offset inside a character counting as the bytes
// decoded so far.
func naivePos(src []byte, bom, off int) pos {
	if off < bom {
		return pos{1, 1, off}
	}
	line, start := 1, bom
	for i := bom; i < off; i++ {
		if n := LineBreakLen(src, i); n > 0 && i+n <= off {
			i += n - 1
			line, start = line+1, i+1
		}
	}
	return pos{line, 1 + utf8.RuneCount(src[start:off]), off}
}

// TestLineIndex compares every offset of random texts (long lines, CRLF,
// lone CRs, multi-byte characters, a BOM) with the naive count, looked up in
// random order.
func TestLineIndex(t *testing.T) {
	pieces := []string{"a", "é", "€", "😀", "\n", "\r\n", "\r", "\"", " ", "{", "abcdefghij"}
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 200 {
		var b []byte
		bom := 0
		if trial%5 == 0 {
			b, bom = append(b, 0xEF, 0xBB, 0xBF), 3
		}
		n := r.IntN(2000)
		for len(b) < n {
			p := pieces[r.IntN(len(pieces))]
			if r.IntN(10) > 0 && (p == "\n" || p == "\r" || p == "\r\n") {
				p = "x" // mostly long lines
			}
			b = append(b, p...)
		}
		x := NewLineIndex(b, bom)
		for _, off := range r.Perm(len(b) + 1) {
			if got, want := locate(x, off), naivePos(b, bom, off); got != want {
				t.Fatalf("trial %d: pos(%d) = %v, want %v (%q)", trial, off, got, want, b)
			}
		}
	}
}

// TestLineIndexNoAllocs: a lookup allocates nothing.
func TestLineIndexNoAllocs(t *testing.T) {
	src := []byte("{" + strings.Repeat(`"é":1,`, 1500) + `"é":1}`)
	x := NewLineIndex(src, 0)
	i := 0
	if n := testing.AllocsPerRun(100, func() { x.Locate(i * 97 % len(src)); i++ }); n != 0 {
		t.Errorf("pos allocates %v times per call", n)
	}
}

// advanceBytes is advance one byte at a time, as it was written first:
// the oracle of TestAdvanceAgreesByteWise.
func advanceBytes(src []byte, from, to, line, col int) (int, int) {
	for i := from; i < to; i++ {
		c := src[i]
		switch {
		case c == '\n' || c == '\r' && (i+1 >= len(src) || src[i+1] != '\n'):
			line, col = line+1, 1
		case c < utf8.RuneSelf:
			col++
		default:
			_, size := utf8.DecodeRune(src[i:min(to, i+utf8.UTFMax)])
			i += size - 1
			col++
		}
	}
	return line, col
}

// TestAdvanceAgreesByteWise: on random texts of LF, CR, CRLF, multi-byte
// characters and invalid bytes, from and to anywhere.
func TestAdvanceAgreesByteWise(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	parts := []string{"a", "\n", "\r", "\r\n", "é", "€", "😀", "\xe2\x82", "\xff", "\x80", " ", "\"x\""}
	for trial := range 20000 {
		var b []byte
		for range r.IntN(30) {
			b = append(b, parts[r.IntN(len(parts))]...)
		}
		from := r.IntN(len(b) + 1)
		to := from + r.IntN(len(b)-from+1)
		l1, c1 := advance(b, from, to, 3, 7)
		l2, c2 := advanceBytes(b, from, to, 3, 7)
		if l1 != l2 || c1 != c2 {
			t.Fatalf("trial %d: advance(%q, %d, %d) = %d:%d, byte-wise %d:%d", trial, b, from, to, l1, c1, l2, c2)
		}
	}
}
