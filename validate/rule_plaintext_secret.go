package validate

import "strings"

func init() {
	register(&rule{
		Rule: Rule{ID: "plaintext-secret", Severity: SeverityWarning,
			Summary: "adDomainPassword holds a literal password.",
			Help:    "Keep passwords out of files in git: use a template reference filled in at deploy time (${VAR}, {{ var }}, $(var), $VAR, $env:VAR, %VAR%, #{VAR}#). The value is never shown in any message or report."},
		phase: phaseValue,
		check: checkPlaintextSecret,
	})
}

func checkPlaintextSecret(rc *ruleContext, out reporter) {
	n := rc.stringProp(rc.m.table.Secret)
	if n == nil || n.Str == "" || isTemplate(strings.TrimSpace(n.Str)) {
		return
	}
	out.atValue("plaintext-secret", SeverityWarning, n, rc.m.table.Secret+" holds a literal password: keep secrets out of files, and use a template reference such as ${AD_DOMAIN_PASSWORD} filled in at deploy time")
}
