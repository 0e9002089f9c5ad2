package lsp

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/azconn/azconn/validate"
)

// TestCancellation holds the worker inside the lint of version 1: a
// request waiting for that lint is cancelled by $/cancelRequest, and
// version 2, arriving meanwhile, supersedes version 1, whose result is
// dropped unpublished.
func TestCancellation(t *testing.T) {
	cfg := &testConfig{gate: make(chan struct{}), entered: make(chan string, 4)}
	c := start(t, cfg)
	dir := c.newWorkspace()
	c.initialize(fullCaps())
	uri := pathToURI(filepath.Join(dir, "conn.json"))
	c.open(uri, "json", payload, 1)
	<-cfg.entered // the worker is linting version 1
	id := c.request("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": pos(2, 50)})
	c.notify("$/cancelRequest", map[string]any{"id": id})
	if m := c.response(id); m.Error == nil || m.Error.Code != codeRequestCancelled {
		t.Fatalf("cancelled hover answered %+v, want error %d", m, codeRequestCancelled)
	}
	c.change(uri, 2, &Range{Start: pos(2, 50), End: pos(2, 69)}, `"hybridAzureADJoin"`)
	// The reader loop takes messages in order: once this is answered,
	// version 2 is in.
	if m := c.response(c.request("azconn/unknown", nil)); m.Error == nil || m.Error.Code != codeMethodNotFound {
		t.Fatalf("unknown method answered %+v", m)
	}
	cfg.gate <- struct{}{} // version 1's lint ends, overtaken
	<-cfg.entered
	cfg.gate <- struct{}{} // version 2's
	p := c.publish(uri)
	if *p.Version != 2 || has(p.Diagnostics, "enum-case") {
		t.Errorf("first publication: version %d (want 2, version 1 dropped)", *p.Version)
	}
	if lints, dropped := c.srv.Stats(); lints != 2 || dropped != 1 {
		t.Errorf("lints %d, dropped %d; want 2 and 1", lints, dropped)
	}
	close(cfg.gate)
	c.shutdown()
	c.golden("cancellation")
}

// TestSizeLimit: a document over the size limit gets one diagnostic,
// too-large, whatever its form; JSON without evidence still gets none.
func TestSizeLimit(t *testing.T) {
	cfg := &testConfig{settings: Settings{Options: validate.Options{MaxSize: 200}}}
	c := start(t, cfg)
	dir := c.newWorkspace()
	c.initialize(fullCaps())
	big := strings.Repeat(" ", 300)
	for _, doc := range []struct{ name, text string }{
		{"calls.http", twoRequests},
		{"conn.json", `{"@odata.type": "#microsoft.graph.cloudPcOnPremisesConnection"` + big + `}`},
	} {
		uri := pathToURI(filepath.Join(dir, doc.name))
		c.open(uri, "", doc.text, 1)
		p := c.publish(uri)
		if len(p.Diagnostics) != 1 || p.Diagnostics[0].Code != "too-large" || p.Diagnostics[0].Range.Start != pos(0, 0) {
			t.Errorf("%s: %+v, want one too-large at 0:0", doc.name, p.Diagnostics)
		}
	}
	other := pathToURI(filepath.Join(dir, "package.json"))
	c.open(other, "json", `{"name": "x"`+big+`}`, 1)
	var h *Hover
	c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": other}, "position": pos(0, 0)}, &h)
	for _, m := range c.received() {
		if strings.Contains(m, "package.json") {
			t.Errorf("big JSON without evidence: %s", m)
		}
	}
	c.shutdown()
	c.golden("size-limit")
}

