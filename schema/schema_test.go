package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/azconn/azconn/internal/schemaengine"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
)

const draft202012 = "https://json-schema.org/draft/2020-12/schema"

// doc is a decoded schema document (map[string]any all the way down).
type doc = map[string]any

func loadDoc(t *testing.T, target string) doc {
	t.Helper()
	src, err := Source(target)
	if err != nil {
		t.Fatalf("Source(%q): %v", target, err)
	}
	var d doc
	if err := json.Unmarshal(src, &d); err != nil {
		t.Fatalf("Source(%q) is not valid JSON: %v", target, err)
	}
	return d
}

func targetNames() []string {
	var names []string
	for _, tb := range Tables() {
		names = append(names, tb.Name)
	}
	return names
}

func TestTables(t *testing.T) {
	names := targetNames()
	if want := []string{"azureConnection", "onPremisesConnection"}; !reflect.DeepEqual(names, want) {
		t.Fatalf("Tables() names = %v, want %v (default first)", names, want)
	}
	for _, name := range names {
		tb, ok := Lookup(name)
		if !ok || tb.Name != name {
			t.Errorf("Lookup(%q) = %+v, %v", name, tb, ok)
		}
		if tb.Secret != "adDomainPassword" {
			t.Errorf("%s: Secret = %q", name, tb.Secret)
		}
	}
	if _, ok := Lookup("nope"); ok {
		t.Error("Lookup(nope) succeeded")
	}
	if _, err := Source("nope"); err == nil {
		t.Error("Source(nope) succeeded")
	}
	if _, err := Compiled("nope"); err == nil {
		t.Error("Compiled(nope) succeeded")
	}
}

func TestCompileAndSource(t *testing.T) {
	tests := []struct {
		target, file, endpoint string
		props                  int
	}{
		{"azureConnection", "azureConnection.schema.json", "/deviceManagement/cloudManagedDesktop/azureConnections", 15},
		{"onPremisesConnection", "onPremisesConnection.schema.json", "/deviceManagement/virtualEndpoint/onPremisesConnections/{id}", 25},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			s, err := Compiled(tt.target)
			if err != nil || s == nil {
				t.Fatalf("Compiled: %v", err)
			}
			s2, _ := Compiled(tt.target)
			if s != s2 {
				t.Error("Compiled returns a different schema on the second call")
			}
			tb, _ := Lookup(tt.target)
			if tb.File != tt.file {
				t.Errorf("File = %q, want %q", tb.File, tt.file)
			}
			if !strings.HasSuffix(tb.Endpoint, tt.endpoint) || !strings.HasPrefix(tb.Endpoint, "PATCH ") {
				t.Errorf("Endpoint = %q", tb.Endpoint)
			}
			d := loadDoc(t, tt.target)
			if d["$schema"] != draft202012 {
				t.Errorf("$schema = %v", d["$schema"])
			}
			if want := "https://github.com/azconn/azconn/schema/" + tt.file; d["$id"] != want {
				t.Errorf("$id = %v, want %s", d["$id"], want)
			}
			if title, _ := d["title"].(string); title == "" {
				t.Error("no title")
			}
			desc, _ := d["description"].(string)
			if !strings.Contains(desc, "PATCH "+tt.endpoint) {
				t.Errorf("description does not name the endpoint: %q", desc)
			}
			if got := len(d["properties"].(doc)); got != tt.props {
				t.Errorf("%d properties, want %d", got, tt.props)
			}
			// The embedded file is the file on disk.
			disk, err := os.ReadFile(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			src, _ := Source(tt.target)
			if !bytes.Equal(disk, src) {
				t.Error("Source differs from the file on disk")
			}
		})
	}
}

var lowerCamel = regexp.MustCompile(`^[a-z][a-zA-Z0-9]*$`)

