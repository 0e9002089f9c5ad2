package main

import (
	"strings"
	"testing"
)

// formsSecretFile holds a secret in every place the README lists, across
// three requests, each repeated where it is not a secret (issue 24): the
// first request's password in the second's values, a file variable in
// the version position, a bearer token and an X_Api_Key header in the
// body, a percent-encoded query name, a ';' field, a fragment, a userinfo
// password, a request-level variable, a variable holding the whole
// Authorization value, "@ name = v", form fields whose values hold '#' and
// a space, a bare "name = v" line and a token request's JSON
// body. Every secret starts "Hunter2".
const formsSecretFile = `@clientSecret = Hunter2bZ
@auth = Bearer Hunter2iZ
@ client_secret = Hunter2mZ

### rotate
POST https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/onPremisesConnections/9ec90ff8-fd63-4fb9-ab5a-aa4fdccf1234/updateAdDomainPassword
Authorization: Bearer Hunter2cZ
X_Api_Key: Hunter2dZ
Content-Type: application/json

{"adDomainPassword": "Hunter2aZ"}

### update
@apiKey = Hunter2hZ
PATCH https://admin:Hunter2gZ@graph.microsoft.com/Hunter2bZ/deviceManagement/virtualEndpoint/onPremisesConnections/9ec90ff8-fd63-4fb9-ab5a-aa4fdccf1234?access%5Ftoken=Hunter2eZ;token=Hunter2jZ#access_token=Hunter2fZ
Authorization: {{auth}}
Content-Type: text/plain
Content-Length: 3

{
  "displayName": " Hunter2aZ ",
  "connectionType": "Hunter2aZ",
  "healthCheckStatus": "Hunter2cZ",
  "adDomainUsername": "Hunter2dZ",
  "organizationalUnit": "OU=Hunter2hZ,DC=contoso,DC=com",
  "Hunter2iZ": "Hunter2jZ",
  "adDomainName": "Pa#ss Hunter2kZ",
  "resourceGroupId": "Hunter2lZ",
  "subnetId": "Hunter2mZ",
  "virtualNetworkId": "Hunter2nZ",
  "value": {"DisplayName": "Hunter2bZ", "healthCheckStatusDetails": "Hunter2eZ", "Hunter2fZ": "Hunter2gZ"}
}

### token
POST https://login.microsoftonline.com/contoso/oauth2/v2.0/token
Content-Type: application/x-www-form-urlencoded

grant_type=client_credentials&client_id=abc&password=Pa#ss Hunter2kZ
client_secret = Hunter2nZ

### token as JSON
POST https://login.microsoftonline.com/contoso/oauth2/v2.0/token
Content-Type: application/json

{"client_id": "abc", "client_secret": "Hunter2lZ"}
`

// TestNoSecretLeakForms: no secret of a request form appears in any
// output of any format, with --diff, or in --fix's report, whether the
// requests are a .http file, its CRLF copy or Markdown fences.
func TestNoSecretLeakForms(t *testing.T) {
	parts := strings.Split(formsSecretFile, "\n### ")
	md := "# Runbook\n\n```http\n" + parts[0] + "\n### " + parts[1] + "```\n\n"
	for _, p := range parts[2:] {
		md += "Then:\n\n```http\n### " + p + "```\n\n"
	}
	paths := writeFiles(t, map[string]string{"conn.http": formsSecretFile, "conn.rest": strings.ReplaceAll(formsSecretFile, "\n", "\r\n"), "runbook.md": md}, "")
	check := func(what, out string) {
		t.Helper()
		if i := strings.Index(out, "Hunter2"); i >= 0 {
			t.Errorf("%s leaks a secret: …%s…", what, out[max(0, i-120):min(len(out), i+40)])
		}
	}
	for _, format := range formats {
		for _, extra := range [][]string{nil, {"--diff"}} {
			checkOutputs(t, check, append([]string{"--format", format, "--fail-on", "info"}, extra...), paths)
		}
		for name, in := range map[string]string{"x.http": formsSecretFile, "x.md": md} {
			_, _, stderr := runCLI(t, in, "--format", format, "--fix", "--stdin-filename", name)
			check("--fix "+format+" "+name+" stderr", stderr)
		}
	}
}
