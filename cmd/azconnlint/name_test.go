//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tidwall/gjson"
)

// TestFileNameEscaped: a file name with a line break cannot forge finding
// lines, and one with an escape sequence cannot reach the terminal, in any
// format, --diff headers, --fix messages or I/O errors; JSON and SARIF
// carry the name itself, escaped by the encoder.
func TestFileNameEscaped(t *testing.T) {
	dir := t.TempDir()
	forged := "x.json\nforged.json:1:1: error: fake [forged]"
	names := []string{forged, "\x1b[31mred\x1b[0m.json", "cr\rname.json", "bad-\xff.json"}
	body := `{"displayName": " Contoso ", "healthCheckStatus": "Passed"}`
	var paths []string
	for _, n := range names {
		p := filepath.Join(dir, n)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	missing := filepath.Join(dir, "gone\nforged.json:9:9: error: fake [forged].json")
	check := func(what, out string) {
		t.Helper()
		for _, line := range strings.FieldsFunc(out, func(r rune) bool { return r == '\n' || r == '\r' }) {
			if strings.HasPrefix(line, "forged") || strings.HasPrefix(line, "name.json") {
				t.Errorf("%s: a file name forged the line %q", what, line)
			}
		}
		if strings.ContainsAny(out, "\x1b\r") || strings.Contains(out, "\xff") {
			t.Errorf("%s: a raw control character or invalid byte from a name:\n%q", what, out)
		}
	}
	for _, format := range formats {
		for _, extra := range [][]string{nil, {"--diff"}} {
			args := append([]string{"--format", format, "--fail-on", "info"}, extra...)
			_, stdout, stderr := runCLI(t, "", append(append(args, paths...), missing)...)
			what := strings.Join(args, " ")
			check(what+" stdout", stdout)
			check(what+" stderr", stderr)
			if format == "json" && extra == nil {
				got := gjson.Get(stdout, "files.#.path").Array()
				if len(got) != len(paths) || got[0].String() != paths[0] {
					t.Errorf("json paths %v, want %q first", got, paths[0])
				}
			}
		}
	}
	_, stdout, stderr := runCLI(t, "", append([]string{"--fix"}, paths...)...)
	check("--fix stdout", stdout)
	check("--fix stderr", stderr)
	if !strings.Contains(stderr, `"`+strings.ReplaceAll(filepath.Join(dir, "x.json"), `"`, `\"`)+`\nforged.json:1:1: error: fake [forged]": applied`) {
		t.Errorf("--fix message does not show the quoted name:\n%s", stderr)
	}
}
