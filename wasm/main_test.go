//go:build js && wasm

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"syscall/js"
	"testing"

	"github.com/azconn/azconn/validate"
)

func callJSON(t *testing.T, args ...any) map[string]json.RawMessage {
	t.Helper()
	vals := make([]js.Value, len(args))
	for i, a := range args {
		vals[i] = js.ValueOf(a)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(call(vals)), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestRedactedPassword: the bridge's redacted text masks a real password
// and every value equal to it.
func TestRedactedPassword(t *testing.T) {
	const pw = "Tr0ub4dor&3-horse"
	in := `{"adDomainPassword": "` + pw + `", "displayName": "` + pw + `"}`
	m := callJSON(t, in, `{"redact": true}`)
	var redacted string
	json.Unmarshal(m["redacted"], &redacted)
	if strings.Contains(redacted, pw) || strings.Count(redacted, validate.RedactMask) != 2 {
		t.Errorf("redacted = %s", redacted)
	}
}

func TestLintMatchesEngine(t *testing.T) {
	seed, err := os.ReadFile("../examples/seed-request.json")
	if err != nil {
		t.Fatal(err)
	}
	m := callJSON(t, string(seed), `{"dropReadOnly": true, "redact": true, "info": true}`)
	if e, ok := m["error"]; ok {
		t.Fatalf("error: %s", e)
	}
	want := validate.Lint(seed, validate.Options{DropReadOnly: true})
	wantFindings, _ := json.Marshal(want.Findings)
	if string(m["findings"]) != string(wantFindings) {
		t.Errorf("findings\n%s\nwant\n%s", m["findings"], wantFindings)
	}
	var normalized, redacted, path, target string
	json.Unmarshal(m["normalized"], &normalized)
	json.Unmarshal(m["redacted"], &redacted)
	json.Unmarshal(m["path"], &path)
	json.Unmarshal(m["target"], &target)
	if normalized != string(want.Normalized) {
		t.Errorf("normalized differs from validate.Lint's")
	}
	// The seed's password is the placeholder "String": no secret, shown
	// as written (a real one is masked: TestRedactedPassword).
	if redacted != string(validate.Redact(seed, validate.AzureConnection)) || !strings.Contains(redacted, `"adDomainPassword": "String"`) {
		t.Errorf("redacted = %s", redacted)
	}
	if path != "-" || target != "azureConnection" {
		t.Errorf("path %q target %q", path, target)
	}
	for _, k := range []string{"changed", "summary", "fixes", "version", "rules", "targets"} {
		if _, ok := m[k]; !ok {
			t.Errorf("no %q in the answer", k)
		}
	}
}

// Every failure comes back as {"error": …}, never as a panic into JS.
func TestErrors(t *testing.T) {
	for name, args := range map[string][]any{
		"no arguments":   nil,
		"text not text":  {42},
		"bad options":    {"{}", "{not json"},
		"unknown target": {"{}", `{"target": "nope"}`},
	} {
		m := callJSON(t, args...)
		var msg string
		if err := json.Unmarshal(m["error"], &msg); err != nil || msg == "" {
			t.Errorf("%s: no error in %v", name, m)
		}
		if _, ok := m["version"]; !ok {
			t.Errorf("%s: no version in the error", name)
		}
	}
}

// options.edit answers with one finding's edit: applied alone, it fixes
// that finding and nothing else changes.
func TestEdit(t *testing.T) {
	fixable, err := os.ReadFile("../web/examples/fixable.json")
	if err != nil {
		t.Fatal(err)
	}
	res := validate.Lint(fixable, validate.Options{})
	m := callJSON(t, string(fixable), `{}`)
	var editable []int
	json.Unmarshal(m["editable"], &editable)
	var want []int
	for i, f := range res.Findings {
		if f.Edit != nil {
			want = append(want, i)
		}
	}
	if len(want) == 0 || fmt.Sprint(editable) != fmt.Sprint(want) {
		t.Fatalf("editable = %v, want %v", editable, want)
	}
	for _, i := range editable {
		m := callJSON(t, string(fixable), fmt.Sprintf(`{"edit": %d}`, i))
		var e struct {
			Offset, EndOffset int
			Text              string
		}
		if err := json.Unmarshal(m["fixEdit"], &e); err != nil {
			t.Fatalf("finding %d: %s", i, m["error"])
		}
		we := res.Findings[i].Edit
		if e.Offset != we.Start.Offset || e.EndOffset != we.End.Offset || e.Text != we.Text {
			t.Errorf("finding %d: edit %+v, want %+v", i, e, we)
		}
		fixed := string(fixable[:e.Offset]) + e.Text + string(fixable[e.EndOffset:])
		after := validate.Lint([]byte(fixed), validate.Options{})
		if len(after.Findings) >= len(res.Findings) {
			t.Errorf("finding %d (%s): its edit alone leaves %d findings of %d", i, res.Findings[i].Rule, len(after.Findings), len(res.Findings))
		}
	}
	for _, bad := range []string{`{"edit": -1}`, `{"edit": 999}`} {
		if m := callJSON(t, string(fixable), bad); m["error"] == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}

// blocked follows the engine: a blocking finding leaves the input as it is,
// though it has fixable findings; no blocking finding, and the fixes apply.
func TestBlockedMatchesEngine(t *testing.T) {
	for _, c := range []struct {
		text    string
		blocked bool
		ws      int // whitespace findings (none past a syntax error)
	}{
		{`{"displayName": " x ",}`, true, 0},
		{`{"displayName": " x ", "displayName": "y"}`, true, 1},
		{`{"displayName": " x "}`, false, 1},
	} {
		m := callJSON(t, c.text, `{}`)
		var blocked, changed bool
		json.Unmarshal(m["blocked"], &blocked)
		json.Unmarshal(m["changed"], &changed)
		if blocked != c.blocked || changed == c.blocked {
			t.Errorf("%s: blocked %v, changed %v; want blocked %v", c.text, blocked, changed, c.blocked)
		}
		// Each finding says whether its fix was applied: the whitespace
		// fix is fixable either way, fixed only when nothing blocks.
		var findings []struct {
			Rule           string
			Fixable, Fixed *bool
		}
		json.Unmarshal(m["findings"], &findings)
		ws := 0
		for _, f := range findings {
			if f.Fixable == nil || f.Fixed == nil {
				t.Errorf("%s: %s without fixable or fixed: %s", c.text, f.Rule, m["findings"])
				continue
			}
			if f.Rule == "whitespace" {
				ws++
				if !*f.Fixable || *f.Fixed == c.blocked {
					t.Errorf("%s: whitespace fixable %v fixed %v", c.text, *f.Fixable, *f.Fixed)
				}
			}
		}
		if ws != c.ws || len(findings) == 0 {
			t.Errorf("%s: %d whitespace findings in %s", c.text, ws, m["findings"])
		}
	}
	for rule := range blocking {
		if _, ok := validate.LookupRule(rule); !ok {
			t.Errorf("blocking rule %q is not in the catalogue", rule)
		}
	}
}

// TestRequestView: the bridge carries the form, the requests and the chosen
// request's calls as validate.RenderCalls renders them, with the password
// only as a variable reference.
func TestRequestView(t *testing.T) {
	const pw = "Hunter2-pw!"
	text := "PATCH https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/onPremisesConnections/{id}\n" +
		"Content-Type: application/json\n\n{\"displayName\": \" A \", \"adDomainPassword\": \"" + pw + "\"}\n" +
		"###\n" +
		"POST https://graph.microsoft.com/v1.0/deviceManagement/virtualEndpoint/onPremisesConnections\n" +
		"Content-Type: application/json\n\n{\"displayName\": \"B\"}\n"
	for _, i := range []int{0, 1, 7} {
		m := callJSON(t, text, fmt.Sprintf(`{"requestView": true, "request": %d}`, i))
		if strings.Contains(string(m["requestView"]), pw) {
			t.Fatalf("request %d: the password is in the view: %s", i, m["requestView"])
		}
		var got struct {
			Form         string `json:"form"`
			RequestIndex int    `json:"requestIndex"`
			RequestCount int    `json:"requestCount"`
			Requests     []struct {
				Method, API string
			} `json:"requests"`
			RequestView struct {
				Calls []struct{ Kind, Text string } `json:"calls"`
			} `json:"requestView"`
		}
		raw, _ := json.Marshal(m)
		if err := json.Unmarshal(raw, &got); err != nil {
			t.Fatal(err)
		}
		want := i
		if i > 1 {
			want = 0
		}
		res := validate.Lint([]byte(text), validate.Options{})
		wantView := validate.RenderCalls(res.Requests[want], validate.CallOptions{})
		if got.Form != string(validate.FormHTTPFile) || got.RequestCount != 2 || len(got.Requests) != 2 || got.RequestIndex != want {
			t.Errorf("request %d: form %q count %d requests %d index %d", i, got.Form, got.RequestCount, len(got.Requests), got.RequestIndex)
		}
		if len(got.RequestView.Calls) != len(wantView.Calls) {
			t.Fatalf("request %d: %d calls, want %d", i, len(got.RequestView.Calls), len(wantView.Calls))
		}
		for k, c := range wantView.Calls {
			if got.RequestView.Calls[k].Kind != c.Kind || got.RequestView.Calls[k].Text != c.Text {
				t.Errorf("request %d call %d = %+v, want %+v", i, k, got.RequestView.Calls[k], c)
			}
		}
		if want == 0 && !strings.Contains(got.RequestView.Calls[0].Text, "{{adDomainPassword}}") {
			t.Errorf("no password reference in %s", got.RequestView.Calls[0].Text)
		}
	}
	// Without asking, no view: a stub body is not linted twice.
	if _, ok := callJSON(t, text, `{}`)["requestView"]; ok {
		t.Error("a view nobody asked for")
	}
}

// TestInfoAnswer: the worker's first call (an empty text, info) is answered
// from the generated constant, with the same targets, rules and size limit
// as the engine's, and the versions; it lints nothing.
func TestInfoAnswer(t *testing.T) {
	m := callJSON(t, "", `{"info": true}`)
	rules, _ := json.Marshal(validate.Rules())
	targets, _ := json.Marshal(validate.Targets())
	if string(m["rules"]) != string(rules) || string(m["targets"]) != string(targets) {
		t.Errorf("info answer\nrules %s\ntargets %s\nwant %s and %s", m["rules"], m["targets"], rules, targets)
	}
	var maxSize int
	var v string
	json.Unmarshal(m["maxSize"], &maxSize)
	json.Unmarshal(m["version"], &v)
	if maxSize != validate.DefaultMaxSize || v != version || m["goVersion"] == nil {
		t.Errorf("maxSize %d version %q goVersion %s", maxSize, v, m["goVersion"])
	}
	if _, ok := m["findings"]; ok {
		t.Errorf("the info answer linted the empty text")
	}
}
