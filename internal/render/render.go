// Package render writes one Microsoft Graph call as text to run: the HTTP
// request (as a .http file or REST client takes it), curl, PowerShell's
// Invoke-MgGraphRequest and az rest, each with its shell's quoting and
// the password spliced in from a variable, never its value. It knows no
// target, schema or secret: it takes a method, a URL and a body in which
// the password's value is PasswordMarker.
package render

import "strings"

// Password references, one per kind of call.
const (
	httpPasswordRef  = "{{adDomainPassword}}"
	shellPasswordEnv = "AD_DOMAIN_PASSWORD"
)

// PasswordMarker stands for the password's value in a body to render:
// each kind of call puts its own reference to the password in its place.
const PasswordMarker = "\x00adDomainPassword\x00"

// HTTP renders the call as a .http file or REST client takes it, the
// password as {{adDomainPassword}}.
func HTTP(method, url, body string) string {
	var b strings.Builder
	b.WriteString(method + " " + url + "\n")
	b.WriteString("Authorization: Bearer {{token}}\n")
	if body != "" {
		b.WriteString("Content-Type: application/json\n\n")
		b.WriteString(strings.ReplaceAll(body, PasswordMarker, httpPasswordRef))
	}
	b.WriteString("\n")
	return b.String()
}

// shellQuote quotes s for a POSIX shell, splicing the password in from
// the environment.
func shellQuote(s string) string {
	q := "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
	return strings.ReplaceAll(q, PasswordMarker, `'"$`+shellPasswordEnv+`"'`)
}

// Curl renders the call as a curl command for a POSIX shell, the token
// from $TOKEN and the password from $AD_DOMAIN_PASSWORD.
func Curl(method, url, body string) string {
	var b strings.Builder
	b.WriteString("curl -X " + method + " " + shellQuote(url) + " \\\n")
	b.WriteString("  -H \"Authorization: Bearer $TOKEN\"")
	if body != "" {
		b.WriteString(" \\\n  -H 'Content-Type: application/json' \\\n")
		b.WriteString("  --data-binary " + shellQuote(body))
	}
	b.WriteString("\n")
	return b.String()
}

// Az renders the call as an az rest command for a POSIX shell, the
// password from $AD_DOMAIN_PASSWORD.
func Az(method, url, body string) string {
	var b strings.Builder
	b.WriteString("az rest --method " + strings.ToLower(method) + " --url " + shellQuote(url))
	if body != "" {
		b.WriteString(" \\\n  --headers 'Content-Type=application/json' \\\n")
		b.WriteString("  --body " + shellQuote(body))
	}
	b.WriteString("\n")
	return b.String()
}

// PowerShell renders the call as Invoke-MgGraphRequest with the body in a
// double-quoted here-string, so that the password comes from
// $env:AD_DOMAIN_PASSWORD; the body's own ` and $ are escaped.
func PowerShell(method, url, body string) string {
	var b strings.Builder
	psURL := "'" + strings.ReplaceAll(url, "'", "''") + "'"
	if body == "" {
		b.WriteString("Invoke-MgGraphRequest -Method " + method + " -Uri " + psURL + "\n")
		return b.String()
	}
	esc := strings.NewReplacer("`", "``", "$", "`$").Replace(body)
	esc = strings.ReplaceAll(esc, PasswordMarker, "$($env:"+shellPasswordEnv+")")
	esc = strings.ReplaceAll("\n"+esc, "\n\"@", "\n \"@")[1:] // a line starting "@ would end the here-string
	b.WriteString("$body = @\"\n" + esc + "\n\"@\n")
	b.WriteString("Invoke-MgGraphRequest -Method " + method + " -Uri " + psURL + " -Body $body -ContentType 'application/json'\n")
	return b.String()
}
