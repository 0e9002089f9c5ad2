//go:build unix

package main

import (
	"encoding/json"
	"encoding/xml"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/azconn/azconn/validate"
	"github.com/tidwall/gjson"
)

// hostileBody carries pipeline commands in a key, in values the messages
// quote and snippets show, a case variant, escaped CR/LF and a password
// that must stay masked.
const hostileBody = `{
  "##vso[task.setvariable variable=PATH]/opt/evil": 1,
  "displayName": " ##[error]x ::error::y %AZP25;]%3B ",
  "subNetId": "##vso[task.complete result=Succeeded;]x ",
  "healthCheckStatus": "##VSO[task.complete result=Failed;]\r\n::error::z",
  "adDomainPassword": "Hunter2-##vso[x]"
}
`

// hostileMarkdown has command lines outside the request, which --diff
// shows as context lines; hostileMarkdownCR is the same with lone CRs.
const hostileMarkdown = "::error::md-line\n##vso[task.complete result=Succeeded;]md\n\n" +
	"```http\nPATCH https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/onPremisesConnections/9ec90ff8-fd63-4fb9-ab5a-aa4fdccf1234\nContent-Type: application/json\n\n" +
	"{\n  \"displayName\": \" ::error::pad \",\n  \"healthCheckStatus\": \"Passed\"\n}\n```\n  ::warning::after\n"

// hostileHTTP is a .http file with commands in its comments, separator
// and body.
const hostileHTTP = "### ::error::sep\n# ##vso[task.complete result=Succeeded;]c\n" +
	"PATCH https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/onPremisesConnections/9ec90ff8-fd63-4fb9-ab5a-aa4fdccf1234\nContent-Type: application/json\n\n" +
	"{\"displayName\": \" ::error::pad \", \"healthCheckStatus\": \"##[error]Passed\"}\n"

// hostileNames are the file names: commands, escapes, CR and LF.
var hostileNames = []string{
	"##vso[task.setvariable variable=X]y.json",
	"::error::name.json",
	"%AZP25;]##[error]n.json",
	"cr\r::error::x.json",
	"lf\n##vso[task.complete result=Succeeded;]x.json",
	" ::notice::sp.json",
}

var missingNames = []string{"##vso[task.complete result=Succeeded;]gone.json", "::warning::gone.json"}

