package validate

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/azconn/azconn/internal/forms"
	"github.com/azconn/azconn/internal/jsontext"
)

var (
	contentLengthLine = regexp.MustCompile(`(?i)^\s*content-length\s*:\s*\d+\s*\r?$`)
	anyContentLength  = regexp.MustCompile(`(?i)^\s*content-length\s*:`)
)

// checkFraming holds for the request forms: Normalized is the input with
// only the bodies changed (each into its Request.Body) and Content-Length
// lines rewritten, everything else byte for byte; a changed body that was
// JSON is still JSON.
func checkFraming(t *testing.T, in []byte, res Result) {
	t.Helper()
	if res.Form == FormJSON {
		return
	}
	src := bytes.TrimPrefix(in, []byte(jsontext.BOM))
	shift := len(in) - len(src)
	if !bytes.HasPrefix(res.Normalized, []byte(jsontext.BOM)) {
		in = src
	} else {
		shift = 0
	}
	var want []byte
	last := 0
	for i, r := range res.Requests {
		if !r.HasBody {
			continue
		}
		s, e := r.BodyStart.Offset-shift, r.BodyEnd.Offset-shift
		if s < last || e > len(in) || s > e {
			t.Fatalf("request %d: body span %d..%d out of order", i, s, e)
		}
		want = append(append(want, in[last:s]...), r.Body...)
		last = e
		orig := in[s:e]
		if !bytes.Equal(orig, r.Body) && json.Valid(orig) && !json.Valid(r.Body) {
			t.Errorf("request %d: normalized body is not JSON:\n%s", i, r.Body)
		}
	}
	want = append(want, in[last:]...)
	if bytes.Equal(want, res.Normalized) {
		return
	}
	lineBreak := regexp.MustCompile(`\r\n|\n|\r`) // as positions count lines
	wl, gl := lineBreak.Split(string(want), -1), lineBreak.Split(string(res.Normalized), -1)
	if len(wl) != len(gl) {
		t.Fatalf("normalization changed the framing (line count %d → %d):\n%s", len(wl), len(gl), res.Normalized)
	}
	for i := range wl {
		if wl[i] != gl[i] && !(anyContentLength.MatchString(wl[i]) && contentLengthLine.MatchString(gl[i])) {
			t.Errorf("line %d changed outside a body: %q → %q", i+1, wl[i], gl[i])
		}
	}
}

// TestFormPositions: on every golden case of a request form, each
// finding's positions are those of its offsets in the whole text (counted
// here independently), and the text at [Start.Offset, End.Offset) is what
// the finding is about: a body finding spans the same text as when the
// body alone is linted, a Content-Length finding the header's number, a
// template-value finding the {{variable}}, a request-line finding part of
// its request line.
func TestFormPositions(t *testing.T) {
	n := 0
	for _, c := range loadCases(t) {
		res := Lint(c.in, c.opts)
		if res.Form == FormJSON {
			continue
		}
		n++
		alone := map[int]Result{}
		for i, f := range res.Findings {
			for _, p := range []Pos{f.Start, f.End} {
				if want := countPos(c.in, p.Offset); want != p {
					t.Errorf("%s: finding %d (%s): position %v, but offset %d is at %v", c.name, i, f.Rule, p, p.Offset, want)
				}
			}
			text := string(c.in[f.Start.Offset:f.End.Offset])
			r := res.Requests[f.Request]
			switch f.Rule {
			case "content-length":
				if !regexp.MustCompile(`^\S+$`).MatchString(text) || !anyContentLength.Match(lineAt(c.in, f.Start.Offset)) {
					t.Errorf("%s: content-length spans %q", c.name, text)
				}
			case "template-value":
				if !regexp.MustCompile(`^\{\{[^{}]*\}\}$`).MatchString(text) {
					t.Errorf("%s: template-value spans %q", c.name, text)
				}
			case "too-many-findings": // the file's cap: at the first finding left out, an empty span
				if text != "" || f.Start.Offset < r.Start.Offset || f.End.Offset > r.End.Offset {
					t.Errorf("%s: too-many-findings spans %q outside its request %v-%v", c.name, text, r.Start, r.End)
				}
			case "request-line", "content-type", "bom":
				if f.Start.Offset < r.Start.Offset && f.Rule != "bom" || f.End.Offset > r.End.Offset || text == "" {
					t.Errorf("%s: %s spans %q outside its request %v-%v", c.name, f.Rule, text, r.Start, r.End)
				}
			default:
				if !r.HasBody || f.Start.Offset < r.BodyStart.Offset || f.End.Offset > r.BodyEnd.Offset {
					t.Errorf("%s: %s at %v-%v is outside request %d's body", c.name, f.Rule, f.Start, f.End, f.Request)
					continue
				}
				body := c.in[r.BodyStart.Offset:r.BodyEnd.Offset]
				a, ok := alone[f.Request]
				if !ok {
					o := c.opts
					o.Target, o.Form, o.call = r.Target, FormJSON, r.call
					unc, _ := forms.BlankComments(body)      // comment lines as spaces and
					sub, _ := forms.SubstituteTemplates(unc) // templates as strings: the offsets hold
					a = Lint(sub, o)
					alone[f.Request] = a
				}
				found := false
				for _, g := range a.Findings {
					if g.Rule == f.Rule && g.Pointer == f.Pointer && string(body[g.Start.Offset:g.End.Offset]) == text {
						found = true
					}
				}
				if !found {
					t.Errorf("%s: %s %s spans %q, which linting the body alone does not report", c.name, f.Rule, f.Pointer, text)
				}
			}
		}
	}
	if n < 10 {
		t.Fatalf("only %d golden cases of the request forms", n)
	}
}

