package validate

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

func init() {
	register(&rule{
		Rule: Rule{ID: "ou-format", Severity: SeverityError,
			Summary: "organizationalUnit is not an LDAP distinguished name (RFC 4514) of an OU or container in the domain.",
			Help: "Write the full DN of the OU, most specific first, ending with the domain: OU=Cloud PCs,OU=Devices,DC=corp,DC=contoso,DC=com. " +
				"Escape , + \" \\ < > ; = with '\\' (OU=Sales\\, EMEA; in JSON \"OU=Sales\\\\, EMEA\"), a leading '#' or space and a trailing space too, or write \\hh hex pairs. " +
				"Errors: not parseable, an empty value, an OU name over 64 characters, a DC= holding a dotted name, DC= parts not at the end, no DC= part at all. " +
				"Warnings: RFC 1779 forms that Active Directory reads but RFC 4514 does not have (quoted values, ';' separators), multi-valued RDNs (OU=A+CN=B, which Active Directory does not support), " +
				"hex-encoded values, attribute types other than OU, CN, DC, O, C and L, and a DN of the domain itself (DC= parts only). CN= containers such as CN=Computers are fine. " +
				"Spaces around separators are the ou-spacing rule's; null or leaving the property out uses the default Computers container."},
		phase: phaseDomain,
		check: checkOUFormat,
	})
}

// dnTypes maps the attribute types that name AD containers, by descriptor
// and OID, to their descriptor.
var dnTypes = map[string]string{
	"OU": "OU", "2.5.4.11": "OU",
	"CN": "CN", "2.5.4.3": "CN",
	"DC": "DC", "0.9.2342.19200300.100.1.25": "DC",
	"O": "O", "2.5.4.10": "O",
	"C": "C", "2.5.4.6": "C",
	"L": "L", "2.5.4.7": "L",
}

func dnType(t string) string { return dnTypes[strings.ToUpper(t)] }

// isDC reports whether an RDN is exactly one DC= string value.
func (r *dnRDN) isDC() bool {
	return len(r.avas) == 1 && dnType(r.avas[0].typ) == "DC" && !r.avas[0].hex
}

// dnDomainStart returns the index of the first RDN of the trailing run of
// DC= RDNs (len(rdns) when there is none).
func dnDomainStart(rdns []dnRDN) int {
	k := len(rdns)
	for k > 0 && rdns[k-1].isDC() {
		k--
	}
	return k
}

// ouProblems parses s, a DN core, and returns every ou-format problem of
// it. domain, when not "", is a clean adDomainName used in suggestions.
func ouProblems(s, domain string) (*dnParse, []dnIssue) {
	d := parseDN(s)
	return d, dnProblems(s, d, domain)
}

// dnProblems returns every ou-format problem of s, already parsed as d.
func dnProblems(s string, d *dnParse, domain string) []dnIssue {
	issues := append([]dnIssue(nil), d.issues...)
	if !d.ok() {
		return issues
	}
	add := func(from, to int, sev Severity, msg string) {
		issues = append(issues, dnIssue{from, to, sev, msg})
	}
	for ri := range d.rdns {
		r := &d.rdns[ri]
		if len(r.avas) > 1 {
			from, to := r.span()
			raw := s[from:to]
			add(from, to, SeverityWarning, fmt.Sprintf("has the multi-valued RDN %s, which Active Directory does not support, so it names no OU; if '+' belongs to the name, escape it: %s",
				quoteJSON(raw), dnShow(strings.ReplaceAll(raw, "+", `\+`))))
		}
		for ai := range r.avas {
			a := &r.avas[ai]
			from, to := a.span()
			t := dnType(a.typ)
			if t == "" {
				msg := fmt.Sprintf("has the attribute type %s, which Active Directory does not name OUs or containers with (OU, CN, DC)", quoteJSON(a.typ))
				if near := nearest(strings.ToUpper(a.typ), []string{"OU", "CN", "DC"}); near != "" {
					msg += fmt.Sprintf("; did you mean %s?", near)
				}
				add(a.typStart, a.typEnd, SeverityWarning, msg)
			}
			if a.hex {
				add(from, to, SeverityWarning, fmt.Sprintf("has the hex-encoded (BER) value %s: Active Directory names are strings; if '#' belongs to the name, escape it: %s",
					quoteJSON(s[a.valStart:a.valEnd]), dnShow(a.typ+`=\`+s[a.valStart:a.valEnd])))
				continue
			}
			if a.value == "" {
				add(from, to, SeverityError, fmt.Sprintf("has %s= with an empty value: give the name, or remove the RDN", a.typ))
				continue
			}
			switch t {
			case "OU":
				if n := utf8.RuneCountInString(a.value); n > 64 {
					add(a.valStart, a.valEnd, SeverityError, fmt.Sprintf("has an OU name of %d characters: Active Directory limits OU names to 64", n))
				}
			case "DC":
				if strings.Contains(a.value, ".") {
					labels := strings.Split(a.value, ".")
					add(from, to, SeverityError, fmt.Sprintf("has %s: each DC= holds one label of the domain name; write %s",
						quoteJSON(s[from:to]), quoteJSON(a.typ+"="+strings.Join(labels, ","+a.typ+"="))))
				} else if is := domainNameProblem(a.value); is != nil && is.sev == SeverityError {
					f, e := from, to
					if s[a.valStart:a.valEnd] == a.value {
						f, e = a.valStart+is.from, a.valStart+is.to
					}
					add(f, e, SeverityError, fmt.Sprintf("has %s, which is not a label of a DNS domain name: the value %s", quoteJSON(s[from:to]), is.why))
				}
			}
		}
	}
	k := dnDomainStart(d.rdns)
	hasDC := false
	for ri := range d.rdns {
		for ai := range d.rdns[ri].avas {
			a := &d.rdns[ri].avas[ai]
			if dnType(a.typ) != "DC" {
				continue
			}
			hasDC = true
			if ri < k {
				from, to := a.span()
				add(from, to, SeverityError, fmt.Sprintf("has %s before %s: the DC= components name the domain and all come at the end",
					quoteJSON(s[from:to]), quoteJSON(dnRDNText(s, &d.rdns[k-1]))))
			}
		}
	}
	switch {
	case !hasDC:
		msg := "has no DC= components: it must be the full DN, ending with the domain, e.g. OU=Cloud PCs,DC=contoso,DC=com"
		if domain != "" {
			msg += fmt.Sprintf("; did you mean %s?", dnShow(s+",DC="+strings.Join(strings.Split(domain, "."), ",DC=")))
		}
		add(0, len(s), SeverityError, msg)
	case k == 0:
		add(0, len(s), SeverityWarning, fmt.Sprintf("names the domain itself (DC= components only), not an OU or container: name the OU for the computer accounts, such as %s, or set null to use the default Computers container",
			dnShow("OU=Cloud PCs,"+s)))
	}
	return issues
}

func dnRDNText(s string, r *dnRDN) string {
	from, to := r.span()
	return s[from:to]
}

func checkOUFormat(p *pass) {
	n, core, lead := p.ouString()
	if n == nil {
		return
	}
	issues := dnProblems(core, p.theFacts().dn, p.cleanDomain())
	for _, is := range issues {
		if core == "" {
			p.atValue("ou-format", is.sev, n, "organizationalUnit "+is.msg)
			continue
		}
		p.atCore("ou-format", is.sev, n, lead, len(core), is.from, is.to, "organizationalUnit "+is.msg)
	}
}