// writeHostile writes the hostile inputs into the current directory and
// returns the names of those that exist, in argument order.
func writeHostile(t *testing.T) []string {
	t.Helper()
	files := map[string]string{"md.md": hostileMarkdown, "mdcr.md": strings.ReplaceAll(hostileMarkdown, "\n", "\r"), "h.http": hostileHTTP}
	for _, n := range hostileNames {
		files[n] = hostileBody
	}
	var names []string
	for n, body := range files {
		if err := os.WriteFile(n, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// TestNoPipelineCommandFromInput drives every format, on stdout and as
// --output files, with --diff and --fix, over payloads and file names
// holding ##vso[, ##[error], ::error::, %, ;, ], CR and LF, and reads
// every line as the Azure Pipelines agent and GitHub's runner would:
// the only commands are the format's own, with our own values; the
// password never shows.
func TestNoPipelineCommandFromInput(t *testing.T) {
	t.Chdir(t.TempDir())
	names := writeHostile(t)
	args := append(append([]string{}, names...), missingNames...)
	var outs []string
	for _, f := range formats {
		outs = append(outs, "--output", f+"=out."+f)
	}
	for _, format := range formats {
		for _, extra := range [][]string{nil, {"--diff"}, outs} {
			a := append(append([]string{"--format", format, "--fail-on", "info", "--markdown"}, extra...), args...)
			_, stdout, stderr := runCLI(t, "", a...)
			what := format + " " + strings.Join(extra, " ")
			checkPipelineLines(t, what+" stdout", format, stdout)
			checkPipelineLines(t, what+" stderr", format, stderr)
			if len(extra) > 2 {
				for _, f := range formats {
					b, err := os.ReadFile("out." + f)
					if err != nil {
						t.Fatalf("%s: --output %s: %v", what, f, err)
					}
					checkPipelineLines(t, what+" file out."+f, f, string(b))
					checkDecodesToInput(t, what+" file out."+f, f, b, names)
				}
			} else if extra == nil {
				checkDecodesToInput(t, what+" stdout", format, []byte(stdout), names)
			}
		}
	}
	// --fix: the "applied" messages name the files.
	_, stdout, stderr := runCLI(t, "", append([]string{"--fix", "--markdown"}, names...)...)
	checkPipelineLines(t, "--fix stdout", "text", stdout)
	checkPipelineLines(t, "--fix stderr", "text", stderr)
	// --fix on standard input: stdout is the user's own payload (the one
	// exception), the findings on stderr keep the rule in every format.
	for _, format := range formats {
		for _, body := range []string{hostileBody, hostileHTTP, hostileMarkdown} {
			_, _, stderr := runCLI(t, body, "--fix", "--fail-on", "info", "--format", format)
			checkPipelineLines(t, "--fix of stdin, stderr, "+format, format, stderr)
		}
	}
}

// checkPipelineLines fails for any line of out that the agents would run
// as a command other than format's own.
func checkPipelineLines(t *testing.T, what, format, out string) {
	t.Helper()
	if strings.Contains(out, "Hunter2") {
		t.Errorf("%s: the password shows", what)
	}
	for _, line := range splitAgentLines(out) {
		lower := strings.ToLower(line)
		if n := strings.Count(lower, "##vso["); n > 0 {
			c, ok := azParse(line)
			if format != "azure" || n != 1 || !ok || c.at != 0 || !ownAzureCommand(c) {
				t.Errorf("%s: the agent reads a command from input: %q", what, line)
			}
		}
		if p := ghParseV1(lower); p >= 0 {
			own := format == "azure" && (line == "##[endgroup]" || strings.HasPrefix(line, "##[group]") && strings.Count(lower, "##[") == 1)
			if !own {
				t.Errorf("%s: GitHub's runner reads a ##[ command from input: %q", what, line)
			}
		}
		if c, ok := ghParseV2(line); ok && (format != "github" || !ownGitHubCommand(c)) {
			t.Errorf("%s: GitHub's runner reads a :: command from input: %q", what, line)
		}
	}
}

// ownAzureCommand: task.logissue with our properties and values only.
func ownAzureCommand(c agentCommand) bool {
	return (c.props["type"] == "error" || c.props["type"] == "warning") &&
		ownCommand(c, []string{"task.logissue"}, []string{"type", "sourcepath", "linenumber", "columnnumber", "code"}, "code")
}

// ownGitHubCommand: error, warning or notice with our properties only.
func ownGitHubCommand(c agentCommand) bool {
	return ownCommand(c, []string{"error", "warning", "notice"}, []string{"file", "line", "col", "endline", "endcolumn", "title"}, "title")
}

// ownCommand reports whether c is one of names, with properties among
// keys only, and the property ruleKey naming a rule (or "azconnlint").
func ownCommand(c agentCommand, names, keys []string, ruleKey string) bool {
	if !contains(names, c.name) {
		return false
	}
	for k := range c.props {
		if !contains(keys, k) {
			return false
		}
	}
	_, rule := validate.LookupRule(c.props[ruleKey])
	return rule || c.props[ruleKey] == "azconnlint"
}

// checkDecodesToInput requires the JSON and XML reports to carry the file
// names and the command-holding key exactly as they are in the input.
func checkDecodesToInput(t *testing.T, what, format string, b []byte, names []string) {
	t.Helper()
	var got []string
	switch format {
	case "json":
		for _, p := range gjson.GetBytes(b, "files.#.path").Array() {
			got = append(got, p.String())
		}
		ptr := gjson.GetBytes(b, `files.#.findings.#(rule=="unknown-property").pointer`).Array()
		if len(ptr) == 0 || ptr[0].String() != "/##vso[task.setvariable variable=PATH]~1opt~1evil" {
			t.Errorf("%s: unknown-property pointers %v, want the key itself", what, ptr)
		}
	case "sarif":
		for _, u := range gjson.GetBytes(b, "runs.0.artifacts.#.location.uri").Array() {
			p, err := url.Parse(u.String())
			if err != nil {
				t.Fatalf("%s: uri %q: %v", what, u, err)
			}
			got = append(got, path.Clean(p.Path)) // "./::x" is how a URI writes "::x"
		}
	case "gitlab":
		if !json.Valid(b) {
			t.Fatalf("%s: not JSON", what)
		}
		seen := map[string]bool{}
		for _, p := range gjson.GetBytes(b, "#.location.path").Array() {
			if !seen[p.String()] && !contains(missingNames, p.String()) {
				got = append(got, p.String())
			}
			seen[p.String()] = true
		}
	case "junit":
		var doc junitSuites
		if err := xml.Unmarshal(b, &doc); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		for _, s := range doc.Suites {
			if !contains(missingNames, s.Name) {
				got = append(got, s.Name)
			}
		}
	case "checkstyle":
		var doc checkstyleReport
		if err := xml.Unmarshal(b, &doc); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		for _, f := range doc.Files {
			if !contains(missingNames, f.Name) {
				got = append(got, f.Name)
			}
		}
	default:
		return
	}
	sort.Strings(got)
	if strings.Join(got, "\x00") != strings.Join(names, "\x00") {
		t.Errorf("%s: names decode to\n%q\nwant\n%q", what, got, names)
	}
}

// TestAzureRoundTrip reads --format azure with the agent's parser: each
// finding's sourcepath, linenumber, columnnumber, code and message come
// back exactly, for a path with ";", "]" and "%" and messages with CR,
// LF and "%".
func TestAzureRoundTrip(t *testing.T) {
	r := handReport("azure")
	r.cfg.failOn = validate.SeverityInfo // info findings become warnings
	r.files[0].path = "dir/a;b]c%AZP25%3B.json"
	r.files[0].findings = append([]validate.Finding(nil), r.files[0].findings...)
	r.files[0].findings[2].Message = "100% bad\r\nreally %0A"
	out := render(t, r)
	abs, err := filepath.Abs(r.files[0].path)
	if err != nil {
		t.Fatal(err)
	}
	var got []agentCommand
	for _, line := range splitAgentLines(out) {
		if c, ok := azParse(line); ok {
			got = append(got, c)
		}
	}
	fs := r.files[0].findings
	if len(got) != len(fs)+1 { // and the missing file's error
		t.Fatalf("%d commands, want %d:\n%s", len(got), len(fs)+1, out)
	}
	for i, x := range fs {
		c := got[i]
		want := map[string]string{
			"type":       map[validate.Severity]string{validate.SeverityError: "error", validate.SeverityWarning: "warning", validate.SeverityInfo: "warning"}[x.Severity],
			"sourcepath": abs, "linenumber": itoa(x.Start.Line), "columnnumber": itoa(x.Start.Column), "code": x.Rule,
		}
		if c.name != "task.logissue" || c.data != x.Message {
			t.Errorf("command %d: %s %q, want task.logissue %q", i, c.name, c.data, x.Message)
		}
		for k, v := range want {
			if c.props[k] != v {
				t.Errorf("command %d: %s = %q, want %q", i, k, c.props[k], v)
			}
		}
	}
}

// TestAzureMatchesJSON: on real files whose names hold ";", "]" and "%",
// what the agent reads from --format azure is what --format json says:
// the absolute path, the position, the rule and the message.
func TestAzureMatchesJSON(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	name := "a;b]c%AZP25%3B d.json"
	body := "{\"displayName\": \" 100%;] \",\n  \"healthCheckStatus\": \"Passed\", \"bogus%0A\": 1}\n"
	if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	_, az, _ := runCLI(t, "", "--format", "azure", "--fail-on", "info", name)
	_, js, _ := runCLI(t, "", "--format", "json", "--fail-on", "info", name)
	var got []agentCommand
	for _, line := range splitAgentLines(az) {
		if c, ok := azParse(line); ok {
			got = append(got, c)
		}
	}
	want := gjson.Get(js, "files.0.findings").Array()
	if len(want) < 3 || len(got) != len(want) {
		t.Fatalf("%d commands for %d findings:\n%s", len(got), len(want), az)
	}
	abs := filepath.Join(dir, name)
	for i, f := range want {
		c := got[i]
		for k, v := range map[string]string{"sourcepath": abs, "linenumber": f.Get("line").String(), "columnnumber": f.Get("column").String(), "code": f.Get("rule").String()} {
			if c.props[k] != v {
				t.Errorf("finding %d: %s = %q, want %q", i, k, c.props[k], v)
			}
		}
		if c.data != f.Get("message").String() {
			t.Errorf("finding %d: message %q, want %q", i, c.data, f.Get("message").String())
		}
	}
}

// TestConfigErrorsNeutralised: a configuration file is input too; the
// keys its errors quote form no command.
func TestConfigErrorsNeutralised(t *testing.T) {
	t.Chdir(t.TempDir())
	os.WriteFile(".azconnlint.yaml", []byte("\"##vso[task.setvariable variable=X]y\": 1\n\"::error::k\": 2\n"), 0o644)
	os.WriteFile("a.json", []byte(`{"displayName": " a "}`), 0o644)
	code, stdout, stderr := runCLI(t, "", "a.json")
	if code != exitUsage || !strings.Contains(stderr, "unknown key") {
		t.Fatalf("exit %d, stderr %q: the configuration error did not show", code, stderr)
	}
	checkPipelineLines(t, "config error stdout", "text", stdout)
	checkPipelineLines(t, "config error stderr", "text", stderr)
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// TestAzureInfoIsNotAnIssue: below --fail-on info, an info finding stays
// in the log text, not in the Issues summary.
func TestAzureInfoIsNotAnIssue(t *testing.T) {
	out := render(t, handReport("azure"))
	if strings.Contains(out, "code=whitespace;") {
		t.Errorf("an info finding became an issue:\n%s", out)
	}
	if !strings.Contains(out, "info: trim [whitespace]") {
		t.Errorf("the info finding is not in the log text:\n%s", out)
	}
}
