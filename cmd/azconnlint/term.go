package main

import (
	"io"
	"os"
)

// useColor decides whether the text format is coloured on w: always,
// never, or (auto) when w is a terminal and neither NO_COLOR nor TERM=dumb
// says otherwise.
func useColor(mode string, w io.Writer) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	f, ok := w.(*os.File)
	return ok && isTerminal(f)
}

// isTerminal reports whether f is a terminal. It asks the terminal driver
// (term_unix.go, term_windows.go) rather than the file mode, so /dev/null
// and other character devices are not mistaken for one; where there is no
// driver to ask (term_other.go) nothing is a terminal.
func isTerminal(f *os.File) bool {
	return isTerminalFd(f.Fd())
}
