package main

import (
	"bytes"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/azconn/azconn/validate"
)

// maxSnippet is the widest source excerpt shown, in code points; longer
// lines (minified payloads) are cut to a window around the finding.
const maxSnippet = 160

// snippetSource serves the source lines shown under findings: the redacted
// text, split where positions split lines (LF, CRLF and a lone CR). Each
// line is prepared once (its code points located, its redaction mapped)
// and kept while findings stay on it, so a long line with many findings
// costs one pass over it, not one per finding.
type snippetSource struct {
	src, red           []byte
	srcLines, redLines []lineSpan
	bom                int // a leading byte order mark is no column
	cur                *snippetLine
}

// lineSpan is a line's bytes [start, end), its line break excluded.
type lineSpan struct{ start, end int }

// snippetLine is one prepared line.
type snippetLine struct {
	n         int    // 1-based line number
	orig, red []byte // the line before and after redaction
	runes     []int  // byte offset in red of each code point, then len(red)
	// pre and suf are the lengths of the common prefix and suffix of orig
	// and red: what lies between them in orig is masked in red.
	pre, suf int
}

// splitSnippetLines returns the lines of b, split as validate counts
// positions: at LF, CRLF and a lone CR.
func splitSnippetLines(b []byte) []lineSpan {
	lines := make([]lineSpan, 0, bytes.Count(b, []byte{'\n'})+1)
	start := 0
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '\n':
			lines = append(lines, lineSpan{start, i})
			start = i + 1
		case '\r':
			lines = append(lines, lineSpan{start, i})
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
			start = i + 1
		}
	}
	return append(lines, lineSpan{start, len(b)})
}

func newSnippetSource(src []byte, t validate.Target) *snippetSource {
	red := validate.Redact(src, t)
	s := &snippetSource{src: src, red: red, srcLines: splitSnippetLines(src), redLines: splitSnippetLines(red)}
	if len(s.srcLines) != len(s.redLines) {
		// Redaction never joins or splits lines; if it ever did, show
		// no source rather than a misaligned one.
		return nil
	}
	if bytes.HasPrefix(src, []byte("\ufeff")) && bytes.HasPrefix(red, []byte("\ufeff")) {
		s.bom = len("\ufeff")
	}
	return s
}

// line prepares line n (1-based), or returns the one already prepared.
func (s *snippetSource) line(n int) *snippetLine {
	if s.cur != nil && s.cur.n == n {
		return s.cur
	}
	o, r := s.srcLines[n-1], s.redLines[n-1]
	if n == 1 {
		o.start, r.start = min(s.bom, o.end), min(s.bom, r.end)
	}
	l := &snippetLine{n: n, orig: s.src[o.start:o.end], red: s.red[r.start:r.end]}
	l.runes = make([]int, 0, utf8.RuneCount(l.red)+1)
	for i := range string(l.red) {
		l.runes = append(l.runes, i)
	}
	l.runes = append(l.runes, len(l.red))
	if !bytes.Equal(l.orig, l.red) {
		l.pre, l.suf = commonEnds(l.orig, l.red)
	} else {
		l.pre = len(l.orig)
	}
	s.cur = l
	return l
}

// commonEnds returns the lengths of the common prefix and suffix of a and
// b, not overlapping, each ending on a code point boundary.
func commonEnds(a, b []byte) (pre, suf int) {
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	for pre > 0 && pre < len(a) && !utf8.RuneStart(a[pre]) {
		pre--
	}
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	for suf > 0 && !utf8.RuneStart(a[len(a)-suf]) {
		suf--
	}
	return pre, suf
}

// redOffset maps a byte offset in the original line onto the redacted
// line: unchanged around the masked stretch, the mask's start inside it.
func (l *snippetLine) redOffset(off int) int {
	switch {
	case off <= l.pre:
		return off
	case off >= len(l.orig)-l.suf:
		return off + len(l.red) - len(l.orig)
	}
	return l.pre
}

// runeIndex returns the index of the code point holding byte off of the
// redacted line (len(runes)-1 at its end).
func (l *snippetLine) runeIndex(off int) int {
	i := sort.SearchInts(l.runes, off)
	if i < len(l.runes) && l.runes[i] == off {
		return i
	}
	return i - 1 // inside a multi-byte character: that character
}

// snippet returns the redacted source line of x and the caret line under
// its span. Columns count code points; tabs in the line are repeated in the
// caret line so the caret stays aligned in a terminal.
func (s *snippetSource) snippet(x validate.Finding) (line, caret string, ok bool) {
	if s == nil || x.Start.Line < 1 || x.Start.Line > len(s.srcLines) || x.Start.Column < 1 {
		return "", "", false
	}
	l := s.line(x.Start.Line)
	base := s.srcLines[x.Start.Line-1].start
	if x.Start.Line == 1 {
		base = min(s.bom, s.srcLines[0].end)
	}
	clamp := func(off int) int { return max(0, min(off-base, len(l.orig))) }
	startOff := clamp(x.Start.Offset)
	endOff := len(l.orig)
	if x.End.Line == x.Start.Line && x.End.Offset > x.Start.Offset {
		endOff = clamp(x.End.Offset)
	}
	start := l.runeIndex(l.redOffset(startOff))
	end := l.runeIndex(l.redOffset(endOff))
	if endOff > startOff && l.redOffset(endOff) > l.runes[end] {
		end++ // an end inside a character takes the whole character
	}
	if end <= start {
		end = start + 1
	}
	n := len(l.runes) - 1 // code points in the line
	// Window long lines.
	from, to := 0, n
	if n > maxSnippet {
		from = max(0, start-maxSnippet/3)
		to = min(n, from+maxSnippet)
		end = min(end, to)
	}
	var lb, cb strings.Builder
	lb.Grow(l.runes[to] - l.runes[from] + 8)
	cb.Grow(min(end, to) - from + 2)
	if from > 0 {
		lb.WriteString("…")
		cb.WriteByte(' ')
	}
	for i := from; i < to; i++ {
		c, _ := utf8.DecodeRune(l.red[l.runes[i]:])
		if c == '\t' || c >= ' ' && c != 0x7f && !(c >= 0x80 && c < 0xa0) {
			lb.WriteRune(c)
		} else {
			lb.WriteRune(utf8.RuneError) // never let control bytes reach the terminal
		}
		switch {
		case i < start:
			if c == '\t' {
				cb.WriteByte('\t')
			} else {
				cb.WriteByte(' ')
			}
		case i == start:
			cb.WriteByte('^')
		case i < end:
			cb.WriteByte('~')
		}
	}
	if start >= to { // a span at the end of the line (e.g. a missing value)
		cb.WriteByte('^')
	}
	if to < n {
		lb.WriteString("…")
	}
	return lb.String(), cb.String(), true
}
