package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/azconn/azconn/internal/buildinfo"
	"github.com/azconn/azconn/validate"
	"github.com/tidwall/gjson"
)

// Formatter tests with hand-made findings: they pin the output shapes
// independently of what the engine reports.

func pos(line, col, off int) validate.Pos { return validate.Pos{Line: line, Column: col, Offset: off} }

var handSrc = []byte("{\n\t\"healthCheckStatus\": \"Passed\",\n  \"subnetId\": \"x\"\n}\n")

var handFindings = []validate.Finding{
	{
		Rule: "enum-case", Severity: validate.SeverityWarning,
		Message: "\"Passed\" must be written \"passed\"", Pointer: "/healthCheckStatus",
		Start: pos(2, 23, 24), End: pos(2, 31, 32), Fixable: true,
		Fix:  &validate.Fix{Op: "replace", Path: "/healthCheckStatus", Value: json.RawMessage(`"passed"`)},
		Edit: &validate.Edit{Start: pos(2, 23, 24), End: pos(2, 31, 32), Text: `"passed"`},
	},
	{
		Rule: "property-case", Severity: validate.SeverityWarning,
		Message: "rename it: 100% sure,\nreally", Pointer: "/subnetId",
		Start: pos(3, 3, 36), End: pos(3, 13, 46), Fixable: true,
		Fix:  &validate.Fix{Op: "move", From: "/subnetId", Path: "/subNetId"},
		Edit: &validate.Edit{Start: pos(3, 3, 36), End: pos(3, 13, 46), Text: `"subNetId"`},
	},
	{
		Rule: "arm-id", Severity: validate.SeverityError,
		Message: "bad", Pointer: "/subnetId",
		Start: pos(3, 15, 48), End: pos(3, 18, 51),
	},
	{
		Rule: "whitespace", Severity: validate.SeverityInfo, Message: "trim",
		Pointer: "", Start: pos(1, 1, 0), End: pos(1, 2, 1),
	},
}

// handNormalized is handSrc with the hand findings' edits applied.
var handNormalized = []byte("{\n\t\"healthCheckStatus\": \"passed\",\n  \"subNetId\": \"x\"\n}\n")

func handReport(format string) *report {
	return &report{
		cfg: &config{format: format, target: validate.AzureConnection},
		files: []*fileResult{
			{job: job{path: "dir/a,b:c%.json"}, src: handSrc, findings: handFindings, normalized: handNormalized, linted: true, fixable: 2},
			{job: job{path: "missing.json", err: errMissing}},
		},
	}
}

var errMissing = errors.New("no such file")

func render(t *testing.T, r *report) string {
	t.Helper()
	var b bytes.Buffer
	if err := r.write(&b, r.cfg.format); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestTextFormat(t *testing.T) {
	got := render(t, handReport("text"))
	want := "" +
		"dir/a,b:c%.json:2:23: warning: \"Passed\" must be written \"passed\" [enum-case]\n" +
		" 2 | \t\"healthCheckStatus\": \"Passed\",\n" +
		"   | \t                     ^~~~~~~~\n" +
		"dir/a,b:c%.json:3:3: warning: rename it: 100% sure, really [property-case]\n" +
		" 3 |   \"subnetId\": \"x\"\n" +
		"   |   ^~~~~~~~~~\n" +
		"dir/a,b:c%.json:3:15: error: bad [arm-id]\n" +
		" 3 |   \"subnetId\": \"x\"\n" +
		"   |               ^~~\n" +
		"dir/a,b:c%.json:1:1: info: trim [whitespace]\n" +
		" 1 | {\n" +
		"   | ^\n" +
		"\n4 problems (1 error, 2 warnings, 1 info) in 1 file; 2 fixable with --fix\n"
	if got != want {
		t.Errorf("text:\n%s\nwant:\n%s", got, want)
	}
}

func TestCompactFormat(t *testing.T) {
	got := render(t, handReport("compact"))
	want := "" +
		"dir/a,b:c%.json:2:23: warning: \"Passed\" must be written \"passed\" [enum-case]\n" +
		"dir/a,b:c%.json:3:3: warning: rename it: 100% sure, really [property-case]\n" +
		"dir/a,b:c%.json:3:15: error: bad [arm-id]\n" +
		"dir/a,b:c%.json:1:1: info: trim [whitespace]\n"
	if got != want {
		t.Errorf("compact:\n%s\nwant:\n%s", got, want)
	}
}

func TestColor(t *testing.T) {
	r := handReport("text")
	r.color = true
	got := render(t, r)
	for _, want := range []string{
		"\x1b[1mdir/a,b:c%.json:2:23\x1b[0m: \x1b[1;33mwarning\x1b[0m: ",
		"\x1b[1;31merror\x1b[0m",
		"\x1b[1;36minfo\x1b[0m",
		"\x1b[2m[arm-id]\x1b[0m",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("coloured text lacks %q:\n%s", want, got)
		}
	}
}

