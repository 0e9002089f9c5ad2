package validate

import (
	"fmt"
	"strings"

	"github.com/azconn/azconn/schema"
)

// Target names the API whose PATCH body is linted. Targets are data: each
// is a schema document and a table in package schema.
type Target string

// The targets. The zero Target means AzureConnection.
const (
	AzureConnection      Target = "azureConnection"      // PATCH /deviceManagement/cloudManagedDesktop/azureConnections
	OnPremisesConnection Target = "onPremisesConnection" // PATCH /deviceManagement/virtualEndpoint/onPremisesConnections/{id}
)

// Targets returns every known target, the default first.
func Targets() []Target {
	var out []Target
	for _, t := range schema.Tables() {
		out = append(out, Target(t.Name))
	}
	return out
}

// ParseTarget returns the target with the given name.
func ParseTarget(name string) (Target, error) {
	if _, ok := schema.Lookup(name); ok {
		return Target(name), nil
	}
	var names []string
	for _, t := range Targets() {
		names = append(names, string(t))
	}
	return "", fmt.Errorf("validate: unknown target %q (want %s)", name, strings.Join(names, " or "))
}

// String returns the target's name; the zero Target reads as the default.
func (t Target) String() string {
	if t == "" {
		return string(Targets()[0])
	}
	return string(t)
}

// MarshalText implements encoding.TextMarshaler.
func (t Target) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (t *Target) UnmarshalText(b []byte) error {
	v, err := ParseTarget(string(b))
	if err == nil {
		*t = v
	}
	return err
}

// Schema returns the JSON Schema document of the target.
func (t Target) Schema() ([]byte, error) { return schema.Source(t.String()) }
