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
