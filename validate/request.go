package validate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/azconn/azconn/internal/forms"
	"github.com/azconn/azconn/internal/jsontext"
	"github.com/azconn/azconn/internal/secrets"
)

// Request is one request whose body was linted: what its request line
// says and where it is in the text. A bare JSON body is one implicit
// request with no URL.
type Request struct {
	Method     string // "PATCH", "POST"…, as the request line says (upper case)
	URL        string // the request target, @variables resolved (secret ones and secret query values left out)
	API        string // "beta" or "v1.0" when the URL names it, else ""
	Target     Target // the target the body was linted against
	TargetFrom string // why that target, as Result.TargetFrom says it ("flag", "url", "@odata.type"…)
	Start, End Pos    // the request in the text: its request line to the end of its body
	// HasBody says whether the request has an inline body; BodyStart and
	// BodyEnd are its span in the text.
	HasBody            bool
	BodyStart, BodyEnd Pos
	// Body is the request's body after normalization (nil without one).
	// Like Result.Normalized it is the user's data: never show it unmasked.
	Body []byte

	id      string // the connection id in the URL, when it names one
	call    callKind
	stub    bool
	secrets *secrets.Set // the whole text's secrets, masked in every view of it
	omitted bool         // left out of a report (FileReport.ListRequests): written as null
}

type requestJSON struct {
	Method     string   `json:"method"`
	URL        string   `json:"url"`
	API        string   `json:"api"`
	Target     Target   `json:"target"`
	TargetFrom string   `json:"targetFrom"`
	Span       spanJSON `json:"span"`
}

// spanJSON is a start and end position in the flat wire shape that
// findings (embedded, SPEC §8) and requests' spans share.
type spanJSON struct {
	Line      int `json:"line"`
	Column    int `json:"column"`
	Offset    int `json:"offset"`
	EndLine   int `json:"endLine"`
	EndColumn int `json:"endColumn"`
	EndOffset int `json:"endOffset"`
}

func newSpanJSON(start, end Pos) spanJSON {
	return spanJSON{start.Line, start.Column, start.Offset, end.Line, end.Column, end.Offset}
}

func (s spanJSON) positions() (start, end Pos) {
	return Pos{s.Line, s.Column, s.Offset}, Pos{s.EndLine, s.EndColumn, s.EndOffset}
}

// MarshalJSON writes the shape of SPEC §12: method, url, api, target,
// targetFrom and span. The body is not part of it. A request left out of
// a report (FileReport.ListRequests) is null.
func (r Request) MarshalJSON() ([]byte, error) {
	if r.omitted {
		return []byte("null"), nil
	}
	return json.Marshal(requestJSON{
		Method: r.Method, URL: r.URL, API: r.API, Target: r.Target, TargetFrom: r.TargetFrom,
		Span: newSpanJSON(r.Start, r.End),
	})
}

// UnmarshalJSON reads what MarshalJSON writes.
// A null is a request left out of the report: Omitted says so.
func (r *Request) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*r = Request{omitted: true}
		return nil
	}
	var j requestJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*r = Request{Method: j.Method, URL: j.URL, API: j.API, Target: j.Target, TargetFrom: j.TargetFrom}
	r.Start, r.End = j.Span.positions()
	return nil
}

// Omitted reports whether the request was left out of a report
// (FileReport.ListRequests): only its index is known.
func (r Request) Omitted() bool { return r.omitted }

// span is [start, end) of the input.
type span struct{ start, end int }

// textSpan is a span of package forms as the linter's span.
func textSpan(s forms.Span) span { return span{s.Start, s.End} }

// trimSpan trims spaces and tabs off both ends of s.
func trimSpan(data []byte, s span) span {
	s.start, s.end = jsontext.TrimBlanks(data, s.start, s.end)
	return s
}

// formLinter is the state of linting one text that holds requests.
type formLinter struct {
	l        *Linter // the options checked once; each body is linted with a copy
	data     []byte
	opts     Options
	form     Form
	g        guarded // the guard stage's verdict on the whole text
	lines    *jsontext.LineIndex
	findings []Finding // the findings of the requests done, in text order (compareFindings)
	pending  []Finding // the findings of the request being linted, in the order reported
	requests []Request
	edits    []formEdit
	fixes    []Fix
	blocked  bool
	secrets  *secrets.Set // the whole text's secrets, for every request alike
	cap      formCap
}

