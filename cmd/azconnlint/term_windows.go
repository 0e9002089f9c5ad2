package main

import "syscall"

// isTerminalFd reports whether fd is a console: whether it has a console
// mode, as golang.org/x/term asks.
func isTerminalFd(fd uintptr) bool {
	var mode uint32
	return syscall.GetConsoleMode(syscall.Handle(fd), &mode) == nil
}
