package validate

import (
	"slices"
	"strings"
	"testing"
)

// ProfileProgram leaves out the file and HTTP-text rules and speaks of
// the body; the file profile (the default) keeps them.
func TestProfileProgram(t *testing.T) {
	body := "\xEF\xBB\xBF" + `{"displayName": "Contoso", "adDomainName": "corp.contoso.com", "adDomainUsername": "svc", "adDomainPassword": "S3cr3t-Passw0rd!"}`
	rulesOf := func(res Result) []string {
		var out []string
		for _, f := range res.Findings {
			out = append(out, f.Rule)
		}
		return out
	}
	file := rulesOf(Lint([]byte(body), Options{}))
	prog := rulesOf(Lint([]byte(body), Options{Profile: ProfileProgram}))
	for _, id := range []string{"bom", "plaintext-secret"} {
		if !slices.Contains(file, id) || slices.Contains(prog, id) {
			t.Errorf("%s: file profile %v, program profile %v", id, file, prog)
		}
	}
	http := "PATCH https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/onPremisesConnections/x\nContent-Type: application/json\nContent-Length: 3\n\n{\"displayName\": \"x\"}\n\n###\n" +
		"PATCH https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/onPremisesConnections/x\nContent-Type: application/json\n\n{\"displayName\": {{name}}}\n"
	file, prog = rulesOf(Lint([]byte(http), Options{})), rulesOf(Lint([]byte(http), Options{Profile: ProfileProgram}))
	for _, id := range []string{"content-length", "template-value"} {
		if !slices.Contains(file, id) || slices.Contains(prog, id) {
			t.Errorf("%s: file profile %v, program profile %v", id, file, prog)
		}
	}
	for _, in := range []string{"{\"displayName\": \"\xff\"}", "\xFF\xFE{}"} {
		f, p := Lint([]byte(in), Options{}).Findings[0].Message, Lint([]byte(in), Options{Profile: ProfileProgram}).Findings[0].Message
		if !strings.Contains(f, "save") || strings.Contains(p, "file") || !strings.Contains(p, "encode the body as UTF-8") {
			t.Errorf("file profile %q, program profile %q", f, p)
		}
	}
	big := Lint([]byte(`{"displayName": "Contoso"}`), Options{Profile: ProfileProgram, MaxSize: 4}).Findings[0].Message
	if strings.Contains(big, "file") {
		t.Errorf("too-large in the program profile: %q", big)
	}
	if _, err := New(Options{Profile: "service"}); err == nil {
		t.Error("an unknown profile was accepted")
	}
}
