package validate

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/azconn/azconn/internal/values"
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
func isDC(r *values.RDN) bool {
	return len(r.AVAs) == 1 && dnType(r.AVAs[0].Type) == "DC" && !r.AVAs[0].Hex
}

// dnDomainStart returns the index of the first RDN of the trailing run of
// DC= RDNs (len(rdns) when there is none).
func dnDomainStart(rdns []values.RDN) int {
	k := len(rdns)
	for k > 0 && isDC(&rdns[k-1]) {
		k--
	}
	return k
}

// ouProblems parses s, a DN core, and returns every ou-format problem of
// it. domain, when not "", is a clean adDomainName used in suggestions.
func ouProblems(s, domain string) (*values.DN, []values.Issue) {
	d := values.ParseDN(s)
	return d, dnProblems(s, d, domain)
}

// dnProblems returns every ou-format problem of s, already parsed as d.
func dnProblems(s string, d *values.DN, domain string) []values.Issue {
	issues := append([]values.Issue(nil), d.Issues...)
	if !d.OK() {
		return issues
	}
	add := func(from, to int, sev values.Level, msg string) {
		issues = append(issues, values.Issue{From: from, To: to, Level: sev, Msg: msg})
	}
	for ri := range d.RDNs {
		r := &d.RDNs[ri]
		if len(r.AVAs) > 1 {
			from, to := r.Span()
			raw := s[from:to]
			add(from, to, values.Warning, fmt.Sprintf("has the multi-valued RDN %s, which Active Directory does not support, so it names no OU; if '+' belongs to the name, escape it: %s",
				quoteJSON(raw), values.ShowDN(strings.ReplaceAll(raw, "+", `\+`))))
		}
		for ai := range r.AVAs {
			a := &r.AVAs[ai]
			from, to := a.Span()
			t := dnType(a.Type)
			if t == "" {
				msg := fmt.Sprintf("has the attribute type %s, which Active Directory does not name OUs or containers with (OU, CN, DC)", quoteJSON(a.Type))
				if near := nearest(strings.ToUpper(a.Type), []string{"OU", "CN", "DC"}); near != "" {
					msg += fmt.Sprintf("; did you mean %s?", near)
				}
				add(a.TypeStart, a.TypeEnd, values.Warning, msg)
			}
			if a.Hex {
				add(from, to, values.Warning, fmt.Sprintf("has the hex-encoded (BER) value %s: Active Directory names are strings; if '#' belongs to the name, escape it: %s",
					quoteJSON(s[a.ValStart:a.ValEnd]), values.ShowDN(a.Type+`=\`+s[a.ValStart:a.ValEnd])))
				continue
			}
			if a.Value == "" {
				add(from, to, values.Error, fmt.Sprintf("has %s= with an empty value: give the name, or remove the RDN", a.Type))
				continue
			}
			switch t {
			case "OU":
				if n := utf8.RuneCountInString(a.Value); n > 64 {
					add(a.ValStart, a.ValEnd, values.Error, fmt.Sprintf("has an OU name of %d characters: Active Directory limits OU names to 64", n))
				}
			case "DC":
				if strings.Contains(a.Value, ".") {
					labels := strings.Split(a.Value, ".")
					add(from, to, values.Error, fmt.Sprintf("has %s: each DC= holds one label of the domain name; write %s",
						quoteJSON(s[from:to]), quoteJSON(a.Type+"="+strings.Join(labels, ","+a.Type+"="))))
				} else if is := values.DomainNameProblem(a.Value); is != nil && is.Level == values.Error {
					f, e := from, to
					if s[a.ValStart:a.ValEnd] == a.Value {
						f, e = a.ValStart+is.From, a.ValStart+is.To
					}
					add(f, e, values.Error, fmt.Sprintf("has %s, which is not a label of a DNS domain name: the value %s", quoteJSON(s[from:to]), is.Msg))
				}
			}
		}
	}
	k := dnDomainStart(d.RDNs)
	hasDC := false
	for ri := range d.RDNs {
		for ai := range d.RDNs[ri].AVAs {
			a := &d.RDNs[ri].AVAs[ai]
			if dnType(a.Type) != "DC" {
				continue
			}
			hasDC = true
			if ri < k {
				from, to := a.Span()
				add(from, to, values.Error, fmt.Sprintf("has %s before %s: the DC= components name the domain and all come at the end",
					quoteJSON(s[from:to]), quoteJSON(dnRDNText(s, &d.RDNs[k-1]))))
			}
		}
	}
	switch {
	case !hasDC:
		msg := "has no DC= components: it must be the full DN, ending with the domain, e.g. OU=Cloud PCs,DC=contoso,DC=com"
		if domain != "" {
			msg += fmt.Sprintf("; did you mean %s?", values.ShowDN(s+",DC="+strings.Join(strings.Split(domain, "."), ",DC=")))
		}
		add(0, len(s), values.Error, msg)
	case k == 0:
		add(0, len(s), values.Warning, fmt.Sprintf("names the domain itself (DC= components only), not an OU or container: name the OU for the computer accounts, such as %s, or set null to use the default Computers container",
			values.ShowDN("OU=Cloud PCs,"+s)))
	}
	return issues
}

func dnRDNText(s string, r *values.RDN) string {
	from, to := r.Span()
	return s[from:to]
}

func checkOUFormat(rc *ruleContext, out reporter) {
	n, core, lead := rc.ouString()
	if n == nil {
		return
	}
	issues := dnProblems(core, rc.theFacts().dn, rc.cleanDomain())
	for _, is := range issues {
		if core == "" {
			out.atValue("ou-format", levelSeverity(is.Level), n, "organizationalUnit "+is.Msg)
			continue
		}
		atCore(out, "ou-format", levelSeverity(is.Level), n, lead, len(core), is.From, is.To, "organizationalUnit "+is.Msg)
	}
}
