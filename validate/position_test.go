package validate

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// naivePos is the definition lineIndex implements: lines broken at LF, CRLF
// or a lone CR; the column counts the code points from the line start (after
// a BOM on line 1), an offset inside a character counting as the bytes
// decoded so far.
func naivePos(src []byte, bom, off int) Pos {
	if off < bom {
		return Pos{1, 1, off}
	}
	line, start := 1, bom
	for i := bom; i < off; i++ {
		if n := lineBreakLen(src, i); n > 0 && i+n <= off {
			i += n - 1
			line, start = line+1, i+1
		}
	}
	return Pos{line, 1 + utf8.RuneCount(src[start:off]), off}
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
		x := newLineIndex(b, bom)
		for _, off := range r.Perm(len(b) + 1) {
			if got, want := x.pos(off), naivePos(b, bom, off); got != want {
				t.Fatalf("trial %d: pos(%d) = %v, want %v (%q)", trial, off, got, want, b)
			}
		}
	}
}

// TestLineIndexNoAllocs: a lookup allocates nothing.
func TestLineIndexNoAllocs(t *testing.T) {
	src := repeatTo(10000, "{", `"é":1`, ",", "}")
	x := newLineIndex(src, 0)
	i := 0
	if n := testing.AllocsPerRun(100, func() { x.pos(i * 97 % len(src)); i++ }); n != 0 {
		t.Errorf("pos allocates %v times per call", n)
	}
}