func TestGitHubFormat(t *testing.T) {
	got := render(t, handReport("github"))
	want := "" +
		"::warning file=dir/a%2Cb%3Ac%25.json,line=2,col=23,endLine=2,endColumn=31,title=enum-case::\"Passed\" must be written \"passed\"\n" +
		"::warning file=dir/a%2Cb%3Ac%25.json,line=3,col=3,endLine=3,endColumn=13,title=property-case::rename it: 100%25 sure,%0Areally\n" +
		"::error file=dir/a%2Cb%3Ac%25.json,line=3,col=15,endLine=3,endColumn=18,title=arm-id::bad\n" +
		"::notice file=dir/a%2Cb%3Ac%25.json,line=1,col=1,endLine=1,endColumn=2,title=whitespace::trim\n" +
		"::error file=missing.json,title=azconnlint::missing.json: no such file\n"
	if got != want {
		t.Errorf("github:\n%s\nwant:\n%s", got, want)
	}
}

func TestGitHubEscaping(t *testing.T) {
	if got, want := ghData("a%b\r\nc:d,e"), "a%25b%0D%0Ac:d,e"; got != want {
		t.Errorf("ghData = %q, want %q", got, want)
	}
	if got, want := ghProperty("a%b\r\nc:d,e"), "a%25b%0D%0Ac%3Ad%2Ce"; got != want {
		t.Errorf("ghProperty = %q, want %q", got, want)
	}
}

func TestJSONFormat(t *testing.T) {
	got := render(t, handReport("json"))
	if !gjson.Valid(got) {
		t.Fatalf("invalid JSON:\n%s", got)
	}
	checks := map[string]string{
		"version":                      "1",
		"tool.name":                    "azconnlint",
		"target":                       "azureConnection",
		"files.#":                      "1",
		"files.0.path":                 "dir/a,b:c%.json",
		"files.0.changed":              "false",
		"files.0.findings.#":           "4",
		"files.0.findings.0.rule":      "enum-case",
		"files.0.findings.0.severity":  "warning",
		"files.0.findings.0.pointer":   "/healthCheckStatus",
		"files.0.findings.0.line":      "2",
		"files.0.findings.0.column":    "23",
		"files.0.findings.0.offset":    "24",
		"files.0.findings.0.endLine":   "2",
		"files.0.findings.0.endColumn": "31",
		"files.0.findings.0.endOffset": "32",
		"files.0.findings.0.fixable":   "true",
		"files.0.findings.0.fix.op":    "replace",
		"files.0.findings.0.fix.path":  "/healthCheckStatus",
		"files.0.findings.0.fix.value": "passed",
		"files.0.findings.1.fix.from":  "/subnetId",
		"files.0.findings.1.message":   "rename it: 100% sure,\nreally",
		"files.0.findings.2.fix":       "",
		"summary.files":                "1",
		"summary.errors":               "1",
		"summary.warnings":             "2",
		"summary.infos":                "1",
		"summary.fixable":              "2",
	}
	for q, want := range checks {
		if v := gjson.Get(got, q).String(); v != want {
			t.Errorf("%s = %q, want %q", q, v, want)
		}
	}
	// Key order of the top level and of a file entry is part of the contract.
	order := []string{`"version"`, `"tool"`, `"target"`, `"files"`, `"path"`, `"changed"`, `"findings"`, `"summary"`}
	last := -1
	for _, k := range order {
		i := strings.Index(got, k)
		if i <= last {
			t.Errorf("key %s out of order in\n%s", k, got)
		}
		last = i
	}
	if again := render(t, handReport("json")); again != got {
		t.Error("json output is not byte-stable")
	}
}

