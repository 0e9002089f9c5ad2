package validate

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/azconn/azconn/internal/jsontext"
)

var update = flag.Bool("update", false, "rewrite the golden files of validate/testdata/golden")

// goldenCase is one folder of testdata/golden: input.json (or input.http,
// input.md… for the other input forms, sniffed as Lint does), an optional
// options.json, and the expected findings.golden and normalized.golden.
//
// Folder names starting "<rule>--fires" must report that rule, and
// "<rule>--passes" must not: TestRuleCoverage demands both for every rule.
type goldenCase struct {
	name string
	dir  string
	in   []byte
	opts Options
}

type caseOptions struct {
	Target       Target   `json:"target"`
	DropReadOnly bool     `json:"dropReadOnly"`
	MaxSize      int      `json:"maxSize"`
	MaxDepth     int      `json:"maxDepth"`
	Ignore       []string `json:"ignore"`
	Form         Form     `json:"form"`
	Method       string   `json:"method"`
	MaxFindings  int      `json:"maxFindings"`
	API          API      `json:"api"`
	URL          string   `json:"url"`
}

func loadCases(t testing.TB) []goldenCase {
	t.Helper()
	dirs, err := filepath.Glob(filepath.Join("testdata", "golden", "*"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []goldenCase
	for _, dir := range dirs {
		inputs, _ := filepath.Glob(filepath.Join(dir, "input.*"))
		if len(inputs) != 1 {
			t.Fatalf("%s: want one input.* file, have %d", dir, len(inputs))
		}
		in, err := os.ReadFile(inputs[0])
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		c := goldenCase{name: filepath.Base(dir), dir: dir, in: in}
		if b, err := os.ReadFile(filepath.Join(dir, "options.json")); err == nil {
			var o caseOptions
			if err := json.Unmarshal(b, &o); err != nil {
				t.Fatalf("%s/options.json: %v", dir, err)
			}
			c.opts = Options{Target: o.Target, DropReadOnly: o.DropReadOnly, MaxSize: o.MaxSize, MaxDepth: o.MaxDepth, Ignore: o.Ignore, API: o.API, URL: o.URL, Form: o.Form, Method: o.Method, MaxFindings: o.MaxFindings}
		}
		cases = append(cases, c)
	}
	if len(cases) == 0 {
		t.Fatal("no golden cases found")
	}
	return cases
}

// renderResult writes the findings; for the request forms, first the form
// and the requests, and before each finding its request index.
func renderResult(res Result) []byte {
	if res.Form == FormJSON {
		return renderFindings(res.Findings)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "form: %s\n", res.Form)
	for i, r := range res.Requests {
		fmt.Fprintf(&b, "request %d: %s %s api=%q target=%s (%s) %s-%s", i, r.Method, r.URL, r.API, r.Target, r.TargetFrom, r.Start, r.End)
		if r.HasBody {
			fmt.Fprintf(&b, " body %s-%s", r.BodyStart, r.BodyEnd)
		}
		b.WriteString("\n")
	}
	for _, f := range res.Findings {
		fmt.Fprintf(&b, "[request %d] ", f.Request)
		b.Write(renderFindings([]Finding{f}))
	}
	if len(res.Findings) == 0 {
		b.WriteString("(no findings)\n")
	}
	return b.Bytes()
}

// renderFindings writes findings in a diff-friendly text form.
func renderFindings(fs []Finding) []byte {
	var b bytes.Buffer
	for _, f := range fs {
		fmt.Fprintf(&b, "%d:%d-%d:%d %s %s %s fixable=%v\n", f.Start.Line, f.Start.Column, f.End.Line, f.End.Column, f.Severity, f.Rule, pointerOrRoot(f.Pointer), f.Fixable)
		fmt.Fprintf(&b, "  %s\n", f.Message)
		if f.Fix != nil {
			fix, _ := json.Marshal(f.Fix)
			fmt.Fprintf(&b, "  fix: %s\n", fix)
		}
	}
	if len(fs) == 0 {
		b.WriteString("(no findings)\n")
	}
	return b.Bytes()
}

func pointerOrRoot(p string) string {
	if p == "" {
		return `""`
	}
	return p
}

func TestGolden(t *testing.T) {
	for _, c := range loadCases(t) {
		t.Run(c.name, func(t *testing.T) {
			res := Lint(c.in, c.opts)
			checkGolden(t, filepath.Join(c.dir, "findings.golden"), renderResult(res))
			checkGolden(t, filepath.Join(c.dir, "normalized.golden"), res.Normalized)
			checkInvariants(t, c.in, c.opts, res)
		})
	}
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./validate -run TestGolden -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs:\n--- got ---\n%s\n--- want ---\n%s", path, got, want)
	}
}

// checkInvariants holds for every input: positions inside the input and
// ordered, findings sorted, fixable findings fixed, normalization
// idempotent, blocked input unchanged, secrets never in messages.
func checkInvariants(t *testing.T, in []byte, opts Options, res Result) {
	t.Helper()
	blockedIn := false
	for i, f := range res.Findings {
		if f.Start.Offset < 0 || f.End.Offset > len(in) || f.End.Offset < f.Start.Offset {
			t.Errorf("finding %d (%s) span %d..%d outside input of %d bytes", i, f.Rule, f.Start.Offset, f.End.Offset, len(in))
		}
		if f.Start.Line < 1 || f.Start.Column < 1 || f.End.Line < f.Start.Line || (f.End.Line == f.Start.Line && f.End.Column < f.Start.Column) {
			t.Errorf("finding %d (%s) has bad positions %v..%v", i, f.Rule, f.Start, f.End)
		}
		if i > 0 && res.Findings[i-1].Start.Offset > f.Start.Offset {
			t.Errorf("findings not sorted at %d", i)
		}
		if _, ok := LookupRule(f.Rule); !ok {
			t.Errorf("finding %d has unregistered rule %q", i, f.Rule)
		}
		if f.Fix != nil && !f.Fixable {
			t.Errorf("finding %d (%s) has a fix but is not fixable", i, f.Rule)
		}
		blockedIn = blockedIn || blocking[f.Rule]
	}
	if blockedIn && res.Changed {
		t.Errorf("input with a blocking finding was changed")
	}
	if res.Changed != !bytes.Equal(in, res.Normalized) {
		t.Errorf("Changed=%v does not match the bytes", res.Changed)
	}
	if blockedIn {
		return
	}
	checkFraming(t, in, res)
	if res.Form == FormJSON && res.Changed && !json.Valid(res.Normalized) && json.Valid(bytes.TrimPrefix(in, []byte("\xef\xbb\xbf"))) {
		t.Errorf("normalized output is not valid JSON:\n%s", res.Normalized)
	}
	again := Lint(res.Normalized, opts)
	if !bytes.Equal(again.Normalized, res.Normalized) {
		t.Errorf("normalization is not idempotent:\nonce:\n%s\ntwice:\n%s", res.Normalized, again.Normalized)
	}
	for _, f := range again.Findings {
		if f.Fixable && f.Fix != nil {
			t.Errorf("after normalization a fixable finding remains: %s", f)
		}
	}
	for _, s := range secretValues(in, opts) {
		for _, f := range res.Findings {
			if strings.Contains(f.Message, s) {
				t.Errorf("finding %s quotes the secret", f.Rule)
			}
		}
	}
}

// secretValues returns the adDomainPassword values of the input (long
// enough that their appearance elsewhere would not be chance), as the
// bind stage marks them; for the request forms, those of every body.
func secretValues(in []byte, opts Options) []string {
	if res := Lint(in, opts); res.Form != FormJSON {
		var out []string
		for _, r := range res.Requests {
			if r.HasBody {
				out = append(out, secretValues(in[r.BodyStart.Offset:r.BodyEnd.Offset], Options{Target: r.Target, Form: FormJSON})...)
			}
		}
		return out
	}
	tree := jsontext.Parse(in, jsontext.ParseOptions{MaxDepth: 1000})
	if tree.Err != nil || tree.Root == nil || tree.Root.Kind != kindObject {
		return nil
	}
	all, err := models()
	if err != nil {
		return nil
	}
	b := bindAlone(in, tree, all[defaultTarget()], "default")
	var out []string
	for _, s := range b.secrets {
		if len(s) >= 4 {
			out = append(out, s)
		}
	}
	return out
}

// TestRuleCoverage demands, for every rule of the catalogue, a golden case
// where it fires and one where it does not.
func TestRuleCoverage(t *testing.T) {
	fires := map[string][]string{}
	passes := map[string][]string{}
	for _, c := range loadCases(t) {
		rule, kindOf, ok := strings.Cut(c.name, "--")
		if !ok {
			continue
		}
		res := Lint(c.in, c.opts)
		got := map[string]bool{}
		for _, f := range res.Findings {
			got[f.Rule] = true
		}
		switch {
		case strings.HasPrefix(kindOf, "fires"):
			if !got[rule] {
				t.Errorf("%s: rule %s does not fire", c.name, rule)
			}
			fires[rule] = append(fires[rule], c.name)
		case strings.HasPrefix(kindOf, "passes"):
			if got[rule] {
				t.Errorf("%s: rule %s fires", c.name, rule)
			}
			passes[rule] = append(passes[rule], c.name)
		}
	}
	var missing []string
	for _, r := range Rules() {
		if r.ID == "internal" || r.ID == "baseline-unused" { // proven by TestInternalFailure; by the CLI's baseline scripts
			continue
		}
		if len(fires[r.ID]) == 0 {
			missing = append(missing, r.ID+"--fires")
		}
		if len(passes[r.ID]) == 0 {
			missing = append(missing, r.ID+"--passes")
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("rules without golden cases: %s", strings.Join(missing, ", "))
	}
}

func TestInternalFailure(t *testing.T) {
	panicHook = func() { panic("boom") }
	in := []byte(`{"displayName": "x"}`)
	res := Lint(in, Options{})
	panicHook = nil
	if len(res.Findings) != 1 || res.Findings[0].Rule != "internal" || res.Changed || !bytes.Equal(res.Normalized, in) {
		t.Fatalf("got %+v", res)
	}
	res = Lint(in, Options{Target: "nope"})
	if len(res.Findings) != 1 || res.Findings[0].Rule != "internal" || !strings.Contains(res.Findings[0].Message, "unknown target") {
		t.Fatalf("unknown target: got %+v", res.Findings)
	}
}

// TestEdits: every applied fix has its byte edit, and the edits rebuild the
// normalized output from the input.
func TestEdits(t *testing.T) {
	for _, c := range loadCases(t) {
		res := Lint(c.in, c.opts)
		if res.Omitted != nil {
			continue // past the cap the omitted findings' edits are not listed; Normalized has them
		}
		seen := map[*Edit]bool{}
		var edits []*Edit
		for _, f := range res.Findings {
			if f.Edit != nil && !seen[f.Edit] {
				seen[f.Edit] = true
				edits = append(edits, f.Edit)
			}
			if f.Edit != nil && !f.Fixable {
				t.Errorf("%s: %s has an edit but is not fixable", c.name, f.Rule)
			}
		}
		b, err := rebuild(c.in, edits)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if !sameButContentLength(b, res.Normalized) {
			t.Errorf("%s: the findings' edits do not rebuild the normalized output:\n%s\nwant\n%s", c.name, b, res.Normalized)
		}
	}
}

// sameButContentLength reports whether a and b are equal but for the
// values of Content-Length lines: a declared length right for the input is
// kept right for the normalized body with no finding of its own (issue 17).
func sameButContentLength(a, b []byte) bool {
	if bytes.Equal(a, b) {
		return true
	}
	al, bl := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	if len(al) != len(bl) {
		return false
	}
	for i := range al {
		if !bytes.Equal(al[i], bl[i]) && !(contentLengthLine.Match(al[i]) && contentLengthLine.Match(bl[i])) {
			return false
		}
	}
	return true
}

// rebuild applies the findings' edits to in. Edits do not overlap, except
// an unwrap (value-wrapper): its text is the input's own bytes inside its
// span, exactly once, and it keeps them and drops the rest; the edits
// inside those bytes still apply.
func rebuild(in []byte, edits []*Edit) ([]byte, error) {
	var flat []Edit
	for _, e := range edits {
		inside := false
		for _, o := range edits {
			if o != e && e.Start.Offset <= o.Start.Offset && o.End.Offset <= e.End.Offset {
				inside = true
			}
		}
		span := in[e.Start.Offset:e.End.Offset]
		if !inside || len(e.Text) == 0 {
			flat = append(flat, *e)
			continue
		}
		k := bytes.Index(span, []byte(e.Text))
		if k < 0 || bytes.Count(span, []byte(e.Text)) != 1 {
			return nil, fmt.Errorf("edit %v..%v contains other edits but does not keep its own bytes exactly once", e.Start, e.End)
		}
		keepFrom, keepTo := e.Start.Offset+k, e.Start.Offset+k+len(e.Text)
		flat = append(flat, Edit{Start: e.Start, End: Pos{Offset: keepFrom}}, Edit{Start: Pos{Offset: keepTo}, End: e.End})
	}
	sort.Slice(flat, func(i, j int) bool { return flat[i].Start.Offset < flat[j].Start.Offset })
	var b []byte
	last := 0
	for _, e := range flat {
		if e.Start.Offset < last {
			return nil, fmt.Errorf("edits overlap at %v", e.Start)
		}
		b = append(append(b, in[last:e.Start.Offset]...), e.Text...)
		last = e.End.Offset
	}
	return append(b, in[last:]...), nil
}
