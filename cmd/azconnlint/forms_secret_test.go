package main

import (
	"strings"
	"testing"
)

// TestNoSecretLeakForms: the request forms' secrets (SPEC §12: the
// password in a body, Authorization header values, secret .http variables
// and form or query fields) appear in no output of any format, --diff or
// --fix's findings.
func TestNoSecretLeakForms(t *testing.T) {
	const http = `@client_secret = Hunter2-var
@graph = https://graph.microsoft.com/beta

### token: another host
POST https://login.microsoftonline.com/contoso/oauth2/v2.0/token
Content-Type: application/x-www-form-urlencoded

grant_type=client_credentials&client_id=abc&client_secret=Hunter2-field

###
PATCH {{graph}}/deviceManagement/virtualEndpoint/onPremisesConnections/{{client_secret}}?access_token=Hunter2-query
Authorization: Bearer Hunter2-bearer
Content-Type: text/plain
Content-Length: 3

{
  "adDomainPassword": "Hunter2-body",
  "displayName": " x ",
  "healthCheckStatus": "Passed"
}
`
	md := "# Runbook\n\n```http\n" + strings.SplitN(http, "###\n", 2)[1] + "```\n"
	md = strings.Replace(md, "{{graph}}", "https://graph.microsoft.com/beta", 1)
	paths := writeFiles(t, map[string]string{"conn.http": http, "conn.rest": strings.ReplaceAll(http, "\n", "\r\n"), "runbook.md": md}, "")
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
		_, _, stderr := runCLI(t, http, "--format", format, "--fix", "--stdin-filename", "x.http")
		check("--fix "+format+" stderr", stderr)
	}
}
