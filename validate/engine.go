package validate

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/azconn/azconn/internal/jsontext"
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
	g := l.guard(data, l.opts.Form)
	var res Result
	switch {
	case g.unread:
		res = l.refused(data, g, l.opts.URL)
	case g.form == FormJSON:
		res = l.lintBare(data, g)
	default:
		res = l.lintForm(data, g)
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

// lintJSON lints data as one JSON body, which the guard stage passed as g
// says: the stages up to the rules (check), the rules (runRules), the
// fixes (normalize), then the Result. Each stage reads the values the
// earlier ones returned; all of them report into one collector.
func (l *Linter) lintJSON(data []byte, g guarded) (res Result) {
	defer func() {
		if r := recover(); r != nil {
			res = internalResult(data, fmt.Sprintf("azconn failed on this input (%v); nothing was changed. Please report it with the input's shape, not its secrets.", r))
		}
	}()
	if panicHook != nil {
		panicHook()
	}
	// The collector and the rules' context are allocated together: one
	// allocation per call, as when they were one object.
	both := &struct {
		out collector
		rc  ruleContext
	}{}
	out, rc := &both.out, &both.rc
	out.init(data, l)
	st := l.check(data, g, out, rc)
	if st.ready {
		l.runRules(rc, out)
	}
	normalized, fixes := normalize(out, st.strip, st.ent, st.blocked)
	return out.result(normalized, fixes, st)
}

// internalResult is the Result of an input that could not be linted.
func internalResult(data []byte, msg string) Result {
	return Result{Normalized: data, Form: FormJSON, Findings: []Finding{{
		Rule: "internal", Severity: SeverityError, Pointer: "", Message: msg,
		Start: Pos{1, 1, 0}, End: Pos{1, 1, 0},
	}}}
}

// checked is what the stages up to the rules hand on to the rules, the
// fixes and the result: whether the rules are to run, the finding whose
// fix strips a BOM, whether a blocking finding forbids any change, the
// entity, the detection and the secrets. A stage that stops the pipeline
// leaves the later fields zero.
type checked struct {
	ready   bool // the entity is bound and rc filled: the rules run
	strip   *Finding
	blocked bool
	ent     entity
	det     detection
	secrets *secrets.Set
}

// check runs the stages up to the rules, each on what the one before
// returned: the guard's verdict g (screen), parse, entity, detect, bind,
// secrets. When they all pass it fills rc, what the rules read, and
// st.ready.
func (l *Linter) check(src []byte, g guarded, out *collector, rc *ruleContext) (st checked) {
	st.det = detection{model: l.model, from: l.fixed.from}
	sc := l.screen(g, out)
	st.strip, st.blocked = sc.strip, !sc.ok
	if !sc.ok || l.stopped() {
		return st
	}
	tree := l.parse(src, sc.bom)
	out.size = len(tree.Nodes)
	if l.stopped() {
		return st
	}
	var ok bool
	if st.blocked, ok = l.syntaxFindings(tree, out); !ok {
		return st
	}
	if st.ent, ok = findEntity(tree, out); !ok {
		return st
	}
	if st.det.from == "" {
		st.det = detect(st.ent.root, &l.opts)
	}
	b := bind(tree, st.ent.root, st.det, l, out)
	st.secrets, b = findSecrets(src, tree, st.det.model, b, l.opts.shared, out)
	*rc = ruleContext{src: src, opts: &l.opts, l: l, tree: tree, root: st.ent.root, m: st.det.model,
		det: st.det, bound: b, secrets: st.secrets, marks: &out.marks}
	out.secrets = rc
	st.ready = true
	return st
}

// parse is the parse stage: the syntax tree of src, whose BOM is bom
// bytes long, cut at the depth limit and, unless PointerRules need every
// duplicate key's pointer, past the findings cap's worth of them.
func (l *Linter) parse(src []byte, bom int) *syntaxTree {
	dupCap := l.opts.maxFindings() + 1 // the first omitted one is built: the summary sits there
	if l.isScoped("duplicate-key") {
		dupCap = 0 // all: PointerRules may turn some off, and each needs its pointer
	}
	return jsontext.Parse(src, jsontext.ParseOptions{Base: bom, MaxDepth: l.opts.maxDepth(), MaxDups: dupCap})
}

// runRules is the rules stage: every rule's check, phase by phase, each
// reading rc and writing through out (the facts are gathered when the
// first rule reads them).
func (l *Linter) runRules(rc *ruleContext, out reporter) {
	for _, ph := range phases {
		if l.stopped() {
			return
		}
		for _, r := range rulesIn(ph) {
			r.check(rc, out)
		}
	}
}

// result builds the Result: the findings sorted by position, capped, with
// their pointers, and every string that leaves the engine passed through
// the secrets.
func (c *collector) result(out []byte, fixes []Fix, st checked) Result {
	res := Result{Normalized: out, Fixes: fixes, Target: Target(st.det.model.name), TargetFrom: st.det.from}
	if res.TargetFrom == "" { // not parsed far enough to detect
		res.TargetFrom = "default"
	}
	res.Changed = !bytes.Equal(out, c.src)
	// Sort pointers, not 120-byte findings; then, when every finding sits
	// in the first chunk, put them in order there (each moved once along
	// its permutation cycle) and return the chunk.
	sort.Stable((*findingOrder)(c))
	c.findings, res.Omitted, res.pointersFull = c.capFindings(c.findings, c.l.opts.maxFindings())
	c.findingFixes(c.findings, res.Omitted != nil)
	n := len(c.findings)
	if at := c.chunkIndex(); at != nil {
		fs := c.chunk0[:n:n]
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
		for i, f := range c.findings {
			res.Findings[i] = *f
		}
	}
	redactResult(st.secrets, &res)
	return res
}

// chunkIndex returns, when every finding lives in the first chunk, where
// each sorted finding sits in it; else nil. Findings are taken from the
// chunk in order, so the first len(chunk0) ones are exactly those.
func (c *collector) chunkIndex() []int {
	n := len(c.findings)
	if n == 0 || n > len(c.chunk0) {
		return nil
	}
	at := make([]int, n)
	for i, f := range c.findings {
		j := 0
		for j < n && &c.chunk0[j] != f {
			j++
		}
		if j == n {
			return nil
		}
		at[i] = j
	}
	return at
}

// syntaxFindings reports what the parser met: lone surrogates, duplicate
// keys, the first syntax error. It reports whether they block any change,
// and whether the tree parsed (ok) to go on.
func (l *Linter) syntaxFindings(t *syntaxTree, out *collector) (blocked, ok bool) {
	for _, s := range t.Lone {
		blocked = true
		out.report("encoding", SeverityError, s.Start, s.End, "", "a \\u escape encodes a lone UTF-16 surrogate, which is not a Unicode character: use a surrogate pair or the character itself")
	}
	if len(t.Dups) > 0 || t.MoreDups > 0 {
		blocked = true
	}
	if !l.ignore["duplicate-key"] {
		// Repeated keys past the cap come after the cap's worth of
		// blocking findings: certainly omitted, so the parser counted them
		// (their values are marked repeated) instead of listing them, and
		// no finding, message or pointer is built for them (a body of one
		// repeated key would build one per 7 bytes of input).
		sev, _ := l.severityOf("duplicate-key", "", SeverityError)
		out.countUnbuilt("duplicate-key", sev, t.MoreDups)
	}
	for _, d := range t.Dups {
		m := &d.Obj.Members[d.Index]
		first := &d.Obj.Members[d.First]
		out.markKey(d.Obj, d.Index)
		out.reportAt("duplicate-key", SeverityError, m.KeyStart, m.KeyEnd, m.Val,
			fmt.Sprintf("duplicate key %s (first at %s): Graph keeps only one of them; remove the other. No fix is applied while keys repeat", quoteJSON(m.Key), out.pos(first.KeyStart)))
	}
	if e := t.Err; e != nil {
		msg := e.Msg
		rule := "syntax"
		if e.TooDeep {
			rule, msg = "too-deep", fmt.Sprintf("nesting is deeper than the limit of %d levels: nothing past it was read", l.opts.maxDepth())
		}
		out.report(rule, SeverityError, e.Start, e.End, maskRaw(out.src, Target(l.model.name), e.Pointer), msg)
		return true, false
	}
	return blocked, true
}

// entity is the entity stage's output: the object that is bound and
// checked (the body, or the object a GET response's {"value": …} wraps)
// and the wrapping response object, when there is one (value-wrapper).
type entity struct {
	root    *node
	wrapper *node
}

// findEntity is the entity stage: it reports a body that is not an object,
// and finds the entity in a GET response (findWrapper). It reports whether
// there is an object to bind and check.
func findEntity(t *syntaxTree, out *collector) (entity, bool) {
	root := t.Root
	switch root.Kind {
	case kindObject:
		return findWrapper(root, out)
	case kindArray:
		out.atOpen("not-object", SeverityError, root, "the body is an array: a PATCH body is one JSON object; send one connection per request")
		return entity{}, false
	}
	what := "a " + root.Kind.TypeName()
	if root.Kind == kindNull {
		what = "null"
	}
	out.atValue("not-object", SeverityError, root, "the body is "+what+": a PATCH body is a JSON object of the properties to change")
	return entity{}, false
}

// maskRaw masks the secrets of src in ptr, found by scanning its tokens
// as Redact does: the tree of a body that does not parse is cut short, so
// the pipeline's own secret set is not built.
func maskRaw(src []byte, t Target, ptr string) string {
	if ptr == "" {
		return ""
	}
	return secrets.BodySecrets(src, redactionFor(t)).Pointer(ptr)
}
