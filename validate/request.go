package validate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

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

func bomLen(data []byte) int {
	if bytes.HasPrefix(data, utf8BOM) {
		return len(utf8BOM)
	}
	return 0
}

// formLinter is the state of linting one text that holds requests.
type formLinter struct {
	l        *Linter // the options checked once; each body is linted with a copy
	data     []byte
	opts     Options
	form     Form
	lines    *jsontext.LineIndex
	findings []Finding
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

// lintForm lints data when it holds requests (an HTTP request, a .http
// file, Markdown); ok is false for a bare JSON body, which Lint handles.
func (l *Linter) lintForm(data []byte) (res Result, ok bool) {
	opts := l.opts
	form := opts.Form
	if len(data) > opts.maxSize() { // refused unread, in O(1): not even sniffed
		res = l.implicitResult(data, methodOf(opts.callOf()), opts.URL, endpoint{}, l.lintJSON(data))
		res.Form = cmpOr(form, FormJSON)
		return res, true
	}
	if form == "" {
		form = sniffForm(data)
	}
	if form == FormJSON {
		return Result{}, false
	}
	defer func() {
		if r := recover(); r != nil {
			res = l.implicitResult(data, methodOf(opts.callOf()), "", endpoint{}, internalResult(data,
				fmt.Sprintf("azconn failed on this input (%v); nothing was changed. Please report it with the input's shape, not its secrets.", r)))
			res.Form, ok = form, true
		}
	}()
	maxSize := opts.MaxSize
	if maxSize <= 0 {
		maxSize = DefaultMaxSize
	}
	if len(data) > maxSize || !utf8.Valid(data) || (len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF)) {
		// The guards' findings are the JSON path's; nothing is parsed.
		res = l.implicitResult(data, methodOf(opts.callOf()), "", endpoint{}, l.lintJSON(data))
		res.Form = form
		return res, true
	}
	fl := &formLinter{l: l, data: data, opts: opts, form: form, lines: jsontext.NewLineIndex(data, bomLen(data))}
	return fl.run(), true
}

// pos returns a position holding only its offset: lines and columns are
// filled in at the end, all at once in offset order (resolvePositions), so
// that findings reported out of order on one long line cost no recount.
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
	slices.SortFunc(ps, func(a, b *Pos) int { return a.Offset - b.Offset })
	for _, p := range ps {
		*p = posIn(fl.lines, p.Offset)
	}
}

func (fl *formLinter) run() Result {
	from := bomLen(fl.data)
	if sev, off := fl.l.severityOf("bom", "", SeverityWarning); from > 0 && !fl.l.ignore["bom"] && !off {
		f := Finding{Rule: "bom", Severity: sev, Fixable: true,
			Message: "the input starts with a UTF-8 byte order mark: the fix removes it",
			Start:   fl.pos(0), End: fl.pos(from)}
		if !fl.l.holds("bom") {
			f.Edit = &Edit{}
			fl.edits = append(fl.edits, formEdit{0, from, "", []*Edit{f.Edit}})
		}
		fl.findings = append(fl.findings, f)
	}
	var raws []rawRequest
	if fl.form == FormMarkdown {
		raws = parseMarkdown(fl.data, from)
	} else {
		raws = parseHTTPText(fl.data, from)
	}
	fl.secrets = secrets.FileSecrets(fl.data, *anyRedaction())
	// One Request per raw request, allocated once: a 4 MiB file can hold
	// 300,000 (grown by appending, the copies' garbage took the peak RSS
	// from under 300 MB to 450 MB).
	fl.requests = make([]Request, 0, len(raws))
	for i := range raws {
		if fl.l.ctx != nil && fl.l.ctx.Err() != nil {
			break // LintContext returns the context's error
		}
		fl.compact()
		fl.request(&raws[i])
	}
	return fl.result()
}

// report adds a request-level finding over data[s) for request ri.
func (fl *formLinter) report(rule string, sev Severity, s span, ri int, msg string) *Finding {
	sev, off := fl.l.severityOf(rule, "", sev)
	if fl.l.ignore[rule] || off {
		return nil
	}
	fl.findings = append(fl.findings, Finding{Rule: rule, Severity: sev, Message: msg, Start: fl.pos(s.start), End: fl.pos(s.end), Request: ri})
	return &fl.findings[len(fl.findings)-1]
}

