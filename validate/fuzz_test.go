package validate

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzLint checks, on any input under auto (the zero Options) and the live
// target: no panic (an internal finding counts as one), positions inside
// the input and ordered, findings sorted, normalization idempotent and
// leaving no fixable finding, no secret in any message, and under auto a
// stable detection: the normalized output is detected as the same target
// (unless DropReadOnly removed the only evidence, a read-only live-only
// key). Seeds: every golden input plus testdata/fuzz.
func FuzzLint(f *testing.F) {
	dirs, _ := filepath.Glob(filepath.Join("testdata", "golden", "*", "input.json"))
	for _, d := range dirs {
		if b, err := os.ReadFile(d); err == nil {
			f.Add(b, false, false)
			f.Add(b, true, true)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, onPrem, drop bool) {
		opts := Options{DropReadOnly: drop}
		if onPrem {
			opts.Target = OnPremisesConnection
		}
		res := Lint(data, opts)
		for _, fd := range res.Findings {
			if fd.Rule == "internal" {
				t.Fatalf("internal failure: %s", fd.Message)
			}
		}
		checkInvariants(t, data, opts, res)
		if res.Changed {
			again := Lint(res.Normalized, opts)
			if again.Changed {
				t.Fatalf("second normalization changed the output")
			}
			if !onPrem && !drop && again.Target != res.Target {
				t.Fatalf("normalizing changed the detected target: %s (from %s) became %s (from %s)", res.Target, res.TargetFrom, again.Target, again.TargetFrom)
			}
		} else if !bytes.Equal(res.Normalized, data) {
			t.Fatalf("unchanged result differs from input")
		}
	})
}
