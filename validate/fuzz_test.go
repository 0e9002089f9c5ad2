package validate

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzLint checks, on any input and both targets: no panic (an internal
// finding counts as one), positions inside the input and ordered, findings
// sorted, normalization idempotent and leaving no fixable finding, and no
// secret in any message. Seeds: every golden input plus testdata/fuzz.
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
			if again := Lint(res.Normalized, opts); again.Changed {
				t.Fatalf("second normalization changed the output")
			}
		} else if !bytes.Equal(res.Normalized, data) {
			t.Fatalf("unchanged result differs from input")
		}
	})
}