// TestMalformedFrames: every kind of bad frame and bad message gets an
// error response, and the session goes on.
func TestMalformedFrames(t *testing.T) {
	srv := New(nil)
	srv.maxFrame = 1024
	c := startServer(t, srv, false)
	expectError := func(what string, code int, id string) {
		t.Helper()
		m := c.next()
		if m.Error == nil || m.Error.Code != code || string(m.ID) != id {
			t.Errorf("%s: got %+v (error %+v), want error %d for id %s", what, m, m.Error, code, id)
		}
	}
	c.request("textDocument/hover", map[string]any{})
	expectError("before initialize", codeServerNotInitialized, "1")
	// After a bad header the reader skips to the next Content-Length;
	// a valid notification after each case starts the next one afresh.
	for _, bad := range []struct{ what, raw string }{
		{"a length that is no number", "Content-Length: abc\r\n\r\n{}\r\n"},
		{"a header line without a colon", "X-Garbage no colon\r\n\r\n"},
		{"no Content-Length", "Content-Type: application/vscode-jsonrpc\r\n\r\n{\"jsonrpc\":\"2.0\"}"},
		{"over the frame limit", "Content-Length: 2000\r\n\r\n" + strings.Repeat("x", 2000)},
	} {
		c.raw(bad.raw)
		expectError(bad.what, codeParseError, "null")
		c.notify("azconn/resync", nil)
	}
	c.frame([]byte(`{"jsonrpc":"2.0","id":2,"method":`))
	expectError("invalid JSON", codeParseError, "null")
	c.frame([]byte(`[1,2]`))
	expectError("a batch", codeInvalidRequest, "null")
	c.frame([]byte(`{"jsonrpc":"2.0"}`))
	expectError("neither method nor id", codeInvalidRequest, "null")
	c.frame([]byte(`{"jsonrpc":"2.0","id":3,"method":"initialize","params":{"capabilities":"oops"}}`))
	if m := c.next(); m.Error != nil {
		t.Errorf("initialize with odd capabilities: %+v", m.Error)
	}
	id := c.request("initialize", map[string]any{})
	expectError("a second initialize", codeInvalidRequest, fmt.Sprint(id))
	id = c.request("azconn/nothing", nil)
	expectError("an unknown method", codeMethodNotFound, fmt.Sprint(id))
	c.notify("azconn/nothing", nil) // unknown notification: no answer
	c.frame([]byte(`{"jsonrpc":"2.0","id":9,"method":"textDocument/hover","params":{"textDocument":7}}`))
	expectError("invalid params", codeInvalidParams, "9")
	id = c.request("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": "file:///nowhere.json"}})
	expectError("a document not open", codeInvalidParams, fmt.Sprint(id))
	c.call("shutdown", nil, nil)
	id = c.request("textDocument/hover", map[string]any{})
	expectError("after shutdown", codeInvalidRequest, fmt.Sprint(id))
	c.notify("exit", nil)
	if code := c.wait(); code != 0 {
		t.Errorf("exit after shutdown = %d", code)
	}
	c.golden("malformed")
}

// TestExitCodes: exit without shutdown is 1, and so is the end of input.
func TestExitCodes(t *testing.T) {
	c := start(t, nil)
	c.initialize(nil)
	c.notify("exit", nil)
	if code := c.wait(); code != 1 {
		t.Errorf("exit without shutdown = %d, want 1", code)
	}
	c = start(t, nil)
	c.initialize(nil)
	c.w.Close()
	if code := c.wait(); code != 1 {
		t.Errorf("end of input = %d, want 1", code)
	}
	c = start(t, nil)
	c.raw("Content-Length: 100\r\n\r\n{\"jsonrpc\"")
	c.w.Close()
	if code := c.wait(); code != 1 {
		t.Errorf("input cut inside a frame = %d, want 1", code)
	}
}

// TestPullDiagnostics: a client that announces textDocument/diagnostic
// pulls; the server then pushes nothing.
func TestPullDiagnostics(t *testing.T) {
	c := start(t, nil)
	dir := c.newWorkspace()
	caps := fullCaps()
	caps["textDocument"].(map[string]any)["diagnostic"] = map[string]any{"dynamicRegistration": false}
	caps["workspace"].(map[string]any)["diagnostics"] = map[string]any{"refreshSupport": true}
	res := c.initialize(caps)
	if _, ok := res["capabilities"].(map[string]any)["diagnosticProvider"]; !ok {
		t.Fatalf("no diagnosticProvider for a pulling client: %v", res)
	}
	uri := pathToURI(filepath.Join(dir, "conn.json"))
	c.open(uri, "json", payload, 1)
	var r fullReport
	c.call("textDocument/diagnostic", map[string]any{"textDocument": map[string]any{"uri": uri}}, &r)
	if r.Kind != "full" || !has(r.Items, "enum-case") {
		t.Errorf("pulled %+v", r)
	}
	// A configuration change asks the client to pull again.
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": nil})
	if m := c.next(); m.Method != "workspace/diagnostic/refresh" || m.ID == nil {
		t.Errorf("after a configuration change: %+v, want workspace/diagnostic/refresh", m)
	}
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
	c.shutdown()
	for _, m := range c.received() {
		if strings.Contains(m, "publishDiagnostics") {
			t.Errorf("pushed to a pulling client: %s", m)
		}
	}
	c.golden("pull")
}

