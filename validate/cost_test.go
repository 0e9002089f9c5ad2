package validate

import (
	"reflect"
	"testing"
)

// Duplicate keys past the cap are counted, not built: the result is the
// one building them all gives (listed findings, counts, the summary).
func TestDuplicateKeysPastCapCounted(t *testing.T) {
	for _, in := range [][]byte{
		repeatTo(20000, "{", `"é":1`, ",", "}"),
		repeatTo(20000, "{", `"é":1`, ",", `,"x":}`), // and a syntax error at the end
		repeatTo(20000, `{"a":{`, `"b":1,"b":2`, ",", `},"connectionType":"Nope","a":3}`),
	} {
		for _, limit := range []int{1, 10, DefaultMaxFindings} {
			got := Lint(in, Options{MaxFindings: limit})
			// All built: a cap past the number of findings, then capped
			// the same way by hand.
			all := Lint(in, Options{MaxFindings: 1 << 30})
			if got.Count(SeverityError) != all.Count(SeverityError) || got.Count(SeverityWarning) != all.Count(SeverityWarning) {
				t.Errorf("limit %d: %d errors, %d warnings; all built: %d, %d", limit, got.Count(SeverityError), got.Count(SeverityWarning), all.Count(SeverityError), all.Count(SeverityWarning))
			}
			if len(got.Findings) != limit+1 || got.Findings[len(got.Findings)-1].Rule == "" {
				t.Errorf("limit %d: %d findings listed", limit, len(got.Findings))
			}
			// The listed ones are the first blocking ones by position.
			var want []Finding
			for _, f := range all.Findings {
				if blocking[f.Rule] && len(want) < limit {
					want = append(want, f)
				}
			}
			var listed []Finding
			for _, f := range got.Findings {
				if f.Rule != "too-many-findings" {
					listed = append(listed, f)
				}
			}
			if !reflect.DeepEqual(listed, want) {
				t.Errorf("limit %d: listed %d findings, not the first %d blocking ones", limit, len(listed), len(want))
			}
		}
	}
}
