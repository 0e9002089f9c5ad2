package validate

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"sync"
	"unicode/utf8"
	"unsafe"
)

// blocking lists the rules whose findings forbid any change to the input.
var blocking = map[string]bool{"syntax": true, "encoding": true, "too-large": true, "too-deep": true, "duplicate-key": true}

// panicHook lets a test prove that Lint turns a panic into a finding.
var panicHook func()

// Lint checks data as the JSON body of a PATCH request for opts.Target and
// returns every finding and the normalized payload. It never panics and
// never fails: every problem in the input is a finding. It is safe for
// concurrent use.
func Lint(data []byte, opts Options) (res Result) {
	defer func() {
		if r := recover(); r != nil {
			res = Result{Normalized: data, Findings: []Finding{{
				Rule: "internal", Severity: SeverityError, Pointer: "",
				Message: fmt.Sprintf("azconn failed on this input (%v); nothing was changed. Please report it with the input's shape, not its secrets.", r),
				Start:   Pos{1, 1, 0}, End: Pos{1, 1, 0},
			}}}
		}
	}()
	if panicHook != nil {
		panicHook()
	}
	p := &pass{
		src: data, opts: opts,
	}
	if len(opts.Ignore) > 0 {
		p.ignore = map[string]bool{}
		for _, id := range opts.Ignore {
			p.ignore[id] = true
		}
	}
	limit, err := opts.findingsCap()
	if err != nil {
		p.report("internal", SeverityError, 0, 0, "", err.Error())
		return p.result(data, nil)
	}
	p.limit = limit
	m, err := modelFor(opts.Target)
	if err != nil {
		p.report("internal", SeverityError, 0, 0, "", err.Error())
		return p.result(data, nil)
	}
	p.m = m
	stripBOM := p.run()
	out, fixes := p.normalize(stripBOM)
	return p.result(out, fixes)
}

func (p *pass) result(out []byte, fixes []Fix) Result {
	res := Result{Normalized: out, Fixes: fixes}
	res.Changed = !bytes.Equal(out, p.src)
	// Sort pointers, not 120-byte findings; then use the first chunk as
	// the result when the findings already sit there in order.
	slices.SortStableFunc(p.findings, func(a, b *Finding) int { return compareFindings(*a, *b) })
	p.findings, res.Omitted = p.capFindings(p.findings, p.limit)
	p.fillPointers(p.findings, res.Omitted != nil)
	n := len(p.findings)
	if at := p.chunkIndex(n); at != nil {
		// All in the first chunk: put them in order there, each moved
		// once along its permutation cycle, and return the chunk.
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
	} else {
		res.Findings = make([]Finding, n)
		for i, f := range p.findings {
			res.Findings[i] = *f
		}
	}
	p.redactResult(&res)
	return res
}

// chunkIndex returns, when all n findings live in the first chunk, where
// each sorted finding sits in it; else nil.
func (p *pass) chunkIndex(n int) []int {
	if n == 0 || n > len(p.chunk0) {
		return nil
	}
	base := &p.chunk0[0]
	at := make([]int, n)
	for i, f := range p.findings {
		j := int((uintptr(unsafe.Pointer(f)) - uintptr(unsafe.Pointer(base))) / unsafe.Sizeof(Finding{}))
		if j < 0 || j >= n || &p.chunk0[j] != f {
			return nil
		}
		at[i] = j
	}
	return at
}

