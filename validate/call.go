package validate

import (
	"context"
	"strings"

	"github.com/azconn/azconn/internal/forms"
	"github.com/azconn/azconn/internal/jsontext"
	"github.com/azconn/azconn/internal/secrets"
	"github.com/azconn/azconn/schema"
)

// LintRequest lints body as the body of the request method url: the URL
// selects the target (under Auto), the call (an update, a create, an
// action) and the API version, and what is wrong with the request line is
// reported as request-line findings at the start of the body, as the HTTP
// form reports them. ok is false, and the result holds no finding, when
// url is not a connection endpoint at all (see MatchEndpoint): a guard
// passes such requests on. The URL's host must be a Microsoft Graph cloud
// or one of Options.Hosts. An empty body is no body (a GET, a DELETE).
func (l *Linter) LintRequest(method, url string, body []byte) (res Result, ok bool) {
	method = strings.ToUpper(strings.TrimSpace(method))
	ep := l.endpointOf(method, url, body)
	if !ep.ours {
		return l.implicitResult(body, method, url, endpoint{}, Result{Normalized: body, Form: FormJSON}), false
	}
	res = l.lintCall(body, method, url, ep, l.guard(body, FormJSON))
	markFixed(&res)
	return res, true
}

// lintBare lints a bare JSON body: one implicit request, whose method is
// Options.Method's and whose endpoint, id and call are Options.URL's when
// it names one (a URL to …/updateAdDomainPassword makes the body that
// action's). A URL that names no connection endpoint is a request-line
// finding, and is no evidence for the body's target.
func (l *Linter) lintBare(data []byte, g guarded) Result {
	method := methodOf(l.opts.callOf())
	if l.opts.URL == "" || l.opts.call != callUnset || g.unread {
		return l.lintCall(data, method, l.opts.URL, endpoint{ours: true, takeBody: true, call: l.opts.callOf()}, g)
	}
	ep := l.endpointOf(method, l.opts.URL, data)
	if (ep.call == callUpdatePassword || ep.call == callRunHealthChecks) && method != "POST" && strings.TrimSpace(l.opts.Method) == "" {
		method = "POST" // an action's URL says the method when Options.Method does not
		ep = l.endpointOf(method, l.opts.URL, data)
	}
	if !ep.ours {
		ep = endpoint{ours: true, takeBody: true, call: l.opts.callOf(), issues: []lineIssue{{msg: notOurs}}}
		bl := *l
		bl.opts.URL = "" // no evidence
		res := bl.lintCall(data, method, "", ep, g)
		res.Requests[0].URL = secrets.MaskURL(l.opts.URL, nil, anyRedaction().All)
		return res
	}
	return l.lintCall(data, method, l.opts.URL, ep, g)
}

// notOurs is the request-line finding of a request to another endpoint.
var notOurs = "not a request to the connection endpoints (PATCH " + liveCollection + "/{id}, POST " + liveCollection + ", or the stub's " + stubCollection + "): nothing else was checked"

// endpointOf reads the request line "method url" of a body.
func (l *Linter) endpointOf(method, url string, body []byte) endpoint {
	line := []byte(method + " " + url)
	r := &forms.Request{Method: forms.Span{Start: 0, End: len(method)}, Target: forms.Span{Start: len(method) + 1, End: len(line)}, HasBody: len(body) > 0}
	ep := analyzeEndpoint(line, r, l.opts.Hosts)
	ep.typedBody(body, textSpan(r.Target))
	return ep
}

// lintCall lints data, which the guard stage passed as g says, as the body
// of the call ep, when the call takes one, and adds ep's request-line
// findings at the body's start.
func (l *Linter) lintCall(data []byte, method, url string, ep endpoint, g guarded) Result {
	res := Result{Normalized: data, Form: FormJSON}
	if ep.takeBody {
		bl := l
		if url != "" || ep.call != l.opts.call {
			c := *l
			c.opts.URL, c.opts.call = ep.evidenceURL(), ep.call
			if c.opts.API == "" {
				c.opts.API = API(ep.api)
			}
			bl = &c
		}
		res = bl.lintJSON(data, g)
	}
	res.Form = FormJSON
	if len(ep.issues) > 0 && !l.ignore["request-line"] {
		secrets := bodySecrets(data, res.Target)
		for _, is := range ep.issues {
			msg := is.msg
			for _, s := range secrets {
				if len(s) >= 4 {
					msg = strings.ReplaceAll(msg, s, RedactMask)
				}
			}
			res.Findings = append(res.Findings, Finding{Rule: "request-line", Severity: SeverityError, Message: msg, Start: Pos{1, 1, 0}, End: Pos{1, 1, 0}})
		}
		sortFindings(res.Findings)
	}
	return l.implicitResult(data, method, url, ep, res)
}

