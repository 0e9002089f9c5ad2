package render

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const (
	testURL  = "https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/onPremisesConnections/{id}"
	testBody = "{\n  \"displayName\": \"O'Brien's $HOME `x`\",\n  \"adDomainPassword\": \"" + PasswordMarker + "\"\n}"
)

func TestHTTP(t *testing.T) {
	want := "PATCH " + testURL + "\nAuthorization: Bearer {{token}}\nContent-Type: application/json\n\n" +
		"{\n  \"displayName\": \"O'Brien's $HOME `x`\",\n  \"adDomainPassword\": \"{{adDomainPassword}}\"\n}\n"
	if got := HTTP("PATCH", testURL, testBody); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := HTTP("POST", testURL, ""); got != "POST "+testURL+"\nAuthorization: Bearer {{token}}\n\n" {
		t.Errorf("without a body: %q", got)
	}
}

func TestPowerShell(t *testing.T) {
	body := "{\n\"@ a line that would end the here-string\n \"p\": \"" + PasswordMarker + "\", \"d\": \"`$x\"\n}"
	want := "$body = @\"\n{\n \"@ a line that would end the here-string\n \"p\": \"$($env:AD_DOMAIN_PASSWORD)\", \"d\": \"```$x\"\n}\n\"@\n" +
		"Invoke-MgGraphRequest -Method PATCH -Uri 'https://h/x''y' -Body $body -ContentType 'application/json'\n"
	if got := PowerShell("PATCH", "https://h/x'y", body); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := PowerShell("POST", "https://h/x", ""); got != "Invoke-MgGraphRequest -Method POST -Uri 'https://h/x'\n" {
		t.Errorf("without a body: %q", got)
	}
}

// TestShellCalls runs the curl and az renderings through sh with the
// command replaced by a function that prints its arguments: the shell
// reads the URL and the body as written, the password from the
// environment.
func TestShellCalls(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("no sh under CI")
		}
		t.Skip("no sh")
	}
	const pw = `p'w"$x`
	wantBody := strings.ReplaceAll(testBody, PasswordMarker, pw)
	for name, text := range map[string]string{"curl": Curl("PATCH", testURL+"?a='b'", testBody), "az": Az("PATCH", testURL+"?a='b'", testBody)} {
		script := "f() { for a in \"$@\"; do printf '%s\\n--\\n' \"$a\"; done; }\n" + strings.Replace(text, name+" ", "f ", 1)
		cmd := exec.Command(sh, "-c", script)
		cmd.Env = append(os.Environ(), "AD_DOMAIN_PASSWORD="+pw, "TOKEN=tok")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s\n%s", name, err, text, out)
		}
		args := strings.Split(strings.TrimSuffix(string(out), "\n--\n"), "\n--\n")
		if !slices.Contains(args, testURL+"?a='b'") || !slices.Contains(args, wantBody) {
			t.Errorf("%s: the shell read %q", name, args)
		}
		if name == "curl" && !slices.Contains(args, "Authorization: Bearer tok") {
			t.Errorf("curl: no token header in %q", args)
		}
	}
}
