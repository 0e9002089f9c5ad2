package main

import (
	"os"
	"strings"
	"testing"

	"github.com/azconn/azconn/validate"
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
	paths := writeFiles(t, payloads, ".json")
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
				checkOutputs(t, check, append([]string{"--target", target, "--format", format, "--fail-on", "info"}, extra...), paths)
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

// TestSecretPlacements places passwords with quotes and backslashes, of
// one to three characters, under a misspelt key and in other fields (as
// the values of organizationalUnit, adDomainName, adDomainUsername and
// displayName, as a key, in a comment), and requires that no format,
// --diff, nor --fix's stderr (standard input and files) shows any of its
// forms: decoded, JSON-escaped, escaped twice (JSON of a message quoting
// the escaped form). A password of under 4 characters is masked where a
// whole token equals it, so its quoted forms are what is searched.
func TestSecretPlacements(t *testing.T) {
	passwords := []string{`Pa"ss\wd-77q`, `C0rp\Wint3r`, `Q`, `Zq`, `q#Z`}
	for _, pw := range passwords {
		esc := jsonEscape(pw)
		bodies := map[string]string{
			"fields": "{\n  \"adDomainPassword\": \"" + esc + "\",\n" +
				"  \"displayName\": \" " + esc + " \",\n" +
				"  \"organizationalUnit\": \"" + esc + "\",\n" +
				"  \"adDomainName\": \"" + esc + "\",\n" +
				"  \"adDomainUsername\": \"" + esc + "\",\n" +
				"  \"" + esc + "\": 1,\n" +
				"  \"healthCheckStatus\": \"Passed\"\n}\n",
			"misspelt": "{\n  \"adDomainPasword\": \"" + esc + "\",\n  \"displayName\": \" x \",\n  \"healthCheckStatus\": \"Passed\"\n}\n",
			"comment":  "{\n  \"adDomainPassword\": \"" + esc + "\", // was " + pw + "\n  \"displayName\": \" x \"\n}\n",
			"one-line": `{"displayName":" x ","adDomainPassword":"` + esc + `","organizationalUnit":"` + esc + `","healthCheckStatus":"Passed"}`,
		}
		forms := []string{`"` + esc + `"`, `"` + jsonEscape(esc) + `"`, `"` + pw + `"`, `\"` + jsonEscape(esc) + `\"`}
		if len(pw) >= 4 {
			forms = append(forms, pw, esc, jsonEscape(esc))
		}
		check := func(what, out string) {
			t.Helper()
			for _, f := range forms {
				if i := strings.Index(out, f); i >= 0 {
					t.Errorf("password %q: %s shows %q: …%s…", pw, what, f, out[max(0, i-100):min(len(out), i+len(f)+40)])
					return
				}
			}
		}
		paths := writeFiles(t, bodies, ".json")
		for _, format := range formats {
			for _, extra := range [][]string{nil, {"--diff"}} {
				checkOutputs(t, check, append([]string{"--format", format, "--fail-on", "info"}, extra...), paths)
			}
			for name, body := range bodies {
				_, _, stderr := runCLI(t, body, "--format", format, "--fix")
				check(name+": --fix (stdin) --format "+format+" stderr", stderr)
			}
		}
		_, stdout, stderr := runCLI(t, "", append([]string{"--fix"}, paths...)...)
		check("--fix (files) stdout", stdout)
		check("--fix (files) stderr", stderr)
	}
}

// jsonEscape writes s as the inside of a JSON string.
func jsonEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s)
}

// TestDiffNullPassword: a null password stays null in --diff; a mask would
// make it look like a string.
func TestDiffNullPassword(t *testing.T) {
	_, stdout, _ := runCLI(t, "{\n  \"adDomainPassword\": null,\n  \"displayName\": \" x \"\n}\n", "--diff")
	if !strings.Contains(stdout, "\n   \"adDomainPassword\": null,\n") || strings.Contains(stdout, validate.RedactMask) {
		t.Errorf("--diff of a null password:\n%s", stdout)
	}
}

// TestBaselineNoSecretLeak: a password used as an object key gives
// findings whose pointers name it. The baseline written records them
// masked; a hand-written or older baseline that names the password (or a
// pipeline command) in a pointer is reported unused in every format with
// the pointer masked; --prune-baseline's rewrite holds neither.
func TestBaselineNoSecretLeak(t *testing.T) {
	const s = "Hunter2-NEVER-PRINT-ME"
	dir := t.TempDir()
	t.Chdir(dir)
	body := `{"adDomainPassword":"` + s + `","` + s + `":{"x":1},"a##vso[x]":1}`
	if err := os.WriteFile("conn.json", []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	check := func(what, out string) {
		t.Helper()
		if strings.Contains(out, "Hunter2") {
			t.Errorf("%s leaks the password:\n%s", what, out)
		}
	}
	_, o, e := runCLI(t, "", "--no-config", "--write-baseline", "written.json", "conn.json")
	check("--write-baseline", o+e)
	written, err := os.ReadFile("written.json")
	if err != nil {
		t.Fatal(err)
	}
	check("the written baseline", string(written))
	if strings.Contains(string(written), "##vso[") {
		t.Errorf("the written baseline holds a pipeline command:\n%s", written)
	}
	stale := `{"version":1,"entries":[{"rule":"unknown-property","path":"conn.json","request":0,"pointer":"/` + s + `","count":1},` +
		`{"rule":"unknown-property","path":"conn.json","request":0,"pointer":"/x` + s + `y/` + s + `","count":1}]}`
	if err := os.WriteFile("stale.json", []byte(stale), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, format := range formats {
		_, o, e := runCLI(t, "", "--no-config", "--format", format, "--baseline", "stale.json", "conn.json")
		if !strings.Contains(o+e, "baseline-unused") {
			t.Errorf("--format %s: no baseline-unused finding:\n%s%s", format, o, e)
		}
		check("baseline-unused, --format "+format, o+e)
	}
	_, o, e = runCLI(t, "", "--no-config", "--baseline", "stale.json", "--prune-baseline", "conn.json")
	check("--prune-baseline", o+e)
	pruned, _ := os.ReadFile("stale.json")
	check("the pruned baseline", string(pruned))
}
