package validate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	jsonpatch "github.com/evanphx/json-patch/v5"
	"github.com/tidwall/sjson"

	"github.com/azconn/azconn/internal/secrets"
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
		got, err := applyPatch(in, res.Fixes)
		if err != nil {
			t.Fatalf("fixes do not apply as a JSON Patch: %v (%+v)", err, res.Fixes)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("output is not the input with the fixes applied:\npatched: %v\noutput:  %v", got, want)
		}
	})
}

// FuzzSecrets places a password, taken from the fuzzer's bytes (any
// length from 1, quotes and backslashes included), into a random valid
// payload: as adDomainPassword, under a misspelt or miscased key, and also
// as (or inside) organizationalUnit, adDomainName, adDomainUsername, a
// displayName with spaces, a key named as the password, or a key inside an
// object-valued password. No message, pointer, fix value or Result.Fixes
// entry may carry it, nor anything Redact returns, for the input and for
// the normalized output: as a whole token when it is shorter than 4
// characters, in its raw, escaped and decoded forms anywhere when longer.
func FuzzSecrets(f *testing.F) {
	addGoldenSeeds(f)
	for _, pw := range []string{`Pa"ss\wd-77q`, `a`, `"`, `\`, `ab`, `C0rp\Wint3r`, `my pass word`, `a/b~c`} {
		for w := range placements {
			f.Add(append([]byte{byte(w), byte(len(pw) - 1)}, pw+`{"displayName":"a","adDomainName":"corp.contoso.com"}`...), w%2 == 1, false)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, onPrem, drop bool) {
		if len(data) < 3 {
			return
		}
		where, n := int(data[0]), 1+int(data[1])%24
		if len(data) < 2+n {
			return
		}
		pw, base := string(data[2:2+n]), data[2+n:]
		opts := fuzzOptions(onPrem, drop)
		if !fuzzablePassword(pw, base, opts) {
			return
		}
		payload := placePassword(base, pw, where)
		if payload == nil {
			return
		}
		res := Lint(payload, opts)
		forms := secretForms(pw)
		if b, err := json.Marshal(pw); err == nil {
			forms = append(forms, string(b[1:len(b)-1]))
		}
		whole := utf8.RuneCountInString(pw) < secrets.FreeMin
		if l := leak(res, forms, whole); l != "" {
			t.Fatalf("password %q gets out (placement %d): %s\npayload: %s", pw, where%placements, l, payload)
		}
		for _, b := range [][]byte{Redact(payload, opts.Target), Redact(res.Normalized, opts.Target)} {
			for _, f := range forms {
				if whole && hasToken(string(b), f) || !whole && bytes.Contains(b, []byte(f)) {
					t.Fatalf("Redact leaves %q in (placement %d):\n%s\npayload: %s", f, where%placements, b, payload)
				}
			}
		}
	})
}

// placements is how many ways placePassword has.
const placements = 9

// placePassword sets the password in data (a JSON object) in one of the
// placements, or returns nil.
func placePassword(data []byte, pw string, where int) []byte {
	set := func(b []byte, path string, v any) []byte {
		if b == nil {
			return nil
		}
		out, err := sjson.SetBytes(b, path, v)
		if err != nil {
			return nil
		}
		return out
	}
	esc := func(k string) string { // an sjson path naming the key k
		return strings.NewReplacer(`\`, `\\`, ".", `\.`, "*", `\*`, "?", `\?`, "|", `\|`, "#", `\#`, "@", `\@`, ":", `\:`, "!", `\!`, "=", `\=`, "<", `\<`, ">", `\>`, "%", `\%`).Replace(k)
	}
	switch where % placements {
	case 0:
		return set(data, "adDomainPassword", pw)
	case 1:
		return set(data, []string{"adDomainPasword", "AdDomainPasswrd", "adDomainPassw0rd", "adDomianPassword"}[where/placements%4], pw)
	case 2:
		return set(set(data, "ADDOMAINPASSWORD", pw), "organizationalUnit", pw)
	case 3:
		return set(set(data, "adDomainPassword", pw), "adDomainName", pw)
	case 4:
		return set(set(data, "adDomainPassword", pw), "adDomainUsername", `CONTOSO\`+pw)
	case 5:
		return set(set(data, "adDomainPassword", pw), "displayName", "  "+pw+" ")
	case 6:
		return set(set(data, "adDomainPassword", pw), esc(pw), 1)
	case 7:
		return set(data, "adDomainPassword", map[string]any{pw: 1, "x": []string{pw}})
	default:
		return set(set(data, "adDomainPassword", pw), "healthCheckStatus", pw)
	}
}

// fuzzablePassword reports whether pw can be told apart from the rest: a
// valid string that data does not already hold in any form, that is no
// part of a property name (which is never masked) or of the mask.
func fuzzablePassword(pw string, data []byte, opts Options) bool {
	if !utf8.ValidString(pw) || !json.Valid(data) || len(data) == 0 || data[0] != '{' {
		return false
	}
	if strings.Contains(`"`+RedactMask+`"`, pw) || secrets.IsStandIn(pw) {
		return false // a stand-in is shown as written (TestStandInPasswords)
	}
	whole := utf8.RuneCountInString(pw) < secrets.FreeMin
	for _, f := range secretForms(pw) {
		if whole && hasToken(string(data), f) || !whole && bytes.Contains(data, []byte(f)) {
			return false
		}
	}
	for name := range redactionFor(opts.Target).Names.All() {
		if strings.Contains(name, pw) || strings.Contains(pw, name) && utf8.RuneCountInString(pw) < secrets.FreeMin {
			return false
		}
	}
	return true
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
// implementation (evanphx/json-patch) and decodes the result. That library
// cannot move a value to the root (it adds a member named ""), so a last
// root move, the value-wrapper unwrap, is applied here: the document
// becomes the value at its from path.
func applyPatch(doc []byte, ops []Fix) (any, error) {
	if n := len(ops); n > 0 && ops[n-1].Op == "move" && ops[n-1].Path == "" {
		v, err := applyPatch(doc, ops[:n-1])
		if err != nil {
			return nil, err
		}
		return valueAt(v, ops[n-1].From)
	}
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

// valueAt returns the value at RFC 6901 pointer ptr of a decoded document.
func valueAt(doc any, ptr string) (any, error) {
	if ptr == "" {
		return doc, nil
	}
	for _, seg := range strings.Split(ptr, "/")[1:] {
		seg = strings.NewReplacer("~1", "/", "~0", "~").Replace(seg)
		switch c := doc.(type) {
		case map[string]any:
			v, ok := c[seg]
			if !ok {
				return nil, fmt.Errorf("no member %q at %s", seg, ptr)
			}
			doc = v
		case []any:
			i, err := strconv.Atoi(seg)
			if err != nil || i < 0 || i >= len(c) {
				return nil, fmt.Errorf("no element %q at %s", seg, ptr)
			}
			doc = c[i]
		default:
			return nil, fmt.Errorf("%s goes through a scalar", ptr)
		}
	}
	return doc, nil
}
