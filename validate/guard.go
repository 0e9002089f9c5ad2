package validate

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/azconn/azconn/internal/forms"
	"github.com/azconn/azconn/internal/jsontext"
)

// guarded is what the guard stage hands to the stages after it: the
// input's form, the length of its UTF-8 byte order mark (parsing starts
// after it), whether parsing may go on, and what the guard found.
type guarded struct {
	form   Form
	bom    int
	ok     bool
	unread bool // refused over the size limit: not one byte was read
	issues []guardIssue
}

// guardIssue is one finding of the guard stage, over [start, end) of the
// input; a fixable one (the byte order mark) is fixed by removing those
// bytes.
type guardIssue struct {
	rule       string
	sev        Severity
	start, end int
	msg        string
	fixable    bool
}

// guard is the first stage of every input, whatever its form, run once
// for the whole input: the size, refused in O(1) over the limit before
// anything reads the bytes (not even to sniff the form); then the form
// (the one given, else sniffed); then the encoding (a UTF-16 byte order
// mark, invalid UTF-8) and a UTF-8 byte order mark. A zero form means
// sniff.
func (l *Linter) guard(data []byte, form Form) guarded {
	if maxSize := l.opts.maxSize(); len(data) > maxSize {
		return guarded{form: cmpOr(form, FormJSON), unread: true, issues: []guardIssue{{rule: "too-large", sev: SeverityError,
			msg: fmt.Sprintf("the input is larger than the limit of %s: nothing was parsed (raise the limit if the %s is meant to be this big)", byteSize(maxSize), l.opts.inputWord())}}}
	}
	if form == "" {
		form = Form(forms.Sniff(data))
	}
	g := guarded{form: form, ok: true}
	switch {
	case jsontext.BOMLen(data) > 0:
		g.bom = len(jsontext.BOM)
		g.issues = append(g.issues, bomIssue(form))
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		g.ok = false
		g.issues = append(g.issues, guardIssue{rule: "encoding", sev: SeverityError, start: 0, end: 2,
			msg: "the input is UTF-16 (it starts with a UTF-16 byte order mark): " + l.opts.utf8Advice("it")})
		return g
	}
	if !utf8.Valid(data[g.bom:]) {
		g.ok = false
		off, n := firstInvalid(data, g.bom)
		msg := fmt.Sprintf("invalid UTF-8 byte 0x%02X: %s", data[off], l.opts.utf8Advice("the file"))
		if n > 1 {
			msg += fmt.Sprintf(" (%d invalid sequences in all)", n)
		}
		g.issues = append(g.issues, guardIssue{rule: "encoding", sev: SeverityError, start: off, end: off + 1, msg: msg})
	}
	return g
}

// bomIssue is the finding of a UTF-8 byte order mark at the start of an
// input of the given form.
func bomIssue(form Form) guardIssue {
	msg := "the input starts with a UTF-8 byte order mark: the fix removes it"
	if form == FormJSON {
		msg = "the input starts with a UTF-8 byte order mark, which JSON (RFC 8259 §8.1) does not allow in transmitted text: the fix removes it"
	}
	return guardIssue{rule: "bom", sev: SeverityWarning, start: 0, end: len(jsontext.BOM), msg: msg, fixable: true}
}

// bodyGuard is the guard's verdict on a body cut from a text the guard
// passed: within the size and valid UTF-8 as the text is, so only a byte
// order mark of its own (files concatenated into one keep theirs) is left
// to find, in O(1).
func bodyGuard(body []byte) guarded {
	g := guarded{form: FormJSON, ok: true, bom: jsontext.BOMLen(body)}
	if g.bom > 0 {
		g.issues = []guardIssue{bomIssue(FormJSON)}
	}
	return g
}

// screened is what the guard's verdict leaves for the stages of one
// body after it: whether the input may be parsed, the length of its UTF-8
// byte order mark, and the bom finding whose fix strips it (nil when
// there is none, or NoFix holds it).
type screened struct {
	ok    bool
	bom   int
	strip *Finding
}

// screen reports the guard's findings into out and takes its byte order
// mark, for the stages of one body after it.
func (l *Linter) screen(g guarded, out *collector) (sc screened) {
	sc.ok, sc.bom = g.ok, g.bom
	out.bom = g.bom // before any position is computed: the line index skips it
	for _, is := range g.issues {
		f := out.report(is.rule, is.sev, is.start, is.end, "", is.msg)
		if f != nil && is.fixable {
			f.Fixable = true
			if !l.holds(is.rule) {
				sc.strip = f
			}
		}
	}
	return sc
}

func firstInvalid(b []byte, from int) (off, count int) {
	off = -1
	for i := from; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			if off < 0 {
				off = i
			}
			count++
		}
		i += size
	}
	return off, count
}

func byteSize(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// inputWord names the input in messages: the file, or a program's body.
func (o *Options) inputWord() string {
	if o.Profile == ProfileProgram {
		return "body"
	}
	return "file"
}

// utf8Advice says how to make the input UTF-8; file names the input in
// the file profile.
func (o *Options) utf8Advice(file string) string {
	if o.Profile == ProfileProgram {
		return "encode the body as UTF-8 (Go strings and encoding/json are)"
	}
	return "save " + file + " as UTF-8"
}
