package validate

import (
	"fmt"
	"strings"
)

func init() {
	register(&rule{
		Rule: Rule{ID: "ou-domain-mismatch", Severity: SeverityWarning,
			Summary: "The DC= components of organizationalUnit do not spell adDomainName (compared case-insensitively).",
			Help: "The OU must be in the domain that the Cloud PCs join: DC=corp,DC=contoso,DC=com for corp.contoso.com. " +
				"Checked only when both values are otherwise valid (no domain-name finding, no ou-format error). Correct whichever is wrong."},
		phase: phaseDomain,
		check: checkOUDomainMismatch,
	})
}

func checkOUDomainMismatch(p *pass) {
	n, core, lead := p.ouString()
	domain := p.cleanDomain() // a domain-name finding is the one cause to report
	if n == nil || domain == "" {
		return
	}
	d := p.theFacts().dn
	issues := dnProblems(core, d, "")
	for _, is := range issues {
		if is.sev == SeverityError {
			return
		}
	}
	k := dnDomainStart(d.rdns)
	if k == len(d.rdns) {
		return
	}
	var labels []string
	for _, r := range d.rdns[k:] {
		labels = append(labels, r.avas[0].value)
	}
	spelled := strings.Join(labels, ".")
	if strings.EqualFold(spelled, domain) {
		return
	}
	from, _ := d.rdns[k].span()
	_, to := d.rdns[len(d.rdns)-1].span()
	want := core[:from] + "DC=" + strings.Join(strings.Split(domain, "."), ",DC=")
	p.atPart("ou-domain-mismatch", SeverityWarning, n, lead+from, lead+to,
		fmt.Sprintf("organizationalUnit is in the domain %s (its DC= components), but adDomainName is %s: the OU must be in the domain the Cloud PCs join; correct whichever is wrong (did you mean %s?)",
			quoteJSON(spelled), quoteJSON(domain), dnShow(want)))
}
