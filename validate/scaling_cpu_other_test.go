//go:build !linux

package validate

import (
	"runtime"
	"time"
)

// cpuTime runs fn and returns the wall time it took: there is no
// per-thread CPU clock here. Under js/wasm (make test-wasm, in Node beside
// other work) it returns 0, which leaves the CPU ratio out: the allocation
// checks still run.
func cpuTime(fn func()) time.Duration {
	if runtime.GOOS == "js" {
		fn()
		return 0
	}
	return wallTime(fn)
}