// walkSchemas calls fn for every subschema reachable through properties,
// items and $defs, with a JSON-pointer-like path.
func walkSchemas(path string, s doc, fn func(path string, s doc)) {
	fn(path, s)
	if props, ok := s["properties"].(doc); ok {
		for _, k := range sortedKeys(props) {
			walkSchemas(path+"/properties/"+k, props[k].(doc), fn)
		}
	}
	if items, ok := s["items"].(doc); ok {
		walkSchemas(path+"/items", items, fn)
	}
	if defs, ok := s["$defs"].(doc); ok {
		for _, k := range sortedKeys(defs) {
			walkSchemas(path+"/$defs/"+k, defs[k].(doc), fn)
		}
	}
}

func sortedKeys(m doc) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// typeList returns the "type" keyword as a list.
func typeList(v any) ([]string, error) {
	switch v := v.(type) {
	case string:
		return []string{v}, nil
	case []any:
		var out []string
		for i, e := range v {
			s, ok := e.(string)
			if !ok {
				return nil, fmt.Errorf("type[%d] is %T", i, e)
			}
			out = append(out, s)
		}
		if len(out) != 2 || out[1] != "null" {
			return nil, fmt.Errorf("type array %v must be [T, \"null\"]", out)
		}
		return out, nil
	}
	return nil, fmt.Errorf("type is %T", v)
}

// propertySchemas yields every property schema (root and $defs) and every
// items schema.
func propertySchemas(d doc, fn func(path string, s doc)) {
	walkSchemas("#", d, func(path string, s doc) {
		if strings.Contains(path, "/properties/") || strings.HasSuffix(path, "/items") {
			if i := strings.LastIndex(path, "/"); strings.HasSuffix(path[:i], "/properties") || strings.HasSuffix(path, "/items") {
				fn(path, s)
			}
		}
	})
}

func TestEveryPropertyHasTypeAndDescription(t *testing.T) {
	for _, target := range targetNames() {
		t.Run(target, func(t *testing.T) {
			d := loadDoc(t, target)
			n := 0
			propertySchemas(d, func(path string, s doc) {
				n++
				types, err := typeList(s["type"])
				if err != nil {
					t.Errorf("%s: %v", path, err)
					return
				}
				if strings.HasSuffix(path, "/items") {
					return
				}
				if desc, _ := s["description"].(string); len(desc) < 10 || strings.Contains(desc, "TODO") {
					t.Errorf("%s: description %q", path, desc)
				}
				nullable := len(types) == 2
				if enum, ok := s["enum"].([]any); ok && path != "#/properties/@odata.type" && !strings.HasSuffix(path, "/@odata.type") {
					last := enum[len(enum)-1]
					if nullable != (last == nil) {
						t.Errorf("%s: nullable=%v but enum ends with %v", path, nullable, last)
					}
				}
			})
			if n == 0 {
				t.Fatal("no property schemas found")
			}
		})
	}
}

func TestEnumMembersAreLowerCamelCase(t *testing.T) {
	for _, target := range targetNames() {
		t.Run(target, func(t *testing.T) {
			d := loadDoc(t, target)
			walkSchemas("#", d, func(path string, s doc) {
				if strings.HasSuffix(path, "/@odata.type") {
					return
				}
				check := func(kw string, list []any) {
					seen := map[any]bool{}
					for i, m := range list {
						if seen[m] {
							t.Errorf("%s/%s: duplicate member %v", path, kw, m)
						}
						seen[m] = true
						if m == nil {
							if i != len(list)-1 {
								t.Errorf("%s/%s: null is not the last entry", path, kw)
							}
							continue
						}
						str, ok := m.(string)
						if !ok || !lowerCamel.MatchString(str) {
							t.Errorf("%s/%s: member %#v is not lowerCamelCase", path, kw, m)
						}
					}
				}
				if e, ok := s["enum"].([]any); ok {
					check("enum", e)
				}
				if f, ok := s["x-flags"].([]any); ok {
					check("x-flags", f)
				}
			})
		})
	}
}

