package validate

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/azconn/azconn/internal/secrets"
)

// blocking lists the rules whose findings forbid any change to the input.
var blocking = map[string]bool{"syntax": true, "encoding": true, "too-large": true, "too-deep": true, "duplicate-key": true}

// panicHook lets a test prove that Lint turns a panic into a finding.
var panicHook func()

// Lint checks data as the JSON body of a PATCH request and returns every
// finding and the normalized payload. It is the one-call form of
// New(opts) and Linter.Lint: options that New rejects (an unknown target or
// rule ID, a negative limit) come back as one "internal" finding of the
// implicit request 0 (Requests holds it), with the input unchanged. It
// never panics and never fails: every problem in the input is a finding.
// It is safe for concurrent use.
func Lint(data []byte, opts Options) Result {
	var l Linter
	if err := l.init(opts); err != nil {
		method := "PATCH"
		if strings.EqualFold(strings.TrimSpace(opts.Method), "POST") {
			method = "POST"
		}
		l.opts.MaxSize = max(l.opts.MaxSize, 0)
		return l.implicitResult(data, method, opts.URL, endpoint{}, internalResult(data, err.Error()))
	}
	return l.Lint(data)
}

// Lint checks data as the JSON body of a PATCH request with the linter's
// options. The input may also be an HTTP request, a .http file or Markdown
// holding requests (see Form): then each request's body is linted, with
// positions in the whole text. It never panics and never fails, and is
// safe for concurrent use.
func (l *Linter) Lint(data []byte) Result {
	res, ok := l.lintForm(data)
	if !ok {
		res = l.lintBare(data)
	}
	markFixed(&res)
	return res
}

// markFixed sets each finding's Fixed: its fix was applied when it has an
// edit.
func markFixed(res *Result) {
	for i := range res.Findings {
		res.Findings[i].Fixed = res.Findings[i].Edit != nil
	}
}

// holds reports whether Options.NoFix holds back the fixes of rule id.
func (l *Linter) holds(id string) bool { return l.noFix[id] || l.noFix["*"] }

// lintJSON lints data as one JSON body.
func (l *Linter) lintJSON(data []byte) (res Result) {
	defer func() {
		if r := recover(); r != nil {
			res = internalResult(data, fmt.Sprintf("azconn failed on this input (%v); nothing was changed. Please report it with the input's shape, not its secrets.", r))
		}
	}()
	if panicHook != nil {
		panicHook()
	}
	p := &pass{src: data, opts: l.opts, ignore: l.ignore, noFix: l.noFix, l: l, m: l.model, detected: l.fixed, ctx: l.ctx}
	stripBOM := p.run()
	out, fixes := p.normalize(stripBOM)
	return p.result(out, fixes)
}

// internalResult is the Result of an input that could not be linted.
func internalResult(data []byte, msg string) Result {
	return Result{Normalized: data, Form: FormJSON, Findings: []Finding{{
		Rule: "internal", Severity: SeverityError, Pointer: "", Message: msg,
		Start: Pos{1, 1, 0}, End: Pos{1, 1, 0},
	}}}
}

func (p *pass) result(out []byte, fixes []Fix) Result {
	res := Result{Normalized: out, Fixes: fixes, Target: Target(p.m.name), TargetFrom: p.detected.from}
	if res.TargetFrom == "" { // not parsed far enough to detect
		res.TargetFrom = "default"
	}
	res.Changed = !bytes.Equal(out, p.src)
	// Sort pointers, not 120-byte findings; then, when every finding sits
	// in the first chunk, put them in order there (each moved once along
	// its permutation cycle) and return the chunk.
	slices.SortStableFunc(p.findings, func(a, b *Finding) int { return compareFindings(*a, *b) })
	p.findings, res.Omitted = p.capFindings(p.findings, p.opts.maxFindings())
	p.fillPointers(p.findings, res.Omitted != nil)
	n := len(p.findings)
	if at := p.chunkIndex(); at != nil {
		fs := p.chunk0[:n:n]
		for i := range fs {
			if at[i] == i {
				continue
			}
			tmp, k := fs[i], i
			for at[k] != i {
				fs[k], at[k], k = fs[at[k]], k, at[k]
			}
			fs[k], at[k] = tmp, k
		}
		res.Findings = fs
	} else if n > 0 {
		res.Findings = make([]Finding, n)
		for i, f := range p.findings {
			res.Findings[i] = *f
		}
	}
	p.redactResult(&res)
	return res
}

// chunkIndex returns, when every finding lives in the first chunk, where
// each sorted finding sits in it; else nil. Findings are taken from the
// chunk in order, so the first len(chunk0) ones are exactly those.
func (p *pass) chunkIndex() []int {
	n := len(p.findings)
	if n == 0 || n > len(p.chunk0) {
		return nil
	}
	at := make([]int, n)
	for i, f := range p.findings {
		j := 0
		for j < n && &p.chunk0[j] != f {
			j++
		}
		if j == n {
			return nil
		}
		at[i] = j
	}
	return at
}

