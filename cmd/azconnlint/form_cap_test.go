package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestFormCap: the findings cap bounds a whole .http file, request-level
// and template-value findings included (issue 24): a 200 KiB file of 40
// requests, each with hundreds of findings, gives at most --max-findings
// findings plus one too-many-findings, whose counts add up to every
// finding, and a JSON report that grows with what it lists only.
func TestFormCap(t *testing.T) {
	var body strings.Builder
	body.WriteString(`{"displayName": " x ", "connectionType": "nope"`)
	for i := 0; body.Len() < 5<<10; i++ {
		body.WriteString(`, "k` + string(rune('a'+i%26)) + strings.Repeat("x", i/26) + `": {{v}}`)
	}
	body.WriteString("}\n")
	req := "###\nPATCH https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/onPremisesConnections/9ec90ff8-fd63-4fb9-ab5a-aa4fdccf1234\nContent-Type: text/plain\n\n" + body.String() + "\n"
	in := strings.Repeat(req, 40)
	_, all, _ := runCLI(t, in, "--format", "json", "--max-findings", "1000000", "--stdin-filename", "big.http")
	var uncapped struct {
		Summary struct{ Errors, Warnings, Infos int }
	}
	if err := json.Unmarshal([]byte(all), &uncapped); err != nil {
		t.Fatal(err)
	}
	for _, limit := range []string{"1000", "10"} {
		_, stdout, _ := runCLI(t, in, "--format", "json", "--max-findings", limit, "--stdin-filename", "big.http")
		var rep struct {
			Files []struct {
				Findings []struct{ Rule string }
				Omitted  map[string]int
			}
			Summary struct{ Errors, Warnings, Infos int }
		}
		if err := json.Unmarshal([]byte(stdout), &rep); err != nil || len(rep.Files) != 1 {
			t.Fatalf("--max-findings %s: %v", limit, err)
		}
		f := rep.Files[0]
		n, capped := len(f.Findings), 0
		for _, g := range f.Findings {
			if g.Rule == "too-many-findings" {
				capped++
			}
		}
		want := map[string]int{"1000": 1001, "10": 11}[limit]
		if n != want || capped != 1 {
			t.Errorf("--max-findings %s: %d findings with %d too-many-findings, want %d with 1", limit, n, capped, want)
		}
		// Each request: an enum error and an unknown-property error per
		// key, a content-type warning, a template-value info per key…;
		// the summary counts every one.
		total := rep.Summary.Errors + rep.Summary.Warnings + rep.Summary.Infos
		if total < 40*400 || rep.Summary != uncapped.Summary {
			t.Errorf("--max-findings %s: summary %+v, want every finding counted as without the cap: %+v", limit, rep.Summary, uncapped.Summary)
		}
		// The report grows with what it lists, not with the input: at
		// most 1 KiB per finding listed and per request.
		if bound := (want + 40) << 10; len(stdout) > bound {
			t.Errorf("--max-findings %s: %d bytes of JSON for %d findings listed (bound %d)", limit, len(stdout), want, bound)
		}
	}
}
