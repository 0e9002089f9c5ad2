package growth

import (
	"math"
	"testing"
	"time"
)

// work is a clock that counts units of work instead of time, so that these
// tests are exact.
type work struct{ units int }

func (w *work) clock(fn func()) time.Duration {
	before := w.units
	fn()
	return time.Duration(w.units - before)
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name     string
		cost     func(n int) int
		expected float64
		ok       bool
	}{
		{"linear within linear", func(n int) int { return 5 * n }, Linear, true},
		{"n log n within its bound", func(n int) int { return n * int(math.Log2(float64(n))) }, NLogN(1 << 16), true},
		{"n log n within linear's bound (4.5 < 8)", func(n int) int { return n * int(math.Log2(float64(n))) }, Linear, true},
		{"quadratic past linear", func(n int) int { return n * n / 1000 }, Linear, false},
		{"quadratic past n log n", func(n int) int { return n * n / 1000 }, NLogN(1 << 16), false},
		{"n^1.6 past linear", func(n int) int { return int(math.Pow(float64(n), 1.6)) }, Linear, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := &work{}
			const n = 1 << 16
			r := Check{Clock: w.clock, Expected: tt.expected}.Run(
				func() { w.units += tt.cost(n) }, func() { w.units += tt.cost(4 * n) })
			if r.OK != tt.ok {
				t.Errorf("OK = %v, want %v: %v", r.OK, tt.ok, r)
			}
			if !tt.ok && len(r.Ratios) != 3 {
				t.Errorf("a failing check measured %d times, want 3 tries", len(r.Ratios))
			}
		})
	}
}

// TestCheckRetries: a ratio spoiled once by a neighbour is measured again
// and passes; one that stays past the limit fails.
func TestCheckRetries(t *testing.T) {
	w := &work{}
	calls := 0
	r := Check{Clock: w.clock, Expected: Linear, Best: 1}.Run(
		func() { w.units += 100 },
		func() {
			calls++
			w.units += 400
			if calls == 2 { // the first timed sample, after the warm-up
				w.units += 1e9
			}
		})
	if !r.OK || len(r.Ratios) != 2 || r.Ratios[0] <= r.Limit {
		t.Errorf("a spoiled first try is not measured again: %v", r)
	}
}

// TestCheckNoClock: without a clock (js/wasm) nothing is compared.
func TestCheckNoClock(t *testing.T) {
	r := Check{Clock: func(fn func()) time.Duration { fn(); return 0 }, Expected: Linear}.Run(func() {}, func() {})
	if !r.OK || r.Ratios != nil {
		t.Errorf("no clock: %v", r)
	}
}

func TestNLogN(t *testing.T) {
	if g := NLogN(1 << 16); math.Abs(g-4.5) > 1e-9 {
		t.Errorf("NLogN(2^16) = %v, want 4.5", g)
	}
	if Limit(Linear) != 8 {
		t.Errorf("Limit(Linear) = %v, want 8", Limit(Linear))
	}
}
