package validate

import (
	"strings"
	"testing"
)

func TestJoinTypeFields(t *testing.T) {
	const ad = `"adDomainName": "corp.contoso.com", "adDomainUsername": "dcadmin@corp.contoso.com"`
	for _, tc := range []struct {
		name, in string
		want     []string // "pointer: message part", in order
	}{
		{"entra join with AD fields", `{"connectionType": "azureADJoin", ` + ad + `, "adDomainPassword": "${PW}", "organizationalUnit": "OU=a,DC=corp,DC=contoso,DC=com"}`,
			[]string{"/adDomainName: adDomainName is for hybrid join only: connectionType is azureADJoin",
				"/adDomainUsername: remove adDomainUsername, or set connectionType to hybridAzureADJoin",
				"/adDomainPassword: adDomainPassword is for hybrid join only", "/organizationalUnit: organizationalUnit is for hybrid join only"}},
		{"entra join, nulls are not set", `{"connectionType": "azureADJoin", "adDomainName": null, "adDomainUsername": null, "adDomainPassword": null, "organizationalUnit": null}`, nil},
		{"entra join, miscased member", `{"connectionType": "AzureADJoin", "organizationalUnit": "OU=a,DC=b"}`, []string{"/organizationalUnit: for hybrid join only"}},
		{"entra join through the deprecated type", `{"type": "azureADJoin", "adDomainName": "corp.contoso.com"}`, []string{"/adDomainName: type is azureADJoin"}},
		{"connectionType wins over type", `{"type": "hybridAzureADJoin", "connectionType": "azureADJoin", "adDomainName": "corp.contoso.com"}`, []string{"/adDomainName: connectionType is azureADJoin"}},
		{"entra join alone", `{"connectionType": "azureADJoin", "displayName": "a"}`, nil},
		{"hybrid join without AD fields", `{"connectionType": "hybridAzureADJoin"}`,
			[]string{"/connectionType: adDomainName and adDomainUsername are not set"}},
		{"hybrid join without the user", `{"connectionType": "hybridAzureADJoin", "adDomainName": "corp.contoso.com", "adDomainUsername": null}`,
			[]string{"/connectionType: but adDomainUsername is not set"}},
		{"hybrid join without the password is fine", `{"connectionType": "hybridAzureADJoin", ` + ad + `}`, nil},
		{"hybrid join, all set", `{"connectionType": "hybridAzureADJoin", ` + ad + `, "adDomainPassword": "${PW}"}`, nil},
		{"no join type", `{` + ad + `}`, nil},
		{"unknownFutureValue", `{"connectionType": "unknownFutureValue", ` + ad + `}`, nil},
		{"null join type", `{"connectionType": null, ` + ad + `}`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := findingsOf(t, tc.in, Options{Target: OnPremisesConnection}, "join-type-fields")
			if len(fs) != len(tc.want) {
				t.Fatalf("got %v, want %v", fs, tc.want)
			}
			for i, f := range fs {
				ptr, part, _ := strings.Cut(tc.want[i], ": ")
				if f.Pointer != ptr || !strings.Contains(f.Message, part) || f.Severity != SeverityWarning || f.Fixable {
					t.Errorf("finding %d = %s %q, want %s %q", i, f.Pointer, f.Message, ptr, part)
				}
			}
			if strings.Contains(tc.in, "${PW}") {
				for _, f := range fs {
					if strings.Contains(f.Message, "${PW}") {
						t.Errorf("the password appears: %s", f.Message)
					}
				}
			}
		})
	}
	// A create's missing AD fields are the required rule's.
	if fs := findingsOf(t, `{"connectionType": "hybridAzureADJoin"}`, Options{Target: OnPremisesConnection, Method: "POST"}, "join-type-fields"); len(fs) != 0 {
		t.Errorf("create: %v", fs)
	}
	if fs := findingsOf(t, `{"connectionType": "azureADJoin", "adDomainName": "corp.contoso.com"}`, Options{Target: OnPremisesConnection, Method: "POST"}, "join-type-fields"); len(fs) != 1 {
		t.Errorf("create with AD fields for Entra join: %v", fs)
	}
	// The stub has no join type: the rule has nothing to compare.
	if fs := findingsOf(t, `{"connectionType": "azureADJoin", "adDomainName": "corp.contoso.com"}`, Options{Target: AzureConnection}, "join-type-fields"); len(fs) != 0 {
		t.Errorf("stub: %v", fs)
	}
}
