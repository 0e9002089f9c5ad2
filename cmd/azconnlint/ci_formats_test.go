package main

import (
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/azconn/azconn/validate"
	"github.com/tidwall/gjson"
)

// ciReport is the hand report of format_test.go with a clean file added,
// a fixed clock and project root, and --fail-on error.
func ciReport(format string) *report {
	r := handReport(format)
	r.cfg.failOn = validate.SeverityError
	r.root = "."
	r.now = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	r.files = append(r.files, &fileResult{job: job{path: "clean.json"}, src: []byte("{}"), linted: true})
	return r
}

// hostRe matches the JUnit hostname attribute, the one value that varies.
var hostRe = regexp.MustCompile(`hostname="[^"]*"`)

func TestCIFormatGoldens(t *testing.T) {
	for _, format := range []string{"azure", "junit", "gitlab", "checkstyle", "sarif"} {
		t.Run(format, func(t *testing.T) {
			got := render(t, ciReport(format))
			got = hostRe.ReplaceAllString(got, `hostname="HOST"`)
			if wd, err := os.Getwd(); err == nil {
				got = strings.ReplaceAll(got, wd, "/ABS") // azure's absolute sourcepath
			}
			if format == "sarif" {
				// Only the results' fingerprints are new here; the
				// version varies with the build.
				var b strings.Builder
				for _, r := range gjson.Get(got, "runs.0.results").Array() {
					b.WriteString(r.Get("ruleId").String() + " " + r.Get("partialFingerprints.azconnIdentity/v1").String() + "\n")
				}
				got = b.String()
			}
			checkGolden(t, "hand."+format, got)
		})
	}
}

// TestJUnitShape: one suite per file, a failing case per finding at or
// above --fail-on (name rule and pointer, classname the path), the others
// in system-out, a passing case for a clean file, an error for a missing
// one.
func TestJUnitShape(t *testing.T) {
	var doc junitSuites
	if err := xml.Unmarshal([]byte(render(t, ciReport("junit"))), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Suites) != 3 {
		t.Fatalf("%d suites, want 3", len(doc.Suites))
	}
	a, missing, clean := doc.Suites[0], doc.Suites[1], doc.Suites[2]
	if a.Name != "dir/a,b:c%.json" || a.Tests != 1 || a.Failures != 1 || len(a.Cases) != 1 {
		t.Errorf("suite a: %+v", a)
	} else if c := a.Cases[0]; c.Name != "arm-id /subnetId" || c.Classname != a.Name || c.Failure == nil || !strings.Contains(c.Failure.Text, "dir/a,b:c%.json:3:15: error: bad [arm-id]") {
		t.Errorf("case: %+v", c)
	}
	for _, below := range []string{":2:23: warning:", ":3:3: warning:", ":1:1: info:"} {
		if !strings.Contains(a.SystemOut, below) {
			t.Errorf("system-out lacks %q: %q", below, a.SystemOut)
		}
	}
	if missing.Errors != 1 || missing.Cases[0].Error == nil {
		t.Errorf("missing file: %+v", missing)
	}
	if clean.Tests != 1 || clean.Failures != 0 || clean.Cases[0].Failure != nil {
		t.Errorf("clean file: %+v", clean)
	}
}

func TestJUnitCaseNames(t *testing.T) {
	long := validate.Identity{Rule: "unknown-property", Pointer: "/" + strings.Repeat("é", 600)}
	other := long
	other.Occurrence = 1
	a, b := junitCaseName(long), junitCaseName(other)
	if n := len([]rune(a)); n > maxCaseName {
		t.Errorf("name of %d characters", n)
	}
	if a == b {
		t.Error("two occurrences share a cut name")
	}
	if got := junitCaseName(validate.Identity{Rule: "syntax", Request: 2}); got != "syntax (whole request) (request 2)" {
		t.Errorf("got %q", got)
	}
	if got := junitCaseName(validate.Identity{Rule: "enum", Pointer: "/a", Occurrence: 2}); got != "enum /a #3" {
		t.Errorf("got %q", got)
	}
}

