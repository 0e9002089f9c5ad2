//go:build linux

package main

import (
	"os"
	"syscall"
)

// maxRSS is a finished child's peak resident set in bytes (Linux reports
// Maxrss in KiB).
func maxRSS(ps *os.ProcessState) (int64, bool) {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0, false
	}
	return ru.Maxrss << 10, true
}
