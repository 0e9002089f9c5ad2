package validate

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestFileReportAndSummary(t *testing.T) {
	res := Lint([]byte(`{"displayName": " a", "healthCheckStatus": "Passed", "subnetId": "x"}`), Options{})
	f := NewFileReport("a.json", res, false)
	if f.Target != OnPremisesConnection || f.TargetFrom != "property subnetId" || len(f.Findings) != len(res.Findings) {
		t.Fatalf("entry %+v", f)
	}
	var s Summary
	s.Add(f)
	s.Add(NewFileReport("b.json", Lint([]byte(`{}`), Options{}), false))
	want := Summary{Files: 2, Errors: res.Count(SeverityError), Warnings: res.Count(SeverityWarning) + 1, Infos: res.Count(SeverityInfo)}
	for _, x := range res.Findings {
		if x.Fixable {
			want.Fixable++
		}
	}
	if s != want || s.Problems() != len(res.Findings)+1 {
		t.Errorf("summary %+v, want %+v", s, want)
	}
	b, err := json.Marshal(NewFileReport("-", Result{}, false))
	if err != nil || !strings.Contains(string(b), `"findings":[]`) || !strings.Contains(string(b), `"targetFrom":""`) {
		t.Errorf("empty entry %s, %v", b, err)
	}
}

// TestSummaryCountsOmitted: past the findings cap the summary counts every
// finding of the input, as Result.Count does, and not the summary finding.
func TestSummaryCountsOmitted(t *testing.T) {
	in := []byte(`{"DisplayName": " a ", "HealthCheckStatus": "Passed", "x1": 1, "x2": 2, "x3": 3}`)
	full := Lint(in, Options{Target: AzureConnection})
	capped := Lint(in, Options{Target: AzureConnection, MaxFindings: 2})
	if capped.Omitted == nil {
		t.Fatalf("the cap of 2 left nothing out of %d findings", len(full.Findings))
	}
	var a, b Summary
	a.Add(NewFileReport("a.json", full, false))
	b.Add(NewFileReport("a.json", capped, false))
	if a.Errors != b.Errors || a.Warnings != b.Warnings || a.Infos != b.Infos {
		t.Errorf("capped summary %+v, uncapped %+v", b, a)
	}
	if got := capped.Count(SeverityError) + capped.Count(SeverityWarning) + capped.Count(SeverityInfo); got != b.Problems() {
		t.Errorf("summary counts %d problems, the result %d", b.Problems(), got)
	}
}
