package validate

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// realTargetFlag forces a target on the real bodies, to read their findings
// under a target that detection did not choose; goldens are then neither
// compared nor written. The test proper lints with the zero Options, as a
// user who runs `azconnlint FILE` does.
var realTargetFlag = flag.String("real.target", "", "lint the bodies of testdata/real with this target instead of the zero Options")

// realMetadataDir holds Microsoft's own metadata for the live type; the
// test reads it at run time, so a body is judged by what the service
// declares, not by our schema.
const realMetadataDir = "../testdata/graph/metadata"

// realCase is one folder of testdata/real: a request body that someone else
// wrote for the live API, its SOURCE, and the goldens.
type realCase struct {
	name string
	dir  string
	in   []byte
}

func loadRealCases(t *testing.T) []realCase {
	t.Helper()
	dirs, err := filepath.Glob(filepath.Join("testdata", "real", "*"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []realCase
	for _, dir := range dirs {
		in, err := os.ReadFile(filepath.Join(dir, "input.json"))
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		if src, err := os.ReadFile(filepath.Join(dir, "SOURCE")); err != nil || len(bytes.TrimSpace(src)) == 0 {
			t.Fatalf("%s: every real body needs a SOURCE that says where it came from", dir)
		}
		cases = append(cases, realCase{name: filepath.Base(dir), dir: dir, in: in})
	}
	// Issue 11 asks for at least 10; fewer means bodies were lost.
	if len(cases) < 12 {
		t.Fatalf("testdata/real holds %d bodies, want at least 12", len(cases))
	}
	return cases
}

// TestReal lints every real body as its author would (the zero Options),
// compares with the goldens, and holds issue 11's acceptance on it: no
// unknown-property or type error that Microsoft's metadata contradicts, no
// fix that turns a live key into one the live API lacks, a fixed body that
// is detected as the same target, that the target accepts and that keeps
// every settable value.
func TestReal(t *testing.T) {
	meta := loadLiveMetadata(t)
	for _, c := range loadRealCases(t) {
		t.Run(c.name, func(t *testing.T) {
			opts := Options{Target: Target(*realTargetFlag)}
			res := Lint(c.in, opts)
			if *realTargetFlag == "" { // goldens hold what a user gets: the zero Options
				checkRealGolden(t, filepath.Join(c.dir, "findings.golden"), renderRealFindings(res))
				checkRealGolden(t, filepath.Join(c.dir, "normalized.golden"), res.Normalized)
			}
			checkInvariants(t, c.in, opts, res)
			target := realTarget(res, opts)
			for _, p := range metadataDisagreements(meta, c.in, res) {
				t.Error(p)
			}
			for _, p := range keysLeavingLive(meta, c.in, res.Normalized) {
				t.Error(p)
			}
			if again := Lint(res.Normalized, opts); again.Target != target {
				t.Errorf("the fixed body is detected as %s (from %s), the input as %s (from %s)", again.Target, again.TargetFrom, target, res.TargetFrom)
			}
			checkFixAccepted(t, target, res)
			checkSettableKept(t, target, c.in, res.Normalized)
		})
	}
}

// renderRealFindings is the findings golden of a real body: the target
// used and why, then the findings as the other goldens write them.
func renderRealFindings(res Result) []byte {
	head := fmt.Sprintf("target: %s (from %s)\n", res.Target, res.TargetFrom)
	return append([]byte(head), renderFindings(res.Findings)...)
}

// checkRealGolden is checkGolden without stopping the case when a golden
// is missing: a body whose findings hold a false positive has no golden
// (none may encode one), and its acceptance checks must still run.
func checkRealGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if _, err := os.Stat(path); err != nil && !*update {
		t.Errorf("%s is missing: a real body has none while its findings hold a false positive (see the failures below); otherwise run go test ./validate -run TestReal -update and read the diff", path)
		return
	}
	checkGolden(t, path, got)
}

// realTarget is the target Lint used for the body.
func realTarget(res Result, _ Options) Target {
	return res.Target
}

// liveMetadata is what Microsoft's metadata says of cloudPcOnPremisesConnection:
// the property names of beta and v1.0, and the v1.0 CSDL types.
type liveMetadata struct {
	names map[string]bool         // beta ∪ v1.0 property names
	csdl  map[string]csdlProperty // v1.0 properties by name
	beta  map[string]string       // beta-only properties: a JSON kind
}

type csdlProperty struct {
	Name     string `xml:"Name,attr"`
	Type     string `xml:"Type,attr"`
	Nullable string `xml:"Nullable,attr"`
}

func loadLiveMetadata(t *testing.T) liveMetadata {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(realMetadataDir, "type-mapping.json"))
	if err != nil {
		t.Fatalf("%v (the metadata is kept in testdata/graph/metadata at the repository root)", err)
	}
	var mapping map[string]json.RawMessage
	if err := json.Unmarshal(raw, &mapping); err != nil {
		t.Fatal(err)
	}
	m := liveMetadata{names: map[string]bool{}, csdl: map[string]csdlProperty{}}
	for _, api := range []string{"beta", "v1.0"} {
		var types map[string]json.RawMessage
		if err := json.Unmarshal(mapping[api], &types); err != nil {
			t.Fatalf("type-mapping.json %s: %v", api, err)
		}
		var entity struct{ Properties []string }
		if err := json.Unmarshal(types["cloudPcOnPremisesConnection"], &entity); err != nil || len(entity.Properties) == 0 {
			t.Fatalf("type-mapping.json %s: no cloudPcOnPremisesConnection properties (%v)", api, err)
		}
		for _, p := range entity.Properties {
			m.names[p] = true
		}
	}
	x, err := os.ReadFile(filepath.Join(realMetadataDir, "v1.0-cloudPcOnPremisesConnection.csdl.xml"))
	if err != nil {
		t.Fatal(err)
	}
	// The excerpt is a sequence of CSDL elements, not one document: wrap it.
	var doc struct {
		Entities []struct {
			Name       string         `xml:"Name,attr"`
			Properties []csdlProperty `xml:"Property"`
		} `xml:"EntityType"`
	}
	if err := xml.Unmarshal(append(append([]byte("<r>"), x...), "</r>"...), &doc); err != nil {
		t.Fatalf("CSDL excerpt: %v", err)
	}
	for _, e := range doc.Entities {
		if e.Name == "cloudPcOnPremisesConnection" {
			for _, p := range e.Properties {
				m.csdl[p.Name] = p
			}
		}
	}
	if len(m.csdl) == 0 {
		t.Fatal("CSDL excerpt: no cloudPcOnPremisesConnection properties")
	}
	// Beta-only properties have names but no types in the metadata at hand;
	// their kinds follow the beta SDK's models (facts §1.3): type and
	// managedBy are enums, the other two complex types.
	m.beta = map[string]string{"type": "string", "managedBy": "string", "healthCheckStatusDetails": "object", "subnetPrivateIpDetail": "object"}
	for p := range m.names {
		if _, ok := m.csdl[p]; !ok {
			if _, ok := m.beta[p]; !ok {
				t.Fatalf("beta property %q has no kind in this test: add it", p)
			}
		}
	}
	return m
}