// TestConventions checks the structural conventions the engine relies on
// when it walks these documents itself.
func TestConventions(t *testing.T) {
	rootType := map[string]string{
		"azureConnection":      "#microsoft.graph.AzureConnection",
		"onPremisesConnection": "#microsoft.graph.cloudPcOnPremisesConnection",
	}
	forbidden := []string{"required", "minLength", "maxLength", "minItems", "maxItems", "const", "oneOf", "anyOf", "allOf", "not", "if"}
	for _, target := range targetNames() {
		t.Run(target, func(t *testing.T) {
			d := loadDoc(t, target)
			if d["type"] != "object" || d["additionalProperties"] != false {
				t.Errorf("root: type=%v additionalProperties=%v", d["type"], d["additionalProperties"])
			}
			checkAnnotationPattern(t, "#", d)
			defs, _ := d["$defs"].(doc)
			if len(defs) == 0 {
				t.Fatal("no $defs")
			}
			for name, v := range defs {
				def := v.(doc)
				if _, ok := def["type"]; ok {
					t.Errorf("$defs/%s has a type keyword", name)
				}
				if def["additionalProperties"] != false {
					t.Errorf("$defs/%s: additionalProperties is not false", name)
				}
				checkAnnotationPattern(t, "#/$defs/"+name, def)
				props, _ := def["properties"].(doc)
				ot, _ := props["@odata.type"].(doc)
				want := []any{"#microsoft.graph." + name, "microsoft.graph." + name}
				if ot == nil || ot["type"] != "string" || !reflect.DeepEqual(ot["enum"], want) {
					t.Errorf("$defs/%s: @odata.type = %v, want enum %v", name, ot, want)
				}
			}
			rootProps := d["properties"].(doc)
			ot, _ := rootProps["@odata.type"].(doc)
			if ot == nil || ot["type"] != "string" || !reflect.DeepEqual(ot["enum"], []any{rootType[target]}) {
				t.Errorf("root @odata.type = %v, want enum [%s]", ot, rootType[target])
			}
			used := map[string]bool{}
			walkSchemas("#", d, func(path string, s doc) {
				for _, kw := range forbidden {
					if _, ok := s[kw]; ok {
						t.Errorf("%s: unexpected keyword %q", path, kw)
					}
				}
				if _, ok := s["pattern"]; ok && path != "#/properties/managedBy" {
					t.Errorf("%s: unexpected pattern", path)
				}
				if ref, ok := s["$ref"].(string); ok {
					name, found := strings.CutPrefix(ref, "#/$defs/")
					if !found || defs[name] == nil {
						t.Errorf("%s: $ref %q does not resolve", path, ref)
					}
					used[name] = true
					types, _ := typeList(s["type"])
					if len(types) == 0 || types[0] != "object" {
						t.Errorf("%s: $ref without type object: %v", path, s["type"])
					}
				}
				if types, err := typeList(s["type"]); err == nil {
					switch types[0] {
					case "object":
						if strings.Contains(path, "/properties/") && s["$ref"] == nil {
							t.Errorf("%s: object property without $ref", path)
						}
					case "array":
						if _, ok := s["items"].(doc); !ok {
							t.Errorf("%s: array without items", path)
						}
					case "integer":
						if s["minimum"] != float64(-2147483648) || s["maximum"] != float64(2147483647) {
							t.Errorf("%s: integer without Int32 bounds", path)
						}
					}
				}
				if f, ok := s["format"]; ok && f != "date-time" {
					t.Errorf("%s: unexpected format %v", path, f)
				}
				if strings.HasSuffix(path, "DateTime") && s["format"] != "date-time" {
					t.Errorf("%s: timestamp without format date-time", path)
				}
				if dep, ok := s["deprecated"]; ok {
					succ, _ := s["x-successor"].(string)
					if dep != true || succ == "" {
						t.Errorf("%s: deprecated=%v x-successor=%q", path, dep, succ)
					}
					parent := path[:strings.LastIndex(path, "/")]
					owner := d
					if parent != "#/properties" {
						owner = defs[strings.TrimSuffix(strings.TrimPrefix(parent, "#/$defs/"), "/properties")].(doc)
					}
					if owner["properties"].(doc)[succ] == nil {
						t.Errorf("%s: successor %q is not a sibling property", path, succ)
					}
				}
			})
			for name := range defs {
				if !used[name] {
					t.Errorf("$defs/%s is never referenced", name)
				}
			}
		})
	}
}

