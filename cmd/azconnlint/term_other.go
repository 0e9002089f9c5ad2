//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly || windows)

package main

// isTerminalFd reports false: this platform has no terminal driver the
// standard library can ask, and a character device (/dev/null) is not a
// terminal, so colour and the stdin hint stay off.
func isTerminalFd(fd uintptr) bool { return false }
