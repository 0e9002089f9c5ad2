package validate

import (
	"fmt"
	"regexp"
	"strings"
)

func init() {
	register(&rule{
		Rule: Rule{ID: "placeholder", Severity: SeverityWarning, Fixable: true,
			Summary: "A value left from documentation examples: a type name (\"String\", \"Boolean\", \"Int32\", \"String (timestamp)\"…) or a generated example value (\"Display Name value\").",
			Help:    "Set the real value. \"Boolean\" for a boolean property is fixed to false so that the body is valid; set the value you intend. A placeholder gets no other value finding."},
		order: orderClaim,
		check: checkPlaceholder,
	})
}

// placeholderType matches the type names that Graph's generated examples
// write in place of values, with an optional "(qualifier)".
var placeholderType = regexp.MustCompile(`(?i)^(String|Boolean|Int16|Int32|Int64|Double|Single|Decimal|Guid|Binary|Byte|SByte|Date|DateTimeOffset|TimeOfDay|Duration|Stream)(\s*\([^()]*\))?$`)

// placeholderValue matches generated example values: Title Case words
// ending in " value" ("Display Name value", "Active Directory Domain Name value").
var placeholderValue = regexp.MustCompile(`^[A-Z][A-Za-z]*( [A-Z][A-Za-z]*)* value$`)

func isPlaceholder(s string) bool {
	s = strings.TrimSpace(s)
	return placeholderType.MatchString(s) || placeholderValue.MatchString(s)
}

func checkPlaceholder(p *pass) {
	p.walk(func(n *node) {
		if n.kind != kindString || n.prop == nil || n.prop.name == "@odata.type" || !isPlaceholder(n.str) {
			return
		}
		p.claim(n)
		who := name(n)
		if n.secret {
			p.atValue("placeholder", SeverityWarning, n, who+" holds a placeholder left from the documentation: set the real password, or a template reference such as ${AD_DOMAIN_PASSWORD}")
			return
		}
		what := p.show(n)
		if what == "the value" { // it equals the secret: describe, don't quote
			what = "a type name"
			if placeholderValue.MatchString(strings.TrimSpace(n.str)) {
				what = "a generated example value"
			}
		}
		if n.prop.allows("boolean") && !n.prop.allows("string") {
			f := p.atValue("placeholder", SeverityWarning, n, fmt.Sprintf("%s holds a placeholder left from the documentation (%s): the fix sets false so that the body is valid; set the value you intend", who, what))
			p.fixReplace(f, n, "false")
			return
		}
		p.atValue("placeholder", SeverityWarning, n, fmt.Sprintf("%s holds a placeholder left from the documentation (%s): set the real value, or leave the property out", who, what))
	})
}
