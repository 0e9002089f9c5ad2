package validate

import (
	"encoding/json"
	"os"
	"testing"
)

// benchPayloads are the inputs of the speed budget: the seed's example body
// and a 100 KB body (a GET response with a long health-check history).
func benchPayloads(b *testing.B) []struct {
	name string
	data []byte
	opts Options
} {
	seed, err := os.ReadFile("testdata/golden/seed--request/input.json")
	if err != nil {
		b.Fatal(err)
	}
	return []struct {
		name string
		data []byte
		opts Options
	}{
		{"seed", seed, Options{}},
		{"100KB", historyPayload(100 << 10), Options{Target: OnPremisesConnection}},
	}
}

// BenchmarkLint and BenchmarkUnmarshal (json.Unmarshal of the same bytes
// into any) run side by side: `make bench` compares them with
// benchstat -col .name -row /payload.
func BenchmarkLint(b *testing.B) {
	for _, p := range benchPayloads(b) {
		b.Run("payload="+p.name, func(b *testing.B) {
			b.SetBytes(int64(len(p.data)))
			b.ReportAllocs()
			for b.Loop() {
				Lint(p.data, p.opts)
			}
		})
	}
}

func BenchmarkUnmarshal(b *testing.B) {
	for _, p := range benchPayloads(b) {
		b.Run("payload="+p.name, func(b *testing.B) {
			b.SetBytes(int64(len(p.data)))
			b.ReportAllocs()
			for b.Loop() {
				var v any
				if err := json.Unmarshal(p.data, &v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