// TestConfigError: a broken configuration is shown once, as a message
// and as a diagnostic at its position; the file is still linted.
func TestConfigError(t *testing.T) {
	cfgPath := "/p/.azconnlint.yaml"
	cfg := &testConfig{err: &ConfigError{Path: cfgPath, Line: 3, Column: 5, Msg: "unknown key \"rulez\""}}
	c := start(t, cfg)
	c.initialize(fullCaps())
	c.open("file:///p/conn.json", "json", payload, 1)
	var sawMessage, sawDiag bool
	for !sawDiag || !sawMessage {
		m := c.next()
		switch m.Method {
		case "window/showMessage":
			sawMessage = strings.Contains(string(m.Params), "rulez")
		case "textDocument/publishDiagnostics":
			var p publishParams
			_ = json.Unmarshal(m.Params, &p)
			if p.URI == pathToURI(cfgPath) {
				sawDiag = len(p.Diagnostics) == 1 && p.Diagnostics[0].Range.Start == pos(2, 4)
			} else if len(p.Diagnostics) == 0 {
				t.Errorf("the payload was not linted")
			}
		}
	}
	// Fixed and reloaded: the configuration's diagnostic is cleared.
	cfg.mu.Lock()
	cfg.err = nil
	cfg.mu.Unlock()
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{}})
	if p := c.publish(pathToURI(cfgPath)); len(p.Diagnostics) != 0 {
		t.Errorf("after the fix: %+v", p.Diagnostics)
	}
	c.shutdown()
}

// TestWatchRegistration: a client that can register file watchers
// dynamically is asked to watch the configuration files.
func TestWatchRegistration(t *testing.T) {
	c := start(t, nil)
	caps := fullCaps()
	caps["workspace"].(map[string]any)["didChangeWatchedFiles"] = map[string]any{"dynamicRegistration": true}
	c.initialize(caps)
	m := c.next()
	if m.Method != "client/registerCapability" || m.ID == nil || !strings.Contains(string(m.Params), `**/.azconnlint.{yaml,yml,json}`) {
		t.Fatalf("got %+v, want the watcher registration", m)
	}
	c.frame([]byte(`{"jsonrpc":"2.0","id":` + string(m.ID) + `,"result":null}`)) // its answer is taken silently
	c.shutdown()
}

// panicConfig panics inside the worker's lint.
type panicConfig struct{ NoConfig }

func (panicConfig) Settings(string) (Settings, error) { panic("broken") }

// TestWorkerPanic: a panic inside a lint is logged, the document shows
// nothing, and the session goes on (a waiting hover is answered).
func TestWorkerPanic(t *testing.T) {
	c := start(t, panicConfig{})
	c.initialize(nil)
	c.open("file:///p/conn.json", "json", payload, 1)
	if m := c.next(); m.Method != "window/logMessage" || !strings.Contains(string(m.Params), "broken") {
		t.Fatalf("got %+v, want the panic logged", m)
	}
	var h *Hover
	c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": "file:///p/conn.json"}, "position": pos(2, 50)}, &h)
	if h != nil {
		t.Errorf("hover after a panicked lint: %+v", h)
	}
	c.shutdown()
}

// TestCodeActionForeignDiagnostics: the editor passes, in the code action
// context, the diagnostics of every source at the range; another
// server's may carry a numeric code (the JSON language server's are
// numbers) or fields of its own. The request is still answered with the
// quick fixes, not refused as invalid params.
func TestCodeActionForeignDiagnostics(t *testing.T) {
	c := start(t, nil)
	dir := c.newWorkspace()
	c.initialize(fullCaps())
	uri := pathToURI(filepath.Join(dir, "conn.json"))
	c.open(uri, "json", payload, 1)
	enum := find(t, c.publish(uri).Diagnostics, "enum-case")
	foreign := map[string]any{"range": enum.Range, "severity": 2, "code": 513, "source": "json",
		"message": "Trailing comma", "data": map[string]any{"x": []int{1}}, "tags": []int{1}}
	var actions []CodeAction
	c.call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri},
		"range": enum.Range, "context": map[string]any{"diagnostics": []any{foreign, enum}}}, &actions)
	action(t, actions, "Fix enum-case: replace the value")
	c.shutdown()
}
