//go:build !linux

package validate

import "time"

// cpuTime runs fn and returns the wall time it took (no per-thread CPU
// clock here).
func cpuTime(fn func()) time.Duration { return wallTime(fn) }
