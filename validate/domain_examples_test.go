package validate

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// ruleFindings lints in for target and returns the findings of the given
// rules (all when none is given).
func ruleFindings(t *testing.T, in string, target Target, rules ...string) []Finding {
	t.Helper()
	res := Lint([]byte(in), Options{Target: target})
	var out []Finding
	for _, f := range res.Findings {
		if f.Rule == "internal" {
			t.Fatalf("internal failure: %s", f.Message)
		}
		if len(rules) == 0 || slices.Contains(rules, f.Rule) {
			out = append(out, f)
		}
	}
	return out
}

// spanText returns the input text a finding covers.
func spanText(in string, f Finding) string { return in[f.Start.Offset:f.End.Offset] }

// TestDocumentationDefects: the defects of graph-facts §7 rows 7 (malformed
// GUIDs), 8 (mismatched subscriptions), 11 (dcadmin) and 12 (OU spacing)
// are reported on the documentation's own payloads, copied into the golden
// cases example--*, at the segment or value at fault.
func TestDocumentationDefects(t *testing.T) {
	type want struct {
		rule, at string
		n        int // how many findings of the rule
	}
	post := []want{
		{"subscription-mismatch", "0ac520ee-14c0-480f-b6c9-0a90c585ad47", 3},
		{"username", `"dcadmin"`, 1},
		{"ou-spacing", " ", 1},
	}
	get := []want{{"guid", "0a90c58ffff", 1}, {"guid", "aa4fdccffff", 1}}
	update := []want{{"guid", "0a90c58ffff", 1}}
	for name, wants := range map[string][]want{
		"example--v1.0-virtualendpoint-post-onpremisesconnections.request":       post,
		"example--v1.0-virtualendpoint-post-onpremisesconnections.response":      post,
		"example--beta-virtualendpoint-post-onpremisesconnections.request":       post,
		"example--beta-virtualendpoint-post-onpremisesconnections.response":      post,
		"example--v1.0-cloudpconpremisesconnection-update.request":               update,
		"example--beta-cloudpconpremisesconnection-update.request":               update,
		"example--v1.0-cloudpconpremisesconnection-update.response":              update,
		"example--beta-cloudpconpremisesconnection-update.response":              update,
		"example--v1.0-cloudpconpremisesconnection-get.example1.response":        get,
		"example--beta-cloudpconpremisesconnection-get.example1.response":        get,
		"example--v1.0-cloudpconpremisesconnection-get.example2.response":        {{"guid", "aa4fdccffff", 1}},
		"example--beta-cloudpconpremisesconnection-get.example2a.response":       {{"guid", "aa4fdccffff", 1}},
		"example--beta-cloudpconpremisesconnection-get.example2b.response":       {{"guid", "aa4fdccffff", 1}},
		"example--beta-virtualendpoint-list-onpremisesconnections.response":      nil, // a list: not-object
		"example--stub-cloudmanageddesktop-update-azureconnections.request":      nil, // placeholders only
		"example--stub-cloudmanageddesktop-update-onpremisesconnections.request": nil,
	} {
		dir := filepath.Join("testdata", "golden", name)
		in, err := os.ReadFile(filepath.Join(dir, "input.json"))
		if err != nil {
			t.Fatal(err)
		}
		for _, target := range []Target{AzureConnection, OnPremisesConnection} {
			all := ruleFindings(t, string(in), target)
			for _, w := range wants {
				n := 0
				for _, f := range all {
					if f.Rule == w.rule && spanText(string(in), f) == w.at {
						n++
					}
				}
				if n != w.n {
					t.Errorf("%s (%s): %d %s findings at %q, want %d", name, target, n, w.rule, w.at, w.n)
				}
			}
			if wants == nil {
				for _, f := range all {
					if isDomainRule(f.Rule) {
						t.Errorf("%s (%s): unexpected %s", name, target, f)
					}
				}
			}
		}
	}
}

func isDomainRule(id string) bool {
	return slices.Contains([]string{"guid", "guid-case", "arm-id", "arm-id-case", "subscription-mismatch", "subnet-parent",
		"domain-name", "username", "ou-format", "ou-spacing", "ou-domain-mismatch"}, id)
}

// TestCleanPayloads: realistic payloads (golden cases clean--*) get no
// warning and no error from any rule.
func TestCleanPayloads(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join("testdata", "golden", "clean--*"))
	if len(dirs) < 4 {
		t.Fatalf("only %d clean payloads", len(dirs))
	}
	for _, c := range loadCases(t) {
		if !strings.HasPrefix(c.name, "clean--") {
			continue
		}
		res := Lint(c.in, c.opts)
		for _, f := range res.Findings {
			if f.Severity >= SeverityWarning {
				t.Errorf("%s: %s", c.name, f)
			}
		}
		if res.Changed {
			t.Errorf("%s: a clean payload was changed", c.name)
		}
	}
}
