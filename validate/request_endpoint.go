package validate

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/azconn/azconn/internal/forms"
	"github.com/azconn/azconn/internal/jsontext"
	"github.com/azconn/azconn/internal/secrets"
	"github.com/azconn/azconn/schema"
)

// callKind is the operation a body is sent to.
type callKind uint8

const (
	callUnset           callKind = iota
	callUpdate                   // PATCH …/{id}
	callCreate                   // POST to the collection
	callUpdatePassword           // POST …/{id}/updateAdDomainPassword
	callRunHealthChecks          // POST …/{id}/runHealthChecks
)

// callOf returns the operation of the options: the request line's, else
// create for Method POST, else update.
func (o Options) callOf() callKind {
	if o.call != callUnset {
		return o.call
	}
	if strings.EqualFold(strings.TrimSpace(o.Method), "POST") {
		return callCreate
	}
	return callUpdate
}

// graphHosts are the Microsoft Graph clouds (national clouds included).
var graphHosts = []string{"graph.microsoft.com", "graph.microsoft.us", "dod-graph.microsoft.us", "microsoftgraph.chinacloudapi.cn"}

// The live and stub endpoints.
const (
	liveCollection = "/deviceManagement/virtualEndpoint/onPremisesConnections"
	stubCollection = "/deviceManagement/cloudManagedDesktop/azureConnections"
)

// endpoint is what a request line says, and what is wrong with it.
type endpoint struct {
	ours     bool   // a request to the connection endpoints
	method   string // upper case
	url      string // resolved; secret query values masked
	api      string // "beta", "v1.0" or ""
	target   Target // from the collection
	stub     bool   // the pre-release cloudManagedDesktop endpoint
	id       string // the connection id written in the URL, if any
	call     callKind
	takeBody bool // the call takes a body (so it is linted)
	issues   []lineIssue

	graph     bool // the host is a Graph cloud, one of Options.Hosts, or not written
	absolute  bool // the URL has a scheme and host
	extraHost bool // the host is one of Options.Hosts
	near      bool // a connection collection under the wrong parents
	misspelt  bool // the collection's name is misspelt
	typed     bool // another endpoint, taken as ours for the body's @odata.type
	badPath   bool // an unknown segment after the id or the action
}

// lineIssue is one request-line finding: where and what.
type lineIssue struct {
	at  span
	msg string
}

// segment is one path segment of the resolved URL, with its span in the
// text as written.
type segment struct {
	text string
	at   span
}

// resolveURL substitutes @variables into the URL as written. It returns
// the resolved text and, for each of its bytes, the span of the text as
// written that produced it. Secret variables and unknown ones stay as
// {{name}}.
func resolveURL(data []byte, target span, vars map[string]string) (string, []span) {
	// Sized for the target as written: most have no variable, and growing
	// by appending was most of a 4 MiB file of 300,000 requests' garbage.
	var b strings.Builder
	b.Grow(target.end - target.start)
	at := make([]span, 0, target.end-target.start)
	// Variables may refer to variables: a budget keeps a file of
	// self-multiplying references from taking exponential time.
	budget := 4096 + 4*(target.end-target.start)
	var expand func(s string, origin func(i int) span, depth int)
	expand = func(s string, origin func(i int) span, depth int) {
		for i := 0; i < len(s) && b.Len() < budget; {
			if strings.HasPrefix(s[i:], "{{") && depth < 5 {
				if j := strings.Index(s[i+2:], "}}"); j >= 0 {
					name := strings.TrimSpace(s[i+2 : i+2+j])
					ref := span{origin(i).start, origin(i + 2 + j + 1).end}
					if v, ok := vars[name]; ok && !secrets.IsSecretName(name) {
						expand(v, func(int) span { return ref }, depth+1)
						i += j + 4
						continue
					}
				}
			}
			b.WriteByte(s[i])
			at = append(at, origin(i))
			i++
		}
	}
	raw := string(data[target.start:target.end])
	expand(raw, func(i int) span { return span{target.start + i, target.start + i + 1} }, 0)
	return b.String(), at
}

