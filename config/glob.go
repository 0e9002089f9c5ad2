package config

import (
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// matchGlob reports whether glob matches rel ('/'-separated, relative to
// the config's folder) or one of its parent folders, so that "templates"
// or "templates/" covers every file under templates/. "**" crosses
// folders; "*" does not.
func matchGlob(glob, rel string) bool {
	glob = strings.TrimSuffix(glob, "/")
	for p := rel; p != ""; {
		if ok, _ := doublestar.Match(glob, p); ok {
			return true
		}
		i := strings.LastIndexByte(p, '/')
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return false
}

// checkGlob returns what is wrong with glob, or "".
func checkGlob(glob string) string {
	switch {
	case strings.TrimSpace(glob) == "":
		return "a glob is empty"
	case strings.HasPrefix(glob, "/"):
		return "glob " + quote(glob) + " is absolute: globs are relative to the config file's folder"
	case strings.Contains(glob, `\`):
		return "glob " + quote(glob) + " has a backslash: write paths with / (escapes are not taken)"
	case !doublestar.ValidatePattern(glob):
		return "glob " + quote(glob) + " is not a valid pattern (an unclosed [ or {?)"
	}
	return ""
}