// annotationPattern is the patternProperties key that every object type
// of the exported schemas carries (SPEC §12).
const annotationPattern = `^[^@]*@(odata|microsoft\.graph)\.`

func checkAnnotationPattern(t *testing.T, path string, s doc) {
	t.Helper()
	pp, _ := s["patternProperties"].(doc)
	if len(pp) != 1 || pp[annotationPattern] == nil {
		t.Errorf("%s: patternProperties = %v, want only %s", path, pp, annotationPattern)
	}
}

// TestPropertyTable pins the shape of every root property: nullability,
// readOnly, deprecation and the enum or $ref.
func TestPropertyTable(t *testing.T) {
	status := []any{"pending", "running", "passed", "failed", "warning", "informational", "unknownFutureValue"}
	connType := []any{"hybridAzureADJoin", "azureADJoin", "unknownFutureValue", nil}
	type prop struct {
		typ        string // "string" or "string|null"
		readOnly   bool
		successor  string // deprecated when set
		enum       []any
		ref        string
		betaOnlyIn bool
	}
	tables := map[string]map[string]prop{
		"azureConnection": {
			"@odata.type":              {typ: "string", enum: []any{"#microsoft.graph.AzureConnection"}},
			"id":                       {typ: "string", readOnly: true},
			"displayName":              {typ: "string"},
			"subscriptionId":           {typ: "string"},
			"subscriptionName":         {typ: "string|null", readOnly: true},
			"adDomainName":             {typ: "string|null"},
			"adDomainUsername":         {typ: "string|null"},
			"adDomainPassword":         {typ: "string|null"},
			"organizationalUnit":       {typ: "string|null"},
			"resourceGroupId":          {typ: "string"},
			"virtualNetworkId":         {typ: "string"},
			"subNetId":                 {typ: "string"},
			"healthCheckStatus":        {typ: "string", readOnly: true, enum: status},
			"healthCheckStatusDetails": {typ: "object|null", readOnly: true, ref: "cloudPcOnPremisesConnectionStatusDetails"},
			"inUse":                    {typ: "boolean|null", readOnly: true},
		},
		"onPremisesConnection": {
			"@odata.type":              {typ: "string", enum: []any{"#microsoft.graph.cloudPcOnPremisesConnection"}},
			"id":                       {typ: "string", readOnly: true},
			"adDomainName":             {typ: "string|null"},
			"adDomainPassword":         {typ: "string|null"},
			"adDomainUsername":         {typ: "string|null"},
			"alternateResourceUrl":     {typ: "string|null"},
			"connectionType":           {typ: "string|null", enum: connType},
			"displayName":              {typ: "string"},
			"healthCheckPaused":        {typ: "boolean|null", readOnly: true},
			"healthCheckStatus":        {typ: "string", readOnly: true, enum: status},
			"healthCheckStatusDetail":  {typ: "object|null", readOnly: true, ref: "cloudPcOnPremisesConnectionStatusDetail"},
			"healthCheckStatusDetails": {typ: "object|null", readOnly: true, ref: "cloudPcOnPremisesConnectionStatusDetails", successor: "healthCheckStatusDetail", betaOnlyIn: true},
			"inUse":                    {typ: "boolean|null", readOnly: true},
			"inUseByCloudPc":           {typ: "boolean|null", readOnly: true},
			"managedBy":                {typ: "string|null", readOnly: true, betaOnlyIn: true},
			"organizationalUnit":       {typ: "string|null"},
			"resourceGroupId":          {typ: "string"},
			"scopeIds":                 {typ: "array"},
			"subnetId":                 {typ: "string"},
			"subnetPrivateIpDetail":    {typ: "object|null", readOnly: true, ref: "cloudPcOnPremisesConnectionSubnetIpDetail", betaOnlyIn: true},
			"subscriptionId":           {typ: "string"},
			"subscriptionName":         {typ: "string|null", readOnly: true},
			"type":                     {typ: "string|null", enum: connType, successor: "connectionType", betaOnlyIn: true},
			"virtualNetworkId":         {typ: "string"},
			"virtualNetworkLocation":   {typ: "string|null", readOnly: true},
		},
	}
	for target, want := range tables {
		t.Run(target, func(t *testing.T) {
			props := loadDoc(t, target)["properties"].(doc)
			if len(props) != len(want) {
				t.Errorf("%d properties, want %d", len(props), len(want))
			}
			for name, p := range want {
				s, ok := props[name].(doc)
				if !ok {
					t.Errorf("missing property %q", name)
					continue
				}
				types, _ := typeList(s["type"])
				if got := strings.Join(types, "|"); got != p.typ {
					t.Errorf("%s: type %s, want %s", name, got, p.typ)
				}
				if got := s["readOnly"] == true; got != p.readOnly {
					t.Errorf("%s: readOnly %v, want %v", name, got, p.readOnly)
				}
				if got, _ := s["x-successor"].(string); got != p.successor || (s["deprecated"] == true) != (p.successor != "") {
					t.Errorf("%s: deprecated %v successor %q, want %q", name, s["deprecated"], got, p.successor)
				}
				if p.enum != nil && !reflect.DeepEqual(s["enum"], p.enum) {
					t.Errorf("%s: enum %v, want %v", name, s["enum"], p.enum)
				}
				if p.ref != "" && s["$ref"] != "#/$defs/"+p.ref {
					t.Errorf("%s: $ref %v, want %s", name, s["$ref"], p.ref)
				}
				desc, _ := s["description"].(string)
				if got := strings.Contains(desc, "(beta only)"); target == "onPremisesConnection" && got != p.betaOnlyIn {
					t.Errorf("%s: description says beta only = %v, want %v", name, got, p.betaOnlyIn)
				}
			}
		})
	}
}