// analyzeEndpoint reads the request line of r. Hosts are the hosts
// accepted besides the Graph clouds (Options.Hosts; "*" is any host).
func analyzeEndpoint(data []byte, r *forms.Request, hosts []string) endpoint {
	ep := endpoint{method: strings.ToUpper(string(data[r.Method.Start:r.Method.End]))}
	url, at := resolveURL(data, textSpan(r.Target), r.Vars)
	for _, q := range r.Query { // continuation lines: the query goes on
		more, moreAt := resolveURL(data, textSpan(q), r.Vars)
		url, at = url+more, append(at, moreAt...)
	}
	spanOf := func(from, to int) span {
		if from >= len(at) || to <= from {
			return textSpan(r.Target)
		}
		return span{at[from].start, at[min(to, len(at))-1].end}
	}
	issue := func(s span, format string, a ...any) {
		ep.issues = append(ep.issues, lineIssue{s, fmt.Sprintf(format, a...)})
	}
	ep.url = maskQuery(url)
	rest, restAt, checkHost := ep.readHost(url, spanOf, issue, hosts)
	if q := strings.IndexAny(rest, "?#"); q >= 0 {
		rest = rest[:q]
	}
	segs := splitPath(rest, restAt, spanOf)
	if len(segs) > 0 && isAPI(segs[0].text) {
		ep.api = strings.ToLower(segs[0].text) // replaced by checkVersion's reading on an endpoint
	}
	dm, ci, near := locateCollection(segs)
	if ci < 0 || near && !ep.graph {
		return ep
	}
	coll, key, hasKey := cutKey(segs[ci].text)
	if near {
		ep.nearMiss(segs, ci, coll)
	} else if !ep.collection(segs, dm, coll, issue) {
		return ep
	}
	ep.ours = true
	checkHost()
	if !near {
		ep.checkVersion(segs, dm, issue)
	}

	// The id and the action.
	idSeg := -1
	if hasKey {
		ep.id = key
	} else if ci+1 < len(segs) {
		idSeg = ci + 1
		ep.id = segs[idSeg].text
	}
	action := ""
	after := ci + 1
	if idSeg >= 0 {
		after = ci + 2
	}
	if after < len(segs) {
		action = segs[after].text
		if !ep.readAction(action, segs[after].at, issue) {
			return ep // what the method should be is unknown
		}
		if after+1 < len(segs) {
			ep.badPath = true
			issue(segs[after+1].at, "unexpected path segment %s after the action", quoteJSON(segs[after+1].text))
		}
	}
	if near {
		ep.reportNearMiss(segs, ci, issue)
	}
	ep.checkMethod(data, r, issue, action)
	return ep
}

// readHost reads the scheme and host of url. It returns the path part and
// its offset in url, and the host's checks, made once the path is known to
// be a connection endpoint. It sets ep.graph when the host is a Graph
// cloud, one of hosts, or not written (a relative URL or a {{variable}}).
func (ep *endpoint) readHost(url string, spanOf func(int, int) span, issue func(span, string, ...any), hosts []string) (rest string, restAt int, checkHost func()) {
	rest, checkHost = url, func() {}
	ep.graph = true
	lower := strings.ToLower(url)
	for _, scheme := range []string{"https://", "http://"} {
		if !strings.HasPrefix(lower, scheme) {
			continue
		}
		ep.absolute = true
		hostEnd := len(scheme)
		for hostEnd < len(url) && !strings.ContainsRune("/?#", rune(url[hostEnd])) {
			hostEnd++
		}
		host := strings.ToLower(url[len(scheme):hostEnd])
		if at := strings.LastIndexByte(host, '@'); at >= 0 {
			host = host[at+1:] // after the userinfo (RFC 3986 §3.2.1), which holds no host
		}
		if hostAllowed(host, hosts) {
			ep.extraHost = true
			return url[hostEnd:], hostEnd, checkHost
		}
		if h, _, ok := strings.Cut(host, ":"); ok && !strings.Contains(host, "{{") {
			host = h
		}
		templated := strings.Contains(host, "{{")
		ep.graph = templated || slices.Contains(graphHosts, host)
		hs, ss := spanOf(len(scheme), hostEnd), spanOf(0, len(scheme)-3)
		checkHost = func() {
			if scheme == "http://" {
				issue(ss, "Microsoft Graph takes HTTPS only: write https://")
			}
			if !ep.graph {
				issue(hs, "host %s is not a Microsoft Graph cloud: use %s", quoteJSON(host), list(quoteAll(graphHosts), "or"))
			}
		}
		return url[hostEnd:], hostEnd, checkHost
	}
	if strings.HasPrefix(url, "{{") {
		if j := strings.Index(url, "}}"); j >= 0 {
			return url[j+2:], j + 2, checkHost
		}
	}
	return rest, 0, checkHost
}