// formEdit is a change to the whole text, for the findings that own it.
type formEdit struct {
	start, end int
	text       string
	by         []*Edit // the findings' Edit values to fill (nil when blocked)
}

// sortFormEdits sorts es by start, keeping the order of those at one
// offset (sort.SliceStable for the reason sortFindings gives).
func sortFormEdits(es []formEdit) {
	sort.SliceStable(es, func(i, j int) bool { return es[i].start < es[j].start })
}

// refused is the Result of an input the guard stage refused (g.ok is
// false): the guard's findings, the input unchanged, one implicit request
// with the given URL.
func (l *Linter) refused(data []byte, g guarded, url string) Result {
	res := l.implicitResult(data, methodOf(l.opts.callOf()), url, endpoint{}, l.lintJSON(data, g))
	res.Form = g.form
	return res
}

// lintForm lints data when it holds requests (an HTTP request, a .http
// file, Markdown): g, the guard stage's verdict, says its form.
func (l *Linter) lintForm(data []byte, g guarded) (res Result) {
	defer func() {
		if r := recover(); r != nil {
			res = l.implicitResult(data, methodOf(l.opts.callOf()), "", endpoint{}, internalResult(data,
				fmt.Sprintf("azconn failed on this input (%v); nothing was changed. Please report it with the input's shape, not its secrets.", r)))
			res.Form = g.form
		}
	}()
	if !g.ok {
		return l.refused(data, g, "") // the guard's findings; nothing is parsed
	}
	fl := &formLinter{l: l, data: data, opts: l.opts, form: g.form, g: g, lines: jsontext.NewLineIndex(data, g.bom)}
	return fl.run()
}

// pos returns a position holding only its offset: lines and columns are
// filled in at the end (resolvePositions), for the findings the cap kept.
func (fl *formLinter) pos(off int) Pos { return Pos{Offset: off} }

// resolvePositions fills in the line and column of every position of res.
func (fl *formLinter) resolvePositions(res *Result) {
	var ps []*Pos
	seen := map[*Edit]bool{}
	for i := range res.Findings {
		f := &res.Findings[i]
		ps = append(ps, &f.Start, &f.End)
		if f.Edit != nil && !seen[f.Edit] {
			seen[f.Edit] = true
			ps = append(ps, &f.Edit.Start, &f.Edit.End)
		}
	}
	for i := range res.Requests {
		r := &res.Requests[i]
		ps = append(ps, &r.Start, &r.End, &r.BodyStart, &r.BodyEnd)
	}
	for _, p := range ps { // the line index takes offsets in any order at the same cost

		*p = posIn(fl.lines, p.Offset)
	}
}

func (fl *formLinter) run() Result {
	from := fl.g.bom
	for _, is := range fl.g.issues { // a byte order mark: the guard's one finding of a text it passed
		fl.guardFinding(is)
	}
	fl.flush()
	raws := forms.Parse(fl.data, forms.Form(fl.form), from)
	fl.secrets = secrets.FileSecrets(fl.data, *anyRedaction())
	// One Request per raw request, allocated once: a 4 MiB file can hold
	// 300,000 (grown by appending, the copies' garbage took the peak RSS
	// from under 300 MB to 450 MB).
	fl.requests = make([]Request, 0, len(raws))
	for i := range raws {
		if fl.l.ctx != nil && fl.l.ctx.Err() != nil {
			break // LintContext returns the context's error
		}
		fl.request(&raws[i])
		fl.flush()
	}
	return fl.result()
}

// guardFinding adds a finding of the guard stage over the whole text.
func (fl *formLinter) guardFinding(is guardIssue) {
	sev, off := fl.l.severityOf(is.rule, "", is.sev)
	if fl.l.ignore[is.rule] || off {
		return
	}
	f := Finding{Rule: is.rule, Severity: sev, Fixable: is.fixable, Message: is.msg, Start: fl.pos(is.start), End: fl.pos(is.end)}
	if is.fixable && !fl.l.holds(is.rule) {
		f.Edit = &Edit{}
		fl.edits = append(fl.edits, formEdit{is.start, is.end, "", []*Edit{f.Edit}})
	}
	fl.pending = append(fl.pending, f)
}