func TestErrorTypeMembers(t *testing.T) {
	for _, target := range targetNames() {
		d := loadDoc(t, target)
		hc := d["$defs"].(doc)["cloudPcOnPremisesConnectionHealthCheck"].(doc)["properties"].(doc)
		enum := hc["errorType"].(doc)["enum"].([]any)
		if len(enum) != 71 || enum[70] != nil {
			t.Errorf("%s: errorType has %d entries (want 70 members + null)", target, len(enum))
		}
		for _, m := range []string{"dnsCheckFqdnNotFound", "resourceAvailabilityCheckNoSubnetIP", "resourceAvailabilityCheckMissingRegistrationForLocation",
			"permissionCheckNoWindows365NetworkInterfaceContributorRole", "endpointConnectivityCheckVMAgentEndPointCommunicationError", "unknownFutureValue"} {
			if !slices.Contains(enum, any(m)) {
				t.Errorf("%s: errorType lacks %s", target, m)
			}
		}
		if slices.Contains(enum, any("endpointConnectivityCheckUrlNotWhitelisted")) {
			t.Errorf("%s: errorType has the obsolete endpointConnectivityCheckUrlNotWhitelisted", target)
		}
	}
}

// failure is one leaf validation error: its kind and instance location.
type failure struct {
	kind string // e.g. "type", "enum", "additionalProperties", "format", "pattern"
	at   string // JSON pointer of the instance
}

