package lsp

import (
	"path/filepath"
	"strings"
	"testing"
)

// twoRequests is a .http file with two requests to the connection
// endpoints (each with its own finding) and a token request between
// them, which is skipped.
const twoRequests = `@id = 7a2f
PATCH https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/onPremisesConnections/{{id}}
Content-Type: application/json

{
  "displayName": "Café 😀",
  "connectionType": "AzureADJoin"
}

###
POST https://login.microsoftonline.com/contoso/oauth2/v2.0/token
Content-Type: application/x-www-form-urlencoded

grant_type=client_credentials

###
PATCH https://graph.microsoft.com/v1.0/deviceManagement/virtualEndpoint/onPremisesConnections/{{id}}
Content-Type: application/json

{
  "healthCheckStatus": "Passed"
}
`

// TestHTTPFileTwoRequests: both requests' findings, at their lines.
func TestHTTPFileTwoRequests(t *testing.T) {
	c := start(t, nil)
	dir := c.newWorkspace()
	c.initialize(fullCaps())
	uri := pathToURI(filepath.Join(dir, "calls.http"))
	c.open(uri, "http", twoRequests, 3)
	p := c.publish(uri)
	if e := find(t, p.Diagnostics, "enum-case"); e.Range.Start != pos(6, 20) {
		t.Errorf("first request's enum-case at %+v, want 6:20", e.Range.Start)
	}
	if r := find(t, p.Diagnostics, "read-only"); r.Range.Start.Line != 20 {
		t.Errorf("second request's read-only on line %d, want 20", r.Range.Start.Line)
	}
	for _, d := range p.Diagnostics {
		if d.Range.Start.Line >= 10 && d.Range.Start.Line <= 14 {
			t.Errorf("a diagnostic in the token request: %+v", d)
		}
	}
	c.shutdown()
	c.golden("http-two-requests")
}

// TestWhichDocuments: JSON that is no connection payload gets no
// diagnostics at all (not even an empty list); a payload named by a
// configuration glob does; a payload keeps its diagnostics when its
// evidence is deleted; Markdown only with markdown: true; an excluded
// file gets nothing.
func TestWhichDocuments(t *testing.T) {
	cfg := &testConfig{}
	c := start(t, cfg)
	dir := c.newWorkspace()
	c.initialize(fullCaps())
	pkg := pathToURI(filepath.Join(dir, "package.json"))
	c.open(pkg, "json", `{"name": "x", "version": "1.0.0", "scripts": {"test": "go test"}}`, 1)
	tsc := pathToURI(filepath.Join(dir, "tsconfig.json"))
	c.open(tsc, "json", "{\n  \"compilerOptions\": {\"strict\": true,},\n}\n", 1)
	md := pathToURI(filepath.Join(dir, "runbook.md"))
	c.open(md, "markdown", "# Run\n\n```http\nPATCH https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/onPremisesConnections/1\nContent-Type: application/json\n\n{\"healthCheckStatus\": \"Passed\"}\n```\n", 1)
	// A hover waits for each document's lint, and the worker publishes
	// before it answers: after these answers no publication can follow.
	for _, uri := range []string{pkg, tsc, md} {
		var h *Hover
		c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": pos(0, 3)}, &h)
		if h != nil {
			t.Errorf("hover on %s: %+v, want null", uri, h)
		}
	}
	for _, m := range c.received() {
		if strings.Contains(m, "publishDiagnostics") {
			t.Fatalf("a document that is no payload got diagnostics: %s", m)
		}
	}

	// A payload without evidence: nothing until it gains evidence; then
	// deleting the evidence keeps its findings visible.
	conn := pathToURI(filepath.Join(dir, "conn.json"))
	c.open(conn, "json", `{"displayName": " x "}`, 1)
	c.change(conn, 2, nil, `{"displayName": " x ", "subnetId": "bad"}`)
	if p := c.publish(conn); *p.Version != 2 || !has(p.Diagnostics, "arm-id") {
		t.Fatalf("with evidence: %+v", p)
	}
	c.change(conn, 3, nil, `{"displayName": " x "}`)
	if p := c.publish(conn); *p.Version != 3 || !has(p.Diagnostics, "whitespace") {
		t.Fatalf("evidence deleted: %+v", p)
	}

	// Named by a glob, or Markdown enabled: linted after a reload.
	cfg.mu.Lock()
	cfg.settings = Settings{Named: true, Markdown: true}
	cfg.mu.Unlock()
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": nil})
	seen := map[string]bool{}
	for len(seen) < 4 {
		seen[c.publish(anyURI).URI] = true
	}
	if !seen[pkg] || !seen[md] || !seen[conn] || !seen[tsc] {
		t.Errorf("after markdown: true and a glob naming every file, published for %v", seen)
	}
	if cfg.reloads != 1 {
		t.Errorf("reloads = %d, want 1", cfg.reloads)
	}

	// Excluded: the diagnostics are cleared.
	cfg.mu.Lock()
	cfg.settings = Settings{Excluded: true}
	cfg.mu.Unlock()
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{}})
	for n := 0; n < 4; n++ {
		if p := c.publish(anyURI); len(p.Diagnostics) != 0 {
			t.Errorf("excluded %s still has %d diagnostics", p.URI, len(p.Diagnostics))
		}
	}
	c.shutdown()
}

// anyURI makes publish take the next publication, whatever its document.
const anyURI = "*"
