package validate

import (
	"bytes"
	"encoding/json"
	"testing"
)

// Over every golden case: Fixed is Edit's presence; a Fix is set only on a
// fixable finding, and on unblocked input only for a fix that was applied;
// with NoFix "*" nothing is fixed, yet every applied fix is still
// described by the same Fix, and the findings are the same.
func TestFixConsistentWithEdit(t *testing.T) {
	for _, c := range loadCases(t) {
		res := Lint(c.in, c.opts)
		blocked := false
		for _, f := range res.Findings {
			blocked = blocked || blocking[f.Rule]
		}
		for _, f := range res.Findings {
			if f.Fixed != (f.Edit != nil) || f.Fix != nil && !f.Fixable || f.Fixed && !f.Fixable {
				t.Errorf("%s: %s: Fixed %v, Edit %v, Fixable %v, Fix %v", c.name, f.Rule, f.Fixed, f.Edit, f.Fixable, f.Fix)
			}
			if !blocked && f.Fix != nil && !f.Fixed {
				t.Errorf("%s: %s at %s: a Fix that was not applied", c.name, f.Rule, f.Pointer)
			}
		}
		opts := c.opts
		opts.NoFix = []string{"*"}
		held := Lint(c.in, opts)
		if !bytes.Equal(held.Normalized, c.in) || held.Changed || len(held.Fixes) != 0 {
			t.Errorf("%s: NoFix * changed the input", c.name)
		}
		if len(held.Findings) != len(res.Findings) {
			t.Errorf("%s: NoFix * reports %d findings, not %d", c.name, len(held.Findings), len(res.Findings))
			continue
		}
		for i, f := range held.Findings {
			g := res.Findings[i]
			if f.Fixed || f.Edit != nil || f.Rule != g.Rule || f.Fixable != g.Fixable && g.Fix != nil {
				t.Errorf("%s: NoFix *: %s fixed %v fixable %v (was %v)", c.name, f.Rule, f.Fixed, f.Fixable, g.Fixable)
			}
			if g.Fixed && g.Fix != nil && !sameFix(f.Fix, g.Fix) {
				t.Errorf("%s: NoFix *: %s describes %v, the applied fix was %v", c.name, f.Rule, f.Fix, g.Fix)
			}
		}
	}
}

func sameFix(a, b *Fix) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

// NoFix for one rule reports its finding, keeps its value, and still
// applies the others' fixes.
func TestNoFixOneRule(t *testing.T) {
	in := []byte(`{"connectionType": "HybridAzureADJoin", "displayName": " Contoso "}`)
	res := Lint(in, Options{Target: OnPremisesConnection, NoFix: []string{"enum-case"}})
	var enum, ws *Finding
	for i := range res.Findings {
		switch res.Findings[i].Rule {
		case "enum-case":
			enum = &res.Findings[i]
		case "whitespace":
			ws = &res.Findings[i]
		}
	}
	if enum == nil || ws == nil {
		t.Fatalf("findings %v", res.Findings)
	}
	if enum.Fixed || enum.Fix == nil || string(enum.Fix.Value) != `"hybridAzureADJoin"` || !ws.Fixed {
		t.Errorf("enum-case fixed %v fix %v; whitespace fixed %v", enum.Fixed, enum.Fix, ws.Fixed)
	}
	if want := `{"connectionType": "HybridAzureADJoin", "displayName": "Contoso"}`; string(res.Normalized) != want {
		t.Errorf("Normalized %s, want %s", res.Normalized, want)
	}
	if _, err := New(Options{NoFix: []string{"nope"}}); err == nil {
		t.Error("NoFix accepted an unknown rule")
	}
}

// The JSON form (the CLI's --format json, the page's bridge) carries
// Fixed: true for an applied fix, false for one held back by NoFix (still
// fixable, its Fix described), for a blocked input's fix and for a finding
// with no fix; UnmarshalJSON reads it back.
func TestFixedInJSON(t *testing.T) {
	in := []byte(`{"connectionType": "HybridAzureADJoin", "displayName": " Contoso ", "nope": 1}`)
	res := Lint(in, Options{Target: OnPremisesConnection, NoFix: []string{"enum-case"}})
	blocked := Lint([]byte(`{"displayName": " a ", "displayName": "b"}`), Options{})
	want := map[string]string{
		"whitespace":       `"fixable":true,"fixed":true,"fix":{`,
		"enum-case":        `"fixable":true,"fixed":false,"fix":{`,
		"unknown-property": `"fixable":false,"fixed":false,"request"`,
	}
	for _, f := range append(res.Findings, blocked.Findings...) {
		b, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		var back Finding
		if err := json.Unmarshal(b, &back); err != nil || back.Fixed != f.Fixed || back.Fixable != f.Fixable {
			t.Errorf("%s: %s read back as fixed %v fixable %v (%v)", f.Rule, b, back.Fixed, back.Fixable, err)
		}
	}
	for _, f := range res.Findings {
		b, _ := json.Marshal(f)
		if w, ok := want[f.Rule]; ok && !bytes.Contains(b, []byte(w)) {
			t.Errorf("%s: %s lacks %s", f.Rule, b, w)
		}
		delete(want, f.Rule)
	}
	if len(want) > 0 {
		t.Errorf("no finding of %v", want)
	}
	var ws bool
	for _, f := range blocked.Findings {
		if f.Rule == "whitespace" {
			ws = true
			if b, _ := json.Marshal(f); !bytes.Contains(b, []byte(`"fixable":true,"fixed":false`)) {
				t.Errorf("blocked input: %s", b)
			}
		}
	}
	if !ws {
		t.Errorf("blocked input: no whitespace finding in %v", blocked.Findings)
	}
}
