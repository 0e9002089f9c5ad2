package schema

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
)

// metadataDir holds Microsoft's own metadata of the live type: an excerpt
// of the v1.0 CSDL and the beta and v1.0 type-mapping lists (names only).
// They are copies kept in the repository (testdata/graph/SOURCES.md says
// where each came from), so a clone tests on its own.
const metadataDir = "../testdata/graph/metadata"

// csdl is what the test reads of the CSDL excerpt.
type csdl struct {
	types map[string]csdlType // EntityType and ComplexType by name
	enums map[string][]string // EnumType members in declaration order
}

type csdlType struct {
	Name  string         `xml:"Name,attr"`
	Props []csdlProperty `xml:"Property"`
}

type csdlProperty struct {
	Name     string `xml:"Name,attr"`
	Type     string `xml:"Type,attr"`
	Nullable string `xml:"Nullable,attr"`
}

type csdlEnum struct {
	Name    string `xml:"Name,attr"`
	Members []struct {
		Name string `xml:"Name,attr"`
	} `xml:"Member"`
}

func loadCSDL(t *testing.T) csdl {
	t.Helper()
	f, err := os.Open(filepath.Join(metadataDir, "v1.0-cloudPcOnPremisesConnection.csdl.xml"))
	if err != nil {
		t.Fatalf("the metadata must be readable here (it is in CI): %v", err)
	}
	defer f.Close()
	out := csdl{types: map[string]csdlType{}, enums: map[string][]string{}}
	dec := xml.NewDecoder(f)
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "EntityType", "ComplexType":
			var ct csdlType
			if err := dec.DecodeElement(&ct, &se); err != nil {
				t.Fatal(err)
			}
			out.types[ct.Name] = ct
		case "EnumType":
			var et csdlEnum
			if err := dec.DecodeElement(&et, &se); err != nil {
				t.Fatal(err)
			}
			for _, m := range et.Members {
				out.enums[et.Name] = append(out.enums[et.Name], m.Name)
			}
		}
	}
	if len(out.types["cloudPcOnPremisesConnection"].Props) == 0 || len(out.enums) == 0 {
		t.Fatal("the CSDL excerpt has no cloudPcOnPremisesConnection or no enums")
	}
	return out
}

// typeMapping is type-mapping.json: per API version, per type, either the
// property names of a structured type or the members of an enum.
type typeMapping map[string]map[string]json.RawMessage

func loadTypeMapping(t *testing.T) typeMapping {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(metadataDir, "type-mapping.json"))
	if err != nil {
		t.Fatalf("the metadata must be readable here (it is in CI): %v", err)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	out := typeMapping{}
	for _, v := range []string{"beta", "v1.0"} {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(raw[v], &m); err != nil {
			t.Fatalf("type-mapping.json %s: %v", v, err)
		}
		out[v] = m
	}
	return out
}

// properties returns the property names of a structured type of version v,
// or nil when v has no such type (or it is an enum).
func (tm typeMapping) properties(v, name string) []string {
	var st struct {
		Properties []string `json:"properties"`
	}
	raw, ok := tm[v][name]
	if !ok || json.Unmarshal(raw, &st) != nil {
		return nil
	}
	return st.Properties
}

// members returns the members of an enum of version v, or nil.
func (tm typeMapping) members(v, name string) []string {
	var ms []string
	if raw, ok := tm[v][name]; !ok || json.Unmarshal(raw, &ms) != nil {
		return nil
	}
	return ms
}

// betaTypes names the types of the beta-only properties, which the v1.0
// CSDL cannot give (graph-facts §1.2, §2.3, §3.2, §3.4); they are checked
// by name against the beta type mapping.
var betaTypes = map[string]string{
	"type":                     "graph.cloudPcOnPremisesConnectionType",
	"managedBy":                "graph.cloudPcManagementService",
	"healthCheckStatusDetails": "graph.cloudPcOnPremisesConnectionStatusDetails",
	"subnetPrivateIpDetail":    "graph.cloudPcOnPremisesConnectionSubnetIpDetail",
	"additionalDetails":        "Edm.String",
}

// objectTypes maps each object type of the onPremisesConnection schema to
// its properties: the root is the entity, $defs are complex types.
func objectTypes(d doc) map[string]doc {
	out := map[string]doc{"cloudPcOnPremisesConnection": d["properties"].(doc)}
	for name, def := range d["$defs"].(doc) {
		out[name] = def.(doc)["properties"].(doc)
	}
	return out
}

