package validate

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	jsonpatch "github.com/evanphx/json-patch/v5"
	"github.com/tidwall/sjson"
)

// FuzzNormalize: when normalization changes the input, the output is valid
// JSON; normalizing twice equals once; linting the output leaves no fixable
// finding; and the output equals the input with Result.Fixes applied as a
// JSON Patch, so every property and value that no fix touched survives.
func FuzzNormalize(f *testing.F) {
	addGoldenSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte, onPrem, drop bool) {
		opts := fuzzOptions(onPrem, drop)
		res := Lint(data, opts)
		if !res.Changed {
			return
		}
		out := res.Normalized
		if !json.Valid(out) {
			t.Fatalf("normalized output is not JSON:\n%s", out)
		}
		again := Lint(out, opts)
		if again.Changed {
			t.Fatalf("normalizing twice differs from once:\n%s\n---\n%s", out, again.Normalized)
		}
		for _, fd := range again.Findings {
			if fd.Fix != nil {
				t.Fatalf("fixable finding left after normalization: %s", fd)
			}
		}
		in := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
		var doc, want any
		if decode(in, &doc) != nil || decode(out, &want) != nil {
			return
		}
		got, err := applyPatch(in, res.Fixes)
		if err != nil {
			t.Fatalf("fixes do not apply as a JSON Patch: %v (%+v)", err, res.Fixes)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("output is not the input with the fixes applied:\npatched: %v\noutput:  %v", got, want)
		}
	})
}

// FuzzSecrets places a random password into a payload and checks that it
// appears in no message, no fix, and nothing Redact returns.
func FuzzSecrets(f *testing.F) {
	addGoldenSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte, onPrem, drop bool) {
		if len(data) < 8 {
			return
		}
		pw := string(data[:8]) + "-pw"
		if !json.Valid(data[8:]) || strings.ContainsAny(pw, "\"\\") {
			return
		}
		payload, err := sjson.SetBytes(data[8:], "adDomainPassword", pw)
		if err != nil || bytes.Count(payload, []byte(pw)) != 1 {
			return // the password must be the only place those bytes occur
		}
		opts := fuzzOptions(onPrem, drop)
		res := Lint(payload, opts)
		for _, fd := range res.Findings {
			if strings.Contains(fd.Message, pw) {
				t.Fatalf("message quotes the password: %s", fd.Message)
			}
			if fd.Fix != nil && strings.Contains(string(fd.Fix.Value), pw) {
				t.Fatalf("fix carries the password: %s", fd.Fix.Value)
			}
		}
		for _, b := range [][]byte{Redact(payload, opts.Target), Redact(res.Normalized, opts.Target)} {
			if bytes.Contains(b, []byte(pw)) {
				t.Fatalf("Redact left the password in:\n%s", b)
			}
		}
	})
}

func fuzzOptions(onPrem, drop bool) Options {
	opts := Options{DropReadOnly: drop}
	if onPrem {
		opts.Target = OnPremisesConnection
	}
	return opts
}

func addGoldenSeeds(f *testing.F) {
	for _, c := range loadCases(f) {
		f.Add(c.in, c.opts.Target == OnPremisesConnection, c.opts.DropReadOnly)
	}
}

func decode(b []byte, v *any) error {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	return d.Decode(v)
}

// applyPatch applies ops to the JSON text doc with an independent RFC 6902
// implementation (evanphx/json-patch) and decodes the result.
func applyPatch(doc []byte, ops []Fix) (any, error) {
	raw, err := json.Marshal(ops)
	if err != nil {
		return nil, err
	}
	patch, err := jsonpatch.DecodePatch(raw)
	if err != nil {
		return nil, err
	}
	out, err := patch.Apply(doc)
	if err != nil {
		return nil, err
	}
	var v any
	err = decode(out, &v)
	return v, err
}
