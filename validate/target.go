package validate

import (
	"fmt"

	"github.com/azconn/azconn/schema"
)

// Target names the API whose PATCH body is linted. Targets are data: each
// is a schema document and a table in package schema.
type Target string

// The targets. The zero Target means Auto.
const (
	// Auto detects the target from the input (SPEC §3): the request URL,
	// then an @odata.type naming a target's type, then properties only one
	// target has; otherwise the first target, AzureConnection.
	Auto                 Target = "auto"
	AzureConnection      Target = "azureConnection"      // PATCH /deviceManagement/cloudManagedDesktop/azureConnections
	OnPremisesConnection Target = "onPremisesConnection" // PATCH /deviceManagement/virtualEndpoint/onPremisesConnections/{id}
)

// Targets returns every concrete target, the fallback of Auto first. Auto
// itself is not listed: it names no schema.
func Targets() []Target {
	var out []Target
	for _, t := range schema.Tables() {
		out = append(out, Target(t.Name))
	}
	return out
}

// defaultTarget is the name of the target Auto falls back to.
func defaultTarget() string { return schema.Tables()[0].Name }

// ParseTarget returns the target with the given name: "auto" or a
// concrete target.
func ParseTarget(name string) (Target, error) {
	if name == string(Auto) {
		return Auto, nil
	}
	if _, ok := schema.Lookup(name); ok {
		return Target(name), nil
	}
	names := []string{string(Auto)}
	for _, t := range Targets() {
		names = append(names, string(t))
	}
	return "", fmt.Errorf("validate: unknown target %q (want %s)", name, list(names, "or"))
}

// String returns the target's name; the zero Target reads as "auto".
func (t Target) String() string {
	if t == "" {
		return string(Auto)
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

// Schema returns the JSON Schema document of a concrete target; Auto has
// none.
func (t Target) Schema() ([]byte, error) {
	if t == "" || t == Auto {
		return nil, fmt.Errorf("validate: target auto has no schema: name one of %s", list(targetNames(), "or"))
	}
	return schema.Source(t.String())
}

func targetNames() []string {
	var names []string
	for _, t := range Targets() {
		names = append(names, string(t))
	}
	return names
}
