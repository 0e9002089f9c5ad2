package validate

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/azconn/azconn/internal/values"
)

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

// dnsIssue is a problem of a domain name over bytes [from, to).
type dnsIssue struct {
	from, to int
	sev      Severity
	why      string // completes "adDomainName …"
}

// domainNameProblem checks s as the DNS name of an AD domain and returns
// its first problem, or nil.
func domainNameProblem(s string) *dnsIssue {
	bad := func(from, to int, why string) *dnsIssue { return &dnsIssue{from, to, SeverityError, why} }
	if s == "" {
		return bad(0, 0, "is empty: write the DNS name of the domain, e.g. corp.contoso.com, or leave the property out")
	}
	if i := strings.Index(s, "://"); i >= 0 {
		host := s[i+3:]
		if j := strings.IndexAny(host, "/:"); j >= 0 {
			host = host[:j]
		}
		return bad(0, len(s), fmt.Sprintf("is a URL: write only the domain's DNS name; did you mean %s?", quoteJSON(host)))
	}
	if i := strings.LastIndexByte(s, '@'); i >= 0 {
		return bad(0, len(s), fmt.Sprintf("looks like a user name: adDomainName is the domain's DNS name; did you mean %s?", quoteJSON(s[i+1:])))
	}
	if i := strings.IndexByte(s, '\\'); i >= 0 {
		return bad(0, len(s), fmt.Sprintf("looks like a down-level logon name (DOMAIN\\user): adDomainName is the domain's DNS name, such as %s.com", strings.ToLower(s[:i])))
	}
	labels := strings.Split(s, ".")
	if len(labels) == 4 {
		ip := true
		for _, l := range labels {
			ip = ip && l != "" && len(l) <= 3 && strings.Trim(l, "0123456789") == ""
		}
		if ip {
			return bad(0, len(s), "is an IP address: write the domain's DNS name, such as corp.contoso.com, not a domain controller's address")
		}
	}
	if strings.HasSuffix(s, ".") && len(s) > 1 && !strings.HasSuffix(s, "..") {
		return bad(len(s)-1, len(s), "ends with '.': Active Directory domain names do not; remove the trailing dot")
	}
	off := 0
	for _, l := range labels {
		if l == "" {
			at := off
			if at >= len(s) {
				at = len(s) - 1
			}
			return bad(at, at+1, "has an empty label (a leading dot or two dots in a row): remove the extra '.'")
		}
		for j, r := range l {
			if r < utf8.RuneSelf && (values.IsAlnum(byte(r)) || r == '-') {
				continue
			}
			why := fmt.Sprintf("contains %s in the label %s: DNS labels take only ASCII letters, digits and hyphens", values.NameChar(r), quoteJSON(l))
			switch {
			case r == '_':
				why += " (Active Directory's naming rules exclude the underscore)"
			case r >= utf8.RuneSelf && r != 0xFFFD:
				why += " (write an internationalized name in its ASCII xn-- form)"
			}
			return bad(off+j, off+j+utf8.RuneLen(r), why)
		}
		if l[0] == '-' {
			return bad(off, off+1, fmt.Sprintf("has the label %s, which starts with a hyphen: DNS labels start with a letter or digit", quoteJSON(l)))
		}
		if l[len(l)-1] == '-' {
			return bad(off+len(l)-1, off+len(l), fmt.Sprintf("has the label %s, which ends with a hyphen: DNS labels end with a letter or digit", quoteJSON(l)))
		}
		if len(l) > 63 {
			return bad(off, off+len(l), fmt.Sprintf("has a label of %d characters: DNS labels have at most 63", len(l)))
		}
		off += len(l) + 1
	}
	if len(s) > 255 {
		return bad(0, len(s), fmt.Sprintf("is %d characters long: DNS names have at most 255", len(s)))
	}
	if len(s) > 64 {
		return &dnsIssue{0, len(s), SeverityWarning, fmt.Sprintf("is %d characters long: Active Directory limits a domain's DNS name to 64 characters (longer names break SYSVOL paths); check that this is the right domain", len(s))}
	}
	if len(labels) == 1 {
		return &dnsIssue{0, len(s), SeverityWarning, fmt.Sprintf("is a single-label name, which Microsoft discourages for Active Directory domains: give the domain's full DNS name, such as %s.com (if %s is the NetBIOS name, Active Directory Domains and Trusts shows the DNS name)",
			strings.ToLower(s), s)}
	}
	return nil
}

func checkDomainName(p *pass) {
	n, core, lead := p.fact(p.theFacts().domain)
	if n == nil {
		return
	}
	is := p.theFacts().domainIssue
	if is == nil {
		return
	}
	if core == "" {
		p.atValue("domain-name", is.sev, n, "adDomainName "+is.why)
		return
	}
	p.atCore("domain-name", is.sev, n, lead, len(core), is.from, is.to, "adDomainName "+is.why)
}
