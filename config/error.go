package config

import "fmt"

// Error is a problem in a configuration file, at a position in it (1-based
// line and column; column 1 when only the line is known).
type Error struct {
	Path   string
	Line   int
	Column int
	Msg    string
}

// Error returns "path:line:col: message".
func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Column, e.Msg)
}
