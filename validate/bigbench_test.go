package validate

import (
	"encoding/json"
	"testing"
)

// A 100 KB body: the size at which per-value costs dominate.
func BenchmarkLint100K(b *testing.B) {
	data := historyPayload(100 << 10)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		Lint(data, Options{Target: OnPremisesConnection})
	}
}

func BenchmarkUnmarshal100K(b *testing.B) {
	data := historyPayload(100 << 10)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var v any
		if err := json.Unmarshal(data, &v); err != nil {
			b.Fatal(err)
		}
	}
}
