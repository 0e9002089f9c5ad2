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
