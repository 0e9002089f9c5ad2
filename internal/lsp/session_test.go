package lsp

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/azconn/azconn/validate"
)

// payload has findings after a non-ASCII and an astral character on one
// line (enum-case), a comparison (subscription-mismatch) and a password.
const payload = `{
  "@odata.type": "#microsoft.graph.cloudPcOnPremisesConnection",
  "displayName": "Café 😀 net", "connectionType": "HybridAzureADJoin",
  "subscriptionId": "0AC520EE-14C0-480F-B6C9-0A90C58FFFF1",
  "resourceGroupId": "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg",
  "adDomainName": "corp.contoso.com",
  "organizationalUnit": "OU=Desktops,DC=fabrikam,DC=com",
  "adDomainPassword": "Hunter2-Secret!"
}
`

const password = "Hunter2-Secret!"

// fullCaps is a client that takes everything the server offers.
func fullCaps(encodings ...string) map[string]any {
	return map[string]any{
		"general": map[string]any{"positionEncodings": encodings},
		"textDocument": map[string]any{
			"hover":              map[string]any{"contentFormat": []string{"markdown", "plaintext"}},
			"publishDiagnostics": map[string]any{"relatedInformation": true},
		},
		"workspace": map[string]any{"workspaceEdit": map[string]any{
			"documentChanges": true, "resourceOperations": []string{"create"}}},
	}
}

// newWorkspace returns a temporary folder (a project: it holds .git) and
// registers it for the transcript as $TMP.
func (c *client) newWorkspace() string {
	dir := c.t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		c.t.Fatal(err)
	}
	c.subst = append(c.subst, [2]string{pathToURI(dir), "file://$TMP"}, [2]string{dir, "$TMP"})
	return dir
}

// TestSession runs one editing session in each position encoding: the
// diagnostics' columns after "é" and "😀" differ exactly as the encodings
// count them, and an incremental change addressed in that encoding fixes
// the finding.
func TestSession(t *testing.T) {
	for _, tc := range []struct {
		name   string
		offers []string
		enc    string
		col    int // enum-case's start on line 2: 49 code points before it
	}{
		{"utf16", nil, encodingUTF16, 50},                                 // 😀 is two units
		{"utf8", []string{encodingUTF8, encodingUTF16}, encodingUTF8, 53}, // é two bytes, 😀 four
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := start(t, nil)
			c.subst = append(c.subst, [2]string{`"version": "` + versionOf(t) + `"`, `"version": "$VERSION"`})
			dir := c.newWorkspace()
			res := c.initialize(fullCaps(tc.offers...))
			caps := res["capabilities"].(map[string]any)
			if caps["positionEncoding"] != tc.enc {
				t.Fatalf("positionEncoding = %v, want %s", caps["positionEncoding"], tc.enc)
			}
			if _, ok := caps["diagnosticProvider"]; ok {
				t.Errorf("diagnosticProvider announced to a client without pull diagnostics")
			}
			uri := pathToURI(filepath.Join(dir, "conn.json"))
			c.open(uri, "json", payload, 1)
			p := c.publish(uri)
			if p.Version == nil || *p.Version != 1 {
				t.Fatalf("published version %v, want 1", p.Version)
			}
			enum := find(t, p.Diagnostics, "enum-case")
			want := Range{Start: pos(2, tc.col), End: pos(2, tc.col+len(`"HybridAzureADJoin"`))}
			if enum.Range != want || enum.Severity != severityWarning || enum.Source != "azconnlint" {
				t.Errorf("enum-case diagnostic %+v, want range %+v, warning, source azconnlint", enum, want)
			}
			sub := find(t, p.Diagnostics, "subscription-mismatch")
			if len(sub.RelatedInformation) != 1 || sub.RelatedInformation[0].Location.Range.Start != pos(3, 20) {
				t.Errorf("subscription-mismatch related information %+v, want subscriptionId's value at 3:20", sub.RelatedInformation)
			}

			// The quick fix, applied as an editor would, fixes the value.
			var actions []CodeAction
			c.call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri},
				"range": enum.Range, "context": map[string]any{"diagnostics": []Diagnostic{enum}}}, &actions)
			fix := action(t, actions, "Fix enum-case: replace the value")
			fixed := applyWorkspaceEdit(t, fix.Edit, uri, 1, payload, tc.enc)
			if !strings.Contains(fixed, `"connectionType": "hybridAzureADJoin"`) {
				t.Errorf("the quick fix gave:\n%s", fixed)
			}
			action(t, actions, "Turn off enum-case for this file in .azconnlint.yaml")

			// Fix all gives the engine's normalized text.
			c.call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri},
				"range": Range{}, "context": map[string]any{"diagnostics": []any{}, "only": []string{"source"}}}, &actions)
			all := action(t, actions, "Fix all azconnlint problems")
			if len(actions) != 1 || all.Kind != kindFixAll {
				t.Errorf("only source: got %d actions, want the one %s", len(actions), kindFixAll)
			}
			if got, want := applyWorkspaceEdit(t, all.Edit, uri, 1, payload, tc.enc), string(validate.Lint([]byte(payload), validate.Options{Form: validate.FormJSON}).Normalized); got != want {
				t.Errorf("fix all gave:\n%s\nwant:\n%s", got, want)
			}

			// Hover over the finding and over a property name.
			var h Hover
			c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": pos(2, tc.col+3)}, &h)
			if r, _ := validate.LookupRule("enum-case"); !strings.Contains(h.Contents.Value, r.Help) || h.Contents.Kind != "markdown" {
				t.Errorf("hover over enum-case: %+v", h)
			}
			c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": pos(2, tc.col-4)}, &h)
			if !strings.Contains(h.Contents.Value, "`connectionType`: string | null") || !strings.Contains(h.Contents.Value, "`azureADJoin`") ||
				!strings.Contains(h.Contents.Value, "API versions: beta, v1.0") {
				t.Errorf("hover over connectionType: %s", h.Contents.Value)
			}

			// Over the password's value: the plaintext-secret help, never the value.
			c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": pos(7, 25)}, &h)
			if !strings.Contains(h.Contents.Value, "plaintext-secret") {
				t.Errorf("hover over the password: %s", h.Contents.Value)
			}

			// An incremental change in the encoding's units.
			c.change(uri, 2, &enum.Range, `"hybridAzureADJoin"`)
			p = c.publish(uri)
			if *p.Version != 2 || has(p.Diagnostics, "enum-case") {
				t.Errorf("after the change: version %d, enum-case still there: %v", *p.Version, has(p.Diagnostics, "enum-case"))
			}
			c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
			if p = c.publish(uri); len(p.Diagnostics) != 0 {
				t.Errorf("closing published %d diagnostics, want none", len(p.Diagnostics))
			}
			c.shutdown()
			c.noPassword()
			c.golden("session-" + tc.name)
		})
	}
}

