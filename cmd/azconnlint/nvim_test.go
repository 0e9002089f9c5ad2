package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/azconn/azconn/validate"
)

// nvimPayload has its enum-case finding after "é" and "😀" on one line, so
// the columns Neovim shows (bytes) come from the server's UTF-16 ones
// only if the astral character is counted as two units.
const nvimPayload = `{
  "@odata.type": "#microsoft.graph.cloudPcOnPremisesConnection",
  "displayName": "Café 😀 net", "connectionType": "HybridAzureADJoin",
  "subscriptionId": "0AC520EE-14C0-480F-B6C9-0A90C58FFFF1",
  "adDomainName": "corp.contoso.com",
  "adDomainUsername": "admin@corp.contoso.com",
  "adDomainPassword": "Hunter2-Secret!"
}
`

// TestNeovim drives a real LSP client: headless Neovim (Debian's, 0.7)
// with testdata/nvim/init.lua starts `azconnlint lsp` on a payload, reads
// the diagnostics' lines, columns and codes, hovers, applies the quick
// fix and "Fix all" and writes the file, turns plaintext-secret off for
// the file in .azconnlint.yaml (read again through package config when
// saved), then stops the server, which must exit 0. Under CI=true a missing nvim is a failure.
func TestNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true: nvim (Debian neovim) is required for the language server test; run: apt-get install -y neovim")
		}
		t.Skip("nvim not installed (apt-get install -y neovim)")
	}
	server, err := exec.LookPath("azconnlint") // the test binary, as testscript set it up
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "conn.json")
	if err := os.WriteFile(file, []byte(nvimPayload), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	cfgFile := filepath.Join(dir, ".azconnlint.yaml")
	if err := os.WriteFile(cfgFile, []byte("markdown: false\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	init, err := filepath.Abs("testdata/nvim/init.lua")
	if err != nil {
		t.Fatal(err)
	}
	result := filepath.Join(dir, "result.txt")
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "-n", "-i", "NONE", "--noplugin", "-u", init, file)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "AZ_LSP="+server, "AZ_RESULT="+result, "HOME="+dir,
		"XDG_CONFIG_HOME="+dir, "XDG_DATA_HOME="+dir, "XDG_STATE_HOME="+dir, "XDG_CACHE_HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("nvim: %v\n%s", err, out)
	}
	b, err := os.ReadFile(result)
	if err != nil {
		t.Fatalf("nvim wrote no result: %v", err)
	}
	got := strings.Split(strings.TrimSpace(string(b)), "\n")
	t.Logf("nvim saw:\n%s", b)
	for _, want := range []string{
		// 0-based line 2, byte column 53: 49 code points, é two bytes,
		// 😀 four; the end is 19 bytes on.
		"diag 2:53-2:72 enum-case azconnlint 2",
		"diag 3:20-3:58 guid-case azconnlint 3",
		"diag 6:22-6:39 plaintext-secret azconnlint 2",
		"hover enum-case",
		"action Fix enum-case: replace the value",
		`line   "displayName": "Café 😀 net", "connectionType": "hybridAzureADJoin",`,
		"enum-case gone true",
		"source Fix all azconnlint problems",
		"action Turn off plaintext-secret for this file in .azconnlint.yaml",
		"plaintext-secret off true",
		"exit 0",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %q", want)
		}
	}
	for _, line := range got {
		if strings.HasPrefix(line, "error") || (strings.HasPrefix(line, "diag") || strings.HasPrefix(line, "action")) && strings.Contains(line, "Hunter2") {
			t.Errorf("%s", line)
		}
	}
	if b, err := os.ReadFile(cfgFile); err != nil || string(b) != "markdown: false\noverrides:\n  - files: [\"conn.json\"]\n    rules:\n      plaintext-secret: off\n" {
		t.Errorf("the configuration after Turn off: %q (%v)", b, err)
	}
	written, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if want := validate.Lint([]byte(nvimPayload), validate.Options{Form: validate.FormJSON}).Normalized; string(written) != string(want) {
		t.Errorf("the file after Fix all:\n%s\nwant the engine's normalized text:\n%s", written, want)
	}
}
