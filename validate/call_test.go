package validate

import (
	"slices"
	"strings"
	"testing"

	"github.com/azconn/azconn/schema"
)

const liveItem = "https://graph.microsoft.com/v1.0/deviceManagement/virtualEndpoint/onPremisesConnections/9ec90ff8-fd63-4fb9-ab5a-aa4fdccf1234"

func TestMatchEndpoint(t *testing.T) {
	l, err := New(Options{Hosts: []string{"127.0.0.1", "gw.example.com:8443"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		url  string
		ok   bool
		want Endpoint
	}{
		{liveItem, true, Endpoint{Target: OnPremisesConnection, API: APIV1, ID: "9ec90ff8-fd63-4fb9-ab5a-aa4fdccf1234", Exact: true}},
		{liveItem + "/updateAdDomainPassword", true, Endpoint{Target: OnPremisesConnection, API: APIV1, ID: "9ec90ff8-fd63-4fb9-ab5a-aa4fdccf1234", Action: "updateAdDomainPassword", Exact: true}},
		{liveItem + "/microsoft.graph.runHealthChecks?x=1", true, Endpoint{Target: OnPremisesConnection, API: APIV1, ID: "9ec90ff8-fd63-4fb9-ab5a-aa4fdccf1234", Action: "runHealthChecks", Exact: true}},
		{"https://graph.microsoft.com/beta/deviceManagement/cloudManagedDesktop/azureConnections", true, Endpoint{Target: AzureConnection, API: APIBeta, Stub: true, Exact: true}},
		{"/BETA/DEVICEMANAGEMENT/virtualendpoint/ONPREMISESCONNECTIONS", true, Endpoint{Target: OnPremisesConnection, API: APIBeta, Exact: true}},
		// Near misses match, not exactly.
		{"https://graph.microsoft.com/beta/azureConnections", true, Endpoint{Target: AzureConnection, API: APIBeta, Stub: true}},
		{"https://graph.microsoft.com/beta/deviceManagement/onPremisesConnections/abc", true, Endpoint{Target: OnPremisesConnection, API: APIBeta, ID: "abc"}},
		{"https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/onPremiseConnections", true, Endpoint{Target: OnPremisesConnection, API: APIBeta}},
		// Options.Hosts: a test server, a gateway with a prefix.
		{"http://127.0.0.1:40123/v1.0/deviceManagement/virtualEndpoint/onPremisesConnections/x", true, Endpoint{Target: OnPremisesConnection, API: APIV1, ID: "x", Exact: true}},
		{"https://GW.example.com:8443/graph/beta/deviceManagement/virtualEndpoint/onPremisesConnections/x", true, Endpoint{Target: OnPremisesConnection, API: APIBeta, ID: "x", Exact: true}},
		// Not ours.
		{"https://graph.microsoft.com/v1.0/users/abc", false, Endpoint{}},
		{"https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/cloudPCs", false, Endpoint{}},
		{"https://example.com/beta/azureConnections", false, Endpoint{}},
		{"", false, Endpoint{}},
	} {
		got, ok := l.MatchEndpoint(tc.url)
		if ok != tc.ok || got != tc.want {
			t.Errorf("MatchEndpoint(%q) = %+v, %v; want %+v, %v", tc.url, got, ok, tc.want, tc.ok)
		}
		if !ok {
			continue
		}
		m, body := got.Method()
		wantM, wantBody := "PATCH", true
		switch {
		case got.Action == "runHealthChecks":
			wantM, wantBody = "POST", false
		case got.Action != "" || got.ID == "":
			wantM = "POST"
		}
		if m != wantM || body != wantBody {
			t.Errorf("%q: Method() = %s, %v; want %s, %v", tc.url, m, body, wantM, wantBody)
		}
	}
}

// The endpoints the analyzer knows are the schema tables'.
func TestEndpointsAreTableData(t *testing.T) {
	live, _ := schema.Lookup(string(OnPremisesConnection))
	stub, _ := schema.Lookup(string(AzureConnection))
	if live.Collection != liveCollection || stub.Collection != stubCollection {
		t.Errorf("collections %q, %q; the analyzer's %q, %q", live.Collection, stub.Collection, liveCollection, stubCollection)
	}
	var names []string
	for n := range live.Actions {
		names = append(names, n)
	}
	slices.Sort(names)
	if !slices.Equal(names, []string{"runHealthChecks", "updateAdDomainPassword"}) || !live.Actions["updateAdDomainPassword"] || live.Actions["runHealthChecks"] {
		t.Errorf("actions %v", live.Actions)
	}
	for _, tb := range schema.Tables() {
		if !strings.HasPrefix(tb.Endpoint, "PATCH "+tb.Collection) {
			t.Errorf("%s: Endpoint %q is not under Collection %q", tb.Name, tb.Endpoint, tb.Collection)
		}
	}
}

func TestLintRequest(t *testing.T) {
	l, err := New(Options{Hosts: []string{"127.0.0.1"}})
	if err != nil {
		t.Fatal(err)
	}
	body := []byte(`{"displayName": "Contoso"}`)
	for _, tc := range []struct {
		name, method, url string
		body              []byte
		ok                bool
		target            Target
		lineMsg           string // a request-line finding's words; "" for none
	}{
		{"update", "PATCH", liveItem, body, true, OnPremisesConnection, ""},
		{"patch without id", "patch", "https://graph.microsoft.com/v1.0/deviceManagement/virtualEndpoint/onPremisesConnections", body, true, OnPremisesConnection, "without the connection's {id}"},
		{"near miss", "PATCH", "https://graph.microsoft.com/beta/deviceManagement/onPremisesConnections/abc", body, true, OnPremisesConnection, "write PATCH /beta/deviceManagement/virtualEndpoint/onPremisesConnections/abc"},
		{"typed body elsewhere", "POST", "https://graph.microsoft.com/beta/me/things", []byte(`{"@odata.type": "#microsoft.graph.AzureConnection"}`), true, AzureConnection, "write POST /beta/deviceManagement/cloudManagedDesktop/azureConnections"},
		{"test server", "PATCH", "http://127.0.0.1:8080/beta/deviceManagement/virtualEndpoint/onPremisesConnections/abc", body, true, OnPremisesConnection, ""},
		{"get without body", "GET", liveItem, nil, true, OnPremisesConnection, ""},
		{"delete with body", "DELETE", liveItem, body, true, OnPremisesConnection, "takes no body"},
		{"another endpoint", "PATCH", "https://graph.microsoft.com/v1.0/users/abc", body, false, AzureConnection, ""},
		{"another host", "PATCH", "https://example.com/beta/deviceManagement/virtualEndpoint/onPremisesConnections/abc", body, true, OnPremisesConnection, "not a Microsoft Graph cloud"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, ok := l.LintRequest(tc.method, tc.url, tc.body)
			if ok != tc.ok || res.Target != tc.target || len(res.Requests) != 1 {
				t.Fatalf("ok %v target %s requests %d; want %v %s 1", ok, res.Target, len(res.Requests), tc.ok, tc.target)
			}
			var line []string
			for _, f := range res.Findings {
				if f.Rule == "request-line" {
					line = append(line, f.Message)
				}
				_ = res.Requests[f.Request] // code written to the docs does not panic
			}
			if (tc.lineMsg == "") != (len(line) == 0) || tc.lineMsg != "" && !strings.Contains(strings.Join(line, "\n"), tc.lineMsg) {
				t.Errorf("request-line findings %q; want one with %q", line, tc.lineMsg)
			}
			if !ok && (len(res.Findings) != 0 || string(res.Normalized) != string(tc.body)) {
				t.Errorf("another endpoint: findings %v, body changed %v", res.Findings, res.Changed)
			}
		})
	}
}

// A bare body with Options.URL gets the request line's findings (a PATCH
// of the collection) and a URL of another endpoint is no evidence.
func TestBareBodyURLFindings(t *testing.T) {
	res := Lint([]byte(`{"displayName": "x"}`), Options{URL: "https://graph.microsoft.com/v1.0/deviceManagement/virtualEndpoint/onPremisesConnections"})
	if len(res.Findings) == 0 || res.Findings[0].Rule != "request-line" || !strings.Contains(res.Findings[0].Message, "{id}") || res.Findings[0].Start != (Pos{1, 1, 0}) {
		t.Errorf("PATCH to the collection: %v", res.Findings)
	}
	res = Lint([]byte(`{"displayName": "x"}`), Options{URL: "https://graph.microsoft.com/v1.0/users/abc"})
	if res.TargetFrom == "url" || len(res.Findings) == 0 || res.Findings[0].Rule != "request-line" || !strings.Contains(res.Findings[0].Message, "not a request to the connection endpoints") {
		t.Errorf("another endpoint: %s from %s, %v", res.Target, res.TargetFrom, res.Findings)
	}
	res = Lint([]byte(`{"displayName": "x"}`), Options{URL: "https://graph.microsoft.com/v1.0/users/abc", Ignore: []string{"request-line"}})
	for _, f := range res.Findings {
		if f.Rule == "request-line" {
			t.Errorf("ignored request-line reported: %v", f)
		}
	}
}

// Options.Hosts must name hosts.
func TestHostsOption(t *testing.T) {
	for _, h := range []string{"", "https://x", "a/b", "a b"} {
		if _, err := New(Options{Hosts: []string{h}}); err == nil {
			t.Errorf("Hosts %q accepted", h)
		}
	}
	if _, err := New(Options{Hosts: []string{"*", "127.0.0.1:8080", "gw.example.com"}}); err != nil {
		t.Error(err)
	}
}

// FuzzLintRequest: any method, URL and body get an answer that code
// written to the docs can use: no panic, one request, every finding's
// Request indexing it, a concrete target, and no finding for a URL that is
// not a connection endpoint.
func FuzzLintRequest(f *testing.F) {
	f.Add("PATCH", liveItem, []byte(`{"displayName": "x"}`))
	f.Add("post", "https://graph.microsoft.com/beta/azureConnections", []byte(`{"@odata.type": "#microsoft.graph.AzureConnection"}`))
	f.Add("GET", "{{host}}/beta/deviceManagement/virtualEndpoint/onPremisesConnections('x')/runHealthChecks?a=b#c", []byte(nil))
	f.Add("PUT", "http://127.0.0.1:1/gw/v1.0/deviceManagement/onPremisesConnections/x/y/z", []byte("\xff{"))
	l, err := New(Options{Hosts: []string{"127.0.0.1"}, MaxSize: 1 << 12})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, method, url string, body []byte) {
		res, ok := l.LintRequest(method, url, body)
		if len(res.Requests) != 1 || res.Target == Auto || res.Target == "" {
			t.Fatalf("requests %d, target %q", len(res.Requests), res.Target)
		}
		for _, f := range res.Findings {
			if f.Request != 0 {
				t.Fatalf("finding of request %d", f.Request)
			}
		}
		if !ok && len(res.Findings) != 0 {
			t.Fatalf("not an endpoint, yet findings %v", res.Findings)
		}
		if _, match := l.MatchEndpoint(url); match && !ok {
			t.Fatalf("MatchEndpoint matches %q, LintRequest says it is not an endpoint", url)
		}
	})
}
