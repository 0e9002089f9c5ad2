package validate

import "github.com/azconn/azconn/internal/values"

func init() {
	register(&rule{
		Rule: Rule{ID: "username", Severity: SeverityWarning,
			Summary: "adDomainUsername is not a user principal name (name@domain), e.g. a bare dcadmin or a down-level CONTOSO\\admin.",
			Help: "Graph documents the required format as admin@contoso.com: the UPN of an account allowed to create computer objects in the OU. " +
				"The documentation's own create example sends the bare \"dcadmin\". A UPN suffix other than adDomainName is fine (alternative UPN suffixes exist)."},
		phase: phaseDomain,
		check: checkUsername,
	})
}

func checkUsername(p *pass) {
	n, core, lead := p.fact(p.theFacts().username)
	if n == nil {
		return
	}
	domain := p.cleanDomain() // suggest only a domain without findings
	from, to, why := values.UPNProblem(core, domain)
	if why == "" {
		return
	}
	if core == "" {
		p.atValue("username", SeverityWarning, n, "adDomainUsername "+why)
		return
	}
	p.atCore("username", SeverityWarning, n, lead, len(core), from, to, "adDomainUsername "+why)
}