func TestSARIFFormat(t *testing.T) {
	got := render(t, handReport("sarif"))
	if !gjson.Valid(got) {
		t.Fatalf("invalid JSON:\n%s", got)
	}
	checks := map[string]string{
		"version":           "2.1.0",
		"runs.0.columnKind": "unicodeCodePoints",
		"runs.0.invocations.0.executionSuccessful":                                                            "false",
		"runs.0.invocations.0.toolExecutionNotifications.0.locations.0.physicalLocation.artifactLocation.uri": "missing.json",
		"runs.0.results.#":       "4",
		"runs.0.results.0.level": "warning",
		"runs.0.results.0.locations.0.physicalLocation.artifactLocation.uri":                 "dir/a,b:c%25.json",
		"runs.0.results.0.locations.0.physicalLocation.region.startLine":                     "2",
		"runs.0.results.0.locations.0.physicalLocation.region.startColumn":                   "23",
		"runs.0.results.0.locations.0.physicalLocation.region.endLine":                       "2",
		"runs.0.results.0.locations.0.physicalLocation.region.endColumn":                     "31",
		"runs.0.results.0.locations.0.physicalLocation.region.charOffset":                    "24",
		"runs.0.results.0.locations.0.physicalLocation.region.charLength":                    "8",
		"runs.0.results.0.fixes.0.artifactChanges.0.replacements.0.insertedContent.text":     `"passed"`,
		"runs.0.results.1.fixes.0.artifactChanges.0.replacements.0.insertedContent.text":     `"subNetId"`,
		"runs.0.results.1.fixes.0.artifactChanges.0.replacements.0.deletedRegion.charOffset": "36",
		"runs.0.results.1.fixes.0.artifactChanges.0.replacements.0.deletedRegion.charLength": "10",
		"runs.0.results.2.level":        "error",
		"runs.0.results.2.fixes":        "",
		"runs.0.results.3.level":        "note",
		"runs.0.results.1.message.text": "rename it: 100% sure,\nreally",
	}
	for q, want := range checks {
		if v := gjson.Get(got, q).String(); v != want {
			t.Errorf("%s = %q, want %q", q, v, want)
		}
	}
}

// TestSARIFRuleIndex checks, over real engine output, that every result's
// ruleIndex points at its rule in the driver and every rule has help.
func TestSARIFRuleIndex(t *testing.T) {
	src := []byte("{\n  \"displayName\": \" x \",\n  \"subnetId\": \"/subscriptions/0AC520EE-14C0-480F-B6C9-0A90C58FFFF0/resourcegroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s\",\n  \"healthCheckStatus\": \"Passed\",\n  \"bogus\": 1\n}\n")
	res := validate.Lint(src, validate.Options{})
	if len(res.Findings) == 0 {
		t.Fatal("engine reported nothing")
	}
	r := &report{cfg: &config{format: "sarif"}, files: []*fileResult{{job: job{path: "a.json"}, src: src, findings: res.Findings, normalized: res.Normalized, linted: true}}}
	out := render(t, r)
	rules := gjson.Get(out, "runs.0.tool.driver.rules").Array()
	if len(rules) != len(validate.Rules()) {
		t.Errorf("driver has %d rules, catalogue %d", len(rules), len(validate.Rules()))
	}
	for _, ru := range rules {
		if ru.Get("help.text").String() == "" || ru.Get("shortDescription.text").String() == "" {
			t.Errorf("rule %s lacks help or description", ru.Get("id"))
		}
	}
	for i, res := range gjson.Get(out, "runs.0.results").Array() {
		idx := res.Get("ruleIndex")
		if !idx.Exists() {
			t.Errorf("result %d (%s) has no ruleIndex", i, res.Get("ruleId"))
			continue
		}
		if id := rules[idx.Int()].Get("id").String(); id != res.Get("ruleId").String() {
			t.Errorf("result %d: ruleIndex %d is %s, ruleId %s", i, idx.Int(), id, res.Get("ruleId"))
		}
		// A fix must turn the deleted region into valid JSON when applied alone.
		for _, rep := range res.Get("fixes.0.artifactChanges.0.replacements").Array() {
			off, n := rep.Get("deletedRegion.charOffset").Int(), rep.Get("deletedRegion.charLength").Int()
			patched := string(src[:off]) + rep.Get("insertedContent.text").String() + string(src[off+n:])
			if !json.Valid([]byte(patched)) {
				t.Errorf("result %d: applying its fix gives invalid JSON:\n%s", i, patched)
			}
		}
	}
}

