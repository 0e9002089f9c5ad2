package validate

import (
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