// TestJUnitValidatesAgainstXSD validates --format junit, from the hand
// report and from a run over real files, with xmllint against the Ant
// JUnit schema kept in testdata/junit (see SOURCE there).
func TestJUnitValidatesAgainstXSD(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("xmllint (libxml2-utils) is missing")
		}
		t.Skip("xmllint (libxml2-utils) is not installed")
	}
	xsd, err := filepath.Abs("testdata/junit/JUnit.xsd")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	docs := map[string]string{"hand.xml": render(t, ciReport("junit"))}
	t.Chdir(dir)
	if err := os.WriteFile("x.json", []byte(hostileBody), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("dup.json", []byte(`{"displayName":"a","displayName":"b","displayName":"c","x":1}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, failOn := range []string{"error", "info"} {
		_, out, _ := runCLI(t, "", "--format", "junit", "--fail-on", failOn, "x.json", "dup.json", "gone.json")
		docs["run-"+failOn+".xml"] = out
	}
	_, out, _ := runCLI(t, "", "--format", "junit", "dup.json")
	docs["one.xml"] = out
	for name, doc := range docs {
		if err := os.WriteFile(name, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(xmllint, "--noout", "--schema", xsd, name)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("%s does not validate: %v\n%s\n%s", name, err, out, doc)
		}
	}
	// The validator does fail on a document the schema refuses.
	bad := strings.Replace(docs["one.xml"], ` time="0">`, `>`, 1)
	os.WriteFile("bad.xml", []byte(bad), 0o644)
	if err := exec.Command(xmllint, "--noout", "--schema", xsd, "bad.xml").Run(); err == nil {
		t.Error("xmllint accepted a test case without its time: the check proves nothing")
	}
}

// TestGitLabReport: every issue has the fields GitLab requires, the
// fingerprints are unique (repeats numbered), and they stay the same when
// blank lines are inserted above the findings while the lines move.
func TestGitLabReport(t *testing.T) {
	t.Chdir(t.TempDir())
	body := "{\"displayName\":\" a \",\n\"displayName\":\"b\",\n\"displayName\":\"c\",\n\"healthCheckStatus\":\"Passed\"}\n"
	lint := func(src string) []gjson.Result {
		t.Helper()
		if err := os.WriteFile("p.json", []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		_, out, _ := runCLI(t, "", "--format", "gitlab", "p.json")
		if strings.HasPrefix(out, "\ufeff") || !gjson.Valid(out) {
			t.Fatalf("not JSON without a BOM: %q", out)
		}
		return gjson.Parse(out).Array()
	}
	before, after := lint(body), lint("\n\n\n"+body)
	if len(before) < 4 || len(before) != len(after) {
		t.Fatalf("%d and %d issues", len(before), len(after))
	}
	seen := map[string]bool{}
	for i, is := range before {
		for _, f := range []string{"description", "check_name", "fingerprint", "severity", "location.path", "location.lines.begin"} {
			if !is.Get(f).Exists() || is.Get(f).String() == "" {
				t.Errorf("issue %d lacks %s: %s", i, f, is.Raw)
			}
		}
		if !strings.HasPrefix(is.Get("description").String(), is.Get("check_name").String()+": ") {
			t.Errorf("description does not start with the rule: %s", is.Raw)
		}
		switch is.Get("severity").String() {
		case "info", "minor", "major", "critical":
		default:
			t.Errorf("severity %s", is.Get("severity"))
		}
		fp := is.Get("fingerprint").String()
		if seen[fp] {
			t.Errorf("fingerprint %s twice", fp)
		}
		seen[fp] = true
		if after[i].Get("fingerprint").String() != fp {
			t.Errorf("issue %d: fingerprint changed when lines moved", i)
		}
		if after[i].Get("location.lines.begin").Int() != is.Get("location.lines.begin").Int()+3 {
			t.Errorf("issue %d: line %d then %d: the lines did not move", i, is.Get("location.lines.begin").Int(), after[i].Get("location.lines.begin").Int())
		}
	}
	if got := before[0].Get("location.path").String(); got != "p.json" {
		t.Errorf("path %q", got)
	}
	// CI_PROJECT_DIR sets what the path is relative to.
	wd, _ := os.Getwd()
	t.Setenv("CI_PROJECT_DIR", filepath.Dir(wd))
	if got := lint(body)[0].Get("location.path").String(); got != filepath.Base(wd)+"/p.json" {
		t.Errorf("with CI_PROJECT_DIR: path %q", got)
	}
}

func TestGitLabSeverity(t *testing.T) {
	for s, want := range map[validate.Severity]string{validate.SeverityError: "major", validate.SeverityWarning: "minor", validate.SeverityInfo: "info"} {
		if got := gitlabSeverity(s); got != want {
			t.Errorf("%s → %s, want %s", s, got, want)
		}
	}
}

// TestCheckstyleParses: the report is XML with one <file> per input and
// one <error> per finding, carrying line, column, severity, message and
// the rule.
func TestCheckstyleParses(t *testing.T) {
	var doc checkstyleReport
	if err := xml.Unmarshal([]byte(render(t, ciReport("checkstyle"))), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Files) != 3 || len(doc.Files[0].Errors) != 4 || len(doc.Files[1].Errors) != 1 || len(doc.Files[2].Errors) != 0 {
		t.Fatalf("shape: %+v", doc)
	}
	e := doc.Files[0].Errors[1]
	if e.Line != 3 || e.Column != 3 || e.Severity != "warning" || e.Source != "property-case" || e.Message != "rename it: 100% sure,\nreally" {
		t.Errorf("error: %+v", e)
	}
}

// TestSARIFPartialFingerprints: each result carries its identity's
// fingerprint, unchanged when lines move.
func TestSARIFPartialFingerprints(t *testing.T) {
	t.Chdir(t.TempDir())
	body := `{"displayName":" a ","healthCheckStatus":"Passed"}`
	var fps [2][]string
	for i, src := range []string{body, "\n\n" + body} {
		os.WriteFile("p.json", []byte(src), 0o644)
		_, out, _ := runCLI(t, "", "--format", "sarif", "p.json")
		for _, r := range gjson.Get(out, "runs.0.results").Array() {
			fps[i] = append(fps[i], r.Get(`partialFingerprints.azconnIdentity/v1`).String())
		}
	}
	if len(fps[0]) < 2 || strings.Join(fps[0], ",") != strings.Join(fps[1], ",") {
		t.Errorf("fingerprints %v then %v", fps[0], fps[1])
	}
	want := validate.Identity{Rule: "whitespace", Path: "p.json", Pointer: "/displayName"}.Fingerprint()
	if !contains(fps[0], want) {
		t.Errorf("fingerprints %v lack the whitespace finding's %s", fps[0], want)
	}
}

// TestEveryFormatHasAWriter: --format's list and the writers agree.
func TestEveryFormatHasAWriter(t *testing.T) {
	for _, f := range formats {
		if _, ok := reportFormats[f]; !ok {
			t.Errorf("--format %s has no writer", f)
		}
	}
	if len(reportFormats) != len(formats) {
		t.Errorf("%d writers for %d formats", len(reportFormats), len(formats))
	}
}