// hostAllowed reports whether host (lower case, with any port) is one of
// hosts, compared without case, with or without its port; "*" is any host.
func hostAllowed(host string, hosts []string) bool {
	bare, _, _ := strings.Cut(host, ":")
	for _, h := range hosts {
		if h == "*" || strings.EqualFold(h, host) || strings.EqualFold(h, bare) {
			return true
		}
	}
	return false
}

// splitPath splits the path into its non-empty segments.
func splitPath(rest string, restAt int, spanOf func(int, int) span) []segment {
	var segs []segment
	for i := 0; i < len(rest); {
		if rest[i] == '/' {
			i++
			continue
		}
		j := i
		for j < len(rest) && rest[j] != '/' {
			j++
		}
		segs = append(segs, segment{rest[i:j], spanOf(restAt+i, restAt+j)})
		i = j
	}
	return segs
}

// connectionCollections are the last segments of the collections that
// hold connections: each target's, and the stub's onPremisesConnections.
var connectionCollections = sync.OnceValue(func() []string {
	var out []string
	for _, t := range schema.Tables() {
		out = append(out, t.Collection[strings.LastIndexByte(t.Collection, '/')+1:])
	}
	return out
})

// locateCollection finds the collection segment of the path: the one after
// /deviceManagement/{virtualEndpoint|cloudManagedDesktop} (dm is the
// deviceManagement segment), or, for a near miss (another parent, any
// case), a connection collection among the last three segments (the
// collection, an id, an action). ci is -1 when the path has neither.
func locateCollection(segs []segment) (dm, ci int, near bool) {
	for i, s := range segs {
		if !strings.EqualFold(s.text, "deviceManagement") || i+2 >= len(segs) {
			continue
		}
		if a := segs[i+1].text; strings.EqualFold(a, "virtualEndpoint") || strings.EqualFold(a, "cloudManagedDesktop") {
			return i, i + 2, false
		}
	}
	for i := len(segs) - 1; i >= 0 && i >= len(segs)-3; i-- {
		c, _, _ := cutKey(segs[i].text)
		for _, name := range connectionCollections() {
			if strings.EqualFold(c, name) {
				return -1, i, true
			}
		}
	}
	return -1, -1, false
}

// collection reads the collection segment under deviceManagement's area;
// it reports false for another collection (cloudPCs…): not ours.
func (ep *endpoint) collection(segs []segment, dm int, coll string, issue func(span, string, ...any)) bool {
	area := segs[dm+1].text
	ep.stub = strings.EqualFold(area, "cloudManagedDesktop")
	known := []string{"onPremisesConnections"}
	if ep.stub {
		known = []string{"azureConnections", "onPremisesConnections"}
	}
	switch {
	case strings.EqualFold(coll, "onPremisesConnections"):
		ep.target = OnPremisesConnection
	case ep.stub && strings.EqualFold(coll, "azureConnections"):
		ep.target = AzureConnection
	default:
		s := nearest(coll, known)
		if s == "" {
			return false
		}
		ep.target = OnPremisesConnection
		if s == "azureConnections" {
			ep.target = AzureConnection
		}
		ep.misspelt = true
		issue(segs[dm+2].at, "unknown path segment %s under %s: did you mean %s?", quoteJSON(coll), area, quoteJSON(s))
	}
	return true
}

// collectionOf returns the path of target t's collection (its table's).
func collectionOf(t Target) string {
	tb, _ := schema.Lookup(string(t))
	return tb.Collection
}

// nearMiss reads a connection collection found under the wrong parents:
// the target is the one whose collection has that name (the stub's for
// azureConnections, the live one's for onPremisesConnections), and the
// version is the first segment's when it names one.
func (ep *endpoint) nearMiss(segs []segment, ci int, coll string) {
	ep.near, ep.target = true, OnPremisesConnection
	if strings.EqualFold(coll, "azureConnections") {
		ep.target, ep.stub = AzureConnection, true
	}
	if ci > 0 {
		for _, a := range apiList() {
			if strings.EqualFold(segs[0].text, string(a)) {
				ep.api = string(a)
			}
		}
	}
}

