package schemaengine

import (
	"regexp"
	"sync"
)

// Pattern is a regular expression of a schema (pattern,
// patternProperties). A schema compiled ahead of time holds only its
// text, which Compile checked when the Go data was generated; it is
// compiled on its first match, so that no process pays for it at start.
type Pattern struct {
	Expr string
	once sync.Once
	re   *regexp.Regexp
}

// MatchString reports whether s contains a match of the pattern.
func (p *Pattern) MatchString(s string) bool {
	p.once.Do(func() { p.re = regexp.MustCompile(p.Expr) })
	return p.re.MatchString(s)
}
