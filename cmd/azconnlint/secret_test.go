package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoSecretLeak lints payloads that hide the password in awkward places
// (invalid UTF-8, a BOM, CRLF, one long line, deep nesting, escapes, a
// syntax error before or on its line, an oversized file) with every format,
// --diff and --fix, in-process, and requires that no output contains it.
func TestNoSecretLeak(t *testing.T) {
	const s = "Hunter2-NEVER-PRINT-ME"
	payloads := map[string]string{
		"plain":      `{"displayName":" x ","adDomainPassword":"` + s + `","healthCheckStatus":"Passed"}`,
		"crlf":       "{\r\n  \"adDomainPassword\": \"" + s + "\",\r\n  \"displayName\": \" x \"\r\n}\r\n",
		"bom":        "\xef\xbb\xbf{\"adDomainPassword\": \"" + s + "\", \"displayName\": \" x \"}",
		"bad-utf8":   "{\"displayName\": \"\xff\", \"adDomainPassword\": \"" + s + "\xfe\"}",
		"utf8-in":    "{\"adDomainPassword\": \"" + s + "-ünï\", \"displayName\": \" x \"}",
		"long":       `{"adDomainPassword":"` + s + `",` + strings.Repeat(`"healthCheckStatus":"Passed",`, 40) + `"displayName":" x "}`,
		"deep":       `{"adDomainPassword":"` + s + `","x":` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}`,
		"escaped":    `{"adDomainPassword":"` + s + `\"\\\u0041","displayName":" x "}`,
		"syntax-pre": "{\n  \"displayName\": ,\n  \"adDomainPassword\": \"" + s + "\"\n}",
		"syntax-on":  "{\n  \"adDomainPassword\": \"" + s + "\" 1,\n  \"displayName\": \" x \"\n}",
		"trailing":   "{\"adDomainPassword\": \"" + s + "\"} {\"adDomainPassword\": \"" + s + "\"}",
		"case-key":   "{\n  \"ADDOMAINPASSWORD\": \"" + s + "\",\n  \"displayName\": \" x \"\n}\n",
		"nested":     `{"healthCheckStatusDetails": {"adDomainPassword": "` + s + `"}, "adDomainPassword": ["` + s + `"]}`,
		"dup":        "{\n\"adDomainPassword\": \"" + s + "\",\n\"adDomainPassword\": \"" + s + "2\"\n}",
		"single-q":   "{'adDomainPassword': '" + s + "'}",
		"unquoted":   "{adDomainPassword: \"" + s + "\"}",
		"comment":    "{\n  // adDomainPassword: " + s + "\n  \"adDomainPassword\": \"" + s + "\"\n}",
	}
	dir := t.TempDir()
	var paths []string
	for name, body := range payloads {
		p := filepath.Join(dir, name+".json")
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	check := func(what, out string) {
		t.Helper()
		if strings.Contains(out, "Hunter2") {
			i := strings.Index(out, "Hunter2")
			t.Errorf("%s leaks the password: …%s…", what, out[max(0, i-120):min(len(out), i+40)])
		}
	}
	for _, target := range []string{"azureConnection", "onPremisesConnection"} {
		for _, format := range formats {
			for _, extra := range [][]string{nil, {"--diff"}, {"--max-size", "40"}} {
				args := append([]string{"--target", target, "--format", format, "--fail-on", "info"}, extra...)
				_, stdout, stderr := runCLI(t, "", append(args, paths...)...)
				check(strings.Join(args, " ")+" stdout", stdout)
				check(strings.Join(args, " ")+" stderr", stderr)
			}
			for name, body := range payloads {
				// --fix on standard input: stdout is the user's payload;
				// stderr must be clean.
				_, _, stderr := runCLI(t, body, "--target", target, "--format", format, "--fix")
				check(name+" --fix "+format+" stderr", stderr)
			}
		}
	}
}
