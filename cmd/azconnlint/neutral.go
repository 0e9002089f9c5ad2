package main

import (
	"bytes"
	"io"
	"strings"
	"unicode"
)

// Pipeline commands (SPEC §13). The Azure Pipelines agent runs "##vso[…"
// found anywhere in a line a step prints; GitHub's runner runs "##[…"
// anywhere and "::…" at the start of a line (after leading whitespace).
// Nothing taken from the input may form one: the text formats write the
// opening bracket as "\[", JSON as "\u005b" and XML as "&#91;", so text
// stays readable and JSON and XML still decode to the input's exact value.

// openers are the command openers, matched without regard to case (the
// agents match "##vso[" exactly; a stricter match costs nothing).
var openers = []string{"##vso[", "##["}

// neutralize rewrites every command opener in s with repl in place of its
// "[". It is linear: one scan, one copy when something matches.
func neutralize(s []byte, repl string) []byte {
	var out []byte
	last := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '#' || i+1 >= len(s) || s[i+1] != '#' {
			continue
		}
		n := openerLen(s[i:])
		if n == 0 {
			continue
		}
		if out == nil {
			out = make([]byte, 0, len(s)+len(repl))
		}
		out = append(out, s[last:i+n-1]...)
		out = append(out, repl...)
		last = i + n
		i += n - 1
	}
	if out == nil {
		return s
	}
	return append(out, s[last:]...)
}

// openerLen returns the length of the command opener at the start of b,
// or 0.
func openerLen(b []byte) int {
	for _, o := range openers {
		if len(b) >= len(o) && strings.EqualFold(string(b[:len(o)]), o) {
			return len(o)
		}
	}
	return 0
}

// neutralText is neutralize for text: "##vso[" becomes "##vso\[".
func neutralText(s string) string {
	if !strings.Contains(s, "##") {
		return s
	}
	return string(neutralize([]byte(s), `\[`))
}

// neutralLine makes one line of a text format safe: command openers
// neutralised, and where a line would start (after leading whitespace, as
// the runners trim it) with "::", a "\\" goes before them. A lone CR (kept
// by --diff from the input) ends a line for the runners too, so what
// follows one counts as a line start.
func neutralLine(line []byte) []byte {
	line = neutralize(line, `\[`)
	if !bytes.Contains(line, []byte("::")) {
		return line
	}
	var out []byte
	for start := 0; start < len(line); {
		end := len(line)
		if i := bytes.IndexByte(line[start:], '\r'); i >= 0 {
			end = start + i + 1
		}
		seg := line[start:end]
		rest := bytes.TrimLeftFunc(seg, unicode.IsSpace) // as .NET's Trim
		if bytes.HasPrefix(rest, []byte("::")) {
			at := len(seg) - len(rest)
			out = append(append(append(out, seg[:at]...), '\\'), rest...)
		} else {
			out = append(out, seg...)
		}
		start = end
	}
	return out
}

// neutralLines applies neutralLine to every line of b (the --diff
// output: a context line " ::x" is shown " \\::x", so the diff is for
// reading, not for patch, when the input holds pipeline commands).
func neutralLines(b []byte) []byte {
	var out bytes.Buffer
	f := &lineFilter{w: &out, fix: neutralLine}
	f.Write(b)
	f.Close()
	return out.Bytes()
}

// azureLine keeps the opener that starts a line of --format azure (a line
// starting with one is writeAzure's own command or group marker: every
// line from the input starts with a neutralised name) and neutralises any
// other, however it was formed.
func azureLine(line []byte) []byte {
	n := openerLen(line)
	rest := neutralize(line[n:], `\[`)
	switch {
	case n == 0:
		return rest
	case len(rest) == len(line)-n: // neutralize only grows what it changes
		return line
	}
	return append(line[:n:n], rest...)
}

// jsonLine neutralises one line of encoded JSON: an opener can only be
// inside a string there, where "\u005b" decodes to the same "[".
func jsonLine(line []byte) []byte { return neutralize(line, `\u005b`) }

// xmlLine neutralises one line of XML: an opener can only be in escaped
// text or an attribute value, where "&#91;" decodes to the same "[".
func xmlLine(line []byte) []byte { return neutralize(line, "&#91;") }

// lineFilter passes whole lines through fix on their way to w; a line
// split across writes is held until its end. Close flushes a last line
// without a line break.
type lineFilter struct {
	w    io.Writer
	fix  func([]byte) []byte
	hold []byte
	err  error
}

func (f *lineFilter) Write(p []byte) (int, error) {
	n := len(p)
	for f.err == nil && len(p) > 0 {
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			f.hold = append(f.hold, p...)
			break
		}
		line := p[:i+1]
		if len(f.hold) > 0 {
			line = append(f.hold, line...)
			f.hold = f.hold[:0]
		}
		_, f.err = f.w.Write(f.fix(line))
		p = p[i+1:]
	}
	if f.err != nil {
		return 0, f.err
	}
	return n, nil
}

// Close writes what is held.
func (f *lineFilter) Close() error {
	if f.err == nil && len(f.hold) > 0 {
		_, f.err = f.w.Write(f.fix(f.hold))
		f.hold = nil
	}
	return f.err
}

// safePath is a file name as the first thing on a text line: shownName,
// with "./" before a name that starts with "::" (after whitespace).
func safePath(p string) string {
	s := shownName(p)
	if strings.HasPrefix(strings.TrimLeftFunc(s, unicode.IsSpace), "::") {
		return "./" + s
	}
	return s
}
