package validate

import (
	"fmt"
	"strings"

	"github.com/azconn/azconn/internal/values"
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

func checkOUDomainMismatch(rc *ruleContext, out reporter) {
	n, core, lead := rc.ouString()
	domain := rc.cleanDomain() // a domain-name finding is the one cause to report
	if n == nil || domain == "" {
		return
	}
	d := rc.theFacts().dn
	issues := dnProblems(core, d, "")
	for _, is := range issues {
		if is.Level == values.Error {
			return
		}
	}
	k := dnDomainStart(d.RDNs)
	if k == len(d.RDNs) {
		return
	}
	var labels []string
	for _, r := range d.RDNs[k:] {
		labels = append(labels, r.AVAs[0].Value)
	}
	spelled := strings.Join(labels, ".")
	if strings.EqualFold(spelled, domain) {
		return
	}
	from, _ := d.RDNs[k].Span()
	_, to := d.RDNs[len(d.RDNs)-1].Span()
	want := core[:from] + "DC=" + strings.Join(strings.Split(domain, "."), ",DC=")
	out.atPart("ou-domain-mismatch", SeverityWarning, n, lead+from, lead+to,
		fmt.Sprintf("organizationalUnit is in the domain %s (its DC= components), but adDomainName is %s: the OU must be in the domain the Cloud PCs join; correct whichever is wrong (did you mean %s?)",
			quoteJSON(spelled), quoteJSON(domain), values.ShowDN(want)))
}
