package validate

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/azconn/azconn/internal/growth"
)

// scalingShape is one input shape built to hit one engine path hard.
type scalingShape struct {
	name string
	opts Options
	gen  func(size int) []byte
	// redact measures Redact instead of Lint.
	redact bool
	// cpu marks a path that costs time without allocating (counting
	// columns, matching secrets): its CPU time is compared too. Redact's
	// always is.
	cpu bool
}

// repeatTo fills a body of about size bytes: head, item repeated (joined by
// sep), tail. Every shape is one line unless its item holds line breaks.
func repeatTo(size int, head, item, sep, tail string) []byte {
	var b bytes.Buffer
	b.Grow(size + len(item) + len(tail))
	b.WriteString(head)
	for i := 0; b.Len() < size-len(tail); i++ {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(strings.ReplaceAll(item, "%d", strconv.Itoa(i)))
	}
	b.WriteString(tail)
	return b.Bytes()
}

var onPrem = Options{Target: OnPremisesConnection}

// scalingShapes are the inputs of issue 10 that were quadratic, and the
// shapes found while fixing them; each stresses one engine path. Every
// shape runs through Lint and Redact.
var scalingShapes = []scalingShape{
	// Positions: the duplicate key's "first at" restarted the column count.
	{name: "duplicate-keys-one-line", cpu: true, gen: func(n int) []byte { return repeatTo(n, "{", `"é":1`, ",", "}") }},
	// Positions: schema findings out of document order on one line.
	{name: "miscased-health-checks-one-line", cpu: true, opts: onPrem, gen: func(n int) []byte {
		return repeatTo(n, `{"healthCheckStatusDetail":{"healthChecks":[`, `{"status":"Failed","errorType":"DnsCheckFqdnNotFound"}`, ",", "]}}")
	}},
	// Dense findings: an empty segment per byte.
	{name: "slashes-in-resource-id", gen: func(n int) []byte { return repeatTo(n, `{"virtualNetworkId":"`, "/", "", `"}`) }},
	// Redact: every mention of the name checked against every key.
	{name: "password-items", gen: func(n int) []byte {
		return repeatTo(n, `{"items":[`, `{"adDomainPassword":"x"}`, ",", "]}")
	}},
	{name: "password-mentions-on-lines", gen: func(n int) []byte {
		return repeatTo(n, "{\n", `"adDomainPassword":"x", // adDomainPassword`, "\n", "\n}")
	}},
	// The secret set: many secrets, a finding each.
	{name: "password-keys-one-line", cpu: true, gen: func(n int) []byte { return repeatTo(n, "{", `"adDomainPassword":"x"`, ",", "}") }},
	{name: "distinct-passwords", cpu: true, gen: func(n int) []byte {
		return repeatTo(n, "{", `"adDomainPassword":"pw-%d-secret","displayName":" pw-%d-secret "`, ",", "}")
	}},
	{name: "misspelt-password-keys", gen: func(n int) []byte {
		return repeatTo(n, `{"healthCheckStatusDetails":{"healthChecks":[`, `{"adDomainPasword":"s%d","displayName":" s%d "}`, ",", "]}}")
	}},
	// Findings by the thousand: schema mapping, messages, pointers, sort.
	{name: "unknown-keys-one-line", gen: func(n int) []byte { return repeatTo(n, "{", `"k%d":%d`, ",", "}") }},
	{name: "unknown-keys-on-lines", cpu: true, gen: func(n int) []byte { return repeatTo(n, "{\n", `  "k%d": %d`, ",\r\n", "\n}") }},
	{name: "whitespace-values-one-line", gen: func(n int) []byte {
		return repeatTo(n, `{"healthCheckStatusDetails":{"healthChecks":[`, `{"displayName":" a "}`, ",", "]}}")
	}},
	// The README's shapes: the costliest clean body per byte, and the
	// realistic big one.
	{name: "tiny-scope-ids", gen: func(n int) []byte { return bigPayload(n) }},
	{name: "health-check-history", opts: onPrem, gen: func(n int) []byte { return historyPayload(n) }},
	// Pointers: a finding per repeated key under a key half the input
	// long, and under an array of objects there.
	{name: "duplicate-keys-under-long-key", gen: func(n int) []byte {
		return repeatTo(n, `{"`+strings.Repeat("k", n/2)+`":{`, `"a%d":1,"a%d":1`, ",", "}}")
	}},
	{name: "objects-under-long-key", gen: func(n int) []byte {
		return repeatTo(n, `{"`+strings.Repeat("k", n/2)+`":[`, `{"a":1,"a":1}`, ",", "]}")
	}},
	// Long strings shown in messages.
	{name: "long-multibyte-value", cpu: true, gen: func(n int) []byte {
		return []byte(`{"displayName":1,"healthCheckStatus":"` + strings.Repeat("é", n/2) + `"}`)
	}},
}

type scalingCost struct {
	bytes, allocs uint64
}

// measureShape returns the bytes and allocations of one run, after a
// warm-up that compiles the schemas.
func measureShape(s scalingShape, in []byte) scalingCost {
	run := s.runner(in)
	run()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	run()
	runtime.ReadMemStats(&after)
	return scalingCost{bytes: after.TotalAlloc - before.TotalAlloc, allocs: after.Mallocs - before.Mallocs}
}

// wallTime runs fn and returns the time it took.
func wallTime(fn func()) time.Duration {
	t0 := time.Now()
	fn()
	return time.Since(t0)
}

