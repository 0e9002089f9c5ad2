//go:build linux

package validate

import (
	"runtime"
	"syscall"
	"time"
	"unsafe"
)

// cpuTime runs fn and returns the CPU time its thread spent
// (CLOCK_THREAD_CPUTIME_ID): unlike the wall clock, it leaves out the time
// the thread waited for a core, which on a loaded machine grows with the
// length of the run and would inflate the ratio of a long run to a short
// one.
func cpuTime(fn func()) time.Duration {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	const clockThreadCPUTime = 3 // CLOCK_THREAD_CPUTIME_ID
	now := func() (time.Duration, bool) {
		var ts syscall.Timespec
		_, _, e := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTime, uintptr(unsafe.Pointer(&ts)), 0)
		return time.Duration(ts.Nano()), e == 0
	}
	t0, ok := now()
	if !ok {
		return wallTime(fn)
	}
	fn()
	t1, ok := now()
	if !ok {
		return wallTime(fn)
	}
	return t1 - t0
}