// report adds a request-level finding over data[s) for request ri.
func (fl *formLinter) report(rule string, sev Severity, s span, ri int, msg string) *Finding {
	sev, off := fl.l.severityOf(rule, "", sev)
	if fl.l.ignore[rule] || off {
		return nil
	}
	fl.pending = append(fl.pending, Finding{Rule: rule, Severity: sev, Message: msg, Start: fl.pos(s.start), End: fl.pos(s.end), Request: ri})
	return &fl.pending[len(fl.pending)-1]
}

// request lints one request: its request line and headers, then its body.
func (fl *formLinter) request(r *forms.Request) {
	ep := analyzeEndpoint(fl.data, r, fl.opts.Hosts)
	if r.HasBody {
		ep.typedBody(fl.data[r.Body.Start:r.Body.End], textSpan(r.Target))
	}
	if !ep.ours && fl.form != FormHTTP {
		return // another endpoint (a token request…): not this tool's business
	}
	ri := len(fl.requests)
	rq := Request{Method: ep.method, URL: secrets.MaskURL(ep.url, fl.secrets, anyRedaction().All), API: ep.api, secrets: fl.secrets, Target: fl.l.opts.Target, TargetFrom: "flag",
		Start: fl.pos(r.Start), End: fl.pos(r.End), id: ep.id, call: ep.call, stub: ep.stub}
	if rq.API == "" {
		rq.API = string(fl.opts.API)
	}
	switch {
	case rq.Target != Auto: // explicit: it wins
	case ep.target != "":
		rq.Target, rq.TargetFrom = ep.target, "url"
	default:
		rq.Target, rq.TargetFrom = Target(defaultTarget()), "default"
	}
	lineEnd := r.Target.End
	if r.Version.End > 0 {
		lineEnd = r.Version.End
	}
	if !ep.ours {
		fl.report("request-line", SeverityError, span{r.Method.Start, lineEnd}, ri,
			fmt.Sprintf("not a request to the connection endpoints (PATCH %s/{id}, POST %s, or the stub's %s): nothing else was checked", liveCollection, liveCollection, stubCollection))
		fl.requests = append(fl.requests, rq)
		return
	}
	for _, is := range ep.issues {
		fl.report("request-line", SeverityError, is.at, ri, is.msg)
	}
	fl.checkHostHeader(r, ri)
	if r.Version.End > 0 {
		if v := string(fl.data[r.Version.Start:r.Version.End]); !slices.Contains([]string{"HTTP/1.1", "HTTP/2", "HTTP/2.0", "HTTP/1.0"}, strings.ToUpper(v)) {
			fl.report("request-line", SeverityError, textSpan(r.Version), ri, fmt.Sprintf("%s is not an HTTP version: write HTTP/1.1 or leave it out", quoteJSON(v)))
		}
	}
	lint := ep.takeBody && r.HasBody && !r.BodyFile
	if r.HasBody {
		rq.HasBody, rq.BodyStart, rq.BodyEnd = true, fl.pos(r.Body.Start), fl.pos(r.Body.End)
		if ep.takeBody {
			fl.checkContentType(r, ri, span{r.Method.Start, lineEnd})
		}
	}
	body := []byte(nil)
	if r.HasBody {
		body = fl.data[r.Body.Start:r.Body.End]
	}
	normalized := body
	if lint {
		// The body is linted with the user's options, the request's URL as
		// the detection's evidence, and the call the request line makes.
		bl := *fl.l
		bl.opts.URL, bl.opts.call, bl.opts.Form, bl.opts.shared = ep.evidenceURL(), ep.call, FormJSON, fl.secrets
		if bl.opts.API == "" {
			bl.opts.API = API(ep.api)
		}
		var res Result
		normalized, res = fl.lintBody(&bl, body, r.Body.Start, ri)
		rq.Target, rq.TargetFrom = res.Target, res.TargetFrom
		if res.TargetFrom == "default" && ep.target != "" && rq.Target != ep.target {
			// Not parsed far enough to detect: say what the URL names.
			rq.Target, rq.TargetFrom = ep.target, "url"
		}
	}
	if r.HasBody {
		rq.Body = normalized
	}
	fl.checkContentLength(r, ri, body, normalized)
	fl.requests = append(fl.requests, rq)
}

