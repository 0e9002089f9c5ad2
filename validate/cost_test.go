package validate

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"
)

// Duplicate keys past the cap are counted, not built: the result is the
// one building them all gives (listed findings, counts, the summary).
func TestDuplicateKeysPastCapCounted(t *testing.T) {
	for _, in := range [][]byte{
		repeatTo(20000, "{", `"é":1`, ",", "}"),
		repeatTo(20000, "{", `"é":1`, ",", `,"x":}`), // and a syntax error at the end
		repeatTo(20000, `{"a":{`, `"b":1,"b":2`, ",", `},"connectionType":"Nope","a":3}`),
	} {
		for _, limit := range []int{1, 10, DefaultMaxFindings} {
			got := Lint(in, Options{MaxFindings: limit})
			// Overridden severities and pointer-scoped rules count the same.
			sev := Lint(in, Options{MaxFindings: limit, Severity: map[string]Severity{"duplicate-key": SeverityWarning}})
			allSev := Lint(in, Options{MaxFindings: 1 << 30, Severity: map[string]Severity{"duplicate-key": SeverityWarning}})
			if sev.Count(SeverityWarning) != allSev.Count(SeverityWarning) || sev.Count(SeverityError) != allSev.Count(SeverityError) {
				t.Errorf("limit %d, duplicate-key a warning: %d warnings, %d errors; all built: %d, %d", limit,
					sev.Count(SeverityWarning), sev.Count(SeverityError), allSev.Count(SeverityWarning), allSev.Count(SeverityError))
			}
			pr := []PointerRule{{Pointer: "/a", Rule: "duplicate-key", Off: true}}
			scoped, allScoped := Lint(in, Options{MaxFindings: limit, PointerRules: pr}), Lint(in, Options{MaxFindings: 1 << 30, PointerRules: pr})
			if scoped.Count(SeverityError) != allScoped.Count(SeverityError) {
				t.Errorf("limit %d, duplicate-key off under /a: %d errors; all built: %d", limit, scoped.Count(SeverityError), allScoped.Count(SeverityError))
			}
			// All built: a cap past the number of findings, then capped
			// the same way by hand.
			all := Lint(in, Options{MaxFindings: 1 << 30})
			if got.Count(SeverityError) != all.Count(SeverityError) || got.Count(SeverityWarning) != all.Count(SeverityWarning) {
				t.Errorf("limit %d: %d errors, %d warnings; all built: %d, %d", limit, got.Count(SeverityError), got.Count(SeverityWarning), all.Count(SeverityError), all.Count(SeverityWarning))
			}
			if len(got.Findings) != limit+1 || got.Findings[len(got.Findings)-1].Rule == "" {
				t.Errorf("limit %d: %d findings listed", limit, len(got.Findings))
			}
			// The listed ones are the first blocking ones by position.
			var want []Finding
			for _, f := range all.Findings {
				if blocking[f.Rule] && len(want) < limit {
					want = append(want, f)
				}
			}
			var listed []Finding
			for _, f := range got.Findings {
				if f.Rule != "too-many-findings" {
					listed = append(listed, f)
				}
			}
			if !reflect.DeepEqual(listed, want) {
				t.Errorf("limit %d: listed %d findings, not the first %d blocking ones", limit, len(listed), len(want))
			}
		}
	}
}

// countingCtx is done from its n-th Err call on: a cancellation that
// arrives at a known point of the pipeline.
type countingCtx struct {
	context.Context
	n, calls int
}

func (c *countingCtx) Err() error {
	c.calls++
	if c.calls >= c.n {
		return context.Canceled
	}
	return nil
}