// name returns the metadata's spelling of a property name given in any
// case: a key that differs only by case is a miscased property of the live
// type (property-case), never an unknown one.
func (m liveMetadata) name(key string) (string, bool) {
	if m.names[key] {
		return key, true
	}
	for n := range m.names {
		if strings.EqualFold(n, key) {
			return n, true
		}
	}
	return "", false
}

// conforms reports whether a JSON value has the type the metadata gives the
// property: Edm.String a string, Edm.Boolean a boolean, an enum a string,
// Collection(...) an array (never null), a complex type an object; null
// only where the property is nullable.
func (m liveMetadata) conforms(name string, v any) bool {
	kind, nullable := "", true
	if p, ok := m.csdl[name]; ok {
		nullable = p.Nullable != "false"
		switch {
		case strings.HasPrefix(p.Type, "Collection("):
			kind, nullable = "array", false
		case p.Type == "Edm.Boolean":
			kind = "boolean"
		case p.Type == "Edm.String", strings.HasPrefix(p.Type, "graph.cloudPcOnPremisesConnectionType"), strings.HasPrefix(p.Type, "graph.cloudPcOnPremisesConnectionStatus") && !strings.HasSuffix(p.Type, "Detail"):
			kind = "string"
		default:
			kind = "object"
		}
	} else {
		kind = m.beta[name]
	}
	switch v.(type) {
	case nil:
		return nullable
	case string:
		return kind == "string"
	case bool:
		return kind == "boolean"
	case []any:
		return kind == "array"
	case map[string]any:
		return kind == "object"
	}
	return false
}

// metadataDisagreements: every real body was written for the live API, so
// an unknown-property error on a key the metadata has (in any case), or a
// type error on a value of the type the metadata gives, contradicts
// Microsoft's metadata.
func metadataDisagreements(m liveMetadata, in []byte, res Result) []string {
	var out []string
	top := topLevelOrEmpty(in)
	for _, f := range res.Findings {
		if f.Severity != SeverityError || (f.Rule != "unknown-property" && f.Rule != "type") {
			continue
		}
		key := topKey(f.Pointer)
		v, present := top[key]
		name, known := m.name(key)
		if !present || !known {
			continue
		}
		if f.Rule == "unknown-property" || (f.Pointer == "/"+key && m.conforms(name, v)) {
			out = append(out, fmt.Sprintf("%s on %s contradicts Microsoft's metadata (the live type has %q%s): %s",
				f.Rule, f.Pointer, name, map[bool]string{true: " of that type", false: ""}[f.Rule == "type"], f.Message))
		}
	}
	return out
}

