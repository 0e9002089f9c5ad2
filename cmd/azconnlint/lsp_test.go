package main

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// frames frames JSON-RPC bodies as the base protocol does.
func frames(bodies ...string) string {
	var b strings.Builder
	for _, body := range bodies {
		fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s", len(body), body)
	}
	return b.String()
}

// TestLSPSubcommand: `azconnlint lsp` serves the protocol on stdin and
// stdout with the protocol's exit codes, and refuses stray arguments.
func TestLSPSubcommand(t *testing.T) {
	session := frames(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`,
		`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`, `{"jsonrpc":"2.0","method":"exit"}`)
	for _, tc := range []struct {
		args   []string
		stdin  string
		code   int
		stdout string
		stderr string
	}{
		{[]string{"lsp"}, session, 0, `"positionEncoding":"utf-16"`, ""},
		{[]string{"lsp", "--stdio"}, session, 0, `"id":2,"result":null`, ""},
		{[]string{"lsp"}, frames(`{"jsonrpc":"2.0","method":"exit"}`), 1, "", ""},
		{[]string{"lsp"}, "", 1, "", ""},
		{[]string{"lsp", "x.json"}, "", exitUsage, "", `unexpected argument "x.json"`},
		{[]string{"lsp", "--tcp"}, "", exitUsage, "", "flag provided but not defined"},
		{[]string{"lsp", "--help"}, "", exitOK, "", "usage: azconnlint lsp"},
	} {
		var out, errb bytes.Buffer
		code := run(tc.args, strings.NewReader(tc.stdin), &out, &errb)
		if code != tc.code || !strings.Contains(out.String(), tc.stdout) || !strings.Contains(errb.String(), tc.stderr) {
			t.Errorf("%q: exit %d (want %d)\nstdout %s\nstderr %s", tc.args, code, tc.code, out.String(), errb.String())
		}
	}
}
