// Package growth tells a cost that grows with its input as it should from
// one that grows a class faster, by timing the same work at n and 4n bytes
// in one run. It never compares with an absolute time (SPEC §12), and it is
// built so that a busy machine cannot fail it by chance:
//
//   - each sample is tens of milliseconds long: a run that takes less is
//     repeated within the sample, so that a timer tick or one preemption is
//     noise of a few percent, not of a factor;
//   - the sizes are interleaved and each side keeps its best (minimum)
//     sample, so that load from elsewhere hits both alike and only ever
//     adds time;
//   - the collector is off while timing (up to a heap of 1 GiB), so that
//     its work does not land on one side (allocations are what the callers
//     count instead);
//   - a ratio past the limit is measured again, and fails only when every
//     measurement is past it;
//   - the limit comes from the algorithm: twice the growth it should show
//     for 4× the input, which is halfway, on a log scale, between that
//     growth and the growth of the next class (a quadratic cost grows 16×
//     where a linear one grows 4×: the limit is 8×).
package growth

import (
	"fmt"
	"math"
	"runtime"
	"runtime/debug"
	"time"
)

// Clock runs fn and returns the time it took by some CPU clock (the
// thread's or the process's); 0 means the platform has none, and then no
// ratio is checked.
type Clock func(fn func()) time.Duration

// Linear is the growth of a linear cost for 4× the input.
const Linear = 4.0

// NLogN returns the growth of an n log n cost for 4× the input, at n items
// (lines of a diff, keys to sort): 4·log(4n)/log(n), 4.5 at 2^16 items.
func NLogN(n int) float64 {
	l := math.Log2(float64(max(n, 4)))
	return 4 * (l + 2) / l
}

// Limit is the ratio a check fails above for a cost that should grow by
// expected: twice it (see the package comment).
func Limit(expected float64) float64 { return 2 * expected }

// Sample is the target length of one timed sample.
const Sample = 20 * time.Millisecond

// Check is one growth measurement's settings.
type Check struct {
	Clock    Clock
	Expected float64 // the algorithm's growth for 4× the input: Linear, NLogN(n)
	Best     int     // samples per side, the minimum kept (default 3)
	Tries    int     // measurements before failing (default 3)
}

// Result is what a check measured: the last try's best times, its ratio,
// and every try's ratio.
type Result struct {
	Small, Large time.Duration
	Reps         int // runs per sample
	Ratio        float64
	Ratios       []float64
	Limit        float64
	OK           bool
}

func (r Result) String() string {
	return fmt.Sprintf("%v → %v per run (best of each side, %d runs per sample), ×%.2f (tries %.2f, limit ×%.1f)",
		r.Small, r.Large, r.Reps, r.Ratio, r.Ratios, r.Limit)
}

// Run times small and large (the same work at n and 4n) and says whether
// large took at most Limit(Expected) times as long, trying again before it
// says no.
func (c Check) Run(small, large func()) Result {
	best, tries := orDefault(c.Best, 3), orDefault(c.Tries, 3)
	r := Result{Limit: Limit(c.Expected)}
	small()
	large() // warm-up: what is paid once (schemas, caches)
	r.Reps = reps(c.Clock, small)
	for range tries {
		r.Small, r.Large = c.bestOf(best, r.Reps, small, large)
		if r.Small <= 0 {
			r.OK = true // no clock here: nothing to compare
			return r
		}
		r.Ratio = float64(r.Large) / float64(r.Small)
		r.Ratios = append(r.Ratios, r.Ratio)
		if r.Ratio <= r.Limit {
			r.OK = true
			return r
		}
	}
	return r
}

// memoryLimit bounds the heap while the collector is off: a regression
// that allocates gigabytes (which the callers' allocation checks report)
// makes the collector run rather than exhaust the machine's memory.
const memoryLimit = 1 << 30

// bestOf returns the minimum of n samples of each side, interleaved, the
// collector off while timing (up to memoryLimit); each sample runs its
// side reps times.
func (c Check) bestOf(n, reps int, small, large func()) (time.Duration, time.Duration) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(memoryLimit))
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	bs, bl := time.Duration(math.MaxInt64), time.Duration(math.MaxInt64)
	for range n {
		runtime.GC()
		bs = min(bs, c.Clock(repeat(reps, small))/time.Duration(reps))
		runtime.GC()
		bl = min(bl, c.Clock(repeat(reps, large))/time.Duration(reps))
	}
	return bs, bl
}

// reps returns how many runs of small make a sample of about Sample.
func reps(clock Clock, small func()) int {
	d := clock(small)
	if d <= 0 {
		return 1
	}
	return int(min(1000, max(1, (Sample+d-1)/d)))
}

func repeat(n int, fn func()) func() {
	return func() {
		for range n {
			fn()
		}
	}
}

func orDefault(v, def int) int {
	if v <= 0 {
		return def
	}
	return v
}