// versionOf is the server's version string, as initialize reports it.
func versionOf(t *testing.T) string {
	b, _ := json.Marshal(New(nil).initialize(nil))
	var r struct {
		ServerInfo struct{ Version string } `json:"serverInfo"`
	}
	_ = json.Unmarshal(b, &r)
	return r.ServerInfo.Version
}

// noPassword fails when the password appears in anything the server
// wrote other than the new text of an edit (where, as with --fix, the
// user's own payload carries it).
func (c *client) noPassword() {
	c.t.Helper()
	newText := regexp.MustCompile(`"newText":"(?:[^"\\]|\\.)*"`)
	for _, m := range c.received() {
		if strings.Contains(newText.ReplaceAllString(m, ""), password) {
			c.t.Errorf("the password is in a message outside an edit: %s", m)
		}
	}
}

func find(t *testing.T, ds []Diagnostic, code string) Diagnostic {
	t.Helper()
	for _, d := range ds {
		if d.Code == code {
			return d
		}
	}
	t.Fatalf("no %s diagnostic in %+v", code, ds)
	return Diagnostic{}
}

func has(ds []Diagnostic, code string) bool {
	for _, d := range ds {
		if d.Code == code {
			return true
		}
	}
	return false
}

func action(t *testing.T, as []CodeAction, title string) CodeAction {
	t.Helper()
	for _, a := range as {
		if a.Title == title {
			return a
		}
	}
	var titles []string
	for _, a := range as {
		titles = append(titles, a.Title)
	}
	t.Fatalf("no action %q among %q", title, titles)
	return CodeAction{}
}

// applyWorkspaceEdit applies the text edits for uri, checking they are
// for version, as an editor does: converting positions by counting the
// encoding's units itself (not with the server's lines).
func applyWorkspaceEdit(t *testing.T, we *WorkspaceEdit, uri string, version int32, text, enc string) string {
	t.Helper()
	b, _ := json.Marshal(we)
	var w struct {
		DocumentChanges []textDocumentEdit `json:"documentChanges"`
	}
	if err := json.Unmarshal(b, &w); err != nil || len(w.DocumentChanges) != 1 {
		t.Fatalf("edit %s: want one document change", b)
	}
	dc := w.DocumentChanges[0]
	if dc.TextDocument.URI != uri || dc.TextDocument.Version == nil || *dc.TextDocument.Version != version {
		t.Fatalf("edit for %s version %v, want %s version %d", dc.TextDocument.URI, dc.TextDocument.Version, uri, version)
	}
	// Edits apply back to front so that earlier ranges stay valid.
	for i := len(dc.Edits) - 1; i >= 0; i-- {
		e := dc.Edits[i]
		from, to := editorOffset(text, e.Range.Start, enc), editorOffset(text, e.Range.End, enc)
		text = text[:from] + e.NewText + text[to:]
	}
	return text
}

// editorOffset converts a position the way a client does, independently
// of the server's code: LF line breaks only (the tests' texts), UTF-16
// units counted from utf16.Encode's rule.
func editorOffset(text string, p Position, enc string) int {
	lines := strings.SplitAfter(text, "\n")
	off := 0
	for i := 0; i < p.Line && i < len(lines); i++ {
		off += len(lines[i])
	}
	units := 0
	for i, r := range text[off:] {
		if units >= p.Character || r == '\n' {
			return off + i
		}
		switch {
		case enc == encodingUTF8:
			units += len(string(r))
		case r > 0xFFFF:
			units += 2
		default:
			units++
		}
	}
	return len(text)
}
