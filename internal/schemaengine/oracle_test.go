package schemaengine

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/azconn/azconn/internal/schemaoracle"
	"github.com/azconn/azconn/schema"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
)

// The oracle is a general JSON Schema engine (internal/schemaoracle). On
// every instance below, for every target, this engine must find the same
// violations: kind, location and wanted values.

type compiledPair struct {
	own    *Schema
	oracle *jsonschema.Schema
}

var pairs = sync.OnceValues(func() (map[string]compiledPair, error) {
	out := map[string]compiledPair{}
	for _, t := range schema.Tables() {
		src, err := schema.Source(t.Name)
		if err != nil {
			return nil, err
		}
		own, err := Compile(t.File, src)
		if err != nil {
			return nil, err
		}
		oracle, err := schemaoracle.Compile(t.File, src)
		if err != nil {
			return nil, err
		}
		out[t.Name] = compiledPair{own, oracle}
	}
	return out, nil
})

// describe writes violations as sorted lines, the unknown names sorted
// (the oracle lists them in map order).
func describe(vs []Violation) []string {
	var out []string
	for _, v := range vs {
		want := slices.Clone(v.Want)
		if v.Kind == KindAdditional {
			slices.Sort(want)
		}
		out = append(out, fmt.Sprintf("%d /%s %v", v.Kind, strings.Join(v.Location, "/"), want))
	}
	slices.Sort(out)
	return out
}

// oracleViolations are the oracle's leaf errors as Violations.
func oracleViolations(t testing.TB, s *jsonschema.Schema, inst any) []Violation {
	err := s.Validate(inst)
	if err == nil {
		return nil
	}
	ve, ok := err.(*jsonschema.ValidationError)
	if !ok {
		t.Fatalf("oracle: %v", err)
	}
	var out []Violation
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		for _, c := range e.Causes {
			walk(c)
		}
		if len(e.Causes) > 0 {
			return
		}
		v := Violation{Location: e.InstanceLocation}
		switch k := e.ErrorKind.(type) {
		case *kind.Type:
			v.Kind, v.Want = KindType, k.Want
		case *kind.Enum:
			v.Kind = KindEnum
		case *kind.Pattern:
			v.Kind = KindPattern
		case *kind.Format:
			v.Kind, v.Want = KindFormat, []string{k.Want}
		case *kind.Minimum:
			v.Kind = KindMinimum
		case *kind.Maximum:
			v.Kind = KindMaximum
		case *kind.AdditionalProperties:
			v.Kind, v.Want = KindAdditional, k.Properties
		default:
			t.Fatalf("oracle: a kind this engine lacks: %T at %v", k, e.InstanceLocation)
		}
		out = append(out, v)
	}
	walk(ve)
	return out
}

// signedTimeField reports a date-time whose hour, minute, second or offset
// field holds a sign, as in 2024-01-01T+1:00:00Z: the oracle reads those
// fields with strconv.Atoi and so accepts a sign there, which RFC 3339's
// grammar (2DIGIT) does not. This engine rejects them; the one known
// difference.
func signedTimeField(inst any) bool {
	switch v := inst.(type) {
	case string:
		return len(v) >= 20 && (v[10] == 'T' || v[10] == 't') && strings.ContainsAny(v[11:], "+-") &&
			!isDateTime(v) && strings.ContainsAny(strings.TrimLeft(v[11:19], "0123456789:"), "+-")
	case []any:
		return slices.ContainsFunc(v, signedTimeField)
	case map[string]any:
		for _, x := range v {
			if signedTimeField(x) {
				return true
			}
		}
	}
	return false
}

// compare checks one JSON text under every target.
func compare(t testing.TB, data []byte) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var inst any
	if err := dec.Decode(&inst); err != nil {
		return
	}
	ps, err := pairs()
	if err != nil {
		t.Fatal(err)
	}
	for name, p := range ps {
		own, oracle := describe(p.own.Validate(FromJSON(inst))), describe(oracleViolations(t, p.oracle, inst))
		if !slices.Equal(own, oracle) && !signedTimeField(inst) {
			t.Errorf("%s: %.300s\nthis engine: %q\nthe oracle:  %q", name, data, own, oracle)
		}
	}
}