// checkHostHeader checks the Host header of a request whose target is a
// path: the client sends it there (REST Client makes the URL from it), so
// it must be a Microsoft Graph cloud, or a host of Options.Hosts.
func (fl *formLinter) checkHostHeader(r *forms.Request, ri int) {
	if t := fl.data[r.Target.Start:r.Target.End]; len(t) == 0 || t[0] != '/' {
		return
	}
	h, ok := r.Header(fl.data, "Host")
	if !ok {
		return
	}
	host := strings.ToLower(string(fl.data[h.Value.Start:h.Value.End]))
	bare, _, _ := strings.Cut(host, ":")
	if strings.Contains(host, "{{") || slices.Contains(graphHosts, bare) || hostAllowed(host, fl.opts.Hosts) {
		return
	}
	fl.report("request-line", SeverityError, textSpan(h.Value), ri, fmt.Sprintf("Host %s is not a Microsoft Graph cloud: use %s", quoteJSON(host), list(quoteAll(graphHosts), "or")))
}

// checkContentType reports a missing or non-JSON Content-Type, and a
// second one.
func (fl *formLinter) checkContentType(r *forms.Request, ri int, lineAt span) {
	hs := r.HeadersNamed(fl.data, "Content-Type")
	for _, d := range hs[min(1, len(hs)):] {
		fl.report("content-type", SeverityWarning, textSpan(d.Value), ri, fmt.Sprintf("a second Content-Type header (line %d has one): a server takes either; send one", posIn(fl.lines, hs[0].Name.Start).Line))
	}
	h, ok := r.Header(fl.data, "Content-Type")
	if !ok {
		fl.report("content-type", SeverityWarning, lineAt, ri, "the request has a body but no Content-Type header: add Content-Type: application/json")
		return
	}
	v := string(fl.data[h.Value.Start:h.Value.End])
	mt, _, _ := strings.Cut(v, ";")
	if !strings.EqualFold(strings.TrimSpace(mt), "application/json") {
		fl.report("content-type", SeverityWarning, textSpan(h.Value), ri, fmt.Sprintf("Content-Type is %s: Microsoft Graph takes these bodies as application/json", quoteJSON(v)))
	}
}

// lintBody is the seam to the body pipeline: it lints body, found at
// offset base of the text, as one JSON body for request ri; it adds the
// findings in the whole text's positions and returns the normalized body.
func (fl *formLinter) lintBody(bl *Linter, body []byte, base int, ri int) ([]byte, Result) {
	opts := bl.opts
	uncommented, comments := forms.BlankComments(body)
	sub, templates := forms.SubstituteTemplates(uncommented)
	res := bl.lintJSON(sub, bodyGuard(sub))
	// Templates come in text order: a binary search finds the one a
	// finding could be in.
	inTemplate := func(f *Finding) bool {
		i, _ := slices.BinarySearchFunc(templates, f.Start.Offset, func(t forms.Span, off int) int { return t.End - 1 - off })
		for ; i < len(templates) && templates[i].Start < f.End.Offset+1; i++ {
			if t := templates[i]; f.Start.Offset < t.End && f.End.Offset > t.Start || f.Start.Offset == t.Start {
				return true
			}
		}
		return false
	}
	keep := actionFilter(opts.callOf())
	edits := map[*Edit]*Edit{}
	var bodyEdits []*Edit
	kept := map[string]bool{}
	// Past the cap the pass lists only some findings: the cap over the
	// whole text counts the rest and says so once (request_cap.go).
	capped := res.Omitted != nil
	for _, f := range res.Findings {
		if capped && f.Rule == "too-many-findings" {
			fl.omit(res.Omitted, base+f.Start.Offset, ri)
			fl.cap.pointersFull = fl.cap.pointersFull || res.pointersFull
			continue
		}
		if inTemplate(&f) || !keep(f) {
			continue
		}
		if blocking[f.Rule] {
			fl.blocked = true
		}
		g := f
		g.Request = ri
		g.Start, g.End = fl.pos(base+f.Start.Offset), fl.pos(base+f.End.Offset)
		if f.Edit != nil {
			e, ok := edits[f.Edit]
			if !ok {
				e = &Edit{Start: fl.pos(base + f.Edit.Start.Offset), End: fl.pos(base + f.Edit.End.Offset), Text: f.Edit.Text}
				edits[f.Edit] = e
				bodyEdits = append(bodyEdits, f.Edit)
			}
			g.Edit = e
		}
		if f.Fix != nil {
			kept[fixKey(f.Fix)] = true
		}
		fl.pending = append(fl.pending, g)
	}
	fl.reportTemplates(body, sub, templates, base, ri)
	for _, fx := range res.Fixes {
		if kept[fixKey(&fx)] || capped && opts.callOf() != callUpdatePassword {
			fl.fixes = append(fl.fixes, fx)
		}
	}
	if capped && len(templates) == 0 && !comments && opts.callOf() != callUpdatePassword {
		// The findings left out have edits too: the pass's normalized
		// body holds every fix.
		if !bytes.Equal(res.Normalized, body) {
			fl.edits = append(fl.edits, formEdit{base, base + len(body), string(res.Normalized), nil})
		}
		return res.Normalized, res
	}
	return fl.applyBodyEdits(body, base, bodyEdits, edits), res
}

