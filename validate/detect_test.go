package validate

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestDetectTarget(t *testing.T) {
	const live = "https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/onPremisesConnections/0ac520ee"
	for _, tc := range []struct {
		name, body string
		opts       Options
		want       Target
		from       string
	}{
		{"empty object", `{}`, Options{}, AzureConnection, "default"},
		{"shared properties only", `{"displayName": "a", "adDomainName": "contoso.com"}`, Options{}, AzureConnection, "default"},
		{"explicit target wins", `{"connectionType": "azureADJoin"}`, Options{Target: AzureConnection}, AzureConnection, "flag"},
		{"explicit auto", `{"scopeIds": []}`, Options{Target: Auto}, OnPremisesConnection, "property scopeIds"},
		{"live url", `{"subNetId": "x"}`, Options{URL: live}, OnPremisesConnection, "url"},
		{"live url any case", `{}`, Options{URL: "/BETA/devicemanagement/VIRTUALENDPOINT/onpremisesconnections/1"}, OnPremisesConnection, "url"},
		{"stub url", `{"subnetId": "x"}`, Options{URL: "https://graph.microsoft.com/beta/deviceManagement/cloudManagedDesktop/azureConnections"}, AzureConnection, "url"},
		{"a url of another path is no evidence", `{}`, Options{URL: "https://graph.microsoft.com/v1.0/me"}, AzureConnection, "default"},
		{"api v1.0", `{"displayName": "a"}`, Options{API: "v1.0"}, OnPremisesConnection, "api"},
		{"api beta says nothing", `{"displayName": "a"}`, Options{API: "beta"}, AzureConnection, "default"},
		{"url beats @odata.type", `{"@odata.type": "#microsoft.graph.AzureConnection"}`, Options{URL: live}, OnPremisesConnection, "url"},
		{"stub @odata.type", `{"@odata.type": "#microsoft.graph.AzureConnection", "displayName": "a"}`, Options{}, AzureConnection, "@odata.type"},
		{"live @odata.type, no #, any case", `{"@odata.type": "Microsoft.Graph.CloudPcOnPremisesConnection"}`, Options{}, OnPremisesConnection, "@odata.type"},
		{"@odata.type beats a later key", `{"connectionType": "azureADJoin", "@odata.type": "#microsoft.graph.cloudPcOnPremisesConnection"}`, Options{}, OnPremisesConnection, "@odata.type"},
		{"live-only key", `{"displayName": "a", "subnetId": "x"}`, Options{}, OnPremisesConnection, "property subnetId"},
		{"first live-only key names it", `{"managedBy": "windows365", "connectionType": "azureADJoin"}`, Options{}, OnPremisesConnection, "property managedBy"},
		{"stub-only spelling", `{"subNetId": "x"}`, Options{}, AzureConnection, "property subNetId"},
		{"a case variant is no evidence", `{"SubnetId": "x"}`, Options{}, AzureConnection, "default"},
		{"mixed: stub type, live keys", `{"@odata.type": "#microsoft.graph.AzureConnection", "connectionType": "azureADJoin", "scopeIds": [], "displayName": "a"}`, Options{}, OnPremisesConnection, "mixed"},
		{"mixed: both spellings, tie to the default", `{"subNetId": "x", "subnetId": "y"}`, Options{}, AzureConnection, "mixed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := Lint([]byte(tc.body), tc.opts)
			if res.Target != tc.want || res.TargetFrom != tc.from {
				t.Errorf("got %s from %q, want %s from %q", res.Target, res.TargetFrom, tc.want, tc.from)
			}
			mixed := slices.ContainsFunc(res.Findings, func(f Finding) bool { return f.Rule == "mixed-target" })
			if mixed != (tc.from == "mixed") {
				t.Errorf("mixed-target finding: %v, want %v (%v)", mixed, tc.from == "mixed", res.Findings)
			}
		})
	}
}

// TestDetectEvidenceFromSchemas: the properties that only one target has
// come from the schemas, not from a list in the code.
func TestDetectEvidenceFromSchemas(t *testing.T) {
	all, err := models()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"connectionType", "scopeIds", "subnetId", "managedBy", "healthCheckStatusDetail", "inUseByCloudPc", "type"} {
		if !all[string(OnPremisesConnection)].only[name] {
			t.Errorf("%s is not evidence for onPremisesConnection", name)
		}
	}
	if got := all[string(AzureConnection)].only; len(got) != 1 || !got["subNetId"] {
		t.Errorf("azureConnection's own properties: %v, want subNetId alone", got)
	}
	for _, shared := range []string{"displayName", "@odata.type", "healthCheckStatusDetails", "adDomainPassword"} {
		for name, m := range all {
			if m.only[shared] {
				t.Errorf("%s counts as evidence for %s", shared, name)
			}
		}
	}
}

