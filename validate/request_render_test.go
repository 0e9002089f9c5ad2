package validate

import (
	"os/exec"
	"strings"
	"testing"
)

func TestRenderCalls(t *testing.T) {
	const id = "9ec90ff8-fd63-4fb9-ab5a-aa4fdccf1234"
	live := "https://graph.microsoft.com/v1.0/deviceManagement/virtualEndpoint/onPremisesConnections"
	cases := []struct {
		name   string
		in     string
		opts   Options
		want   map[string][]string // kind → substrings of its text
		note   string              // substring of the note ("" = no note)
		live   []string            // substrings of the live HTTP call
		absent []string            // in no call
		gone   []string            // not in the live HTTP call
	}{{
		name: "bare body on the live target: {id} left for the user",
		in:   `{"displayName": "Contoso", "adDomainPassword": "Hunter2-pw!"}`,
		opts: Options{Target: OnPremisesConnection},
		want: map[string][]string{
			"http":       {"PATCH https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/onPremisesConnections/{id}\n", `"adDomainPassword": "{{adDomainPassword}}"`, "Content-Type: application/json"},
			"curl":       {"curl -X PATCH 'https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/onPremisesConnections/{id}'", `"'"$AD_DOMAIN_PASSWORD"'"`},
			"powershell": {"Invoke-MgGraphRequest -Method PATCH -Uri 'https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/onPremisesConnections/{id}'", `"$($env:AD_DOMAIN_PASSWORD)"`, "-Body $body"},
			"az":         {"az rest --method patch --url 'https://graph.microsoft.com/beta/", "--body '"},
		},
		absent: []string{"Hunter2-pw!"},
	}, {
		name: "a real id and the version from the URL are kept",
		in:   "PATCH " + live + "/" + id + "\nContent-Type: application/json\n\n{\"displayName\": \" Contoso \"}\n",
		want: map[string][]string{
			"http": {"PATCH " + live + "/" + id + "\n", `{"displayName": "Contoso"}`},
			"curl": {"curl -X PATCH '" + live + "/" + id + "'"},
		},
	}, {
		name: "a {{variable}} id becomes {id}",
		in:   "PATCH " + live + "/{{connectionId}}\nContent-Type: application/json\n\n{\"displayName\": \"Contoso\"}\n",
		want: map[string][]string{"http": {live + "/{id}\n"}},
	}, {
		name:   "the stub says so and offers the migrated live call",
		in:     "{\n  \"displayName\": \"Contoso\",\n  \"subNetId\": \"x\",\n  \"inUse\": \"Boolean\",\n  \"adDomainPassword\": \"Hunter2-pw!\"\n}",
		want:   map[string][]string{"http": {"/beta/deviceManagement/cloudManagedDesktop/azureConnections/{id}", `"subNetId"`}},
		note:   "pre-release stub",
		live:   []string{"PATCH https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/onPremisesConnections/{id}\n", `"subnetId": "x"`, `"{{adDomainPassword}}"`},
		absent: []string{"Hunter2-pw!"},
		gone:   []string{`"inUse"`, `"subNetId"`},
	}, {
		name: "create posts to the collection",
		in:   "POST " + live + "\nContent-Type: application/json\n\n{\"displayName\": \"Contoso\"}\n",
		want: map[string][]string{
			"http":       {"POST " + live + "\n"},
			"powershell": {"-Method POST -Uri '" + live + "'"},
			"az":         {"--method post"},
		},
		absent: []string{"{id}"},
	}, {
		name: "Options.Method post on a bare body",
		in:   `{"displayName": "Contoso"}`,
		opts: Options{Target: OnPremisesConnection, Method: "post"},
		want: map[string][]string{"http": {"POST https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/onPremisesConnections\n"}},
	}, {
		name: "updateAdDomainPassword",
		in:   "POST " + live + "/" + id + "/updateAdDomainPassword\nContent-Type: application/json\n\n{\"adDomainPassword\": \"Hunter2-pw!\"}\n",
		want: map[string][]string{
			"http": {"POST " + live + "/" + id + "/updateAdDomainPassword\n", `{"adDomainPassword": "{{adDomainPassword}}"}`},
			"curl": {`--data-binary '{"adDomainPassword": "'"$AD_DOMAIN_PASSWORD"'"}'`},
		},
		absent: []string{"Hunter2-pw!"},
	}, {
		name:   "runHealthChecks has no body",
		in:     "POST " + live + "/" + id + "/runHealthChecks\n",
		want:   map[string][]string{"http": {"POST " + live + "/" + id + "/runHealthChecks\n"}, "powershell": {"Invoke-MgGraphRequest -Method POST"}},
		absent: []string{"Content-Type", "$body", "--data-binary"},
	}, {
		name:   "a broken body is masked, not quoted",
		in:     `{"adDomainPassword": "Hunter2-pw!", }`,
		opts:   Options{Target: OnPremisesConnection},
		want:   map[string][]string{"http": {`"********"`}},
		absent: []string{"Hunter2-pw!"},
	}, {
		name: "quotes and dollars in the body survive each shell",
		in:   `{"displayName": "O'Brien $HOME ` + "`" + `x"}`,
		opts: Options{Target: OnPremisesConnection},
		want: map[string][]string{
			"curl":       {`"O'\''Brien $HOME ` + "`" + `x"`},
			"powershell": {`"O'Brien ` + "`$HOME ``" + `x"`},
		},
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := Lint([]byte(c.in), c.opts)
			if len(res.Requests) != 1 {
				t.Fatalf("want one request, got %d", len(res.Requests))
			}
			v := RenderCalls(res.Requests[0], CallOptions{})
			if len(v.Calls) != 4 {
				t.Fatalf("want 4 calls, got %d", len(v.Calls))
			}
			byKind := map[string]string{}
			for _, k := range v.Calls {
				byKind[k.Kind] = k.Text
			}
			for kind, subs := range c.want {
				for _, s := range subs {
					if !strings.Contains(byKind[kind], s) {
						t.Errorf("%s call lacks %q:\n%s", kind, s, byKind[kind])
					}
				}
			}
			if (c.note == "") != (v.Note == "") || !strings.Contains(v.Note, c.note) {
				t.Errorf("note %q, want one with %q", v.Note, c.note)
			}
			if len(c.live) > 0 {
				if len(v.Live) != 4 {
					t.Fatalf("want 4 live calls, got %d", len(v.Live))
				}
				for _, s := range c.live {
					if !strings.Contains(v.Live[0].Text, s) {
						t.Errorf("live HTTP call lacks %q:\n%s", s, v.Live[0].Text)
					}
				}
			} else if len(v.Live) != 0 {
				t.Errorf("live calls for a live endpoint")
			}
			for _, s := range c.absent {
				for _, k := range v.Calls {
					if strings.Contains(k.Text, s) {
						t.Errorf("%s call has %q:\n%s", k.Kind, s, k.Text)
					}
				}
				if len(c.live) > 0 && strings.Contains(v.Live[0].Text, s) {
					t.Errorf("live call has %q", s)
				}
			}
			for _, s := range c.gone {
				if strings.Contains(v.Live[0].Text, s) {
					t.Errorf("live call has %q:\n%s", s, v.Live[0].Text)
				}
			}
		})
	}
}

// TestRenderCallsShell runs the curl and az renderings through sh -n (the
// quoting is valid shell) when a shell is there.
func TestRenderCallsShell(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	res := Lint([]byte(`{"displayName": "O'Brien's $HOME", "adDomainPassword": "x'y"}`), Options{Target: OnPremisesConnection})
	for _, c := range RenderCalls(res.Requests[0], CallOptions{}).Calls {
		if c.Kind != "curl" && c.Kind != "az" {
			continue
		}
		script := "f() { printf '%s' \"$@\"; }\n" + strings.Replace(c.Text, c.Kind+" ", "f ", 1)
		out, err := exec.Command(sh, "-c", script).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s\n%s", c.Kind, err, c.Text, out)
		}
		if !strings.Contains(string(out), `"O'Brien's $HOME"`) || !strings.Contains(string(out), `"adDomainPassword": ""`) {
			t.Errorf("%s: the shell read %s", c.Kind, out)
		}
	}
}
