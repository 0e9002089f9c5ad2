package validate

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/azconn/azconn/schema"
)

func TestODataControl(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		target   Target
		want     []string // "pointer: message part", in order
		out      string   // the normalized body
	}{
		{"context and etag", `{"@odata.context": "https://graph.microsoft.com/beta/$metadata#x/$entity", "@odata.etag": "W/\"1\"", "displayName": "a"}`, OnPremisesConnection,
			[]string{"/@odata.context: the metadata URL of a response", "/@odata.etag: If-Match"}, `{"displayName": "a"}`},
		{"links", `{"displayName": "a", "@odata.id": "x", "@odata.editLink": "y", "@odata.readLink": "z"}`, AzureConnection,
			[]string{"/@odata.id: a link of a response", "/@odata.editLink: a link", "/@odata.readLink: a link"}, `{"displayName": "a"}`},
		{"other control information", `{"@odata.nextLink": "x", "displayName": "a"}`, OnPremisesConnection,
			[]string{`/@odata.nextLink: "@odata.nextLink" is OData control information`}, `{"displayName": "a"}`},
		{"instance annotation", `{"displayName": "a", "@microsoft.graph.conflictBehavior": "fail"}`, OnPremisesConnection,
			[]string{`/@microsoft.graph.conflictBehavior: an instance annotation`}, `{"displayName": "a"}`},
		{"property annotations", `{"scopeIds@odata.type": "#Collection(String)", "scopeIds": ["0"], "displayName@microsoft.graph.x": 1}`, OnPremisesConnection,
			[]string{`/scopeIds@odata.type: an annotation of the property "scopeIds"`, `/displayName@microsoft.graph.x: of the property "displayName"`}, `{"scopeIds": ["0"]}`},
		{"nested", `{"healthCheckStatusDetail": {"@odata.context": "x", "healthChecks": [{"status@odata.type": "#y", "status": "passed"}]}}`, OnPremisesConnection,
			[]string{"/healthCheckStatusDetail/@odata.context: metadata URL", "/healthCheckStatusDetail/healthChecks/0/status@odata.type: annotation"},
			`{"healthCheckStatusDetail": {"healthChecks": [{"status": "passed"}]}}`},
		{"@odata.type keeps its rule", `{"@odata.type": "#microsoft.graph.cloudPcOnPremisesConnection"}`, OnPremisesConnection, nil, ""},
		{"not annotations", `{"admin@contoso.com": 1, "@odata": 2, "odata.context": 3, "@OData.context": 4}`, OnPremisesConnection, nil, ""},
		{"inside an unknown property", `{"extra": {"@odata.context": "x"}}`, OnPremisesConnection, nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := Lint([]byte(tc.in), Options{Target: tc.target})
			var fs []Finding
			for _, f := range res.Findings {
				if f.Rule == "odata-control" {
					fs = append(fs, f)
				} else if f.Rule == "unknown-property" && strings.Contains(f.Message, "@odata.") && tc.name != "not annotations" && tc.name != "inside an unknown property" {
					t.Errorf("unknown-property on an annotation: %s", f)
				}
			}
			if len(fs) != len(tc.want) {
				t.Fatalf("got %d findings %v, want %v", len(fs), fs, tc.want)
			}
			for i, f := range fs {
				ptr, part, _ := strings.Cut(tc.want[i], ": ")
				if f.Pointer != ptr || !strings.Contains(f.Message, part) || f.Severity != SeverityInfo || f.Fix == nil || f.Fix.Op != "remove" || f.Fix.Path != ptr {
					t.Errorf("finding %d = %s %q %+v, want %s %q (remove)", i, f.Pointer, f.Message, f.Fix, ptr, part)
				}
			}
			if tc.out != "" && string(res.Normalized) != tc.out {
				t.Errorf("normalized %s, want %s", res.Normalized, tc.out)
			}
		})
	}
}

// TestAnnotationKeyIsTheSchemaPattern: isAnnotationKey accepts exactly the
// keys that each schema's root patternProperties accepts.
func TestAnnotationKeyIsTheSchemaPattern(t *testing.T) {
	keys := []string{"@odata.type", "@odata.context", "@odata.", "@odata", "@odatax.y", "x@odata.type", "a@b@odata.type",
		"@microsoft.graph.tips", "@microsoft.graphx", "@Microsoft.Graph.x", "@ODATA.type", "odata.type", "", "@", "user@contoso.com",
		"displayName@odata.type", "@@odata.x", "é@odata.x"}
	for _, tb := range schema.Tables() {
		src, err := schema.Source(tb.Name)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			PatternProperties map[string]any `json:"patternProperties"`
		}
		if err := json.Unmarshal(src, &doc); err != nil || len(doc.PatternProperties) != 1 {
			t.Fatalf("%s: patternProperties %v (%v)", tb.Name, doc.PatternProperties, err)
		}
		for expr := range doc.PatternProperties {
			re := regexp.MustCompile(expr)
			for _, k := range keys {
				if got, want := isAnnotationKey(k), re.MatchString(k); got != want {
					t.Errorf("%s: isAnnotationKey(%q) = %v, the schema's pattern %v", tb.Name, k, got, want)
				}
			}
		}
	}
}
