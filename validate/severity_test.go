package validate

import (
	"strings"
	"testing"
)

// TestSeverityOverride checks that Options.Severity changes the severity of
// a rule's findings inside the engine, in every form, so that Fails and
// Count agree with what is listed.
func TestSeverityOverride(t *testing.T) {
	const body = `{"displayName": "Contoso", "healthCheckStatus": "Passed", "inUse": "Boolean"}`
	const request = "PATCH https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/onPremisesConnections/1\n\n" + `{"displayName": "Contoso"}`
	tests := []struct {
		name   string
		input  string
		over   map[string]Severity
		rule   string
		want   Severity // of every finding of rule
		fails  bool     // Fails(SeverityError)
		errors int      // Count(SeverityError)
	}{
		{"no override", body, nil, "placeholder", SeverityWarning, false, 0},
		{"raised", body, map[string]Severity{"placeholder": SeverityError}, "placeholder", SeverityError, true, 1},
		{"two raised", body, map[string]Severity{"placeholder": SeverityError, "enum-case": SeverityError}, "enum-case", SeverityError, true, 2},
		{"lowered", `{"displayName": ""}`, map[string]Severity{"display-name": SeverityInfo}, "display-name", SeverityInfo, false, 0},
		{"other rule untouched", `{"displayName": ""}`, map[string]Severity{"placeholder": SeverityInfo}, "display-name", SeverityError, true, 1},
		{"request-level rule", request, map[string]Severity{"content-type": SeverityError}, "content-type", SeverityError, true, 1},
		{"bom of a request", "\uFEFF" + request, map[string]Severity{"bom": SeverityInfo}, "bom", SeverityInfo, false, 0},
		{"bom of a body", "\uFEFF" + `{"displayName": "C"}`, map[string]Severity{"bom": SeverityError}, "bom", SeverityError, true, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Lint([]byte(tt.input), Options{Severity: tt.over, Target: OnPremisesConnection})
			seen := 0
			for _, f := range res.Findings {
				if f.Rule == "internal" {
					t.Fatalf("internal finding: %s", f.Message)
				}
				if f.Rule == tt.rule {
					seen++
					if f.Severity != tt.want {
						t.Errorf("%s at %s: severity %s, want %s", f.Rule, f.Start, f.Severity, tt.want)
					}
				}
			}
			if seen == 0 {
				t.Fatalf("no %s finding in %v", tt.rule, res.Findings)
			}
			if got := res.Fails(SeverityError); got != tt.fails {
				t.Errorf("Fails(error) = %v, want %v (%v)", got, tt.fails, res.Findings)
			}
			if got := res.Count(SeverityError); got != tt.errors {
				t.Errorf("Count(error) = %d, want %d (%v)", got, tt.errors, res.Findings)
			}
		})
	}
}

// TestSeverityOverrideOmitted checks that findings left out past the cap
// are counted at their overridden severity.
func TestSeverityOverrideOmitted(t *testing.T) {
	body := `{"displayName": "Contoso", "healthCheckStatus": "Passed", "inUse": "Boolean", "id": "String"}`
	res := Lint([]byte(body), Options{MaxFindings: 1, Severity: map[string]Severity{"read-only": SeverityError, "placeholder": SeverityError, "enum-case": SeverityError}})
	if res.Omitted == nil {
		t.Fatalf("nothing omitted: %v", res.Findings)
	}
	if res.Omitted[SeverityWarning] != 0 {
		t.Errorf("omitted warnings %d, want 0 (all raised to error): %v", res.Omitted[SeverityWarning], res.Omitted)
	}
	if res.Count(SeverityError) < 3 {
		t.Errorf("Count(error) = %d, want at least 3", res.Count(SeverityError))
	}
}