// TestSARIFFixes: over real engine output, every fixable finding whose fix
// Lint applied has a SARIF fix, and the distinct replacements together turn
// the input into the normalized payload — removals and edits of part of a
// string included.
func TestSARIFFixes(t *testing.T) {
	src := []byte("{\n  \"displayName\": \" x \",\n  \"subscriptionName\": \"Prod\",\n  \"subnetId\": \"/subscriptions/0AC520EE-14C0-480F-B6C9-0A90C58FFFF0/resourcegroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s\",\n  \"inUse\": \"Boolean\"\n}\n")
	res := validate.Lint(src, validate.Options{DropReadOnly: true})
	r := &report{cfg: &config{format: "sarif"}, files: []*fileResult{{job: job{path: "a.json"}, src: src, findings: res.Findings, normalized: res.Normalized, linted: true}}}
	out := render(t, r)
	type rep struct {
		off, n int
		text   string
	}
	seen := map[rep]bool{}
	var reps []rep
	for i, x := range res.Findings {
		fixes := gjson.Get(out, fmt.Sprintf("runs.0.results.%d.fixes.0.artifactChanges.0.replacements", i)).Array()
		if (x.Edit != nil) != (len(fixes) == 1) {
			t.Errorf("%s: edit %v, SARIF replacements %d", x.Rule, x.Edit, len(fixes))
		}
		for _, f := range fixes {
			rp := rep{int(f.Get("deletedRegion.charOffset").Int()), int(f.Get("deletedRegion.charLength").Int()), f.Get("insertedContent.text").String()}
			if !seen[rp] {
				seen[rp] = true
				reps = append(reps, rp)
			}
		}
	}
	sort.Slice(reps, func(i, j int) bool { return reps[i].off < reps[j].off })
	var b []byte
	last := 0
	for _, rp := range reps {
		b = append(append(b, src[last:rp.off]...), rp.text...)
		last = rp.off + rp.n
	}
	b = append(b, src[last:]...)
	if !bytes.Equal(b, res.Normalized) {
		t.Errorf("SARIF fixes give\n%s\nwant\n%s", b, res.Normalized)
	}
}

func TestSnippetRedactionMapping(t *testing.T) {
	// One line, the password in the middle, a finding after it: the caret
	// must land under the same token in the redacted line.
	src := []byte(`{"adDomainPassword":"Hunter2-very-long-secret","healthCheckStatus":"Passed"}`)
	i := bytes.Index(src, []byte(`"Passed"`))
	f := validate.Finding{Start: pos(1, i+1, i), End: pos(1, i+9, i+8)}
	s := newSnippetSource(src, validate.AzureConnection)
	line, caret, ok := s.snippet(f)
	if !ok {
		t.Fatal("no snippet")
	}
	if strings.Contains(line, "Hunter2") {
		t.Fatalf("secret in snippet: %s", line)
	}
	at := strings.Index(caret, "^")
	if got := string([]rune(line)[at : at+8]); got != `"Passed"` {
		t.Errorf("caret under %q, want \"Passed\"\n%s\n%s", got, line, caret)
	}
	// A finding on the secret itself points at the mask.
	j := bytes.Index(src, []byte(`"Hunter2`))
	f = validate.Finding{Start: pos(1, j+1, j), End: pos(1, j+27, j+26)}
	line, caret, _ = s.snippet(f)
	at = strings.Index(caret, "^")
	if !strings.HasPrefix(string([]rune(line)[at:]), `"********"`) || strings.Count(caret, "~")+1 != len(`"********"`) {
		t.Errorf("secret span not mapped onto the mask:\n%s\n%s", line, caret)
	}
}

func TestSnippetControlCharacters(t *testing.T) {
	src := []byte("{\"a\": \"x\x1b[31my\"}")
	s := newSnippetSource(src, validate.AzureConnection)
	line, _, ok := s.snippet(validate.Finding{Start: pos(1, 2, 1), End: pos(1, 5, 4)})
	if !ok || strings.ContainsRune(line, 0x1b) {
		t.Errorf("escape byte reached the terminal: %q", line)
	}
}

func TestSnippetBounds(t *testing.T) {
	s := newSnippetSource([]byte("{}\n"), validate.AzureConnection)
	for _, f := range []validate.Finding{
		{Start: pos(0, 0, 0)},
		{Start: pos(9, 1, 0)},
		{Start: pos(1, 99, 0), End: pos(1, 100, 0)},
		{Start: pos(1, 2, 1), End: pos(3, 1, 3)},
	} {
		s.snippet(f) // must not panic
	}
	_, caret, ok := s.snippet(validate.Finding{Start: pos(1, 3, 2), End: pos(1, 3, 2)})
	if !ok || caret != "  ^" {
		t.Errorf("caret at end of line = %q, %v", caret, ok)
	}
}