// run is the pipeline up to the fixes. It reports whether a BOM is to be
// stripped.
func (p *pass) run() (stripBOM bool) {
	data := p.src
	maxSize, maxDepth := p.opts.MaxSize, p.opts.MaxDepth
	if maxSize <= 0 {
		maxSize = DefaultMaxSize
	}
	if maxDepth <= 0 {
		maxDepth = DefaultMaxDepth
	}

	// Guards, before any parsing.
	if len(data) > maxSize {
		p.blocked = true
		p.report("too-large", SeverityError, 0, 0, "",
			fmt.Sprintf("the input is larger than the limit of %s: nothing was parsed (raise the limit if the file is meant to be this big)", byteSize(maxSize)))
		return false
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		p.bom = 3
		f := p.report("bom", SeverityWarning, 0, 3, "", "the input starts with a UTF-8 byte order mark, which JSON (RFC 8259 §8.1) does not allow in transmitted text: the fix removes it")
		if f != nil {
			f.Fixable = true
			stripBOM = true
			p.bomFinding = f
		}
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		p.blocked = true
		p.report("encoding", SeverityError, 0, 2, "", "the input is UTF-16 (it starts with a UTF-16 byte order mark): save it as UTF-8")
		return false
	}
	if !utf8.Valid(data[p.bom:]) {
		p.blocked = true
		off, n := firstInvalid(data, p.bom)
		msg := fmt.Sprintf("invalid UTF-8 byte 0x%02X: save the file as UTF-8", data[off])
		if n > 1 {
			msg += fmt.Sprintf(" (%d invalid sequences in all)", n)
		}
		p.report("encoding", SeverityError, off, off+1, "", msg)
		return false
	}

	root, ps := parse(data, p.bom, maxDepth, p.m.table.Secret)
	p.root, p.nodes = root, ps.order
	for _, s := range ps.lone {
		p.blocked = true
		p.report("encoding", SeverityError, s.start, s.end, "", "a \\u escape encodes a lone UTF-16 surrogate, which is not a Unicode character: use a surrogate pair or the character itself")
	}
	for _, d := range ps.dups {
		p.blocked = true
		m := &d.obj.members[d.index]
		first := &d.obj.members[d.first]
		p.markKey(d.obj, d.index)
		p.reportAt("duplicate-key", SeverityError, m.keyStart, m.keyEnd, m.val,
			fmt.Sprintf("duplicate key %s (first at %s): Graph keeps only one of them; remove the other. No fix is applied while keys repeat", quoteJSON(m.key), p.pos(first.keyStart)))
	}
	if ps.err != nil {
		p.blocked = true
		e := ps.err
		if e.rule == "too-deep" {
			e.msg = fmt.Sprintf("nesting is deeper than the limit of %d levels: nothing past it was read", maxDepth)
		}
		p.report(e.rule, SeverityError, e.start, e.end, "", e.msg)
		return stripBOM
	}
	if root.kind != kindObject {
		what := "a " + root.kind.typeName()
		if root.kind == kindArray || root.kind == kindObject {
			p.atOpen("not-object", SeverityError, root, "the body is "+"an array"+": a PATCH body is one JSON object; send one connection per request")
		} else {
			if root.kind == kindNull {
				what = "null"
			}
			p.atValue("not-object", SeverityError, root, "the body is "+what+": a PATCH body is a JSON object of the properties to change")
		}
		return stripBOM
	}

	p.bind()
	p.findSecrets()
	for _, r := range orderedRules() {
		if r.order < orderSchema {
			r.check(p)
		}
	}
	p.schemaCheck()
	for _, r := range orderedRules() {
		if r.order > orderSchema {
			r.check(p)
		}
	}
	return stripBOM
}

// Rule check order: value claims (placeholder) first, then the schema, then
// everything that skips claimed values.
const (
	orderClaim  = 10
	orderSchema = 50
	orderValue  = 60
	orderDomain = 80
	orderWhole  = 90
)

// orderedRules is computed once, after every init has registered.
var orderedRules = sync.OnceValue(func() []*rule {
	var rs []*rule
	for _, r := range catalogue {
		if r.check != nil {
			rs = append(rs, r)
		}
	}
	sort.Slice(rs, func(i, j int) bool {
		if rs[i].order != rs[j].order {
			return rs[i].order < rs[j].order
		}
		return rs[i].ID < rs[j].ID
	})
	return rs
})

func (p *pass) pointerOf(obj *node, key string) string {
	return p.pointer(obj) + "/" + escapePointer(key)
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