func TestLintContext(t *testing.T) {
	l, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	var text bytes.Buffer
	for i := range 200 {
		fmt.Fprintf(&text, "###\nPATCH https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/onPremisesConnections/%d\nContent-Type: application/json\n\n{\"displayName\": \" x%d \"}\n\n", i, i)
	}
	for _, in := range [][]byte{text.Bytes(), repeatTo(1<<20, "{", `"k%d":%d`, ",", "}")} {
		want := l.Lint(in)
		got, err := l.LintContext(context.Background(), in)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("Background: err %v, result differs from Lint: %v", err, !reflect.DeepEqual(got, want))
		}
		for _, at := range []int{1, 2, 3, 5} {
			ctx := &countingCtx{Context: context.Background(), n: at}
			res, err := l.LintContext(ctx, in)
			if !errors.Is(err, context.Canceled) || res.Findings != nil || res.Requests != nil {
				t.Errorf("cancelled at check %d: err %v, %d findings", at, err, len(res.Findings))
			}
			// Stopped at once: two more checks at most (the enclosing loop's and
			// the final one),
			// not one per stage of every request.
			if ctx.calls > at+2 {
				t.Errorf("cancelled at check %d: the context was checked %d times", at, ctx.calls)
			}
		}
	}
}

// maxBytesPerInputByte bounds what one Lint or Redact allocates per
// input byte (issue 23).
const maxBytesPerInputByte = 64

// TestBytesPerInputByte: every scaling shape at 192 KB allocates at most
// maxBytesPerInputByte per input byte, through Lint and through Redact.
// The count is the runtime's bytes allocated, the same on every run.
func TestBytesPerInputByte(t *testing.T) {
	if testing.Short() {
		t.Skip("lints a few MB")
	}
	for _, s := range scalingShapes {
		for _, path := range []string{"lint", "redact"} {
			t.Run(s.name+"/"+path, func(t *testing.T) {
				s.redact = path == "redact"
				in := s.gen(4 * scalingBase)
				got := float64(measureShape(s, in).bytes) / float64(len(in))
				t.Logf("%-34s %-6s %5.1f B per input byte", s.name, path, got)
				if got > maxBytesPerInputByte {
					t.Errorf("%s through %s: %.1f bytes allocated per input byte, over %d", s.name, path, got, maxBytesPerInputByte)
				}
			})
		}
	}
}

// capByHand is the findings cap applied to every finding: the blocking
// ones first, then by severity, the earliest of a class first, listed by
// position; and where the summary goes (the first one left out).
func capByHand(all []Finding, limit int) (kept []Finding, summaryAt int) {
	class := func(f Finding) int { return findingClass(&f) }
	order := slices.Clone(all)
	slices.SortStableFunc(order, func(a, b Finding) int {
		if c := class(a) - class(b); c != 0 {
			return c
		}
		return compareFindings(a, b)
	})
	kept = slices.Clone(order[:min(limit, len(order))])
	slices.SortStableFunc(kept, compareFindings)
	summaryAt = -1
	for _, f := range order[min(limit, len(order)):] {
		if summaryAt < 0 || f.Start.Offset < summaryAt {
			summaryAt = f.Start.Offset
		}
	}
	return kept, summaryAt
}

// Unknown properties past the cap are counted, not built: the listing,
// the counts and the summary's place are the cap's over all of them.
func TestUnknownKeysPastCapCounted(t *testing.T) {
	for _, in := range [][]byte{
		repeatTo(20000, "{", `"k%d":%d`, ",", "}"),
		repeatTo(20000, `{"displayName":" x ","a":{`, `"k%d":%d`, ",", `},"connectionType":"Nope","subnetId":"x","SubnetId":"y"}`),
		repeatTo(20000, `{"x":{"k":1,"k":2},`, `"k%d":%d`, ",", `}`),
	} {
		all := Lint(in, Options{MaxFindings: 1 << 30})
		for _, limit := range []int{1, 10, DefaultMaxFindings} {
			got := Lint(in, Options{MaxFindings: limit})
			want, at := capByHand(all.Findings, limit)
			var listed []Finding
			summary := -1
			for _, f := range got.Findings {
				if f.Rule == "too-many-findings" {
					summary = f.Start.Offset
					continue
				}
				listed = append(listed, f)
			}
			if !reflect.DeepEqual(listed, want) || summary != at {
				t.Errorf("limit %d: %d listed (want %d), summary at %d (want %d)", limit, len(listed), len(want), summary, at)
			}
			for _, s := range []Severity{SeverityError, SeverityWarning, SeverityInfo} {
				if got.Count(s) != all.Count(s) {
					t.Errorf("limit %d: %d of %s, all built: %d", limit, got.Count(s), s, all.Count(s))
				}
			}
		}
	}
}
