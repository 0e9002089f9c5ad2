package validate

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestResultErr(t *testing.T) {
	res := Lint([]byte(`{"displayName": 42, "subnetId": "x", "connectionType": "HybridAzureADJoin"}`), Options{Target: OnPremisesConnection})
	for _, min := range []Severity{SeverityInfo, SeverityWarning, SeverityError} {
		err := res.Err(min)
		var fe *FindingsError
		if !errors.As(err, &fe) {
			t.Fatalf("Err(%s) = %v", min, err)
		}
		want := 0
		for _, f := range res.Findings {
			if f.Severity >= min {
				want++
			}
		}
		if len(fe.Findings) != want || fe.Min != min || !strings.HasPrefix(err.Error(), "azconn: "+fe.Findings[0].String()) {
			t.Errorf("Err(%s): %d findings, want %d; %q", min, len(fe.Findings), want, err)
		}
	}
	if err := Lint([]byte(`{"displayName": "x"}`), Options{}).Err(SeverityInfo); err != nil {
		t.Errorf("a clean body: %v", err)
	}
	// Findings omitted past the cap still fail, and are counted.
	capped := Lint([]byte(`{"displayName": 1, "description": 2, "adDomainName": 3}`), Options{MaxFindings: 1})
	var fe *FindingsError
	if !errors.As(capped.Err(SeverityError), &fe) || len(fe.Findings)+fe.Omitted < 3 || slices.ContainsFunc(fe.Findings, func(f Finding) bool { return f.Rule == "too-many-findings" }) {
		t.Errorf("capped: %+v", fe)
	}
}

func TestFindingStringAndPath(t *testing.T) {
	for _, tc := range []struct {
		f    Finding
		str  string
		path []string
	}{
		{Finding{Rule: "type", Severity: SeverityError, Message: "m", Pointer: "/a~1b/0/c~0d", Start: Pos{1, 63, 62}}, "1:63 /a~1b/0/c~0d: error: m [type]", []string{"a/b", "0", "c~d"}},
		{Finding{Rule: "syntax", Severity: SeverityError, Message: "m", Start: Pos{2, 1, 5}}, "2:1: error: m [syntax]", nil},
		{Finding{Rule: "x", Severity: SeverityInfo, Message: "m", Pointer: "/", Start: Pos{1, 1, 0}}, "1:1 /: info: m [x]", []string{""}},
	} {
		if got := tc.f.String(); got != tc.str {
			t.Errorf("String() = %q, want %q", got, tc.str)
		}
		if got := tc.f.Path(); !slices.Equal(got, tc.path) || (got == nil) != (tc.path == nil) {
			t.Errorf("Path() = %q, want %q", got, tc.path)
		}
	}
}

// Misuse answered consistently: bad options, nil input, over-limit input
// and every form keep the implicit request, a concrete Target, and
// findings whose Request indexes Requests — code written to the docs does
// not panic.
func TestMisuse(t *testing.T) {
	big := make([]byte, 2<<10)
	for i := range big {
		big[i] = ' '
	}
	for _, tc := range []struct {
		name string
		in   []byte
		opts Options
	}{
		{"bad options", []byte(`{}`), Options{Target: "nope", MaxSize: -1, Ignore: []string{"no-such-rule"}, Form: "yaml", Method: "GET", API: "v2", Hosts: []string{"a/b"}}},
		{"bad options, http text", []byte("PATCH https://graph.microsoft.com/beta/x\n\n{}"), Options{MaxDepth: -1}},
		{"nil input", nil, Options{}},
		{"nil input, http form", nil, Options{Form: FormHTTP}},
		{"empty input, markdown form", []byte{}, Options{Form: FormMarkdown}},
		{"over the limit", big, Options{MaxSize: 1 << 10}},
		{"over the limit, http form", big, Options{MaxSize: 1 << 10, Form: FormHTTP}},
		{"over the limit, url", big, Options{MaxSize: 1 << 10, URL: liveItem}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := Lint(tc.in, tc.opts)
			if res.Target == Auto || res.Target == "" || res.TargetFrom == "" {
				t.Errorf("Target %q from %q", res.Target, res.TargetFrom)
			}
			if len(res.Findings) == 0 && tc.in != nil && len(tc.in) > 0 {
				t.Errorf("no finding")
			}
			for _, f := range res.Findings {
				if f.Request < 0 || f.Request >= len(res.Requests) {
					t.Fatalf("finding %v indexes request %d of %d", f, f.Request, len(res.Requests))
				}
				r := res.Requests[f.Request]
				if r.Target == Auto || r.Target == "" {
					t.Errorf("request target %q", r.Target)
				}
			}
		})
	}
	_, err := New(Options{Target: "nope", MaxSize: -1, Ignore: []string{"no-such-rule"}, Hosts: []string{""}})
	var oe *OptionError
	if !errors.As(err, &oe) || oe.Field != "Target" || oe.Value != "nope" || !slices.Contains(oe.Allowed, string(OnPremisesConnection)) {
		t.Fatalf("New: %v (%+v)", err, oe)
	}
	var fields []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		if errors.As(e, &oe) {
			fields = append(fields, oe.Field)
		}
	}
	if !slices.Equal(fields, []string{"Target", "MaxSize", "Hosts", "Ignore"}) {
		t.Errorf("fields %v", fields)
	}
}

// A syntax finding carries the pointer of the innermost open value, its
// secrets masked.
func TestSyntaxPointer(t *testing.T) {
	for _, tc := range []struct{ in, ptr string }{
		{`{"a": {"b": [1, {"c": tru}]}}`, "/a/b/1/c"},
		{`{"a": [1, 2,]}`, "/a"},
		{`{"a": 1 "b": 2}`, ""},
		{`{"a/b~": {"x" 1}}`, "/a~1b~0/x"},
		{`[{"a": 1}, {"b": `, "/1/b"},
		{`{"adDomainPassword": "hunter22", "hunter22": {"x": tru}}`, "/********/x"},
	} {
		res := Lint([]byte(tc.in), Options{})
		if len(res.Findings) == 0 || res.Findings[0].Rule != "syntax" || res.Findings[0].Pointer != tc.ptr {
			t.Errorf("%s: %v, want pointer %q", tc.in, res.Findings, tc.ptr)
		}
	}
}