// keysLeavingLive: the fix never renames a key of the live type to a
// form the live API does not have (issue 11: subnetId → subNetId), and a
// renamed key lands on a name the live type has. The one rename away from
// a live name is the deprecated type → connectionType.
func keysLeavingLive(m liveMetadata, in, out []byte) []string {
	var problems []string
	before, after := topLevelOrEmpty(in), topLevelOrEmpty(out)
	for k := range before {
		if _, kept := after[k]; kept || !m.names[k] {
			continue
		}
		if _, renamed := after["connectionType"]; k == "type" && renamed {
			continue
		}
		problems = append(problems, fmt.Sprintf("the fix removed or renamed %q, a property of the live type", k))
	}
	for k := range after {
		if _, old := before[k]; old || strings.HasPrefix(k, "@odata.") {
			continue
		}
		if !m.names[k] {
			problems = append(problems, fmt.Sprintf("the fix wrote %q, which the live type does not have", k))
		}
	}
	sort.Strings(problems)
	return problems
}

// schemaRules are the rules that say the target's schema rejects a body.
var schemaRules = map[string]bool{"unknown-property": true, "type": true, "enum": true, "odata-type": true, "format": true, "beta-only": true}

// checkFixAccepted: the fixed body, linted with the target made explicit,
// has no more schema errors of any rule than the input had.
func checkFixAccepted(t *testing.T, target Target, res Result) {
	t.Helper()
	errorsOf := func(fs []Finding) map[string]int {
		n := map[string]int{}
		for _, f := range fs {
			if f.Severity == SeverityError && schemaRules[f.Rule] {
				n[f.Rule]++
			}
		}
		return n
	}
	before := errorsOf(res.Findings)
	again := Lint(res.Normalized, Options{Target: target})
	for rule, n := range errorsOf(again.Findings) {
		if n > before[rule] {
			t.Errorf("the fixed body has %d %s error(s) on %s, the input %d:\n%s", n, rule, target, before[rule], renderFindings(again.Findings))
		}
	}
}

// checkSettableKept: every settable property of the target keeps its value
// through the fix, up to the fixes' documented normalisations:
//   - property-name case and the legacy aliases (subnetId/subNetId), and the
//     deprecated type renamed to connectionType;
//   - enum case (connectionType, type);
//   - GUID case (subscriptionId and the subscription segment of the IDs);
//   - leading and trailing whitespace of any string;
//   - the documented case of the fixed segments of resource IDs
//     (resourceGroups, providers, Microsoft.Network, virtualNetworks, subnets);
//   - spaces around the separators of organizationalUnit.
func checkSettableKept(t *testing.T, target Target, in, out []byte) {
	t.Helper()
	settable := settableProperties(t, target)
	before, after := topLevel(t, in), topLevel(t, out)
	for k, v := range before {
		name, ok := settable[strings.ToLower(k)]
		if !ok {
			continue
		}
		got, found := lookupFolded(after, k)
		if !found && strings.EqualFold(k, "type") {
			got, found = lookupFolded(after, "connectionType")
		}
		if !found {
			t.Errorf("settable %s (%q in the input) is gone from the fixed body", name, k)
			continue
		}
		if !reflect.DeepEqual(normalizeSettable(name, v), normalizeSettable(name, got)) {
			t.Errorf("settable %s changed beyond the documented normalisations: %#v → %#v", name, v, got)
		}
	}
}