// implicitResult completes res with the implicit request of a bare body:
// Requests always holds it, and Target is a concrete target.
func (l *Linter) implicitResult(data []byte, method, url string, ep endpoint, res Result) Result {
	if res.Target == "" || res.Target == Auto { // not linted, or failed before the target was known
		res.Target, res.TargetFrom = Target(defaultTarget()), "default"
		if ep.target != "" {
			res.Target, res.TargetFrom = ep.target, "url"
		} else if l.fixed.model != nil {
			res.Target, res.TargetFrom = l.opts.Target, "flag"
		}
	}
	r := Request{Method: method, URL: secrets.MaskURL(url, nil, anyRedaction().All), API: string(l.opts.API), Target: res.Target, TargetFrom: res.TargetFrom,
		Start: Pos{1, 1, 0}, End: Pos{1, 1, 0}, HasBody: len(data) > 0, BodyStart: Pos{1, 1, 0}, BodyEnd: Pos{1, 1, 0},
		Body: res.Normalized, call: ep.call, id: ep.id, stub: ep.stub}
	if len(data) <= l.opts.maxSize() { // past the limit nothing is read, not even the lines
		x := jsontext.NewLineIndex(data, jsontext.BOMLen(data))
		r.End, r.BodyEnd = posIn(x, len(data)), posIn(x, len(data))
	}
	if r.API == "" {
		r.API = ep.api
	}
	res.Requests = []Request{r}
	return res
}

// Endpoint is the connection endpoint a request URL names (MatchEndpoint).
// The endpoints are data: each target's table (package schema) has its
// collection and its actions.
type Endpoint struct {
	Target Target // the target whose collection the URL names
	API    API    // the URL's version segment; "" when it has none
	ID     string // the connection's id; "" for the collection
	Action string // "updateAdDomainPassword", "runHealthChecks" or ""
	Stub   bool   // the pre-release cloudManagedDesktop endpoint
	// Exact is false when the path only nearly names the endpoint: a
	// collection under the wrong parents, a misspelt collection or action.
	// LintRequest reports what to write instead.
	Exact bool
}

// MatchEndpoint reports whether url is a request to a connection
// endpoint — the collection, one connection, or one of its actions — on a
// Microsoft Graph cloud or one of Options.Hosts (any case; the query is
// ignored). Near misses match with Exact false. It reads no body: a
// request elsewhere whose body's @odata.type names a target, which
// LintRequest lints, does not match.
func (l *Linter) MatchEndpoint(url string) (Endpoint, bool) {
	ep := l.endpointOf("PATCH", url, nil)
	if !ep.ours {
		return Endpoint{}, false
	}
	e := Endpoint{Target: ep.target, API: API(ep.api), ID: ep.id, Stub: ep.stub, Exact: !ep.near && !ep.misspelt && !ep.badPath}
	switch ep.call {
	case callUpdatePassword:
		e.Action = "updateAdDomainPassword"
	case callRunHealthChecks:
		e.Action = "runHealthChecks"
	}
	return e, true
}

// LintContext is Lint that stops when ctx is done: it checks ctx between
// the stages of the pipeline (the parse, the detection, each phase of the
// rules, each request of a text) and then returns ctx's error and a zero
// Result. A call that finishes returns its Result and a nil error.
func (l *Linter) LintContext(ctx context.Context, data []byte) (Result, error) {
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	c := *l
	c.ctx = ctx
	res := c.Lint(data)
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	return res, nil
}

// LintRequestContext is LintRequest that stops when ctx is done, as
// LintContext does.
func (l *Linter) LintRequestContext(ctx context.Context, method, url string, body []byte) (Result, bool, error) {
	if err := ctx.Err(); err != nil {
		return Result{}, false, err
	}
	c := *l
	c.ctx = ctx
	res, ok := c.LintRequest(method, url, body)
	if err := ctx.Err(); err != nil {
		return Result{}, false, err
	}
	return res, ok, nil
}

// Method returns the method of the call that sends a body to the
// endpoint, and whether that call takes a body: POST to the collection (a
// create), PATCH to one connection (an update, the method of the target's
// table), POST to an action (the table's Actions say which take a body).
func (e Endpoint) Method() (method string, body bool) {
	tb, _ := schema.Lookup(string(e.Target))
	switch {
	case e.Action != "":
		return "POST", tb.Actions[e.Action]
	case e.ID == "":
		return "POST", true
	}
	if m, _, ok := strings.Cut(tb.Endpoint, " "); ok && e.Target != AzureConnection {
		return m, true
	}
	return "PATCH", true
}
