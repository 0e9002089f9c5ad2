package validate

import (
	"encoding/json"
	"os"
	"testing"
)

// The seed's example body, linted against json.Unmarshal of the same bytes
// in the same run: `make bench` (benchstat-friendly, -count=6).
func seedBody(b *testing.B) []byte {
	data, err := os.ReadFile("testdata/golden/seed--request/input.json")
	if err != nil {
		b.Fatal(err)
	}
	return data
}

func BenchmarkLint(b *testing.B) {
	data := seedBody(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		Lint(data, Options{})
	}
}

func BenchmarkUnmarshal(b *testing.B) {
	data := seedBody(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var v any
		if err := json.Unmarshal(data, &v); err != nil {
			b.Fatal(err)
		}
	}
}
