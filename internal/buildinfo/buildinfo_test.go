package buildinfo

import (
	"strings"
	"testing"
)

func TestVersion(t *testing.T) {
	v := Version()
	// Test binaries carry no module version: a local build's form.
	if !strings.HasPrefix(v, "(devel)") && !strings.HasPrefix(v, "v") {
		t.Fatalf("Version() = %q", v)
	}
}
