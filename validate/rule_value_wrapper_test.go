package validate

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func TestValueWrapper(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		opts     Options
		sev      Severity // 0: does not fire
		fixed    bool
		out      string // normalized; "" means unchanged
		ptrs     []string
	}{
		{"unwrap", "{\n  \"value\": {\n    \"displayName\": \"a\"\n  }\n}\n", Options{}, SeverityWarning, true,
			"{\n    \"displayName\": \"a\"\n  }\n", nil},
		{"unwrap with control information", `{"@odata.context": "https://graph.microsoft.com/beta/$metadata#x/$entity", "value": {"displayName": "a", "subnetId": "/x"}}`,
			Options{Target: OnPremisesConnection}, SeverityWarning, true, `{"displayName": "a", "subnetId": "/x"}`, nil},
		{"inner fixes apply, then the unwrap", `{"value": {"DisplayName": "a", "id": "1", "@odata.etag": "W/1"}}`, Options{DropReadOnly: true}, SeverityWarning, true,
			`{"displayName": "a"}`, []string{"/value/DisplayName", "/value/id", "/value/@odata.etag"}},
		{"the inner object is the entity", `{"value": {"connectionType": "azureADJoin", "SubnetId": "/x"}}`, Options{}, SeverityWarning, true,
			`{"connectionType": "azureADJoin", "subnetId": "/x"}`, []string{"/value/SubnetId"}},
		{"a list", `{"@odata.context": "x", "value": [{"displayName": "a"}, {"displayName": "b"}]}`, Options{}, SeverityError, false, "", nil},
		{"data beside value: not a wrapper", `{"value": {"displayName": "a"}, "displayName": "b"}`, Options{}, 0, false, "", nil},
		{"a string value: not a wrapper", `{"value": "x"}`, Options{}, 0, false, "", nil},
		{"no value", `{"@odata.context": "x", "displayName": "a"}`, Options{}, 0, false, "", nil},
		{"blocked input is left alone", `{"value": {"displayName": "a", "displayName": "b"}}`, Options{}, SeverityWarning, true, "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := Lint([]byte(tc.in), tc.opts)
			var fs []Finding
			for _, f := range res.Findings {
				switch {
				case f.Rule == "value-wrapper":
					fs = append(fs, f)
				case tc.sev != 0:
					if tc.sev == SeverityError {
						t.Errorf("a list gets one finding, not also %s", f)
					}
					if strings.Contains(f.Message, `"value"`) {
						t.Errorf("value reported again: %s", f)
					}
				}
			}
			if tc.sev == 0 {
				if len(fs) != 0 {
					t.Fatalf("fires: %v", fs)
				}
				return
			}
			if len(fs) != 1 || fs[0].Severity != tc.sev || fs[0].Pointer != "/value" || fs[0].Fixable != tc.fixed || spanText(tc.in, fs[0]) != `"value"` {
				t.Fatalf("got %v", fs)
			}
			f := fs[0]
			if tc.fixed {
				if f.Fix == nil || !reflect.DeepEqual(*f.Fix, Fix{Op: "move", From: "/value", Path: ""}) {
					t.Errorf("fix %+v, want a move of /value to the root", f.Fix)
				}
				if res.Changed && (len(res.Fixes) == 0 || !reflect.DeepEqual(res.Fixes[len(res.Fixes)-1], *f.Fix)) {
					t.Errorf("the unwrap is not the last fix: %+v", res.Fixes)
				}
			}
			want := tc.out
			if want == "" {
				want = tc.in
			}
			if string(res.Normalized) != want {
				t.Errorf("normalized\n%s\nwant\n%s", res.Normalized, want)
			}
			for _, ptr := range tc.ptrs {
				found := false
				for _, g := range res.Findings {
					found = found || g.Pointer == ptr
				}
				if !found {
					t.Errorf("no finding at %s (pointers are those of the whole text): %v", ptr, res.Findings)
				}
			}
		})
	}
}

// TestValueWrapperPatch: Result.Fixes applied as a JSON Patch (with the
// fuzzer's applier, root move included) give the normalized body.
func TestValueWrapperPatch(t *testing.T) {
	in := []byte(`{"@odata.context": "x", "value": {"DisplayName": "a", "inUse": true, "scopeIds@odata.type": "#Collection(String)", "scopeIds": ["0"]}}`)
	res := Lint(in, Options{Target: OnPremisesConnection, DropReadOnly: true})
	got, err := applyPatch(in, res.Fixes)
	if err != nil {
		t.Fatalf("%v (%+v)", err, res.Fixes)
	}
	var want any
	if err := json.Unmarshal(res.Normalized, &want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("patched %v\nnormalized %s", got, res.Normalized)
	}
	if string(res.Normalized) != `{"displayName": "a", "scopeIds": ["0"]}` {
		t.Errorf("normalized %s", res.Normalized)
	}
}
