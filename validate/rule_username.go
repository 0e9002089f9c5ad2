package validate

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/azconn/azconn/internal/values"
)

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

// upnProblem checks s as a UPN. domain, when not "", is the connection's
// AD domain, used for suggestions. It returns the span at fault and a
// clause completing "adDomainUsername …", or why == "".
func upnProblem(s, domain string) (from, to int, why string) {
	suffix := domain
	if suffix == "" {
		suffix = "contoso.com"
	}
	suggest := func(user string) string {
		if domain == "" {
			return fmt.Sprintf("write %s@ followed by the domain's DNS name, e.g. %s", user, quoteJSON(user+"@"+suffix))
		}
		return fmt.Sprintf("did you mean %s?", quoteJSON(user+"@"+domain))
	}
	if s == "" {
		return 0, 0, fmt.Sprintf("is empty: write the user principal name of the account that joins computers to the domain, e.g. %s, or leave the property out", quoteJSON("admin@"+suffix))
	}
	if i := strings.IndexByte(s, '\\'); i >= 0 {
		user := s[i+1:]
		if user == "" {
			user = "admin"
		}
		return 0, len(s), fmt.Sprintf("is a down-level logon name (DOMAIN\\user): the required format is a user principal name, name@domain; %s", suggest(user))
	}
	for i, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			return i, i + utf8.RuneLen(r), fmt.Sprintf("contains %s: a user principal name has none", values.NameChar(r))
		}
	}
	at := strings.IndexByte(s, '@')
	if at < 0 {
		return 0, len(s), fmt.Sprintf("is a bare user name: the required format is a user principal name, name@domain; %s", suggest(s))
	}
	if last := strings.LastIndexByte(s, '@'); last != at {
		return last, last + 1, "has more than one '@': a user principal name is name@domain, with one '@'"
	}
	if at == 0 {
		return 0, 1, "has nothing before '@': a user principal name is name@domain, e.g. " + quoteJSON("admin@"+suffix)
	}
	if at == len(s)-1 {
		return at, at + 1, fmt.Sprintf("has nothing after '@': the UPN suffix is missing; %s", suggest(s[:at]))
	}
	host := s[at+1:]
	if is := domainNameProblem(host); is != nil && is.sev == SeverityError {
		return at + 1 + is.from, at + 1 + is.to, fmt.Sprintf("has the UPN suffix %s, which is not a DNS name: it %s", quoteJSON(host), is.why)
	}
	return 0, 0, ""
}

func checkUsername(p *pass) {
	n, core, lead := p.fact(p.theFacts().username)
	if n == nil {
		return
	}
	domain := p.cleanDomain() // suggest only a domain without findings
	from, to, why := upnProblem(core, domain)
	if why == "" {
		return
	}
	if core == "" {
		p.atValue("username", SeverityWarning, n, "adDomainUsername "+why)
		return
	}
	p.atCore("username", SeverityWarning, n, lead, len(core), from, to, "adDomainUsername "+why)
}
