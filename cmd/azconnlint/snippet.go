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
// text, split where positions split lines (LF, CRLF and a lone CR), with
// the spans redaction masked, through which a finding's offsets map onto
// the redacted text. Each line's code points are located once and kept
// while findings stay on it, so a long line with many findings costs one
// pass over it, not one per finding.
type snippetSource struct {
	src, red           []byte
	spans              []validate.Span
	srcLines, redLines []lineSpan
	bom                int // a leading byte order mark is no column
	cur                *snippetLine
}

// lineSpan is a line's bytes [start, end), its line break excluded.
type lineSpan struct{ start, end int }

// snippetLine is one prepared line of the redacted text.
type snippetLine struct {
	n     int    // 1-based line number
	start int    // offset of its first shown byte in the redacted text
	red   []byte // the redacted line
	runes []int  // byte offset in red of each code point, then len(red)
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
	red, spans := validate.RedactSpans(src, t)
	s := &snippetSource{src: src, red: red, spans: spans, srcLines: splitSnippetLines(src), redLines: splitSnippetLines(red)}
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
	r := s.redLines[n-1]
	if n == 1 {
		r.start = min(s.bom, r.end)
	}
	l := &snippetLine{n: n, start: r.start, red: s.red[r.start:r.end]}
	l.runes = make([]int, 0, utf8.RuneCount(l.red)+1)
	for i := range string(l.red) {
		l.runes = append(l.runes, i)
	}
	l.runes = append(l.runes, len(l.red))
	s.cur = l
	return l
}

// redOffset maps a byte offset of the input onto the redacted text: by
// the shift of the masked spans before it, or to a mask's start inside one.
func (s *snippetSource) redOffset(off int) int {
	i := sort.Search(len(s.spans), func(i int) bool { return s.spans[i].Start > off }) - 1
	if i < 0 {
		return off
	}
	sp := s.spans[i]
	if off < sp.End {
		return sp.OutStart
	}
	return off - sp.End + sp.OutEnd
}

// runeIndex returns the index of the code point holding byte off of the
// line (len(runes)-1 at its end).
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
	// The span in the line's bytes, clamped to the line.
	clamp := func(off int) int { return max(0, min(s.redOffset(off)-l.start, len(l.red))) }
	startOff, endOff := clamp(x.Start.Offset), len(l.red)
	if x.End.Line == x.Start.Line && x.End.Offset > x.Start.Offset {
		endOff = clamp(x.End.Offset)
	}
	start, end := l.runeIndex(startOff), l.runeIndex(endOff)
	if endOff > l.runes[end] {
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
		if c == '[' && closesOpener(l.red[:l.runes[i]+1]) {
			// A pipeline command opener: "\[" shown, the caret line
			// widened with it so the carets stay under their characters.
			lb.WriteByte('\\')
			switch {
			case i <= start:
				cb.WriteByte(' ')
			case i < end:
				cb.WriteByte('~')
			}
		}
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

// closesOpener reports whether b ends with a pipeline command opener
// ("##vso[" or "##[", any case), whose "[" the snippet neutralises.
func closesOpener(b []byte) bool {
	for _, o := range openers {
		if len(b) >= len(o) && openerLen(b[len(b)-len(o):]) == len(o) {
			return true
		}
	}
	return false
}