// request lints one request: its request line and headers, then its body.
func (fl *formLinter) request(r *rawRequest) {
	ep := analyzeEndpoint(fl.data, r, fl.opts.Hosts)
	if r.hasBody {
		ep.typedBody(fl.data[r.body.start:r.body.end], r.target)
	}
	if !ep.ours && fl.form != FormHTTP {
		return // another endpoint (a token request…): not this tool's business
	}
	ri := len(fl.requests)
	rq := Request{Method: ep.method, URL: secrets.MaskURL(ep.url, fl.secrets, anyRedaction().All), API: ep.api, secrets: fl.secrets, Target: fl.l.opts.Target, TargetFrom: "flag",
		Start: fl.pos(r.start), End: fl.pos(r.end), id: ep.id, call: ep.call, stub: ep.stub}
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
	lineEnd := r.target.end
	if r.version.end > 0 {
		lineEnd = r.version.end
	}
	if !ep.ours {
		fl.report("request-line", SeverityError, span{r.method.start, lineEnd}, ri,
			fmt.Sprintf("not a request to the connection endpoints (PATCH %s/{id}, POST %s, or the stub's %s): nothing else was checked", liveCollection, liveCollection, stubCollection))
		fl.requests = append(fl.requests, rq)
		return
	}
	for _, is := range ep.issues {
		fl.report("request-line", SeverityError, is.at, ri, is.msg)
	}
	fl.checkHostHeader(r, ri)
	if r.version.end > 0 {
		if v := string(fl.data[r.version.start:r.version.end]); !slices.Contains([]string{"HTTP/1.1", "HTTP/2", "HTTP/2.0", "HTTP/1.0"}, strings.ToUpper(v)) {
			fl.report("request-line", SeverityError, r.version, ri, fmt.Sprintf("%s is not an HTTP version: write HTTP/1.1 or leave it out", quoteJSON(v)))
		}
	}
	lint := ep.takeBody && r.hasBody && !r.bodyFile
	if r.hasBody {
		rq.HasBody, rq.BodyStart, rq.BodyEnd = true, fl.pos(r.body.start), fl.pos(r.body.end)
		if ep.takeBody {
			fl.checkContentType(r, ri, span{r.method.start, lineEnd})
		}
	}
	body := []byte(nil)
	if r.hasBody {
		body = fl.data[r.body.start:r.body.end]
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
		normalized, res = fl.lintBody(&bl, body, r.body.start, ri)
		rq.Target, rq.TargetFrom = res.Target, res.TargetFrom
		if res.TargetFrom == "default" && ep.target != "" && rq.Target != ep.target {
			// Not parsed far enough to detect: say what the URL names.
			rq.Target, rq.TargetFrom = ep.target, "url"
		}
	}
	if r.hasBody {
		rq.Body = normalized
	}
	fl.checkContentLength(r, ri, body, normalized)
	fl.requests = append(fl.requests, rq)
}

// checkHostHeader checks the Host header of a request whose target is a
// path: the client sends it there (REST Client makes the URL from it), so
// it must be a Microsoft Graph cloud, or a host of Options.Hosts.
func (fl *formLinter) checkHostHeader(r *rawRequest, ri int) {
	if t := fl.data[r.target.start:r.target.end]; len(t) == 0 || t[0] != '/' {
		return
	}
	h, ok := r.headerValue(fl.data, "Host")
	if !ok {
		return
	}
	host := strings.ToLower(string(fl.data[h.value.start:h.value.end]))
	bare, _, _ := strings.Cut(host, ":")
	if strings.Contains(host, "{{") || slices.Contains(graphHosts, bare) || hostAllowed(host, fl.opts.Hosts) {
		return
	}
	fl.report("request-line", SeverityError, h.value, ri, fmt.Sprintf("Host %s is not a Microsoft Graph cloud: use %s", quoteJSON(host), list(quoteAll(graphHosts), "or")))
}

// checkContentType reports a missing or non-JSON Content-Type, and a
// second one.
func (fl *formLinter) checkContentType(r *rawRequest, ri int, lineAt span) {
	hs := r.headersNamed(fl.data, "Content-Type")
	for _, d := range hs[min(1, len(hs)):] {
		fl.report("content-type", SeverityWarning, d.value, ri, fmt.Sprintf("a second Content-Type header (line %d has one): a server takes either; send one", posIn(fl.lines, hs[0].name.start).Line))
	}
	h, ok := r.headerValue(fl.data, "Content-Type")
	if !ok {
		fl.report("content-type", SeverityWarning, lineAt, ri, "the request has a body but no Content-Type header: add Content-Type: application/json")
		return
	}
	v := string(fl.data[h.value.start:h.value.end])
	mt, _, _ := strings.Cut(v, ";")
	if !strings.EqualFold(strings.TrimSpace(mt), "application/json") {
		fl.report("content-type", SeverityWarning, h.value, ri, fmt.Sprintf("Content-Type is %s: Microsoft Graph takes these bodies as application/json", quoteJSON(v)))
	}
}