func (s scalingShape) runner(in []byte) func() {
	if s.redact {
		return func() { Redact(in, s.opts.Target) }
	}
	return func() { Lint(in, s.opts) }
}

// scalingBase is n, the smaller input of each growth check (4n is the
// larger).
const scalingBase = 48 << 10

// TestScaling fails on a quadratic path without timing anything absolute:
// for each shape, through Lint and through Redact, the bytes and the
// allocations at 4n may be at most 5× those at n; and, for the paths that
// cost time without allocating, the CPU time at 4n at most 8× that at n
// (twice a linear growth; internal/growth says how it is measured so that
// a busy machine cannot fail it by chance).
func TestScaling(t *testing.T) {
	if testing.Short() {
		t.Skip("lints a few MB")
	}
	for _, s := range scalingShapes {
		for _, path := range []string{"lint", "redact"} {
			t.Run(s.name+"/"+path, func(t *testing.T) {
				s := s
				s.redact = path == "redact"
				small, big := s.gen(scalingBase), s.gen(4*scalingBase)
				a, b := measureShape(s, small), measureShape(s, big)
				size := float64(len(big)) / float64(len(small))
				grow := func(x, y uint64) float64 { return float64(y) / max(1, float64(x)) }
				t.Logf("%d → %d bytes: allocated %d → %d bytes (%.1f B/B at 4n, ×%.2f), %d → %d allocations (×%.2f)",
					len(small), len(big), a.bytes, b.bytes, float64(b.bytes)/float64(len(big)), grow(a.bytes, b.bytes),
					a.allocs, b.allocs, grow(a.allocs, b.allocs))
				limit := 5 * size / 4 // ~5× for 4× the input
				if g := grow(a.bytes, b.bytes); g > limit && b.bytes > 1<<20 {
					t.Errorf("bytes allocated grow ×%.1f for ×%.1f input", g, size)
				}
				if g := grow(a.allocs, b.allocs); g > limit && b.allocs > 1000 {
					t.Errorf("allocations grow ×%.1f for ×%.1f input", g, size)
				}
				if !s.cpu && !s.redact {
					return
				}
				r := growth.Check{Clock: cpuTime, Expected: growth.Linear * size / 4}.Run(s.runner(small), s.runner(big))
				t.Logf("CPU %v", r)
				if !r.OK {
					t.Errorf("CPU grows past ×%.1f for ×%.1f input: %v", r.Limit, size, r)
				}
			})
		}
	}
}

// TestScalingFindingsBound: the slashes shape, the worst, is one
// cause and one finding; a long run of findings stays within the cap.
func TestScalingFindingsBound(t *testing.T) {
	res := Lint(repeatTo(10000, `{"virtualNetworkId":"`, "/", "", `"}`), Options{})
	if n := res.Count(SeverityError); n > 2 {
		t.Errorf("%d errors for one run of slashes: %v", n, res.Findings)
	}
	res = Lint(repeatTo(100000, "{", `"k%d":%d`, ",", "}"), Options{})
	if len(res.Findings) != DefaultMaxFindings+1 || res.Count(SeverityError) < 7000 {
		t.Errorf("%d findings listed, %d errors counted", len(res.Findings), res.Count(SeverityError))
	}
}

// BenchmarkScaling runs each shape at three sizes, each four times the
// last: `make bench` prints the cost per doubling from them.
func BenchmarkScaling(b *testing.B) {
	benchShapes(b, func(in []byte, s scalingShape) { Lint(in, s.opts) })
}

// BenchmarkRedactScaling is BenchmarkScaling through Redact.
func BenchmarkRedactScaling(b *testing.B) {
	benchShapes(b, func(in []byte, s scalingShape) { Redact(in, s.opts.Target) })
}

// benchShapes runs path on every shape at 64 KB, 256 KB and 1 MB.
func benchShapes(b *testing.B, path func(in []byte, s scalingShape)) {
	for _, s := range scalingShapes {
		for _, size := range []int{64 << 10, 256 << 10, 1 << 20} {
			in := s.gen(size)
			b.Run(fmt.Sprintf("%s/%dKB", s.name, size>>10), func(b *testing.B) {
				b.SetBytes(int64(len(in)))
				b.ReportAllocs()
				for b.Loop() {
					path(in, s)
				}
			})
		}
	}
}

// TestScalingReport prints, for each shape at the default size limit
// (4 MiB), the bytes allocated per input byte and the CPU time per MB, through
// Lint and Redact: the README's Reliability figures. It runs only when
// asked: AZCONN_SCALING_REPORT=1 go test ./validate -run TestScalingReport -v
func TestScalingReport(t *testing.T) {
	if os.Getenv("AZCONN_SCALING_REPORT") == "" {
		t.Skip("set AZCONN_SCALING_REPORT=1")
	}
	for _, s := range scalingShapes {
		in := s.gen(DefaultMaxSize - 64)
		for _, redact := range []bool{false, true} {
			s.redact = redact
			c := measureShape(s, in)
			d := cpuTime(s.runner(in))
			path := "Lint"
			if redact {
				path = "Redact"
			}
			t.Logf("%-34s %-6s %8.1f B/B %9d allocs %7.0f ms/MB", s.name, path,
				float64(c.bytes)/float64(len(in)), c.allocs, float64(d.Milliseconds())/(float64(len(in))/(1<<20)))
		}
	}
}
