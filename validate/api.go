package validate

import (
	"fmt"
	"slices"
	"strings"
	"sync"
)

// API names a Microsoft Graph API version, the first segment of the
// request path (/beta/…, /v1.0/…). The versions are data: each target's
// table lists those that serve it (schema.Table.APIs), and its schema marks
// what only beta has (x-beta-only, x-beta-only-members).
type API string

// The API versions of Microsoft Graph. The zero API means APIBeta.
const (
	APIBeta API = "beta" // the default: the seed documents the beta API
	APIV1   API = "v1.0"
)

// APIs returns every API version that some target has, the default first.
func APIs() []API { return slices.Clone(apiList()) }

// apiList is APIs, computed once: the engine reads it on every Lint.
var apiList = sync.OnceValue(func() []API {
	all, err := models()
	if err != nil {
		return []API{APIBeta}
	}
	out := []API{APIBeta}
	for _, t := range Targets() {
		m := all[string(t)]
		if m == nil {
			continue
		}
		for _, v := range m.table.APIs {
			if !slices.Contains(out, API(v)) {
				out = append(out, API(v))
			}
		}
	}
	return out
})

// ParseAPI returns the API version with the given name ("beta" or
// "v1.0"; case is ignored).
func ParseAPI(name string) (API, error) {
	var names []string
	for _, a := range apiList() {
		if strings.EqualFold(name, string(a)) {
			return a, nil
		}
		names = append(names, string(a))
	}
	return "", fmt.Errorf("validate: unknown API version %q (want %s)", name, strings.Join(names, " or "))
}

// String returns the version's name; the zero API reads as the default.
func (a API) String() string {
	if a == "" {
		return string(APIBeta)
	}
	return string(a)
}

// MarshalText implements encoding.TextMarshaler.
func (a API) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (a *API) UnmarshalText(b []byte) error {
	v, err := ParseAPI(string(b))
	if err == nil {
		*a = v
	}
	return err
}

// api returns the API version the body is sent to: the one the request
// URL names (/beta/… or /v1.0/…: where the body goes), else Options.API.
func (rc *ruleContext) api() API {
	for _, a := range apiList() {
		if hasPathSegment(rc.opts.URL, string(a)) {
			return a
		}
	}
	if rc.opts.API == "" {
		return APIBeta
	}
	return rc.opts.API
}
