// Package buildinfo names the running build of azconn for the CLI and the
// page alike.
package buildinfo

import "runtime/debug"

// Version returns the module version the go command stamped (the tag for
// `go install …@vX`), else "(devel)" and the VCS revision of a local build,
// with "+dirty" for uncommitted changes (builds need -buildvcs=auto where
// GOFLAGS turns it off).
func Version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	rev, dirty := "", ""
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	if rev == "" {
		return "(devel)"
	}
	return "(devel) " + rev[:min(12, len(rev))] + dirty
}