// lintBody is the seam to the body pipeline: it lints body, found at
// offset base of the text, as one JSON body for request ri; it adds the
// findings in the whole text's positions and returns the normalized body.
func (fl *formLinter) lintBody(bl *Linter, body []byte, base int, ri int) ([]byte, Result) {
	opts := bl.opts
	uncommented, comments := blankComments(body)
	sub, templates := substituteTemplates(uncommented)
	res := bl.lintJSON(sub)
	// Templates come in text order: a binary search finds the one a
	// finding could be in.
	inTemplate := func(f *Finding) bool {
		i, _ := slices.BinarySearchFunc(templates, f.Start.Offset, func(t span, off int) int { return t.end - 1 - off })
		for ; i < len(templates) && templates[i].start < f.End.Offset+1; i++ {
			if t := templates[i]; f.Start.Offset < t.end && f.End.Offset > t.start || f.Start.Offset == t.start {
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
		fl.findings = append(fl.findings, g)
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
func (fl *formLinter) reportTemplates(body, sub []byte, templates []span, base, ri int) {
	limit := fl.opts.maxFindings()
	pointers := templatePointers(sub, templates[:min(len(templates), limit)])
	var sev Severity // the rule's, as the linter's options set it
	for i, t := range templates {
		fl.compact()
		if i == limit {
			fl.omit(map[Severity]int{sev: len(templates) - i}, base+t.start, ri)
			return
		}
		name := string(body[t.start+2 : t.end-2])
		f := fl.report("template-value", SeverityInfo, span{base + t.start, base + t.end}, ri,
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
	slices.SortFunc(bodyEdits, func(a, b *Edit) int { return a.Start.Offset - b.Start.Offset })
	for i, e := range bodyEdits {
		s, t := e.Start.Offset, e.End.Offset
		if k := bytes.Index(body[s:t], []byte(e.Text)); e.Text != "" && k >= 0 && i+1 < len(bodyEdits) && bodyEdits[i+1].Start.Offset < t {
			flats = append(flats, formEdit{s, s + k, "", nil}, formEdit{s + k + len(e.Text), t, "", nil})
			continue
		}
		flats = append(flats, formEdit{s, t, e.Text, []*Edit{owner[e]}})
	}
	slices.SortStableFunc(flats, func(a, b formEdit) int { return a.start - b.start })
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
	slices.SortStableFunc(res.Findings, compareFindings)
	res.Findings, res.Omitted = fl.capAll(res.Findings)
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
	slices.SortStableFunc(fl.edits, func(a, b formEdit) int { return a.start - b.start })
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

// substituteTemplates replaces each unquoted {{name}} of a JSON body by
// "{name}", a string of the same length, so that the body parses and every
// offset stays; it returns the spans replaced.
func substituteTemplates(body []byte) ([]byte, []span) {
	var out []byte
	var spans []span
	inStr := false
	for i := 0; i < len(body); i++ {
		c := body[i]
		if inStr {
			switch c {
			case '\\':
				i++
			case '"':
				inStr = false
			}
			continue
		}
		if c == '"' {
			inStr = true
			continue
		}
		if c != '{' || i+1 >= len(body) || body[i+1] != '{' {
			continue
		}
		j := i + 2
		for j < len(body) && body[j] != '}' && body[j] != '{' && body[j] != '"' && body[j] != '\\' && body[j] >= 0x20 && body[j] != 0x7f {
			j++
		}
		if j+1 >= len(body) || body[j] != '}' || body[j+1] != '}' {
			continue
		}
		if out == nil {
			out = append([]byte(nil), body...)
		}
		out[i], out[j+1] = '"', '"'
		spans = append(spans, span{i, j + 2})
		i = j + 1
	}
	if out == nil {
		return body, nil
	}
	return out, spans
}

// templatePointers returns the JSON pointer of each template value in the
// substituted body ("" where the body does not parse that far).
func templatePointers(sub []byte, templates []span) []string {
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
		i, ok := slices.BinarySearchFunc(templates, n.Start, func(t span, off int) int { return t.start - off })
		if ok && n.End == templates[i].end {
			out[i] = pointerWith(n, (*node).Key)
		}
	}
	return out
}

// boundBody parses and binds a body for target t, as the engine does, for
// the form layer's own reading of it (its secrets); a nil tree when it
// does not parse.
func boundBody(body []byte, t Target) (*syntaxTree, *binding) {
	tree := jsontext.Parse(body, jsontext.ParseOptions{Base: bomLen(body), MaxDepth: DefaultMaxDepth})
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