func leaves(err *jsonschema.ValidationError, out *[]failure) {
	if len(err.Causes) == 0 {
		*out = append(*out, failure{kindName(err.ErrorKind), "/" + strings.Join(err.InstanceLocation, "/")})
		return
	}
	for _, c := range err.Causes {
		leaves(c, out)
	}
}

func kindName(k jsonschema.ErrorKind) string {
	switch k.(type) {
	case *kind.Type:
		return "type"
	case *kind.Enum:
		return "enum"
	case *kind.AdditionalProperties:
		return "additionalProperties"
	case *kind.Format:
		return "format"
	case *kind.Pattern:
		return "pattern"
	case *kind.Minimum, *kind.Maximum:
		return "range"
	}
	return fmt.Sprintf("%T", k)
}

// validate returns the failures of data under the target's schema, as the
// general engine finds them, and fails the test if azconn's engine finds
// others.
func validate(t *testing.T, target string, data []byte) []failure {
	t.Helper()
	s, err := Compiled(target)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("UnmarshalJSON: %v", err)
	}
	var out []failure
	if err := s.Validate(inst); err != nil {
		var ve *jsonschema.ValidationError
		if !errors.As(err, &ve) {
			t.Fatalf("Validate returned %T: %v", err, err)
		}
		leaves(ve, &out)
	}
	sortFailures(out)
	if own := validateOwn(t, target, inst); !slices.Equal(own, out) {
		t.Errorf("azconn's schema engine found %v, the general engine %v", own, out)
	}
	return out
}

// validateOwn is validate with azconn's engine.
func validateOwn(t *testing.T, target string, inst any) []failure {
	t.Helper()
	s, err := compiledOwn(target)
	if err != nil {
		t.Fatal(err)
	}
	names := map[schemaengine.Kind]string{
		schemaengine.KindType: "type", schemaengine.KindEnum: "enum", schemaengine.KindPattern: "pattern",
		schemaengine.KindFormat: "format", schemaengine.KindMinimum: "range", schemaengine.KindMaximum: "range",
		schemaengine.KindAdditional: "additionalProperties",
	}
	var out []failure
	for _, v := range s.Validate(schemaengine.FromJSON(inst)) {
		out = append(out, failure{names[v.Kind], "/" + strings.Join(v.Location, "/")})
	}
	sortFailures(out)
	return out
}

func sortFailures(out []failure) {
	sort.Slice(out, func(i, j int) bool {
		if out[i].at != out[j].at {
			return out[i].at < out[j].at
		}
		return out[i].kind < out[j].kind
	})
}

func TestValidateExamples(t *testing.T) {
	tests := []struct {
		file   string // in testdata/, copied from testdata/graph/examples at the root
		target string
		want   []failure // nil: valid
	}{
		{"v1.0-virtualendpoint-post-onpremisesconnections.request.json", "onPremisesConnection", nil},
		{"beta-virtualendpoint-post-onpremisesconnections.request.json", "onPremisesConnection", nil},
		{"v1.0-cloudpconpremisesconnection-update.request.json", "onPremisesConnection", nil},
		{"beta-cloudpconpremisesconnection-get.example1.response.json", "onPremisesConnection", nil},
		{"stub-cloudmanageddesktop-update-onpremisesconnections.request.json", "onPremisesConnection", []failure{
			{"enum", "/healthCheckStatus"},
			{"type", "/inUse"},
		}},
		{"beta-cloudpconpremisesconnection-get.example2a.response.json", "onPremisesConnection", []failure{
			{"enum", "/healthCheckStatusDetail/healthChecks/2/errorType"},
			{"type", "/healthCheckStatusDetail/healthChecks/3/endDateTime"},
			{"type", "/healthCheckStatusDetail/healthChecks/3/startDateTime"},
		}},
		{"stub-cloudmanageddesktop-update-azureconnections.request.json", "azureConnection", []failure{
			{"enum", "/healthCheckStatus"},
			{"type", "/inUse"},
		}},
		// The live API's subnetId is not an azureConnection property, and
		// the stub's type name is not the live one.
		{"v1.0-virtualendpoint-post-onpremisesconnections.request.json", "azureConnection", []failure{
			{"additionalProperties", "/"},
		}},
		{"stub-cloudmanageddesktop-update-azureconnections.request.json", "onPremisesConnection", []failure{
			{"additionalProperties", "/"},
			{"enum", "/@odata.type"},
			{"enum", "/healthCheckStatus"},
			{"type", "/inUse"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.target+"/"+tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			got := validate(t, tt.target, data)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("failures\n got %v\nwant %v", got, tt.want)
			}
		})
	}
}

