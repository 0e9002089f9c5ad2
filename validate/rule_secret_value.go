package validate

import (
	"strings"
)

func init() {
	register(&rule{
		Rule: Rule{ID: "secret-value", Severity: SeverityError,
			Summary: "adDomainPassword holds something that is not a password: a DPAPI string (ConvertFrom-SecureString output) or a redaction mask (********).",
			Help:    "Graph would set the password to that text. Pass the plain text at deploy time — in PowerShell (New-Object PSCredential 'x', $secure).GetNetworkCredential().Password — or a template variable such as ${AD_DOMAIN_PASSWORD}; leave the property out to keep the current password. The value is never shown."},
		// Before plaintext-secret, which skips the value this rule claims.
		phase: phaseClaim,
		check: checkSecretValue,
	})
}

// dpapiPrefix begins every Windows DPAPI blob in hex, as
// ConvertFrom-SecureString writes it without -Key: the version 1 and the
// DPAPI provider GUID {df9d8cd0-1501-11d1-8c7a-00c04fc297eb}.
const dpapiPrefix = "01000000d08c9ddf0115d1118c7a00c04fc297eb"

// keyedPrefix begins ConvertFrom-SecureString -Key output (an AES export).
const keyedPrefix = "76492d1116743f0423413b16050a5345"

const passRealValue = ": Graph would set the password to that text. Pass the real password at deploy time — in PowerShell, for a SecureString $secure, (New-Object PSCredential 'x', $secure).GetNetworkCredential().Password — or a template variable such as ${AD_DOMAIN_PASSWORD}; or leave the property out to keep the current password"

func checkSecretValue(rc *ruleContext, out reporter) {
	n := rc.stringProp(rc.m.table.Secret)
	if n == nil {
		return
	}
	s := strings.TrimSpace(n.Str)
	var msg string
	switch {
	case isDPAPI(s):
		msg = rc.m.table.Secret + " holds a Windows DPAPI string (ConvertFrom-SecureString output), not the password" + passRealValue
	case len(s) > len(keyedPrefix) && strings.EqualFold(s[:len(keyedPrefix)], keyedPrefix):
		msg = rc.m.table.Secret + " holds a SecureString exported with a key (ConvertFrom-SecureString -Key), not the password" + passRealValue
	case isMask(s):
		msg = rc.m.table.Secret + " holds a redaction mask (asterisks), not the password: the body was copied from a share link or a report, and sending it would set the password to the asterisks. Put the real password back through a template variable such as ${AD_DOMAIN_PASSWORD}, or leave the property out to keep the current one"
	default:
		return
	}
	out.atValue("secret-value", SeverityError, n, msg)
	out.claim(n)
}

// isDPAPI reports whether s is a DPAPI blob in hex (any case).
func isDPAPI(s string) bool {
	if len(s) <= len(dpapiPrefix) || len(s)%2 != 0 || !strings.EqualFold(s[:len(dpapiPrefix)], dpapiPrefix) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isHex(s[i]) {
			return false
		}
	}
	return true
}

// isMask reports whether s is a redaction mask: asterisks only, as this
// tool (RedactMask) and most consoles write a hidden value. Nobody's
// password is three or more asterisks and nothing else.
func isMask(s string) bool {
	return s == RedactMask || len(s) >= 3 && strings.Trim(s, "*") == ""
}
