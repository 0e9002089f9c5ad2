package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/azconn/azconn/validate"
)

// capConn is a connection's URL, as the request forms target it.
const capConn = "https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/onPremisesConnections"

// capShapes are 4 MiB .http files that once gave a JSON report of 7-337 MB
// (issue 24): many small requests each with findings, requests that are
// only a request line (1 MiB of them), a body of 700,000 {{v}} values, a request of
// 200,000 templated members.
var capShapes = map[string]func(max int) string{
	"requests with findings": func(max int) string {
		req := "###\nPATCH " + capConn + "/9ec90ff8-fd63-4fb9-ab5a-aa4fdccf1234\nContent-Type: application/json\n\n" +
			`{"displayName": " x ", "connectionType": "nope"}` + "\n\n"
		return strings.Repeat(req, max/len(req))
	},
	"request lines": func(max int) string {
		// A quarter of the size: 75,000 requests are 20 MB of JSON
		// listed whole, and 300,000 take 20 s to lint on a loaded
		// machine (205-210 MB RSS: README).
		max /= 4
		head, req := "@h = "+capConn+"\n", "###\nGET {{h}}\n"
		return head + strings.Repeat(req, (max-len(head))/len(req))
	},
	"values": func(max int) string {
		head, tail := "PATCH "+capConn+"/x\nContent-Type: application/json\n\n"+`{"displayName": [`, "{{v}}]}\n"
		return head + strings.Repeat("{{v}},", (max-len(head)-len(tail))/6) + tail
	},
	"members": func(max int) string {
		var b strings.Builder
		b.WriteString("PATCH " + capConn + "/x\nContent-Type: application/json\n\n{\"displayName\": \"x\"")
		for i := 0; b.Len() < max-40; i++ {
			b.WriteString(`, "k` + strconv.Itoa(i) + `": "{{v}}"`)
		}
		b.WriteString("}\n")
		return b.String()
	},
}

// TestJSONReportCap: any 4 MiB .http file gives under 5 MB of --format json
// and, where the child's peak RSS can be read, under 300 MB of memory; each
// listed finding's request still indexes requests[], whose entries past the
// first validate.MaxRequestsListed are null unless a listed finding refers
// to them (README: json). Sizes, not times: nothing is retried.
func TestJSONReportCap(t *testing.T) {
	if testing.Short() {
		t.Skip("4 MiB inputs through the built command (-short)")
	}
	bin, dir := cliBinary(t), t.TempDir()
	for name, gen := range capShapes {
		t.Run(name, func(t *testing.T) {
			in := gen(validate.DefaultMaxSize)
			path := filepath.Join(dir, "big.http")
			if err := os.WriteFile(path, []byte(in), 0o644); err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			cmd := exec.Command(bin, "--format", "json", path)
			cmd.Stdout = &out
			if err := cmd.Run(); err != nil && cmd.ProcessState.ExitCode() > 1 {
				t.Fatalf("%v", err)
			}
			if out.Len() >= 5e6 {
				t.Errorf("%d bytes of JSON for %d bytes of input, want < 5 MB", out.Len(), len(in))
			}
			rss, ok := maxRSS(cmd.ProcessState)
			if ok && rss >= 300<<20 {
				t.Errorf("peak RSS %d MB, want < 300 MB", rss>>20)
			}
			checkRequestIndexes(t, out.Bytes())
			t.Logf("%d bytes in, %d bytes of JSON, peak RSS %d MB", len(in), out.Len(), rss>>20)
		})
	}
}

// checkRequestIndexes: every listed finding's request is a listed (not
// null) entry of requests[], and requestsOmitted counts the rest.
func checkRequestIndexes(t *testing.T, report []byte) {
	t.Helper()
	var rep struct {
		Files []struct {
			Findings []struct {
				Rule    string
				Request int
			}
			Requests        []*json.RawMessage
			RequestsOmitted int
		}
	}
	if err := json.Unmarshal(report, &rep); err != nil || len(rep.Files) != 1 {
		t.Fatalf("report: %v", err)
	}
	f := rep.Files[0]
	nulls := 0
	for _, r := range f.Requests {
		if r == nil {
			nulls++
		}
	}
	if len(f.Requests) > validate.MaxRequestsListed && nulls == 0 {
		t.Errorf("%d requests listed past %d, none null", len(f.Requests), validate.MaxRequestsListed)
	}
	if nulls > f.RequestsOmitted {
		t.Errorf("%d null requests, requestsOmitted %d", nulls, f.RequestsOmitted)
	}
	for i, x := range f.Findings {
		if x.Rule == "too-many-findings" {
			continue
		}
		if x.Request < 0 || x.Request >= len(f.Requests) || f.Requests[x.Request] == nil {
			t.Fatalf("finding %d (%s): request %d is not listed (%d requests)", i, x.Rule, x.Request, len(f.Requests))
		}
	}
}

// TestFoldNulls: runs of null array elements share a line; the JSON is
// the same, and a lone null or an object member's null is as it was.
func TestFoldNulls(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"\n  [\n    null,\n    null,\n    null\n  ]", "\n  [\n    null, null, null\n  ]"},
		{"\n  [\n    {},\n    null,\n    null,\n    {}\n  ]", "\n  [\n    {},\n    null, null,\n    {}\n  ]"},
		{"\n  [\n    null\n  ]", "\n  [\n    null\n  ]"},
		{"\n  {\n    \"a\": null,\n    \"b\": null\n  }", "\n  {\n    \"a\": null,\n    \"b\": null\n  }"},
	} {
		if got := string(foldNulls([]byte(tc.in))); got != tc.want {
			t.Errorf("foldNulls(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
