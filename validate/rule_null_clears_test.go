package validate

import (
	"strings"
	"testing"
)

func TestNullClears(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		target   Target
		want     []string // pointers
	}{
		{"settable nullables", `{"adDomainName": null, "organizationalUnit": null, "adDomainPassword": null, "connectionType": null}`, OnPremisesConnection,
			[]string{"/adDomainName", "/organizationalUnit", "/adDomainPassword", "/connectionType"}},
		{"stub", `{"adDomainUsername": null, "organizationalUnit": null}`, AzureConnection, []string{"/adDomainUsername", "/organizationalUnit"}},
		{"miscased key", `{"ADDomainName": null}`, OnPremisesConnection, []string{"/ADDomainName"}},
		{"read-only nullables", `{"subscriptionName": null, "inUse": null, "healthCheckStatusDetail": null}`, OnPremisesConnection, nil},
		{"not nullable: a type error instead", `{"displayName": null, "scopeIds": null}`, OnPremisesConnection, nil},
		{"nested", `{"healthCheckStatusDetail": {"healthChecks": [{"correlationId": null}]}}`, OnPremisesConnection, nil},
		{"values", `{"adDomainName": "corp.contoso.com", "organizationalUnit": ""}`, OnPremisesConnection, nil},
		{"unknown property", `{"adDomain": null}`, OnPremisesConnection, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := findingsOf(t, tc.in, Options{Target: tc.target}, "null-clears")
			if len(fs) != len(tc.want) {
				t.Fatalf("got %v, want %v", fs, tc.want)
			}
			for i, f := range fs {
				if f.Pointer != tc.want[i] || f.Severity != SeverityInfo || f.Fixable || !strings.Contains(f.Message, "clears it on the service") {
					t.Errorf("finding %d = %s, want at %s", i, f, tc.want[i])
				}
			}
		})
	}
}