// settableProperties maps the lower-cased names of the target's settable
// properties (in its schema: not readOnly) to their names.
func settableProperties(t *testing.T, target Target) map[string]string {
	t.Helper()
	src, err := target.Schema()
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Properties map[string]struct {
			ReadOnly bool `json:"readOnly"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for name, p := range doc.Properties {
		if !p.ReadOnly && !strings.HasPrefix(name, "@") {
			out[strings.ToLower(name)] = name
		}
	}
	if len(out) == 0 {
		t.Fatalf("%s: no settable properties in the schema", target)
	}
	return out
}

var ouSeparators = regexp.MustCompile(`\s*([,=+])\s*`)

var armFixedSegments = map[string]bool{"subscriptions": true, "resourcegroups": true, "providers": true, "microsoft.network": true, "virtualnetworks": true, "subnets": true}

// normalizeSettable applies the documented normalisations to a value so
// that a fixed value and its original compare equal.
func normalizeSettable(name string, v any) any {
	s, ok := v.(string)
	if !ok {
		return v
	}
	s = strings.TrimSpace(s)
	switch strings.ToLower(name) {
	case "connectiontype", "type", "subscriptionid":
		return strings.ToLower(s)
	case "organizationalunit":
		return ouSeparators.ReplaceAllString(s, "$1")
	case "resourcegroupid", "virtualnetworkid", "subnetid":
		seg := strings.Split(s, "/")
		for i, x := range seg {
			if armFixedSegments[strings.ToLower(x)] || (i > 0 && strings.EqualFold(seg[i-1], "subscriptions")) {
				seg[i] = strings.ToLower(x)
			}
		}
		return strings.Join(seg, "/")
	}
	return s
}

func lookupFolded(m map[string]any, key string) (any, bool) {
	if v, ok := m[key]; ok {
		return v, true
	}
	for k, v := range m {
		if strings.EqualFold(k, key) {
			return v, true
		}
	}
	return nil, false
}

// topLevelOrEmpty decodes the top-level members of a body, or returns none
// when it is not a JSON object (the invariants report that).
func topLevelOrEmpty(b []byte) map[string]any {
	var m map[string]any
	_ = json.Unmarshal(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")), &m)
	return m
}

// topLevel decodes the top-level members of a JSON object body.
func topLevel(t *testing.T, b []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")), &m); err != nil {
		t.Fatalf("not a JSON object: %v", err)
	}
	return m
}

// topKey returns the first member name of a JSON Pointer, unescaped.
func topKey(pointer string) string {
	p := strings.TrimPrefix(pointer, "/")
	if i := strings.IndexByte(p, '/'); i >= 0 {
		p = p[:i]
	}
	return strings.NewReplacer("~1", "/", "~0", "~").Replace(p)
}

// TestRealChecksCanFail proves the metadata checks reject what they exist
// to reject: an unknown-property error on connectionType (what the
// azureConnection target reports on a live body), a rename of subnetId to
// the stub's subNetId, and a changed value.
func TestRealChecksCanFail(t *testing.T) {
	meta := loadLiveMetadata(t)
	in := []byte(`{"connectionType": "azureADJoin", "subnetId": "x", "scopeIds": null}`)
	res := Result{Findings: []Finding{
		{Rule: "unknown-property", Severity: SeverityError, Pointer: "/connectionType"},
		{Rule: "type", Severity: SeverityError, Pointer: "/scopeIds"},
	}}
	if got := metadataDisagreements(meta, in, res); len(got) != 1 || !strings.Contains(got[0], "/connectionType") {
		t.Errorf("metadataDisagreements = %q, want one on /connectionType (scopeIds: null is a true type error)", got)
	}
	miscased := Result{Findings: []Finding{{Rule: "unknown-property", Severity: SeverityError, Pointer: "/Type"}}}
	if got := metadataDisagreements(meta, []byte(`{"Type": "AzureADJoin"}`), miscased); len(got) != 1 {
		t.Errorf("metadataDisagreements = %q, want one: Type is the live type's type in another case", got)
	}
	if got := keysLeavingLive(meta, in, []byte(`{"connectionType": "azureADJoin", "subNetId": "x", "scopeIds": null}`)); len(got) != 2 {
		t.Errorf("keysLeavingLive = %q, want subnetId removed and subNetId written", got)
	}
	if got := keysLeavingLive(meta, []byte(`{"type": "azureADJoin", "SubnetId": "x"}`), []byte(`{"connectionType": "azureADJoin", "subnetId": "x"}`)); len(got) != 0 {
		t.Errorf("keysLeavingLive = %q on the documented renames", got)
	}
	if meta.conforms("scopeIds", nil) {
		t.Error("scopeIds: null conforms, but a collection is never null (CSDL)")
	}
	if !meta.conforms("connectionType", "azureADJoin") || !meta.conforms("managedBy", "windows365") || meta.conforms("displayName", nil) {
		t.Error("conforms disagrees with the CSDL on connectionType, managedBy or displayName")
	}
	for _, c := range []struct {
		name, a, b string
		same       bool
	}{
		{"connectionType", "HybridAzureADJoin", "hybridAzureADJoin", true},
		{"subnetId", "/subscriptions/ABC/resourcegroups/RG/providers/microsoft.network/virtualnetworks/V/subnets/S", "/subscriptions/abc/resourceGroups/RG/providers/Microsoft.Network/virtualNetworks/V/subnets/S", true},
		{"subnetId", "/subscriptions/abc/resourceGroups/RG/providers/Microsoft.Network/virtualNetworks/V/subnets/S", "/subscriptions/abc/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/V/subnets/S", false},
		{"organizationalUnit", "OU=A, DC=b, DC=c", "OU=A,DC=b,DC=c", true},
		{"displayName", " x ", "x", true},
		{"displayName", "x", "X", false},
	} {
		if got := reflect.DeepEqual(normalizeSettable(c.name, c.a), normalizeSettable(c.name, c.b)); got != c.same {
			t.Errorf("normalizeSettable(%s): %q vs %q equal=%v, want %v", c.name, c.a, c.b, got, c.same)
		}
	}
}
