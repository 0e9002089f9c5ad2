package validate

import (
	"fmt"

	"github.com/azconn/azconn/internal/values"
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

func checkOUSpacing(rc *ruleContext, out reporter) {
	n, core, lead := rc.ouString()
	if n == nil {
		return
	}
	d := rc.theFacts().dn
	if !d.OK() || len(d.Spaces) == 0 {
		return
	}
	first := d.Spaces[0]
	where := "a separator"
	switch {
	case first.From > 0 && core[first.From-1] != ' ' && (core[first.From-1] == ',' || core[first.From-1] == '+' || core[first.From-1] == ';' || core[first.From-1] == '='):
		where = fmt.Sprintf("'%c'", core[first.From-1])
	case first.To < len(core):
		where = fmt.Sprintf("'%c'", core[first.To])
	}
	msg := fmt.Sprintf("organizationalUnit has spaces around %s", where)
	if k := len(d.Spaces); k > 1 {
		msg += fmt.Sprintf(" (and in %d more place%s)", k-1, pluralS(k-1))
	}
	msg += fmt.Sprintf(", which RFC 4514 does not allow: the fix writes %s", values.ShowDN(values.DNWithoutSpaces(core)))
	f := out.atPart("ou-spacing", SeverityInfo, n, lead+first.From, lead+first.To, msg)
	out.fixTransform(f, n, orderFixOUSpacing, func(s string) string {
		c, l := values.TrimDN(s)
		return s[:l] + values.DNWithoutSpaces(c) + s[l+len(c):]
	})
}
