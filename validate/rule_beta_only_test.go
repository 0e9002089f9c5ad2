package validate

import (
	"strings"
	"testing"
)

// findingsOf lints in with opts and returns the findings of rule, failing
// the test on an internal failure.
func findingsOf(t *testing.T, in string, opts Options, rule string) []Finding {
	t.Helper()
	var out []Finding
	for _, f := range Lint([]byte(in), opts).Findings {
		if f.Rule == "internal" && rule != "internal" {
			t.Fatalf("internal failure: %s", f.Message)
		}
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

func TestBetaOnly(t *testing.T) {
	v1 := Options{Target: OnPremisesConnection, API: APIV1}
	for _, tc := range []struct {
		name, in string
		opts     Options
		want     []string // "pointer: message part", in order
	}{
		{"beta accepts beta-only", `{"type": "azureADJoin", "managedBy": "windows365"}`,
			Options{Target: OnPremisesConnection}, nil},
		{"explicit beta", `{"type": "azureADJoin"}`, Options{Target: OnPremisesConnection, API: APIBeta}, nil},
		{"type names connectionType", `{"type": "azureADJoin"}`, v1, []string{"/type: use connectionType instead"}},
		{"details names detail", `{"healthCheckStatusDetails": {"healthChecks": [{"additionalDetails": "x", "errorType": "resourceAvailabilityCheckMissingRegistrationForLocation"}]}}`, v1,
			[]string{"/healthCheckStatusDetails: use healthCheckStatusDetail instead"}}, // one finding: nothing inside it
		{"no successor", `{"managedBy": "windows365", "subnetPrivateIpDetail": null}`, v1,
			[]string{"/managedBy: remove it", "/subnetPrivateIpDetail: remove it"}},
		{"nested property", `{"healthCheckStatusDetail": {"healthChecks": [{"additionalDetails": "x"}]}}`, v1,
			[]string{"/healthCheckStatusDetail/healthChecks/0/additionalDetails: use additionalDetail instead"}},
		{"beta-only members", `{"healthCheckStatusDetail": {"healthChecks": [{"errorType": "endpointConnectivityCheckVMAgentEndPointCommunicationError"}, {"errorType": "ResourceAvailabilityCheckMissingRegistrationForLocation"}, {"errorType": "dnsCheckFqdnNotFound"}]}}`, v1,
			[]string{`/healthCheckStatusDetail/healthChecks/0/errorType: "endpointConnectivityCheckVMAgentEndPointCommunicationError" is a member of errorType only in the beta API`,
				`/healthCheckStatusDetail/healthChecks/1/errorType: "resourceAvailabilityCheckMissingRegistrationForLocation"`}},
		{"v1.0 properties pass", `{"connectionType": "azureADJoin", "scopeIds": ["0"], "healthCheckStatusDetail": {"healthChecks": [{"additionalDetail": "x"}]}}`, v1, nil},
		{"the URL names v1.0", `{"type": "azureADJoin"}`, Options{Target: OnPremisesConnection, URL: "https://graph.microsoft.com/v1.0/deviceManagement/virtualEndpoint/onPremisesConnections/1"},
			[]string{"/type: use connectionType instead"}},
		{"the URL names beta", `{"type": "azureADJoin"}`, Options{Target: OnPremisesConnection, API: APIV1, URL: "https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/onPremisesConnections/1"}, nil},
		{"miscased key is bound first", `{"Type": "azureADJoin"}`, v1, []string{"/Type: use connectionType instead"}},
		{"stub target is beta only", `{"displayName": "a"}`, Options{Target: AzureConnection, API: APIV1},
			[]string{`: the azureConnection target is a pre-release beta endpoint that v1.0 does not have: lint the body for beta, or move it to the onPremisesConnection target`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := findingsOf(t, tc.in, tc.opts, "beta-only")
			if len(fs) != len(tc.want) {
				t.Fatalf("got %d findings %v, want %v", len(fs), fs, tc.want)
			}
			for i, f := range fs {
				ptr, part, _ := strings.Cut(tc.want[i], ": ")
				if f.Pointer != ptr || !strings.Contains(f.Message, part) || f.Severity != SeverityError || f.Fixable {
					t.Errorf("finding %d = %s %q (%s), want %s %q", i, f.Pointer, f.Message, f.Severity, ptr, part)
				}
			}
		})
	}
}

func TestBetaOnlyUnknownAPI(t *testing.T) {
	fs := findingsOf(t, `{}`, Options{Target: OnPremisesConnection, API: "v2.0"}, "internal")
	if len(fs) != 1 || !strings.Contains(fs[0].Message, `unknown API version "v2.0" (want beta or v1.0)`) {
		t.Fatalf("got %v", fs)
	}
}

func TestParseAPI(t *testing.T) {
	for in, want := range map[string]API{"beta": APIBeta, "v1.0": APIV1, "V1.0": APIV1, "BETA": APIBeta} {
		if got, err := ParseAPI(in); err != nil || got != want {
			t.Errorf("ParseAPI(%q) = %q, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "v1", "1.0", "v2.0"} {
		if _, err := ParseAPI(in); err == nil || !strings.Contains(err.Error(), "want beta or v1.0") {
			t.Errorf("ParseAPI(%q): err = %v", in, err)
		}
	}
	var a API
	if b, _ := a.MarshalText(); string(b) != "beta" {
		t.Errorf("zero API marshals as %q", b)
	}
	if err := a.UnmarshalText([]byte("v1.0")); err != nil || a != APIV1 {
		t.Errorf("UnmarshalText: %q, %v", a, err)
	}
	if err := a.UnmarshalText([]byte("v9")); err == nil || a != APIV1 {
		t.Errorf("UnmarshalText(v9): %q, %v", a, err)
	}
	if got := APIs(); len(got) != 2 || got[0] != APIBeta || got[1] != APIV1 {
		t.Errorf("APIs() = %v", got)
	}
}
