package validate

import (
	"fmt"
)

func init() {
	register(&rule{
		Rule: Rule{ID: "ou-spacing", Severity: SeverityInfo, Fixable: true,
			Summary: "Spaces around the separators of organizationalUnit (OU=A, DC=b).",
			Help: "RFC 4514 has no optional spaces around ',', '+' and '=' (RFC 1779 had them, and the documentation's example writes OU=Domain Controllers, DC=contoso001, DC=com). " +
				"The fix removes them; escaped spaces (\\ ) and spaces inside names are kept."},
		phase: phaseDomain,
		check: checkOUSpacing,
	})
}

func checkOUSpacing(p *pass) {
	n, core, lead := p.ouString()
	if n == nil {
		return
	}
	d := p.theFacts().dn
	if !d.ok() || len(d.spaces) == 0 {
		return
	}
	first := d.spaces[0]
	where := "a separator"
	switch {
	case first.from > 0 && core[first.from-1] != ' ' && (core[first.from-1] == ',' || core[first.from-1] == '+' || core[first.from-1] == ';' || core[first.from-1] == '='):
		where = fmt.Sprintf("'%c'", core[first.from-1])
	case first.to < len(core):
		where = fmt.Sprintf("'%c'", core[first.to])
	}
	msg := fmt.Sprintf("organizationalUnit has spaces around %s", where)
	if k := len(d.spaces); k > 1 {
		msg += fmt.Sprintf(" (and in %d more place%s)", k-1, pluralS(k-1))
	}
	msg += fmt.Sprintf(", which RFC 4514 does not allow: the fix writes %s", dnShow(dnWithoutSpaces(core)))
	f := p.atPart("ou-spacing", SeverityInfo, n, lead+first.from, lead+first.to, msg)
	p.fixTransform(f, n, orderFixOUSpacing, func(s string) string {
		c, l := dnTrim(s)
		return s[:l] + dnWithoutSpaces(c) + s[l+len(c):]
	})
}
