package validate

import (
	"encoding/json"
	"testing"
)

// TestListRequests: past MaxRequestsListed, only the requests a listed
// finding refers to are written; the others are null up to the last one
// referred to, the tail is dropped, and requestsOmitted counts both.
func TestListRequests(t *testing.T) {
	n := MaxRequestsListed + 500
	reqs := make([]Request, n)
	for i := range reqs {
		reqs[i] = Request{Method: "PATCH", URL: "u"}
	}
	for _, tc := range []struct {
		name      string
		refs      []int
		wantLen   int
		wantNulls int
	}{
		{"none past the first", []int{0, 5}, MaxRequestsListed, 0},
		{"one past", []int{3, MaxRequestsListed + 10}, MaxRequestsListed + 11, 10},
		{"the last", []int{n - 1}, n, 499},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var fs []Finding
			for _, r := range tc.refs {
				fs = append(fs, Finding{Rule: "enum", Severity: SeverityError, Request: r})
			}
			rep := NewFileReport("a.http", Result{Form: FormHTTPFile, Requests: reqs, Findings: fs}, false)
			rep.ListRequests()
			b, err := json.Marshal(rep)
			if err != nil {
				t.Fatal(err)
			}
			var back struct {
				Requests        []*struct{ Method string }
				RequestsOmitted int
			}
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatal(err)
			}
			nulls := 0
			for _, r := range back.Requests {
				if r == nil {
					nulls++
				}
			}
			if len(back.Requests) != tc.wantLen || nulls != tc.wantNulls || back.RequestsOmitted != n-tc.wantLen+nulls {
				t.Errorf("%d requests, %d null, requestsOmitted %d; want %d, %d null, %d", len(back.Requests), nulls, back.RequestsOmitted, tc.wantLen, tc.wantNulls, n-tc.wantLen+tc.wantNulls)
			}
			for _, r := range tc.refs {
				if back.Requests[r] == nil {
					t.Errorf("request %d, referred to, is null", r)
				}
			}
			var again FileReport
			if err := json.Unmarshal(b, &again); err != nil || again.Requests[tc.wantLen-1].Omitted() {
				t.Errorf("read back: %v; last listed request omitted", err)
			}
		})
	}
	if reqs[MaxRequestsListed+1].Omitted() {
		t.Error("ListRequests changed the caller's requests")
	}
}