// reportNearMiss reports a near miss's path with the right one.
func (ep *endpoint) reportNearMiss(segs []segment, ci int, issue func(span, string, ...any)) {
	right := "/" + cmpOr(ep.api, "{version}") + collectionOf(ep.target)
	for _, s := range segs[ci+1:] {
		right += "/" + s.text
	}
	if ep.id != "" && !strings.Contains(right, "/"+ep.id) {
		right += "/" + ep.id
	}
	at := span{segs[0].at.start, segs[ci].at.end}
	msg := fmt.Sprintf("the connections are not at this path: the %s collection is %s; write %s %s", ep.target, collectionOf(ep.target), ep.method, right)
	if ep.target == AzureConnection {
		msg += fmt.Sprintf(" (a pre-release stub; the live collection is %s)", collectionOf(OnPremisesConnection))
	}
	issue(at, "%s", msg)
}

// checkVersion reports a version segment that is missing, unknown or not
// first; a host of Options.Hosts (a gateway) may put a prefix before it.
func (ep *endpoint) checkVersion(segs []segment, dm int, issue func(span, string, ...any)) {
	switch {
	case dm >= 1 && (dm == 1 || ep.extraHost && isAPI(segs[dm-1].text)):
		v := segs[dm-1]
		switch {
		case strings.EqualFold(v.text, "beta"):
			ep.api = "beta"
		case strings.EqualFold(v.text, "v1.0"):
			ep.api = "v1.0"
		case strings.Contains(v.text, "{{"):
			// A variable filled in when the request is sent (an
			// environment file holds it), as an undefined host is.
		default:
			issue(v.at, "version %s: Microsoft Graph has beta and v1.0", quoteJSON(v.text))
		}
	case dm == 0 && ep.absolute:
		issue(segs[0].at, "the URL has no version segment: write /beta/ or /v1.0/ before /deviceManagement")
	case dm > 1:
		issue(segs[0].at, "unexpected path before /deviceManagement: the URL is /{version}/deviceManagement/…")
	}
}

func isAPI(s string) bool { return strings.EqualFold(s, "beta") || strings.EqualFold(s, "v1.0") }

// readAction reads the segment after the connection's id: an action of
// the target's table (with or without the microsoft.graph. prefix). It
// reports false, with a finding, for an unknown one.
func (ep *endpoint) readAction(action string, at span, issue func(span, string, ...any)) bool {
	name := action
	if len(name) > len("microsoft.graph.") && strings.EqualFold(name[:len("microsoft.graph.")], "microsoft.graph.") {
		name = name[len("microsoft.graph."):]
	}
	switch {
	case strings.EqualFold(name, "updateAdDomainPassword"):
		ep.call = callUpdatePassword
	case strings.EqualFold(name, "runHealthChecks"):
		ep.call = callRunHealthChecks
	default:
		msg := fmt.Sprintf("unknown path segment %s after the connection's id: the actions are updateAdDomainPassword and runHealthChecks", quoteJSON(action))
		if s := nearest(name, []string{"updateAdDomainPassword", "runHealthChecks"}); s != "" {
			msg = fmt.Sprintf("unknown path segment %s after the connection's id: did you mean %s?", quoteJSON(action), quoteJSON(s))
		}
		issue(at, "%s", msg)
		ep.badPath = true
		return false
	}
	return true
}

// evidenceURL is the URL the body's target detection reads: the request's,
// or, when its collection is misspelt, the endpoint it was taken for.
func (ep *endpoint) evidenceURL() string {
	if ep.typed {
		return "" // the body's @odata.type is the evidence
	}
	if ep.near || ep.misspelt {
		return "https://graph.microsoft.com/" + cmpOr(ep.api, "beta") + collectionOf(ep.target)
	}
	return ep.url
}

func cmpOr[S ~string](s, def S) S {
	if s == "" {
		return def
	}
	return s
}

