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

func checkUsername(rc *ruleContext, out reporter) {
	n, core, lead := rc.fact(rc.theFacts().username)
	if n == nil {
		return
	}
	domain := rc.cleanDomain() // suggest only a domain without findings
	from, to, why := values.UPNProblem(core, domain)
	if why == "" {
		return
	}
	if core == "" {
		out.atValue("username", SeverityWarning, n, "adDomainUsername "+why)
		return
	}
	atCore(out, "username", SeverityWarning, n, lead, len(core), from, to, "adDomainUsername "+why)
}
