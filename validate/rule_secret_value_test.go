package validate

import (
	"strings"
	"testing"
)

// dpapiSample has the shape of ConvertFrom-SecureString output: the DPAPI
// header, then hex (random here, not a real blob).
const dpapiSample = "01000000d08c9ddf0115d1118c7a00c04fc297eb01000000a3f1c2b4e5d6f7a8b9c0d1e2f3a4b5c60000000002000000000003660000c000000010000000"

func TestSecretValue(t *testing.T) {
	for _, tc := range []struct {
		name, pw string
		want     string // message part; "" when it must not fire
	}{
		{"dpapi", dpapiSample, "Windows DPAPI string"},
		{"dpapi upper case", strings.ToUpper(dpapiSample), "Windows DPAPI string"},
		{"dpapi with spaces around", "  " + dpapiSample + "\n", "Windows DPAPI string"},
		{"keyed export", "76492d1116743f0423413b16050a5345MgB8AEcAVQBhAGsAbgBQAEYAWgBsAFUAcQBHAHkA", "ConvertFrom-SecureString -Key"},
		{"mask", "********", "redaction mask"},
		{"short mask", "***", "redaction mask"},
		{"the header alone", dpapiPrefix, ""},
		{"header then not hex", dpapiPrefix + "zz", ""},
		{"odd length", dpapiSample + "0", ""},
		{"a password with asterisks", "P@ss**rd", ""},
		{"two asterisks", "**", ""},
		{"plain password", "Correct-Horse-9", ""},
		{"template", "${AD_DOMAIN_PASSWORD}", ""},
		{"empty", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := `{"displayName": "a", "adDomainPassword": ` + quoteJSON(tc.pw) + `}`
			for _, target := range []Target{AzureConnection, OnPremisesConnection} {
				res := Lint([]byte(in), Options{Target: target})
				var fs []Finding
				for _, f := range res.Findings {
					if len(tc.pw) >= 4 && strings.Contains(f.Message, strings.TrimSpace(tc.pw)) {
						t.Errorf("%s: %s quotes the value", target, f.Rule)
					}
					if f.Rule == "secret-value" {
						fs = append(fs, f)
					}
					if f.Rule == "plaintext-secret" && tc.want != "" {
						t.Errorf("%s: plaintext-secret fires too (one cause, one finding)", target)
					}
				}
				if tc.want == "" {
					if len(fs) != 0 {
						t.Errorf("%s: fires: %v", target, fs)
					}
					continue
				}
				if len(fs) != 1 || fs[0].Severity != SeverityError || fs[0].Fixable || fs[0].Pointer != "/adDomainPassword" ||
					!strings.Contains(fs[0].Message, tc.want) || !strings.Contains(fs[0].Message, "${AD_DOMAIN_PASSWORD}") {
					t.Errorf("%s: got %v, want one error with %q", target, fs, tc.want)
				}
				if strings.Contains(tc.want, "DPAPI") && !strings.Contains(fs[0].Message, ".GetNetworkCredential().Password") {
					t.Errorf("%s: the message does not say how to pass the real value: %s", target, fs[0].Message)
				}
			}
		})
	}
}