// reportTemplates reports each unquoted {{name}} of a body as one
// template-value finding with its pointer in the substituted body. Past
// the cap's count of them only the count is kept: the body's first ones
// have the same rule and severity and earlier positions, so the cap would
// list none of the rest (a body of 700,000 templates builds 1,000).
func (fl *formLinter) reportTemplates(body, sub []byte, templates []forms.Span, base, ri int) {
	limit := fl.opts.maxFindings()
	pointers := templatePointers(sub, templates[:min(len(templates), limit)])
	var sev Severity // the rule's, as the linter's options set it
	for i, t := range templates {
		if i == limit {
			fl.omit(map[Severity]int{sev: len(templates) - i}, base+t.Start, ri)
			return
		}
		name := string(body[t.Start+2 : t.End-2])
		f := fl.report("template-value", SeverityInfo, span{base + t.Start, base + t.End}, ri,
			fmt.Sprintf("the value is the variable {{%s}}, which is filled in when the request is sent: its type and format are not checked here", strings.TrimSpace(name)))
		if f == nil {
			return // the rule is off
		}
		f.Pointer, sev = pointers[i], f.Severity
	}
}

// applyBodyEdits returns the normalized body: the body as written with the
// kept edits applied (template values stay as written), each added to the
// text's edits for the findings that own it (owner maps a pass's Edit to
// the finding's). An unwrap (value-wrapper) holds the other edits: it is
// applied as the two deletions around the entity, so that the entity's own
// fixes apply in the same pass.
func (fl *formLinter) applyBodyEdits(body []byte, base int, bodyEdits []*Edit, owner map[*Edit]*Edit) []byte {
	var flats []formEdit
	sort.Slice(bodyEdits, func(i, j int) bool { return bodyEdits[i].Start.Offset < bodyEdits[j].Start.Offset })
	for i, e := range bodyEdits {
		s, t := e.Start.Offset, e.End.Offset
		if k := bytes.Index(body[s:t], []byte(e.Text)); e.Text != "" && k >= 0 && i+1 < len(bodyEdits) && bodyEdits[i+1].Start.Offset < t {
			flats = append(flats, formEdit{s, s + k, "", nil}, formEdit{s + k + len(e.Text), t, "", nil})
			continue
		}
		flats = append(flats, formEdit{s, t, e.Text, []*Edit{owner[e]}})
	}
	sortFormEdits(flats)
	var out []byte
	last := 0
	for _, e := range flats {
		if e.start < last {
			continue
		}
		out = append(append(out, body[last:e.start]...), e.text...)
		last = e.end
		fl.edits = append(fl.edits, formEdit{base + e.start, base + e.end, e.text, e.by})
	}
	if out == nil {
		return body
	}
	return append(out, body[last:]...)
}

// fixKey is a Fix without its value, to match findings' fixes with the
// result's list.
func fixKey(f *Fix) string { return f.Op + "\x00" + f.From + "\x00" + f.Path }

// actionFilter returns which body findings apply to the call: an action's
// body is not the entity, so the entity's PATCH rules do not apply to it.
func actionFilter(call callKind) func(Finding) bool {
	if call != callUpdatePassword {
		return func(Finding) bool { return true }
	}
	return func(f Finding) bool {
		switch f.Rule {
		case "empty-patch", "read-only", "unknown-future-value", "join-type-fields", "null-clears", "mixed-target", "deprecated", "value-wrapper":
			return false
		}
		return blocking[f.Rule] || f.Pointer == "" || f.Pointer == "/adDomainPassword" ||
			strings.HasPrefix(f.Pointer, "/adDomainPassword/") || f.Rule == "unknown-property" || f.Rule == "required"
	}
}