func TestValidatePayloads(t *testing.T) {
	tests := []struct {
		name, target, payload string
		want                  []failure
	}{
		{"empty patch", "azureConnection", `{}`, nil},
		{"clean azureConnection", "azureConnection", `{
			"@odata.type": "#microsoft.graph.AzureConnection",
			"displayName": "ANC 1",
			"subscriptionId": "0ac520ee-14c0-480f-b6c9-0a90c585ffff",
			"subNetId": "/subscriptions/0ac520ee-14c0-480f-b6c9-0a90c585ffff/resourceGroups/RG/providers/Microsoft.Network/virtualNetworks/v/subnets/s",
			"healthCheckStatus": "passed",
			"healthCheckStatusDetails": {"@odata.type": "microsoft.graph.cloudPcOnPremisesConnectionStatusDetails", "healthChecks": []},
			"inUse": null,
			"organizationalUnit": null}`, nil},
		{"subnetId on azureConnection", "azureConnection", `{"subnetId": "/subscriptions/x"}`,
			[]failure{{"additionalProperties", "/"}}},
		{"subNetId on onPremisesConnection", "onPremisesConnection", `{"subNetId": "/subscriptions/x"}`,
			[]failure{{"additionalProperties", "/"}}},
		{"PascalCase status", "azureConnection", `{"healthCheckStatus": "Passed"}`,
			[]failure{{"enum", "/healthCheckStatus"}}},
		{"null for non-nullable", "onPremisesConnection", `{"displayName": null, "subnetId": null, "healthCheckStatus": null}`,
			[]failure{{"type", "/displayName"}, {"type", "/healthCheckStatus"}, {"type", "/subnetId"}}},
		{"nullable nulls", "onPremisesConnection", `{"connectionType": null, "type": null, "managedBy": null,
			"healthCheckStatusDetail": null, "subnetPrivateIpDetail": null, "inUse": null, "adDomainName": null}`, nil},
		// A collection is never null (CSDL 4.01 §7.2.1): its Nullable is
		// about the items, and those are left unspecified.
		{"null collections", "onPremisesConnection", `{"scopeIds": null, "healthCheckStatusDetail": {"healthChecks": null}}`,
			[]failure{{"type", "/healthCheckStatusDetail/healthChecks"}, {"type", "/scopeIds"}}},
		{"null collection items", "onPremisesConnection", `{"scopeIds": ["0", null], "healthCheckStatusDetail": {"healthChecks": [null]}}`,
			[]failure{{"type", "/healthCheckStatusDetail/healthChecks/0"}, {"type", "/scopeIds/1"}}},
		// OData control information and annotations are accepted at every
		// level (SPEC §12); azconnlint reports them as odata-control.
		{"annotations", "onPremisesConnection", `{"@odata.context": "https://graph.microsoft.com/beta/$metadata#x", "@odata.etag": "W/\"1\"",
			"scopeIds@odata.type": "#Collection(String)", "@microsoft.graph.conflictBehavior": "fail", "displayName@odata.type": "#String",
			"healthCheckStatusDetail": {"@odata.id": "x", "healthChecks": [{"status@odata.type": "#microsoft.graph.x", "@odata.readLink": "y"}]}}`, nil},
		{"annotations on the stub", "azureConnection", `{"@odata.context": "x", "@odata.editLink": "y", "healthCheckStatusDetails": {"@microsoft.graph.tips": "z"}}`, nil},
		{"not annotations", "onPremisesConnection", `{"@odata": 1, "odata.context": "x", "@odatax.y": 1, "@Microsoft.Graph.x": 1}`,
			[]failure{{"additionalProperties", "/"}}},
		{"boolean string", "onPremisesConnection", `{"inUse": "true"}`, []failure{{"type", "/inUse"}}},
		{"connection type case", "onPremisesConnection", `{"connectionType": "azureAdJoin"}`, []failure{{"enum", "/connectionType"}}},
		{"root odata.type without #", "onPremisesConnection", `{"@odata.type": "microsoft.graph.cloudPcOnPremisesConnection"}`,
			[]failure{{"enum", "/@odata.type"}}},
		{"nested odata.type both forms", "onPremisesConnection", `{"healthCheckStatusDetail": {"@odata.type": "#microsoft.graph.cloudPcOnPremisesConnectionStatusDetail",
			"healthChecks": [{"@odata.type": "microsoft.graph.cloudPcOnPremisesConnectionHealthCheck", "status": "warning", "errorType": "ssoCheckKerberosConfigurationError"}]}}`, nil},
		{"nested wrong odata.type", "onPremisesConnection", `{"healthCheckStatusDetail": {"@odata.type": "#microsoft.graph.cloudPcOnPremisesConnectionStatusDetails"}}`,
			[]failure{{"enum", "/healthCheckStatusDetail/@odata.type"}}},
		{"nested unknown property", "onPremisesConnection", `{"healthCheckStatusDetail": {"healthChecks": [{"additionalDdetail": "x"}]}}`,
			[]failure{{"additionalProperties", "/healthCheckStatusDetail/healthChecks/0"}}},
		{"bad timestamp", "onPremisesConnection", `{"healthCheckStatusDetail": {"startDateTime": "2020-11-03 12:43:14"}}`,
			[]failure{{"format", "/healthCheckStatusDetail/startDateTime"}}},
		{"managedBy flags", "onPremisesConnection", `{"managedBy": "windows365,devBox,microsoft365BizChat"}`, nil},
		{"managedBy bad flags", "onPremisesConnection", `{"managedBy": "windows365, devBox"}`,
			[]failure{{"pattern", "/managedBy"}}},
		{"managedBy trailing comma", "onPremisesConnection", `{"managedBy": "devBox,"}`,
			[]failure{{"pattern", "/managedBy"}}},
		{"int32 range", "onPremisesConnection", `{"subnetPrivateIpDetail": {"subnetAvailableIpCount": 2147483648, "subnetAvailableIpCountLastSyncDateTime": null}}`,
			[]failure{{"range", "/subnetPrivateIpDetail/subnetAvailableIpCount"}}},
		{"int32 fraction", "onPremisesConnection", `{"subnetPrivateIpDetail": {"subnetAvailableIpCount": 1.5}}`,
			[]failure{{"type", "/subnetPrivateIpDetail/subnetAvailableIpCount"}}},
		{"scopeIds items", "onPremisesConnection", `{"scopeIds": ["0", 1]}`, []failure{{"type", "/scopeIds/1"}}},
		{"healthChecks not array", "azureConnection", `{"healthCheckStatusDetails": {"healthChecks": {}}}`,
			[]failure{{"type", "/healthCheckStatusDetails/healthChecks"}}},
		{"not an object", "azureConnection", `[]`, []failure{{"type", "/"}}},
	}
	for _, tt := range tests {
		t.Run(tt.target+"/"+tt.name, func(t *testing.T) {
			got := validate(t, tt.target, []byte(tt.payload))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("failures\n got %v\nwant %v", got, tt.want)
			}
		})
	}
}