// TestSeverityOverrideRejected checks that New refuses overrides it cannot
// apply, naming each.
func TestSeverityOverrideRejected(t *testing.T) {
	tests := []struct {
		name string
		over map[string]Severity
		want []string
	}{
		{"unknown rule", map[string]Severity{"no-such-rule": SeverityError}, []string{`unknown rule ID "no-such-rule" in Severity`}},
		{"zero severity", map[string]Severity{"placeholder": 0}, []string{`invalid severity 0 for rule "placeholder"`}},
		{"both, in rule order", map[string]Severity{"zz": SeverityInfo, "guid": 9}, []string{`invalid severity 9 for rule "guid"`, `unknown rule ID "zz"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(Options{Severity: tt.over})
			if err == nil {
				t.Fatal("New accepted the overrides")
			}
			last := -1
			for _, w := range tt.want {
				i := strings.Index(err.Error(), w)
				if i < 0 || i < last {
					t.Errorf("error %q lacks %q in order", err, w)
				}
				last = i
			}
		})
	}
	if _, err := New(Options{Severity: map[string]Severity{"guid": SeverityInfo}}); err != nil {
		t.Errorf("a valid override was refused: %v", err)
	}
}

// TestPointerRules checks that a pointer-scoped override applies at its
// pointer and under it only, that later entries win, and that a rule
// turned off there is neither reported nor fixed there.
func TestPointerRules(t *testing.T) {
	const body = `{"displayName": " Contoso ", "adDomainName": " contoso.com ", "healthCheckStatus": "Passed"}`
	tests := []struct {
		name  string
		rules []PointerRule
		want  map[string]string // pointer of each whitespace finding → severity, or "" when absent
		fixed bool              // the displayName whitespace fix applied
	}{
		{"none", nil, map[string]string{"/displayName": "info", "/adDomainName": "info"}, true},
		{"one raised", []PointerRule{{Pointer: "/displayName", Rule: "whitespace", Severity: SeverityError}},
			map[string]string{"/displayName": "error", "/adDomainName": "info"}, true},
		{"one off", []PointerRule{{Pointer: "/displayName", Rule: "whitespace", Off: true}},
			map[string]string{"/displayName": "", "/adDomainName": "info"}, false},
		{"whole body", []PointerRule{{Pointer: "", Rule: "whitespace", Severity: SeverityWarning}},
			map[string]string{"/displayName": "warning", "/adDomainName": "warning"}, true},
		{"later wins", []PointerRule{{Pointer: "", Rule: "whitespace", Off: true}, {Pointer: "/displayName", Rule: "whitespace", Severity: SeverityWarning}},
			map[string]string{"/displayName": "warning", "/adDomainName": ""}, true},
		{"prefix is not a parent", []PointerRule{{Pointer: "/display", Rule: "whitespace", Off: true}},
			map[string]string{"/displayName": "info", "/adDomainName": "info"}, true},
		{"other rule", []PointerRule{{Pointer: "/displayName", Rule: "enum-case", Off: true}},
			map[string]string{"/displayName": "info", "/adDomainName": "info"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Lint([]byte(body), Options{PointerRules: tt.rules})
			got := map[string]string{"/displayName": "", "/adDomainName": ""}
			for _, f := range res.Findings {
				if f.Rule == "internal" {
					t.Fatal(f.Message)
				}
				if f.Rule == "whitespace" {
					got[f.Pointer] = f.Severity.String()
				}
			}
			for ptr, w := range tt.want {
				if got[ptr] != w {
					t.Errorf("whitespace at %s: %q, want %q", ptr, got[ptr], w)
				}
			}
			if fixed := strings.Contains(string(res.Normalized), `"displayName": "Contoso"`); fixed != tt.fixed {
				t.Errorf("displayName fixed = %v, want %v:\n%s", fixed, tt.fixed, res.Normalized)
			}
		})
	}
	if _, err := New(Options{PointerRules: []PointerRule{{Pointer: "displayName", Rule: "whitespace", Off: true}}}); err == nil || !strings.Contains(err.Error(), "not a JSON Pointer") {
		t.Errorf("a pointer without / was accepted: %v", err)
	}
	if _, err := New(Options{PointerRules: []PointerRule{{Pointer: "/x", Rule: "nope", Off: true}}}); err == nil || !strings.Contains(err.Error(), `unknown rule ID "nope" in PointerRules[0]`) {
		t.Errorf("an unknown rule was accepted: %v", err)
	}
	if _, err := New(Options{PointerRules: []PointerRule{{Pointer: "/x", Rule: "guid"}}}); err == nil || !strings.Contains(err.Error(), "invalid severity 0") {
		t.Errorf("a zero severity was accepted: %v", err)
	}
}
