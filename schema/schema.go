// Package schema holds the JSON Schema (draft 2020-12) documents of the
// azconn targets and the small table that goes with each. Package validate
// compiles them (with an internal package, so that the schema engine is
// no part of the public API).
//
// The schema documents are the single source of the targets' shapes:
// property names, types, nullability, enum members, readOnly and
// deprecated annotations, and the accepted @odata.type values. The Table
// adds only what JSON Schema cannot say: legacy aliases.
package schema

import (
	"embed"
	"fmt"
)

//go:embed *.schema.json
var files embed.FS

// Table is the data of a target that lives beside its schema document.
type Table struct {
	Name     string // target name, e.g. "azureConnection"
	File     string // schema file name in this package
	Endpoint string // the HTTP request the body belongs to
	// Collection is the path of the target's collection after the API
	// version: POST to it creates a connection, PATCH Collection/{id}
	// updates one. Package validate matches request URLs against it.
	Collection string
	// Actions are the actions bound to one connection, POST
	// Collection/{id}/name; the value says whether the action takes a body.
	Actions map[string]bool
	// PropertyAliases maps legacy top-level property names to canonical ones.
	PropertyAliases map[string]string
	// TypeAliases maps legacy top-level @odata.type values (compared without
	// case and without the leading '#') to the canonical value.
	TypeAliases map[string]string
	// Secret names the top-level property whose value is never echoed.
	Secret string
	// APIs lists the Graph API versions that serve the endpoint; none for
	// a pre-release endpoint. Under target auto, a body sent to a version
	// only one target has is that target's.
	APIs []string
}

// tables lists the targets; the first is the default. Adding a target is a
// schema file plus an entry here.
var tables = []Table{
	{
		Name:            "azureConnection",
		File:            "azureConnection.schema.json",
		Endpoint:        "PATCH /deviceManagement/cloudManagedDesktop/azureConnections",
		Collection:      "/deviceManagement/cloudManagedDesktop/azureConnections",
		PropertyAliases: map[string]string{"subnetId": "subNetId"},
		Secret:          "adDomainPassword",
	},
	{
		Name:            "onPremisesConnection",
		File:            "onPremisesConnection.schema.json",
		Endpoint:        "PATCH /deviceManagement/virtualEndpoint/onPremisesConnections/{id}",
		Collection:      "/deviceManagement/virtualEndpoint/onPremisesConnections",
		Actions:         map[string]bool{"updateAdDomainPassword": true, "runHealthChecks": false},
		PropertyAliases: map[string]string{"subNetId": "subnetId"},
		TypeAliases:     map[string]string{"#microsoft.graph.AzureConnection": "#microsoft.graph.cloudPcOnPremisesConnection"},
		Secret:          "adDomainPassword",
		APIs:            []string{"beta", "v1.0"},
	},
}

// Tables returns the targets' tables, the default first.
func Tables() []Table { return tables }

// Lookup returns the table of the named target.
func Lookup(name string) (Table, bool) {
	for _, t := range tables {
		if t.Name == name {
			return t, true
		}
	}
	return Table{}, false
}

// Source returns the schema document of the named target.
func Source(name string) ([]byte, error) {
	t, ok := Lookup(name)
	if !ok {
		return nil, fmt.Errorf("schema: unknown target %q", name)
	}
	return files.ReadFile(t.File)
}