// TestSnippetLoneCR: a lone CR breaks lines for positions, so it does for
// snippets too (they split on LF only and showed the wrong line).
func TestSnippetLoneCR(t *testing.T) {
	src := []byte("{\r  \"displayName\": \" x \",\r  \"healthCheckStatus\": \"Passed\"\r}")
	res := validate.Lint(src, validate.Options{})
	var seen int
	for _, f := range res.Findings {
		if f.Rule != "enum-case" && f.Rule != "whitespace" {
			continue
		}
		seen++
		s := newSnippetSource(src, validate.AzureConnection)
		line, caret, ok := s.snippet(f)
		if !ok {
			t.Fatalf("%s: no snippet", f)
		}
		want := map[string]string{"enum-case": `  "healthCheckStatus": "Passed"`, "whitespace": `  "displayName": " x ",`}[f.Rule]
		if line != want {
			t.Errorf("%s: snippet %q, want %q", f, line, want)
		}
		at := strings.Index(caret, "^")
		token := map[string]string{"enum-case": `"Passed"`, "whitespace": `" x "`}[f.Rule]
		if at < 0 || !strings.HasPrefix(line[at:], token) {
			t.Errorf("%s: caret at %d:\n%s\n%s", f, at, line, caret)
		}
	}
	if seen != 2 {
		t.Fatalf("want an enum-case and a whitespace finding, got %v", res.Findings)
	}
}

// TestSnippetBOM: the byte order mark is no column; the caret stays under
// the token and the mark is not printed.
func TestSnippetBOM(t *testing.T) {
	src := []byte("\ufeff{\"healthCheckStatus\": \"Passed\"}")
	for _, f := range validate.Lint(src, validate.Options{}).Findings {
		if f.Rule != "enum-case" {
			continue
		}
		line, caret, ok := newSnippetSource(src, validate.AzureConnection).snippet(f)
		if !ok || strings.ContainsRune(line, '\ufeff') {
			t.Fatalf("snippet %q, %v", line, ok)
		}
		if at := strings.Index(caret, "^"); !strings.HasPrefix(line[at:], `"Passed"`) {
			t.Errorf("caret misplaced:\n%s\n%s", line, caret)
		}
		return
	}
	t.Fatal("no enum-case finding")
}

// TestSARIFStreamedLayout: the results streamed into the log are laid out
// exactly as one encoding of the whole log would be (valid JSON, indented
// by two spaces throughout), with no results, one file and several.
func TestSARIFStreamedLayout(t *testing.T) {
	for _, r := range []*report{
		handReport("sarif"),
		{cfg: &config{format: "sarif", target: validate.AzureConnection}},
		{cfg: &config{format: "sarif", target: validate.AzureConnection}, files: append(handReport("sarif").files, handReport("sarif").files...)},
	} {
		got := render(t, r)
		var compact, want bytes.Buffer
		if err := json.Compact(&compact, []byte(got)); err != nil {
			t.Fatalf("invalid JSON: %v\n%s", err, got)
		}
		json.Indent(&want, compact.Bytes(), "", "  ")
		want.WriteByte('\n')
		if got != want.String() {
			t.Errorf("layout differs from one encoding:\n%s", got)
		}
	}
}

// TestJSONStreamedAsEncoded: the report streamed file by file is the bytes
// of one json.Encoder over the whole report, for no file, one, several,
// and files that were not linted.
func TestJSONStreamedAsEncoded(t *testing.T) {
	res := validate.Lint(handSrc, validate.Options{})
	lintedFile := func(path string) *fileResult {
		return &fileResult{job: job{path: path}, src: handSrc, findings: res.Findings, linted: true, target: res.Target, targetFrom: res.TargetFrom}
	}
	for _, files := range [][]*fileResult{
		nil,
		{{job: job{path: "unread.json"}}},
		{lintedFile("a.json")},
		{lintedFile("a.json"), {job: job{path: "unread.json"}}, lintedFile("b.json"), lintedFile("c\u2028\".json")},
	} {
		r := &report{cfg: &config{format: "json"}, files: files}
		var got bytes.Buffer
		if err := r.writeJSON(&got); err != nil {
			t.Fatal(err)
		}
		whole := jsonReport{Version: 1, Tool: jsonTool{Name: "azconnlint", Version: buildinfo.Version()}, Target: r.cfg.target.String(),
			Files: []validate.FileReport{}, Summary: r.summary()}
		for _, f := range files {
			if f.linted {
				whole.Files = append(whole.Files, f.entry())
			}
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(whole); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%d files: streamed\n%s\nencoded whole\n%s", len(files), got.String(), want.String())
		}
	}
}