// result assembles the Result: findings in text order, the whole text
// with only the bodies (and stale Content-Length values) changed.
func (fl *formLinter) result() (res Result) {
	res = Result{Form: fl.form, Requests: fl.requests, Findings: fl.findings, Normalized: fl.data}
	if res.Requests == nil {
		res.Requests = []Request{}
	}
	// The text's target is its first request's (each request has its own).
	res.Target, res.TargetFrom = fl.l.opts.Target, "flag"
	switch {
	case len(res.Requests) > 0:
		res.Target, res.TargetFrom = res.Requests[0].Target, res.Requests[0].TargetFrom
	case res.Target == Auto:
		res.Target, res.TargetFrom = Target(defaultTarget()), "default"
	}
	if len(res.Requests) == 0 && len(res.Findings) > 0 {
		// A finding of the text itself (a byte order mark) and no request
		// linted: the whole text is the implicit request 0 it indexes, as
		// a bare body is, so that every finding's Request indexes one.
		res.Requests = []Request{{Target: res.Target, TargetFrom: res.TargetFrom, Start: fl.pos(0), End: fl.pos(len(fl.data)), secrets: fl.secrets}}
	}
	res.Findings, res.Omitted = fl.capAll(res.Findings) // in text order already: see flush
	for i := range res.Findings {
		// The request-level findings quote the framing; the bodies' were
		// masked by their pass with the same set.
		f := &res.Findings[i]
		f.Message, f.Pointer = fl.secrets.Text(f.Message), fl.secrets.Pointer(f.Pointer)
	}
	defer fl.resolvePositions(&res)
	if fl.blocked || len(fl.edits) == 0 {
		for i := range res.Findings {
			res.Findings[i].Edit = nil
		}
		return res
	}
	res.Fixes = fl.fixes
	sortFormEdits(fl.edits)
	var b bytes.Buffer
	last := 0
	for _, e := range fl.edits {
		if e.start < last {
			continue
		}
		b.Write(fl.data[last:e.start])
		b.WriteString(e.text)
		for _, p := range e.by {
			*p = Edit{Start: fl.pos(e.start), End: fl.pos(e.end), Text: e.text}
		}
		last = e.end
	}
	b.Write(fl.data[last:])
	res.Normalized = b.Bytes()
	res.Changed = !bytes.Equal(res.Normalized, fl.data)
	return res
}

// templatePointers returns the JSON pointer of each template value in the
// substituted body ("" where the body does not parse that far).
func templatePointers(sub []byte, templates []forms.Span) []string {
	out := make([]string, len(templates))
	if len(templates) == 0 {
		return out
	}
	// Templates come in text order: a binary search finds a node's (no
	// map of every template, which a body of many would make large).
	for _, n := range jsontext.Parse(sub, jsontext.ParseOptions{MaxDepth: DefaultMaxDepth}).Nodes {
		if n.Kind != kindString {
			continue
		}
		i, ok := slices.BinarySearchFunc(templates, n.Start, func(t forms.Span, off int) int { return t.Start - off })
		if ok && n.End == templates[i].End {
			out[i] = pointerWith(n, (*node).Key)
		}
	}
	return out
}

// boundBody parses and binds a body for target t, as the engine does, for
// the form layer's own reading of it (its secrets); a nil tree when it
// does not parse.
func boundBody(body []byte, t Target) (*syntaxTree, *binding) {
	tree := jsontext.Parse(body, jsontext.ParseOptions{Base: jsontext.BOMLen(body), MaxDepth: DefaultMaxDepth})
	if tree.Err != nil || tree.Root == nil || tree.Root.Kind != kindObject {
		return nil, nil
	}
	all, err := models()
	if err != nil {
		return nil, nil
	}
	m := all[string(t)]
	if m == nil {
		m = all[defaultTarget()]
	}
	return tree, bindAlone(body, tree, m, "flag")
}

// bodySecrets returns the password values of a body.
func bodySecrets(body []byte, t Target) []string {
	if tree, b := boundBody(body, t); tree != nil {
		return b.secrets
	}
	return nil
}
