package validate

import (
	"fmt"
	"slices"
	"strings"
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
	var b strings.Builder
	var at []span
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
					if v, ok := vars[name]; ok && !isSecretName(name) {
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

// isSecretName reports whether a variable, header or form field name
// names a secret (SPEC §12).
func isSecretName(name string) bool {
	n := strings.ToLower(name)
	for _, w := range []string{"password", "secret", "token", "key", "authorization"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// analyzeEndpoint reads the request line of r.
func analyzeEndpoint(data []byte, r *rawRequest) endpoint {
	ep := endpoint{method: strings.ToUpper(string(data[r.method.start:r.method.end]))}
	url, at := resolveURL(data, r.target, r.vars)
	spanOf := func(from, to int) span {
		if from >= len(at) || to <= from {
			return r.target
		}
		return span{at[from].start, at[min(to, len(at))-1].end}
	}
	issue := func(s span, format string, a ...any) {
		ep.issues = append(ep.issues, lineIssue{s, fmt.Sprintf(format, a...)})
	}
	ep.url = maskQuery(url)

	// Scheme and host.
	rest, restAt := url, 0
	lower := strings.ToLower(url)
	absolute := false
	checkHost := func() {}
	for _, scheme := range []string{"https://", "http://"} {
		if strings.HasPrefix(lower, scheme) {
			absolute = true
			hostEnd := len(scheme)
			for hostEnd < len(url) && !strings.ContainsRune("/?#", rune(url[hostEnd])) {
				hostEnd++
			}
			host := strings.ToLower(url[len(scheme):hostEnd])
			if at := strings.LastIndexByte(host, '@'); at >= 0 {
				host = host[at+1:] // after the userinfo (RFC 3986 §3.2.1), which holds no host
			}
			if h, _, ok := strings.Cut(host, ":"); ok && !strings.Contains(host, "{{") {
				host = h
			}
			hs, ss := spanOf(len(scheme), hostEnd), spanOf(0, len(scheme)-3)
			checkHost = func() {
				if scheme == "http://" {
					issue(ss, "Microsoft Graph takes HTTPS only: write https://")
				}
				if !strings.Contains(host, "{{") && !slices.Contains(graphHosts, host) {
					issue(hs, "host %s is not a Microsoft Graph cloud: use %s", quoteJSON(host), list(quoteAll(graphHosts), "or"))
				}
			}
			rest, restAt = url[hostEnd:], hostEnd
		}
	}
	if !absolute && strings.HasPrefix(url, "{{") {
		if j := strings.Index(url, "}}"); j >= 0 {
			rest, restAt = url[j+2:], j+2
		}
	}
	if q := strings.IndexAny(rest, "?#"); q >= 0 {
		rest = rest[:q]
	}
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
	dm := -1
	for i, s := range segs {
		if strings.EqualFold(s.text, "deviceManagement") {
			dm = i
			break
		}
	}
	if dm < 0 || dm+1 >= len(segs) {
		return ep
	}
	area := segs[dm+1].text
	switch {
	case strings.EqualFold(area, "virtualEndpoint"):
	case strings.EqualFold(area, "cloudManagedDesktop"):
		ep.stub = true
	default:
		return ep
	}
	if dm+2 >= len(segs) {
		return ep
	}
	coll, key, hasKey := cutKey(segs[dm+2].text)
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
			return ep // another collection (cloudPCs, provisioningPolicies…): not ours
		}
		ep.target = OnPremisesConnection
		if s == "azureConnections" {
			ep.target = AzureConnection
		}
		issue(segs[dm+2].at, "unknown path segment %s under %s: did you mean %s?", quoteJSON(coll), area, quoteJSON(s))
	}
	ep.ours = true
	checkHost()

	// The version segment.
	switch {
	case dm == 1:
		v := segs[0]
		switch {
		case strings.EqualFold(v.text, "beta"):
			ep.api = "beta"
		case strings.EqualFold(v.text, "v1.0"):
			ep.api = "v1.0"
		default:
			issue(v.at, "version %s: Microsoft Graph has beta and v1.0", quoteJSON(v.text))
		}
	case dm == 0 && absolute:
		issue(segs[0].at, "the URL has no version segment: write /beta/ or /v1.0/ before /deviceManagement")
	case dm > 1:
		issue(segs[0].at, "unexpected path before /deviceManagement: the URL is /{version}/deviceManagement/…")
	}

	// The id and the action.
	idSeg := -1
	if hasKey {
		ep.id = key
	} else if dm+3 < len(segs) {
		idSeg = dm + 3
		ep.id = segs[idSeg].text
	}
	action := ""
	actionAt := span{}
	after := dm + 3
	if idSeg >= 0 {
		after = dm + 4
	}
	if after < len(segs) {
		action, actionAt = segs[after].text, segs[after].at
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
			issue(actionAt, "%s", msg)
			return ep // what the method should be is unknown
		}
		if after+1 < len(segs) {
			issue(segs[after+1].at, "unexpected path segment %s after the action", quoteJSON(segs[after+1].text))
		}
	}
	ep.checkMethod(data, r, issue, action)
	return ep
}

// evidenceURL is the URL the body's target detection reads: the request's,
// or, when its collection is misspelt, the endpoint it was taken for.
func (ep *endpoint) evidenceURL() string {
	for _, is := range ep.issues {
		if strings.HasPrefix(is.msg, "unknown path segment") && strings.Contains(is.msg, "under ") {
			path := liveCollection
			if ep.target == AzureConnection {
				path = stubCollection
			}
			return "https://graph.microsoft.com/" + cmpOr(ep.api, "beta") + path
		}
	}
	return ep.url
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// checkMethod says whether the endpoint takes the method with a body, and
// which call the body is for.
func (ep *endpoint) checkMethod(data []byte, r *rawRequest, issue func(span, string, ...any), action string) {
	m := r.method
	hasBody := r.hasBody
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
			issue(r.target, "%s is bound to one connection: POST …/onPremisesConnections/{id}/%s", name, name)
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
		if k, _, ok := strings.Cut(p, "="); ok && isSecretName(k) {
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
