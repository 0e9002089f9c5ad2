package validate

func init() {
	register(&rule{
		Rule: Rule{ID: "domain-name", Severity: SeverityError,
			Summary: "adDomainName is not a DNS domain name (an error), or one Active Directory handles badly: longer than 64 characters or a single label (a warning).",
			Help: "Write the DNS name of the Active Directory domain, e.g. corp.contoso.com: labels of 1–63 ASCII letters, digits and hyphens, not starting or ending with a hyphen, " +
				"separated by single dots, at most 255 characters, no trailing dot. Active Directory limits a domain's DNS name to 64 characters and single-label names (CONTOSO) are problematic: " +
				"those get a warning. If the forest has several domains, give the one the Cloud PCs join."},
		phase: phaseDomain,
		check: checkDomainName,
	})
}

func checkDomainName(rc *ruleContext, out reporter) {
	n, core, lead := rc.fact(rc.theFacts().domain)
	if n == nil {
		return
	}
	is := rc.theFacts().domainIssue
	if is == nil {
		return
	}
	if core == "" {
		out.atValue("domain-name", levelSeverity(is.Level), n, "adDomainName "+is.Msg)
		return
	}
	atCore(out, "domain-name", levelSeverity(is.Level), n, lead, len(core), is.From, is.To, "adDomainName "+is.Msg)
}