// countPos computes the position of offset off by counting from the start:
// lines break at LF, CRLF or a lone CR; columns count code points; a
// leading BOM is not a column.
func countPos(b []byte, off int) Pos {
	p := Pos{Line: 1, Column: 1}
	i := 0
	if bytes.HasPrefix(b, []byte(jsontext.BOM)) && off >= 3 {
		i = 3
	}
	for i < off {
		switch {
		case b[i] == '\r' && i+1 < len(b) && b[i+1] == '\n':
			if i+1 == off {
				p.Column++
				i++
				continue
			}
			p.Line, p.Column = p.Line+1, 1
			i += 2
			continue
		case b[i] == '\n' || b[i] == '\r':
			p.Line, p.Column = p.Line+1, 1
		case b[i]&0xC0 != 0x80:
			p.Column++
		}
		i++
	}
	p.Offset = off
	return p
}

func lineAt(b []byte, off int) []byte {
	s, e := off, off
	for s > 0 && b[s-1] != '\n' {
		s--
	}
	for e < len(b) && b[e] != '\n' {
		e++
	}
	return b[s:e]
}

// FuzzForms lints any text as each request form: no internal failure, the
// invariants of every input (positions inside it, sorted, idempotent, no
// fixable finding left, no quoted secret), and only bodies and
// Content-Length changed.
func FuzzForms(f *testing.F) {
	for _, c := range loadCases(f) {
		if !json.Valid(c.in) {
			f.Add(c.in, uint8(0))
		}
	}
	f.Add([]byte("PATCH /deviceManagement/virtualEndpoint/onPremisesConnections/1\n\n{\"a\": {{x}}}"), uint8(1))
	f.Add([]byte("```http\nPOST https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/onPremisesConnections\n```\n```json\n{}\n```\n"), uint8(3))
	forms := []Form{"", FormHTTP, FormHTTPFile, FormMarkdown}
	f.Fuzz(func(t *testing.T, data []byte, form uint8) {
		opts := Options{Form: forms[int(form)%len(forms)]}
		res := Lint(data, opts)
		for _, fd := range res.Findings {
			if fd.Rule == "internal" {
				t.Fatalf("internal failure: %s", fd.Message)
			}
			if fd.Request < 0 || fd.Request >= max(1, len(res.Requests)) {
				t.Fatalf("finding %s has request %d of %d", fd.Rule, fd.Request, len(res.Requests))
			}
		}
		checkInvariants(t, data, opts, res)
	})
}

func TestFormOptionsChecked(t *testing.T) {
	if _, err := New(Options{Form: "yaml"}); err == nil || !strings.Contains(err.Error(), "unknown form") {
		t.Errorf("Form yaml: %v", err)
	}
	if _, err := New(Options{Method: "GET"}); err == nil || !strings.Contains(err.Error(), "unknown method") {
		t.Errorf("Method GET: %v", err)
	}
	for _, m := range []string{"", "patch", "POST"} {
		if _, err := New(Options{Method: m, Form: FormHTTP}); err != nil {
			t.Errorf("Method %q: %v", m, err)
		}
	}
	res := Lint([]byte(`{"displayName": "x"}`), Options{Method: "post", URL: "https://graph.microsoft.com/v1.0/deviceManagement/virtualEndpoint/onPremisesConnections?token=abc"})
	r := res.Requests[0]
	if r.Method != "POST" || r.Target != OnPremisesConnection || r.TargetFrom != "url" || strings.Contains(r.URL, "abc") {
		t.Errorf("implicit request: %+v", r)
	}
}

// A bare body with Options.URL naming an action is checked as that
// action's body.
func TestBareBodyURLAction(t *testing.T) {
	url := "https://graph.microsoft.com/v1.0/deviceManagement/virtualEndpoint/onPremisesConnections/9ec90ff8-fd63-4fb9-ab5a-aa4fdccf1234/updateAdDomainPassword"
	res := Lint([]byte(`{"displayName": "x"}`), Options{URL: url})
	rules := map[string]bool{}
	for _, f := range res.Findings {
		rules[f.Rule] = true
	}
	if !rules["required"] || !rules["unknown-property"] || res.Requests[0].Method != "POST" || res.Requests[0].API != "v1.0" {
		t.Errorf("findings %v, request %+v", rules, res.Requests[0])
	}
}