func schemaNames(props doc) []string {
	var names []string
	for name := range props {
		if name != "@odata.type" && name != "id" {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

// TestMetadataBeta holds every object type against the beta property lists
// and the beta-only marks against the difference of the two versions.
func TestMetadataBeta(t *testing.T) {
	tm := loadTypeMapping(t)
	d := loadDoc(t, "onPremisesConnection")
	for name, props := range objectTypes(d) {
		beta := tm.properties("beta", name)
		if beta == nil {
			t.Errorf("%s: not a type of the beta metadata", name)
			continue
		}
		if got := schemaNames(props); !slices.Equal(got, sorted(beta)) {
			t.Errorf("%s: properties\n got %v\nwant %v (beta type mapping)", name, got, sorted(beta))
		}
		v1 := tm.properties("v1.0", name)
		def, _ := d["$defs"].(doc)[name].(doc)
		if typeOnly := def != nil && def["x-beta-only"] == true; typeOnly != (v1 == nil) {
			t.Errorf("%s: x-beta-only on the type = %v, but v1.0 has the type = %v", name, typeOnly, v1 != nil)
		}
		if v1 == nil {
			continue // a beta-only type: only beta-only properties refer to it
		}
		for _, p := range beta {
			s, _ := props[p].(doc)
			wantOnly := !slices.Contains(v1, p)
			if got := s["x-beta-only"] == true; got != wantOnly {
				t.Errorf("%s.%s: x-beta-only = %v, want %v", name, p, got, wantOnly)
			}
			if desc, _ := s["description"].(string); strings.Contains(desc, "beta only") != wantOnly {
				t.Errorf("%s.%s: the description's \"beta only\" disagrees with the metadata", name, p)
			}
		}
	}
	for _, p := range schemaNames(d["properties"].(doc)) {
		if _, ok := betaTypes[p]; !ok && !slices.Contains(tm.properties("v1.0", "cloudPcOnPremisesConnection"), p) {
			t.Errorf("%s: neither in v1.0 nor in the table of beta-only types", p)
		}
	}
	// Enum members per version; the schema's enums are the beta members,
	// and what v1.0 lacks is listed in x-beta-only-members.
	walkSchemas("#", d, func(path string, s doc) {
		enumType, flags := enumTypeOf(t, path, s)
		if enumType == "" {
			return
		}
		beta, v1 := tm.members("beta", enumType), tm.members("v1.0", enumType)
		got := memberStrings(s["enum"])
		if flags {
			got = memberStrings(s["x-flags"])
		}
		if !slices.Equal(sorted(got), sorted(beta)) {
			t.Errorf("%s: members\n got %v\nwant %v (beta %s)", path, sorted(got), sorted(beta), enumType)
		}
		var want []string
		for _, m := range beta {
			if v1 != nil && !slices.Contains(v1, m) {
				want = append(want, m)
			}
		}
		only := memberStrings(s["x-beta-only-members"])
		if !slices.Equal(sorted(only), want) {
			t.Errorf("%s: x-beta-only-members = %v, want %v", path, only, want)
		}
	})
}

// enumTypeOf returns the metadata enum type of a property schema, found
// through the schema's own description ("cloudPcOnPremisesConnectionStatus:
// …"), which the v1.0 test holds against the CSDL.
func enumTypeOf(t *testing.T, path string, s doc) (string, bool) {
	if _, ok := s["enum"]; !ok {
		if _, ok := s["x-flags"]; !ok {
			return "", false
		}
	}
	if strings.HasSuffix(path, "/@odata.type") {
		return "", false
	}
	desc, _ := s["description"].(string)
	typ, _, ok := strings.Cut(desc, " ")
	typ = strings.TrimSuffix(typ, ":")
	if !ok || !strings.HasPrefix(typ, "cloudPc") {
		// type's description starts "Deprecated"; its type is known.
		if strings.HasSuffix(path, "/properties/type") {
			return "cloudPcOnPremisesConnectionType", false
		}
		t.Errorf("%s: description does not start with the enum type's name: %q", path, desc)
		return "", false
	}
	_, flags := s["x-flags"]
	return typ, flags
}

// TestMetadataV1 holds every v1.0 property of every v1.0 type against the
// CSDL: JSON type, nullability, format, $ref and enum members (in CSDL
// order, the beta-only members left out).
func TestMetadataV1(t *testing.T) {
	c := loadCSDL(t)
	tm := loadTypeMapping(t)
	d := loadDoc(t, "onPremisesConnection")
	types := objectTypes(d)
	for name, ct := range c.types {
		props, ok := types[name]
		if !ok {
			t.Errorf("the schema lacks the v1.0 type %s", name)
			continue
		}
		var names []string
		for _, cp := range ct.Props {
			names = append(names, cp.Name)
			s, ok := props[cp.Name].(doc)
			if !ok {
				t.Errorf("%s.%s: missing", name, cp.Name)
				continue
			}
			want := jsonSchemaOf(c, cp.Type, cp.Nullable != "false")
			for _, kw := range []string{"type", "format", "$ref", "minimum", "maximum"} {
				if !reflect.DeepEqual(s[kw], want[kw]) {
					t.Errorf("%s.%s (%s, Nullable=%q): %s = %v, want %v", name, cp.Name, cp.Type, cp.Nullable, kw, s[kw], want[kw])
				}
			}
			if items, _ := want["items"].(doc); items != nil {
				got, _ := s["items"].(doc)
				for _, kw := range []string{"type", "format", "$ref"} {
					if !reflect.DeepEqual(got[kw], items[kw]) {
						t.Errorf("%s.%s items: %s = %v, want %v", name, cp.Name, kw, got[kw], items[kw])
					}
				}
			}
			if members, ok := want["enum"]; ok {
				enum, _ := s["enum"].([]any)
				if nullable := cp.Nullable != "false"; len(enum) == 0 || nullable != (enum[len(enum)-1] == nil) {
					t.Errorf("%s.%s: enum %v: null must end it exactly when the property is nullable (%v)", name, cp.Name, enum, nullable)
				}
				betaOnly := memberStrings(s["x-beta-only-members"])
				v1 := slices.DeleteFunc(memberStrings(enum), func(m string) bool { return slices.Contains(betaOnly, m) })
				if !slices.Equal(v1, members.([]string)) {
					t.Errorf("%s.%s: v1.0 members\n got %v\nwant %v (CSDL order)", name, cp.Name, v1, members)
				}
				if desc, _ := s["description"].(string); !strings.HasPrefix(desc, strings.TrimPrefix(cp.Type, "graph.")+":") {
					t.Errorf("%s.%s: the description does not start with %s:", name, cp.Name, cp.Type)
				}
			}
		}
		// The CSDL excerpt and the v1.0 type mapping agree (a sanity check
		// of the metadata files themselves).
		if v1 := tm.properties("v1.0", name); !slices.Equal(sorted(names), sorted(v1)) {
			t.Errorf("%s: CSDL properties %v, v1.0 type mapping %v", name, sorted(names), sorted(v1))
		}
	}
	// The entity key, inherited from graph.entity.
	if id := types["cloudPcOnPremisesConnection"]["id"].(doc); id["type"] != "string" || id["readOnly"] != true {
		t.Errorf("id = %v, want a non-nullable read-only string (entity key)", id)
	}
	// The beta-only properties have the types the facts give.
	for p, typ := range betaTypes {
		owner := types["cloudPcOnPremisesConnection"]
		if p == "additionalDetails" {
			owner = types["cloudPcOnPremisesConnectionHealthCheck"]
		}
		s := owner[p].(doc)
		want := jsonSchemaOf(c, typ, true)
		if typ == "graph.cloudPcManagementService" {
			want = doc{"type": []any{"string", "null"}} // a flags enum: checked by its x-flags
		}
		for _, kw := range []string{"type", "$ref"} {
			if !reflect.DeepEqual(s[kw], want[kw]) {
				t.Errorf("%s (%s): %s = %v, want %v", p, typ, kw, s[kw], want[kw])
			}
		}
	}
}

// jsonSchemaOf maps a CSDL type to the JSON Schema keywords the schema
// must have for it. A collection is never null itself (CSDL 4.01 §7.2.1:
// Nullable on a collection is about its items); the CSDL leaves the items'
// nullability unspecified, so that "the client cannot assume any default",
// and the schema takes the strict side: items are not null.
func jsonSchemaOf(c csdl, typ string, nullable bool) doc {
	if inner, ok := strings.CutPrefix(typ, "Collection("); ok {
		items := jsonSchemaOf(c, strings.TrimSuffix(inner, ")"), false)
		return doc{"type": "array", "items": items}
	}
	out := doc{}
	base := ""
	switch typ {
	case "Edm.String":
		base = "string"
	case "Edm.Boolean":
		base = "boolean"
	case "Edm.DateTimeOffset":
		base, out["format"] = "string", "date-time"
	case "Edm.Int32":
		base, out["minimum"], out["maximum"] = "integer", float64(-2147483648), float64(2147483647)
	default:
		name := strings.TrimPrefix(typ, "graph.")
		if members, ok := c.enums[name]; ok {
			base, out["enum"] = "string", members
		} else {
			base, out["$ref"] = "object", "#/$defs/"+name
		}
	}
	if nullable {
		out["type"] = []any{base, "null"}
	} else {
		out["type"] = base
	}
	return out
}

func memberStrings(v any) []string {
	list, _ := v.([]any)
	var out []string
	for _, m := range list {
		if s, ok := m.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func sorted(ms []string) []string {
	out := slices.Clone(ms)
	sort.Strings(out)
	return out
}

// TestMetadataStubTypes: the types that the stub merely references by name
// follow Microsoft's metadata (SPEC §3): their beta property lists, and the
// JSON types the v1.0 CSDL gives where it has the type.
func TestMetadataStubTypes(t *testing.T) {
	c := loadCSDL(t)
	tm := loadTypeMapping(t)
	defs := loadDoc(t, "azureConnection")["$defs"].(doc)
	for name, def := range defs {
		props := def.(doc)["properties"].(doc)
		if got, want := schemaNames(props), sorted(tm.properties("beta", name)); !slices.Equal(got, want) {
			t.Errorf("%s: properties\n got %v\nwant %v (beta type mapping)", name, got, want)
		}
		for _, cp := range c.types[name].Props {
			s, _ := props[cp.Name].(doc)
			want := jsonSchemaOf(c, cp.Type, cp.Nullable != "false")
			for _, kw := range []string{"type", "format", "$ref"} {
				if !reflect.DeepEqual(s[kw], want[kw]) {
					t.Errorf("%s.%s: %s = %v, want %v", name, cp.Name, kw, s[kw], want[kw])
				}
			}
		}
	}
	if len(defs) == 0 {
		t.Fatal("no $defs")
	}
}
