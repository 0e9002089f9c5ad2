package validate

import (
	"runtime"
	"strings"
	"testing"

	"github.com/azconn/azconn/internal/growth"
)

// TestFormScaling: the form layer stays linear on hostile shapes: bytes
// allocated at n and 4n grow at most 6×, and where a path costs CPU
// without allocating, CPU (internal/growth, in the same run) at most 8×
// (SPEC §12: never an absolute time).
func TestFormScaling(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	req := "PATCH https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/onPremisesConnections\nContent-Type: application/json\nContent-Length: 3\n\n{\"displayName\": \" x \", \"a\": {{v}}}\n###\n"
	shapes := map[string]func(n int) string{
		"many requests": func(n int) string { return strings.Repeat(req, n/len(req)) },
		"many templates": func(n int) string {
			return "PATCH /deviceManagement/virtualEndpoint/onPremisesConnections/1\n\n[" + strings.Repeat("{{x}},", n/6) + "1]"
		},
		"unclosed comments": func(n int) string {
			return strings.Repeat("<!--\n", n/5) + "```http\nPATCH /deviceManagement/virtualEndpoint/onPremisesConnections/1\n```\n"
		},
		"many fences": func(n int) string { return strings.Repeat("```http\nPATCH /x\n```\n```json\n{}\n```\n", n/34) },
		"variables": func(n int) string {
			return strings.Repeat("@a = {{a}}{{a}}{{a}}{{a}}\n", n/26) + strings.Repeat("PATCH {{a}}/deviceManagement/virtualEndpoint/onPremisesConnections/1\n###\n", n/1000)
		},
		"headers": func(n int) string {
			return "PATCH /deviceManagement/virtualEndpoint/onPremisesConnections/1\n" + strings.Repeat("Authorization: y\n", n/17)
		},
		"one long line": func(n int) string {
			// The body's one finding comes last on the line, the
			// template-value findings before it.
			return "PATCH /deviceManagement/virtualEndpoint/onPremisesConnections/1\n\n{\"scopeIds\": [" + strings.Repeat(`{{x}}, "y", `, n/12) + `1], "displayName": " x "}`
		},
	}
	// A path that costs CPU without allocating much: positions on one
	// long line.
	cpuBound := map[string]bool{"one long line": true}
	for name, mk := range shapes {
		small, large := []byte(mk(50_000)), []byte(mk(200_000))
		if bs, bl := allocated(small), allocated(large); float64(bl)/float64(bs) > 6 {
			t.Errorf("%s: %d → %d bytes allocated (%.1f×) for 4× the input", name, bs, bl, float64(bl)/float64(bs))
		}
		if !cpuBound[name] {
			continue
		}
		// CPU, measured so that a busy machine cannot fail it by chance
		// (internal/growth): linear, so at most 8× for 4× the input.
		small, large = []byte(mk(100_000)), []byte(mk(400_000))
		r := growth.Check{Clock: cpuTime, Expected: growth.Linear}.Run(
			func() { Lint(small, Options{}) }, func() { Lint(large, Options{}) })
		t.Logf("%s: CPU %v", name, r)
		if !r.OK {
			t.Errorf("%s: CPU grows past ×%.1f for 4× the input: %v", name, r.Limit, r)
		}
	}
}

// allocated returns the bytes one Lint of in allocates.
func allocated(in []byte) uint64 {
	var a, b runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&a)
	Lint(in, Options{})
	runtime.ReadMemStats(&b)
	return b.TotalAlloc - a.TotalAlloc
}
