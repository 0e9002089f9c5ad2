package validate

import (
	"strings"

	"github.com/azconn/azconn/internal/jsontext"
	"github.com/azconn/azconn/internal/render"
)

// CallOptions tune RenderCalls.
type CallOptions struct {
	// API is the version segment to call ("beta" or "v1.0"); zero means
	// the request's own, else beta.
	API string
}

// Call is one rendering of a request as something to run.
type Call struct {
	Kind  string // "http", "curl", "powershell" or "az"
	Title string // what to call it in a tab or heading
	Text  string // the complete call
}

// CallView is a request rendered as complete calls: the HTTP request (as a
// .http file or REST client takes it), curl, PowerShell's
// Invoke-MgGraphRequest and az rest. The password is always a variable
// reference ({{adDomainPassword}}, $AD_DOMAIN_PASSWORD,
// $env:AD_DOMAIN_PASSWORD), never its value, and an id the input did not
// give is left as {id} for the user.
type CallView struct {
	// Note says what to know first; set for the pre-release stub.
	Note string
	// Calls target the request's own endpoint (the detected target's).
	Calls []Call
	// Live, for the stub, is the same call migrated to the live
	// onPremisesConnection endpoint, its body normalized for that target.
	Live []Call
}

// RenderCalls renders request r (its normalized Body, method, endpoint and
// id) as complete calls. It never includes the password's value.
func RenderCalls(r Request, opts CallOptions) CallView {
	target := r.Target
	if target == "" {
		target = Target(defaultTarget())
	}
	call := r.call
	if call == callUnset {
		call = callUpdate
		if r.Method == "POST" {
			call = callCreate
		}
	}
	api := opts.API
	if api == "" {
		api = r.API
	}
	if api == "" {
		api = "beta"
	}
	host := requestHost(r.URL)
	stub := target == AzureConnection || r.stub
	var v CallView
	// The whole text's secrets (another request's password, a token of
	// the framing) are masked in the body too.
	v.Calls = renderAll(call, host, api, endpointPath(target, stub), r.secrets.FreeText(idOf(r)), r.secrets.Text(bodyWithRef(r.Body, target)))
	if stub {
		v.Note = "The cloudManagedDesktop endpoint is a pre-release stub of the Graph docs, not a live API: the live call is " +
			methodOf(call) + " https://graph.microsoft.com/" + api + liveCollection + "/{id}" + actionSuffix(call) +
			" (under Live, with the body migrated to cloudPcOnPremisesConnection)."
		if call == callCreate {
			v.Note = strings.Replace(v.Note, "/{id}", "", 1)
		}
		body := r.Body
		if len(body) > 0 {
			res := Lint(body, Options{Target: OnPremisesConnection, DropReadOnly: true, Form: FormJSON, call: call})
			body = res.Normalized
		}
		v.Live = renderAll(call, host, api, liveCollection, r.secrets.FreeText(idOf(r)), r.secrets.Text(bodyWithRef(body, OnPremisesConnection)))
	}
	return v
}

// idOf returns the connection id to put in the URL: the input's, unless
// it is a placeholder or a variable, else {id}.
func idOf(r Request) string {
	id := strings.TrimSpace(r.id)
	if id == "" || strings.ContainsAny(id, "{}$<> ") {
		return "{id}"
	}
	return id
}

func requestHost(url string) string {
	lower := strings.ToLower(url)
	for _, scheme := range []string{"https://", "http://"} {
		if strings.HasPrefix(lower, scheme) {
			h := lower[len(scheme):]
			if i := strings.IndexAny(h, "/?#:"); i >= 0 {
				h = h[:i]
			}
			for _, g := range graphHosts {
				if h == g {
					return g
				}
			}
		}
	}
	return graphHosts[0]
}

func endpointPath(t Target, stub bool) string {
	switch {
	case t == AzureConnection:
		return stubCollection
	case stub:
		return "/deviceManagement/cloudManagedDesktop/onPremisesConnections"
	}
	return liveCollection
}

func methodOf(c callKind) string {
	if c == callUpdate {
		return "PATCH"
	}
	return "POST"
}

func actionSuffix(c callKind) string {
	switch c {
	case callUpdatePassword:
		return "/updateAdDomainPassword"
	case callRunHealthChecks:
		return "/runHealthChecks"
	}
	return ""
}

// bodyWithRef returns the body text with the password's value replaced by
// render.PasswordMarker (inside its quotes); a body too broken to find it in is masked
// by Redact instead.
func bodyWithRef(body []byte, t Target) string {
	if len(body) == 0 {
		return ""
	}
	tree, bound := boundBody(body, t)
	if tree == nil {
		return string(Redact(body, t))
	}
	var b strings.Builder
	last := 0
	for _, n := range tree.Nodes {
		if !bound.isSecret(n) || n.Kind == kindNull || n.Start < last || (n.Parent != nil && bound.isSecret(n.Parent)) {
			continue
		}
		b.Write(body[last:n.Start])
		b.WriteString(`"` + render.PasswordMarker + `"`)
		last = n.End
	}
	b.Write(body[last:])
	return strings.TrimRight(strings.TrimPrefix(b.String(), jsontext.BOM), "\r\n")
}

// renderAll renders the call to collection on host as every kind of Call.
func renderAll(call callKind, host, api, collection, id, body string) []Call {
	url := "https://" + host + "/" + api + collection
	if call != callCreate {
		url += "/" + id + actionSuffix(call)
	}
	method := methodOf(call)
	if call == callRunHealthChecks {
		body = ""
	}
	return []Call{
		{Kind: "http", Title: "HTTP", Text: render.HTTP(method, url, body)},
		{Kind: "curl", Title: "curl", Text: render.Curl(method, url, body)},
		{Kind: "powershell", Title: "PowerShell (Invoke-MgGraphRequest)", Text: render.PowerShell(method, url, body)},
		{Kind: "az", Title: "Azure CLI (az rest)", Text: render.Az(method, url, body)},
	}
}