// checkMethod says whether the endpoint takes the method with a body, and
// which call the body is for.
func (ep *endpoint) checkMethod(data []byte, r *forms.Request, issue func(span, string, ...any), action string) {
	m := textSpan(r.Method)
	hasBody := r.HasBody
	live := "…/virtualEndpoint/onPremisesConnections/{id}"
	switch ep.call {
	case callUpdatePassword, callRunHealthChecks:
		name := "updateAdDomainPassword"
		if ep.call == callRunHealthChecks {
			name = "runHealthChecks"
		}
		if ep.method != "POST" {
			issue(m, "%s is an action: call it with POST, not %s", name, ep.method)
		}
		if ep.id == "" {
			issue(textSpan(r.Target), "%s is bound to one connection: POST …/onPremisesConnections/{id}/%s", name, name)
		}
		if ep.call == callRunHealthChecks && hasBody {
			issue(m, "runHealthChecks takes no body: remove it")
			return
		}
		if ep.call == callUpdatePassword && !hasBody {
			issue(m, "updateAdDomainPassword takes a body: {\"adDomainPassword\": …}")
		}
		ep.takeBody = ep.call == callUpdatePassword
		return
	}
	switch ep.method {
	case "PATCH", "PUT":
		ep.call, ep.takeBody = callUpdate, true
		if ep.method == "PUT" {
			issue(m, "Microsoft Graph updates a connection with PATCH, not PUT")
		}
		if ep.id == "" {
			if ep.stub {
				issue(m, "%s without the connection's {id}: the cloudManagedDesktop endpoint is a pre-release stub that documents no {id}; the live endpoint is PATCH %s", ep.method, live)
			} else {
				issue(m, "%s without the connection's {id}: write PATCH %s", ep.method, live)
			}
		}
	case "POST":
		ep.takeBody = true
		if ep.id == "" {
			ep.call = callCreate
		} else {
			ep.call = callUpdate
			issue(m, "POST to one connection: create with POST to the collection, update with PATCH %s", live)
		}
	default:
		if hasBody {
			issue(m, "%s takes no body at this endpoint: update with PATCH %s, create with POST to the collection", ep.method, live)
		}
	}
}

// cutKey splits "coll('id')" or "coll(id)" into the collection and key.
func cutKey(s string) (coll, key string, ok bool) {
	i := strings.IndexByte(s, '(')
	if i < 0 || !strings.HasSuffix(s, ")") {
		return s, "", false
	}
	key = strings.Trim(s[i+1:len(s)-1], "'")
	return s[:i], key, true
}

// maskQuery masks the values of query parameters with secret names.
func maskQuery(url string) string {
	q := strings.IndexByte(url, '?')
	if q < 0 {
		return url
	}
	parts := strings.Split(url[q+1:], "&")
	for i, p := range parts {
		if k, _, ok := strings.Cut(p, "="); ok && secrets.IsSecretName(k) {
			parts[i] = k + "=" + RedactMask
		}
	}
	return url[:q+1] + strings.Join(parts, "&")
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = quoteJSON(s)
	}
	return out
}

// typedBody makes a request to a Graph host at another endpoint ours when
// its body's root @odata.type names a target's type: the body is linted as
// that target, and a request-line finding at at names the right endpoint.
// Other requests stay not ours.
func (ep *endpoint) typedBody(body []byte, at span) {
	if ep.ours || !ep.graph || len(body) == 0 || !bytes.Contains(body, []byte("@odata.type")) {
		return
	}
	switch ep.method {
	case "PATCH", "POST", "PUT":
	default:
		return
	}
	t := rootTypeTarget(body)
	if t == "" {
		return
	}
	ep.ours, ep.near, ep.target, ep.takeBody = true, true, t, true
	ep.stub = t == AzureConnection
	ep.call, ep.id = callUpdate, ""
	right := ep.method + " /" + cmpOr(ep.api, "{version}") + collectionOf(t) + "/{id}"
	if ep.method == "POST" {
		ep.call, right = callCreate, "POST /"+cmpOr(ep.api, "{version}")+collectionOf(t)
	}
	ep.typed = true
	ep.issues = append(ep.issues, lineIssue{at, fmt.Sprintf("the body's @odata.type is the %s type, but this URL is not a connection endpoint: write %s", t, right)})
}

// rootTypeTarget returns the target whose type the root @odata.type of
// body names, or "".
func rootTypeTarget(body []byte) Target {
	tree := jsontext.Parse(body, jsontext.ParseOptions{Base: jsontext.BOMLen(body), MaxDepth: DefaultMaxDepth})
	all, err := models()
	if tree.Err != nil || tree.Root == nil || tree.Root.Kind != kindObject || err != nil {
		return ""
	}
	for _, m := range tree.Root.Members {
		if !strings.EqualFold(m.Key, "@odata.type") || m.Val.Kind != kindString {
			continue
		}
		for _, t := range tableOrder() {
			if o := all[t].root.odata; len(o) > 0 && sameType(m.Val.Str, o[0]) {
				return Target(t)
			}
		}
	}
	return ""
}
