package validate

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"testing"

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
		if res.Form != FormJSON {
			// Requests: only the bodies (and Content-Length) change,
			// and once is enough.
			checkFraming(t, data, res)
			if again := Lint(out, opts); again.Changed {
				t.Fatalf("normalizing twice differs from once:\n%s\n---\n%s", out, again.Normalized)
			}
			return
		}
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
		got, err := applyPatch(doc, res.Fixes)
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

// applyPatch applies replace, move and remove operations (RFC 6902) to a
// decoded document.
func applyPatch(doc any, ops []Fix) (any, error) {
	for _, op := range ops {
		var err error
		switch op.Op {
		case "replace":
			var v any
			if err = decode(op.Value, &v); err == nil {
				doc, err = setAt(doc, op.Path, v, true)
			}
		case "remove":
			doc, _, err = removeAt(doc, op.Path)
		case "move":
			var v any
			if doc, v, err = removeAt(doc, op.From); err == nil {
				doc, err = setAt(doc, op.Path, v, false)
			}
		default:
			err = strconv.ErrSyntax
		}
		if err != nil {
			return nil, err
		}
	}
	return doc, nil
}

func splitPointer(p string) (parent []string, last string) {
	segs := strings.Split(p, "/")[1:]
	for i := range segs {
		segs[i] = strings.NewReplacer("~1", "/", "~0", "~").Replace(segs[i])
	}
	return segs[:len(segs)-1], segs[len(segs)-1]
}

func walkTo(doc any, segs []string) (any, error) {
	for _, s := range segs {
		switch c := doc.(type) {
		case map[string]any:
			doc = c[s]
		case []any:
			i, err := strconv.Atoi(s)
			if err != nil || i >= len(c) {
				return nil, strconv.ErrRange
			}
			doc = c[i]
		default:
			return nil, strconv.ErrSyntax
		}
	}
	return doc, nil
}

func setAt(doc any, p string, v any, mustExist bool) (any, error) {
	if p == "" {
		return v, nil
	}
	segs, last := splitPointer(p)
	parent, err := walkTo(doc, segs)
	if err != nil {
		return nil, err
	}
	switch c := parent.(type) {
	case map[string]any:
		if _, ok := c[last]; mustExist && !ok {
			return nil, strconv.ErrRange
		}
		c[last] = v
	case []any:
		i, err := strconv.Atoi(last)
		if err != nil || i >= len(c) {
			return nil, strconv.ErrRange
		}
		c[i] = v
	default:
		return nil, strconv.ErrSyntax
	}
	return doc, nil
}

func removeAt(doc any, p string) (any, any, error) {
	segs, last := splitPointer(p)
	parent, err := walkTo(doc, segs)
	if err != nil {
		return nil, nil, err
	}
	c, ok := parent.(map[string]any)
	if !ok {
		return nil, nil, strconv.ErrSyntax
	}
	v, ok := c[last]
	if !ok {
		return nil, nil, strconv.ErrRange
	}
	delete(c, last)
	return doc, v, nil
}