// run is the pipeline up to the fixes: guards, parse, detect, bind, then
// the rules phase by phase (the facts are gathered when the first rule
// reads them). It reports whether a BOM is to be stripped.
func (p *pass) run() (stripBOM bool) {
	if !p.guard() {
		return false
	}
	stripBOM = p.bomFinding != nil
	if p.stopped() {
		return stripBOM
	}
	dupCap := p.opts.maxFindings() + 1 // the first omitted one is built: the summary sits there
	if p.l.isScoped("duplicate-key") {
		dupCap = -1 // PointerRules may turn some off: each needs its pointer
	}
	p.tree = parseCapped(p.src, p.bom, p.opts.maxDepth(), dupCap)
	p.root = p.tree.root
	if p.stopped() || !p.syntaxFindings() {
		return stripBOM
	}
	if !p.findWrapper() {
		return stripBOM
	}
	if p.detected.from == "" {
		p.detected = p.detect()
	}
	p.m = p.detected.model
	p.bind()
	p.secrets = p.findSecrets()
	for _, ph := range phases {
		if p.stopped() {
			return stripBOM
		}
		for _, r := range rulesIn(ph) {
			r.check(p)
		}
	}
	return stripBOM
}

// guard runs the checks made before any parsing: size, byte order mark,
// encoding. It reports whether parsing may go on.
func (p *pass) guard() bool {
	data := p.src
	maxSize := p.opts.maxSize()
	if len(data) > maxSize {
		p.blocked = true
		p.report("too-large", SeverityError, 0, 0, "",
			fmt.Sprintf("the input is larger than the limit of %s: nothing was parsed (raise the limit if the %s is meant to be this big)", byteSize(maxSize), p.inputWord()))
		return false
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		p.bom = 3
		f := p.report("bom", SeverityWarning, 0, 3, "", "the input starts with a UTF-8 byte order mark, which JSON (RFC 8259 §8.1) does not allow in transmitted text: the fix removes it")
		if f != nil {
			f.Fixable = true
			if !p.holds("bom") {
				p.bomFinding = f
			}
		}
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		p.blocked = true
		p.report("encoding", SeverityError, 0, 2, "", "the input is UTF-16 (it starts with a UTF-16 byte order mark): "+p.utf8Advice("it"))
		return false
	}
	if !utf8.Valid(data[p.bom:]) {
		p.blocked = true
		off, n := firstInvalid(data, p.bom)
		msg := fmt.Sprintf("invalid UTF-8 byte 0x%02X: %s", data[off], p.utf8Advice("the file"))
		if n > 1 {
			msg += fmt.Sprintf(" (%d invalid sequences in all)", n)
		}
		p.report("encoding", SeverityError, off, off+1, "", msg)
		return false
	}
	return true
}

// syntaxFindings reports what the parser met (lone surrogates, duplicate
// keys, the first syntax error) and a body that is not an object. It
// reports whether the tree is an object to bind and check.
func (p *pass) syntaxFindings() bool {
	t := p.tree
	for _, s := range t.lone {
		p.blocked = true
		p.report("encoding", SeverityError, s.start, s.end, "", "a \\u escape encodes a lone UTF-16 surrogate, which is not a Unicode character: use a surrogate pair or the character itself")
	}
	if len(t.dups) > 0 || t.moreDups > 0 {
		p.blocked = true
	}
	if !p.ignore["duplicate-key"] {
		// Repeated keys past the cap come after the cap's worth of
		// blocking findings: certainly omitted, so the parser counted them
		// (their values are marked repeated) instead of listing them, and
		// no finding, message or pointer is built for them (a body of one
		// repeated key would build one per 7 bytes of input).
		sev, _ := p.l.severityOf("duplicate-key", "", SeverityError)
		p.countUnbuilt("duplicate-key", sev, t.moreDups)
	}
	for _, d := range t.dups {
		m := &d.obj.members[d.index]
		first := &d.obj.members[d.first]
		p.markKey(d.obj, d.index)
		p.reportAt("duplicate-key", SeverityError, m.keyStart, m.keyEnd, m.val,
			fmt.Sprintf("duplicate key %s (first at %s): Graph keeps only one of them; remove the other. No fix is applied while keys repeat", quoteJSON(m.key), p.pos(first.keyStart)))
	}
	if e := t.err; e != nil {
		p.blocked = true
		msg := e.msg
		if e.rule == "too-deep" {
			msg = fmt.Sprintf("nesting is deeper than the limit of %d levels: nothing past it was read", p.opts.maxDepth())
		}
		p.report(e.rule, SeverityError, e.start, e.end, p.maskRaw(e.ptr), msg)
		return false
	}
	root := p.root
	if root.kind == kindObject {
		return true
	}
	if root.kind == kindArray {
		p.atOpen("not-object", SeverityError, root, "the body is an array: a PATCH body is one JSON object; send one connection per request")
		return false
	}
	what := "a " + root.kind.typeName()
	if root.kind == kindNull {
		what = "null"
	}
	p.atValue("not-object", SeverityError, root, "the body is "+what+": a PATCH body is a JSON object of the properties to change")
	return false
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

// maskRaw masks the secrets of the input in ptr, found by scanning its
// tokens as Redact does: the tree of a body that does not parse is cut
// short, so the pass's own secret set is not built.
func (p *pass) maskRaw(ptr string) string {
	if ptr == "" {
		return ""
	}
	return secrets.BodySecrets(p.src, redactionFor(Target(p.m.name))).Pointer(ptr)
}

// inputWord names the input in messages: the file, or a program's body.
func (p *pass) inputWord() string {
	if p.opts.Profile == ProfileProgram {
		return "body"
	}
	return "file"
}

// utf8Advice says how to make the input UTF-8; file names the input in
// the file profile.
func (p *pass) utf8Advice(file string) string {
	if p.opts.Profile == ProfileProgram {
		return "encode the body as UTF-8 (Go strings and encoding/json are)"
	}
	return "save " + file + " as UTF-8"
}