func TestTargetAuto(t *testing.T) {
	if got, err := ParseTarget("auto"); err != nil || got != Auto {
		t.Errorf("ParseTarget(auto) = %q, %v", got, err)
	}
	if Target("").String() != "auto" {
		t.Errorf("zero Target reads %q", Target("").String())
	}
	var tt Target
	if err := tt.UnmarshalText([]byte("auto")); err != nil || tt != Auto {
		t.Errorf("UnmarshalText(auto) = %q, %v", tt, err)
	}
	if b, _ := Target("").MarshalText(); string(b) != "auto" {
		t.Errorf("MarshalText of the zero Target = %s", b)
	}
	if _, err := Auto.Schema(); err == nil {
		t.Error("Auto has a schema")
	}
	if slices.Contains(Targets(), Auto) {
		t.Error("Targets lists auto, which names no schema")
	}
}

// TestAutoFixesFitTarget is the invariant of SPEC §3: under auto, no fix
// turns a key or a value into a form the detected target does not accept.
// Linting the normalized body for the detected target gives no more
// unknown-property, type or enum findings than the body itself had, and
// normalizing never changes the detected target — unless the fixes removed
// every piece of evidence (DropReadOnly dropping the only live-only keys,
// which are read-only), leaving a body that fits either target.
func TestAutoFixesFitTarget(t *testing.T) {
	type input struct {
		name string
		in   []byte
		opts Options
	}
	var inputs []input
	for _, c := range loadCases(t) {
		opts := c.opts
		opts.Target = Auto
		inputs = append(inputs, input{c.name, c.in, opts})
	}
	dir := filepath.Join("..", "testdata", "graph", "examples")
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(files) == 0 {
		t.Fatalf("no examples in %s", dir)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, drop := range []bool{false, true} {
			inputs = append(inputs, input{filepath.Base(f), b, Options{DropReadOnly: drop}})
		}
	}
	count := func(res Result) map[string]int {
		n := map[string]int{}
		for _, f := range res.Findings {
			switch f.Rule {
			case "unknown-property", "type", "enum":
				n[f.Rule]++
			}
		}
		return n
	}
	for _, c := range inputs {
		res := Lint(c.in, c.opts)
		if !res.Changed {
			continue
		}
		explicit := c.opts
		explicit.Target = res.Target
		before := count(Lint(c.in, explicit))
		after := count(Lint(res.Normalized, explicit))
		for rule, n := range after {
			if n > before[rule] {
				t.Errorf("%s: under auto (%s from %s) the fixes add %s findings (%d → %d):\n%s", c.name, res.Target, res.TargetFrom, rule, before[rule], n, res.Normalized)
			}
		}
		if again := Lint(res.Normalized, c.opts); again.Target != res.Target && again.TargetFrom != "default" {
			t.Errorf("%s: normalizing changes the detected target from %s (%s) to %s (%s)", c.name, res.Target, res.TargetFrom, again.Target, again.TargetFrom)
		}
	}
}

func TestNewChecksOptions(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts Options
		ok   bool
	}{
		{"zero", Options{}, true},
		{"every target", Options{Target: OnPremisesConnection, API: "v1.0", Ignore: []string{"enum-case", "syntax"}}, true},
		{"unknown target", Options{Target: "onPrem"}, false},
		{"unknown rule", Options{Ignore: []string{"enum-case", "enum_case"}}, false},
		{"negative size", Options{MaxSize: -1}, false},
		{"negative depth", Options{MaxDepth: -5}, false},
		{"unknown api", Options{API: "v2"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, err := New(tc.opts)
			if (err == nil) != tc.ok || (l != nil) != tc.ok {
				t.Fatalf("New = %v, %v", l, err)
			}
			res := Lint([]byte(`{"displayName": "a"}`), tc.opts)
			internal := len(res.Findings) == 1 && res.Findings[0].Rule == "internal"
			if internal == tc.ok {
				t.Errorf("Lint findings %v", res.Findings)
			}
			if !tc.ok && res.Findings[0].Message != err.Error() {
				t.Errorf("Lint says %q, New says %q", res.Findings[0].Message, err)
			}
		})
	}
}