// corpus is every JSON body the project holds: the docs' examples, the
// real bodies, the schema tests' inputs and the lint goldens' inputs.
func corpus(t testing.TB) map[string][]byte {
	out := map[string][]byte{}
	for _, pattern := range []string{
		"../../testdata/graph/examples/*.json",
		"../../validate/testdata/real/*/input.json",
		"../../validate/testdata/golden/*/input.json",
		"../../schema/testdata/*.json",
	} {
		files, _ := filepath.Glob(pattern)
		if len(files) == 0 {
			t.Fatalf("no files match %s", pattern)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out[f] = b
		}
	}
	return out
}

// probes are values put in place of each member in turn: every JSON type,
// integers at and past the 32-bit bounds in several spellings, and
// date-times at the edges of RFC 3339.
var probes = []string{
	`null`, `true`, `false`, `"x"`, `""`, `[]`, `["x"]`, `[1]`, `{}`, `{"a":1}`, `{"healthChecks":[{"x":1}]}`,
	`0`, `-0`, `1.0`, `1.5`, `1e2`, `1E-2`, `2147483647`, `2147483648`, `-2147483648`, `-2147483649`,
	`2147483647.0000000001`, `21474836.47e2`, `2.147483648e9`, `-2.147483648e9`, `1e400`, `-1e400`, `0.0000e99999`,
	`"2024-02-29T23:59:60Z"`, `"2023-02-29T00:00:00Z"`, `"2024-12-31T23:59:60+00:00"`, `"2024-12-31T23:59:60-01:00"`,
	`"2024-01-01T00:59:60+01:00"`, `"2024-12-31T23:58:60Z"`, `"2024-12-31T22:59:60Z"`, `"2024-12-31T23:59:61Z"`, `"0000-01-01T00:00:00Z"`, `"1900-02-29T00:00:00Z"`, `"2000-02-29T00:00:00Z"`, `"2024-04-31T00:00:00Z"`, `"2024-01-01t00:00:00.123z"`, `"2024-01-01T00:00:00."`, `"2024-01-01T24:00:00Z"`,
	`"2024-01-01 00:00:00Z"`, `"2024-13-01T00:00:00Z"`, `"2024-01-01T00:00:00+2400"`, `"2024-01-01T00:00:00+23:59"`,
	`"hybridAzureADJoin"`, `"HybridAzureADJoin"`, `"windows365,devBox"`, `"windows365, devBox"`, `"#microsoft.graph.cloudPcOnPremisesConnection"`,
}

// mutations returns data with each member's value replaced by each probe,
// at every depth, and with an unknown and an annotation member added to
// each object.
func mutations(data []byte) [][]byte {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var root any
	if dec.Decode(&root) != nil {
		return nil
	}
	var out [][]byte
	emit := func() {
		b, _ := json.Marshal(root)
		out = append(out, b)
	}
	var visit func(v any)
	visit = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, old := range v {
				for _, p := range probes {
					var x any
					d := json.NewDecoder(strings.NewReader(p))
					d.UseNumber()
					_ = d.Decode(&x)
					v[k] = x
					emit()
				}
				v[k] = old
				visit(old)
			}
			v["notAProperty"], v["x@odata.type"] = 1, "#x"
			emit()
			delete(v, "notAProperty")
			delete(v, "x@odata.type")
		case []any:
			for _, e := range v {
				visit(e)
			}
		}
	}
	visit(root)
	return out
}

// TestOracle compares the engines on the corpus, on every mutation of each
// body, and on each probe as a whole instance.
func TestOracle(t *testing.T) {
	n := 0
	for name, data := range corpus(t) {
		compare(t, data)
		if strings.Contains(name, "golden") {
			continue // many small variations of the same bodies: compared as they are
		}
		for _, m := range mutations(data) {
			compare(t, m)
			n++
		}
		if t.Failed() {
			t.Fatalf("stopped at %s", name)
		}
	}
	for _, p := range probes {
		compare(t, []byte(p))
	}
	if n < 20000 {
		t.Errorf("only %d mutations: the corpus is smaller than it should be", n)
	}
	t.Logf("%d instances", n)
}

// FuzzOracle compares the engines on any JSON text.
func FuzzOracle(f *testing.F) {
	for _, data := range corpus(f) {
		f.Add(data)
	}
	for _, p := range probes {
		f.Add([]byte(`{"subnetPrivateIpDetail":{"subnetAvailableIpCount":` + p + `},"healthCheckStatusDetail":{"startDateTime":` + p + `}}`))
	}
	f.Fuzz(func(t *testing.T, data []byte) { compare(t, data) })
}
