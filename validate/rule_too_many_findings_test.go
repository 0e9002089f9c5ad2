package validate

import (
	"bytes"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// TestFindingsCap: past the cap the blocking findings come first, then by
// severity; the rest is counted by severity, every fix is still applied,
// and the kept findings stay sorted.
func TestFindingsCap(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"displayName":" a ",`)
	for i := range 50 {
		b.WriteString(`"k` + strconv.Itoa(i) + `":1,`) // 50 unknown-property errors
	}
	b.WriteString(`"healthCheckStatus":"Passed"}`) // read-only + enum-case warnings
	in := []byte(b.String())
	full := Lint(in, Options{MaxFindings: 1 << 20})
	capped := Lint(in, Options{MaxFindings: 10})
	if len(full.Findings) != 53 || full.Omitted != nil {
		t.Fatalf("uncapped: %d findings, omitted %v", len(full.Findings), full.Omitted)
	}
	if len(capped.Findings) != 11 {
		t.Fatalf("capped: %d findings", len(capped.Findings))
	}
	summary := 0
	for i, f := range capped.Findings {
		if i > 0 && capped.Findings[i-1].Start.Offset > f.Start.Offset {
			t.Errorf("not sorted at %d", i)
		}
		switch {
		case f.Rule == "too-many-findings":
			summary++
			if !strings.Contains(f.Message, "43 more findings not listed (40 errors, 2 warnings and 1 info)") {
				t.Errorf("summary: %s", f.Message)
			}
		case f.Severity != SeverityError:
			t.Errorf("kept a %s before every error: %s", f.Severity, f)
		}
	}
	if summary != 1 {
		t.Errorf("%d summaries", summary)
	}
	for _, s := range []Severity{SeverityError, SeverityWarning, SeverityInfo} {
		if capped.Count(s) != full.Count(s) {
			t.Errorf("Count(%s) = %d, uncapped %d", s, capped.Count(s), full.Count(s))
		}
	}
	if !capped.Fails(SeverityInfo) || string(capped.Normalized) != string(full.Normalized) || len(capped.Fixes) != len(full.Fixes) {
		t.Errorf("the cap changed the fixes or the failure")
	}
	// Only infos past the cap: Fails(warning) is false although the
	// summary is a warning.
	infoOnly := Lint([]byte(`{"displayName":" a ","adDomainName":" corp.contoso.com "}`), Options{MaxFindings: 1})
	if infoOnly.Fails(SeverityWarning) || infoOnly.Count(SeverityInfo) != 2 {
		t.Errorf("info only: %v", infoOnly.Findings)
	}
}

// TestFindingsCapBlockingFirst: blocking findings are kept before other
// errors.
func TestFindingsCapBlockingFirst(t *testing.T) {
	res := Lint([]byte(`{"zz":1,"yy":2,"xx":3,"a":1,"a":2}`), Options{MaxFindings: 1})
	if len(res.Findings) != 2 || res.Findings[0].Rule != "duplicate-key" && res.Findings[1].Rule != "duplicate-key" {
		t.Fatalf("got %v", res.Findings)
	}
}

// TestMaxFindingsNegative: a negative cap is a bad option, reported as one
// internal finding with nothing linted.
func TestMaxFindingsNegative(t *testing.T) {
	res := Lint([]byte(`{"x":1}`), Options{MaxFindings: -1})
	if len(res.Findings) != 1 || res.Findings[0].Rule != "internal" || !strings.Contains(res.Findings[0].Message, "MaxFindings") || res.Changed {
		t.Fatalf("got %v", res.Findings)
	}
}

// TestFindingsCapPointerBytes: under a long key every finding's pointer
// holds the key, so past pointerBudget the findings are left out as past
// the cap: counted, summarised (saying why), the listed ones the first in
// the cap's order with their exact pointers; a body of the same findings
// under a short key lists them all.
func TestFindingsCapPointerBytes(t *testing.T) {
	const dups = 600
	body := func(key string) []byte {
		in := repeatTo(0, `{"`+key+`":[`, "", "", "")
		for i := range dups {
			if i > 0 {
				in = append(in, ',')
			}
			in = append(in, `{"a":1,"a":1}`...)
		}
		return append(in, `],"k1":1,"k2":2}`...) // three unknown-property errors with the key, after in cap order
	}
	short := Lint(body("x"), Options{})
	if short.Omitted != nil || short.Count(SeverityError) != dups+3 {
		t.Fatalf("short key: %d errors, omitted %v", short.Count(SeverityError), short.Omitted)
	}
	key := strings.Repeat("k", 40000)
	in := body(key)
	res := Lint(in, Options{})
	total, listed, summary := 0, 0, 0
	for _, f := range res.Findings {
		if f.Rule == "too-many-findings" {
			summary++
			if !strings.Contains(f.Message, "long keys") || !strings.Contains(f.Message, "lint a smaller part") {
				t.Errorf("summary does not say why: %s", f.Message)
			}
			continue
		}
		if want := "/" + key + "/" + strconv.Itoa(listed) + "/a"; f.Rule != "duplicate-key" || f.Pointer != want {
			t.Fatalf("listed #%d: %s at %.20s…, want the duplicate-key findings in order", listed, f.Rule, f.Pointer)
		}
		total += len(f.Pointer)
		listed++
	}
	per := len(key) + len("//0/a")
	if budget := pointerBudget(len(in)); summary != 1 || total > budget || total+per <= budget || listed >= dups {
		t.Errorf("%d listed, %d bytes of pointers (budget %d, %d each), %d summaries", listed, total, budget, per, summary)
	}
	if res.Count(SeverityError) != dups+3 || res.Omitted[SeverityError] != dups+3-listed || !res.Fails(SeverityError) {
		t.Errorf("%d errors counted, %v omitted", res.Count(SeverityError), res.Omitted)
	}
	// In a request text the text's summary says why too.
	text := append([]byte("PATCH https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/onPremisesConnections/1\nContent-Type: application/json\n\n"), in...)
	http := Lint(text, Options{})
	if http.Count(SeverityError) != dups+3 || !strings.Contains(findingMessages(http), "long keys") {
		t.Errorf("request text: %d errors, summary %q", http.Count(SeverityError), findingMessages(http))
	}
}

// findingMessages joins the too-many-findings messages of res.
func findingMessages(res Result) string {
	var b strings.Builder
	for _, f := range res.Findings {
		if f.Rule == "too-many-findings" {
			b.WriteString(f.Message)
		}
	}
	return b.String()
}

// TestFindingsCapFixes: the Fix, Fixable, Fixed and Edit of a listed
// finding, built only for the findings the cap keeps, are those it has
// when every finding is listed: for applied fixes, fixes held back by
// NoFix, removals and a fix superseded by a removal.
func TestFindingsCapFixes(t *testing.T) {
	in := repeatTo(4000, `{"healthCheckStatusDetails":{"healthChecks":[`, `{"displayName":" a ","status":"passed"}`, ",",
		`]},"displayName":" x ","connectionType":"hybridazureadjoin","subscriptionId":"ABCDEF00-0000-0000-0000-000000000000"}`)
	for _, opts := range []Options{{}, {DropReadOnly: true}, {NoFix: []string{"whitespace"}}, {NoFix: []string{"enum-case"}, DropReadOnly: true}} {
		all := opts
		all.MaxFindings = 1 << 30
		full := Lint(in, all)
		byPlace := map[[2]int]Finding{}
		for _, f := range full.Findings {
			byPlace[[2]int{f.Start.Offset, len(f.Rule)}] = f
		}
		for _, limit := range []int{1, 7, 40} {
			opts.MaxFindings = limit
			res := Lint(in, opts)
			if res.Omitted == nil {
				t.Fatalf("%+v: nothing capped", opts)
			}
			fixed := 0
			for _, f := range res.Findings {
				if f.Rule == "too-many-findings" {
					continue
				}
				if want := byPlace[[2]int{f.Start.Offset, len(f.Rule)}]; !reflect.DeepEqual(f, want) {
					t.Errorf("%+v, cap %d: listed\n%+v\nall listed\n%+v", opts, limit, f, want)
				}
				if f.Fix != nil {
					fixed++
				}
			}
			if fixed == 0 && limit > 1 {
				t.Errorf("%+v, cap %d: no listed finding has a fix", opts, limit)
			}
			if !bytes.Equal(res.Normalized, full.Normalized) || !reflect.DeepEqual(res.Fixes, full.Fixes) {
				t.Errorf("%+v, cap %d: the fixes differ from all listed", opts, limit)
			}
		}
	}
}
