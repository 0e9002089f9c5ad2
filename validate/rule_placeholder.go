package validate

import "strings"

func init() {
	register(&rule{
		Rule: Rule{ID: "placeholder", Severity: SeverityWarning, Fixable: true,
			Summary: "A value left from documentation examples: a type name (\"String\", \"Boolean\", \"Int32\", \"String (timestamp)\"…) or a generated example value (\"Display Name value\").",
			Help:    "Set the real value. \"Boolean\" for a writable boolean property is fixed to false so that the body is valid; set the value you intend. A read-only property's placeholder gets no fix: leave the property out (read-only). A placeholder gets no other value finding."},
		phase: phaseClaim,
		check: checkPlaceholder,
	})
}

// placeholderTypes are the type names that Graph's generated examples
// write in place of values, matched without case and with an optional
// "(qualifier)": "String (identifier)", "String (timestamp)".
var placeholderTypes = []string{"String", "Boolean", "Int16", "Int32", "Int64", "Double", "Single",
	"Decimal", "Guid", "Binary", "Byte", "SByte", "Date", "DateTimeOffset", "TimeOfDay", "Duration", "Stream"}

// isPlaceholderType reports a type-name placeholder, with or without the
// EDM namespace ("Edm.String", as the metadata writes it). Hand-written
// rather than a regexp: it runs on every string value.
func isPlaceholderType(s string) bool {
	if len(s) > 4 && strings.EqualFold(s[:4], "Edm.") {
		s = s[4:]
	}
	for _, t := range placeholderTypes {
		if len(s) < len(t) || !strings.EqualFold(s[:len(t)], t) {
			continue
		}
		rest := strings.TrimLeft(s[len(t):], " ")
		if rest == "" {
			return true
		}
		if rest[0] == '(' && rest[len(rest)-1] == ')' && !strings.ContainsAny(rest[1:len(rest)-1], "()") {
			return true
		}
	}
	return false
}

// isPlaceholderValue reports a generated example value: Title Case words
// ending in " value" ("Display Name value", "Active Directory Domain Name value").
func isPlaceholderValue(s string) bool {
	words, ok := strings.CutSuffix(s, " value")
	if !ok || words == "" {
		return false
	}
	for _, w := range strings.Split(words, " ") {
		if w == "" || w[0] < 'A' || w[0] > 'Z' {
			return false
		}
		for i := 1; i < len(w); i++ {
			if c := w[i] | 0x20; c < 'a' || c > 'z' {
				return false
			}
		}
	}
	return true
}

func isPlaceholder(s string) bool {
	s = strings.TrimSpace(s)
	return isPlaceholderType(s) || isPlaceholderValue(s)
}

func checkPlaceholder(rc *ruleContext, out reporter) {
	rc.walk(func(n *node) {
		pm := rc.propOf(n)
		if n.Kind != kindString || pm == nil || pm.name == "@odata.type" || rc.isClaimed(n) || !isPlaceholder(n.Str) {
			return
		}
		out.claim(n)
		who := rc.name(n)
		if rc.isSecret(n) {
			// A placeholder is no password (isStandIn): quoted as written.
			out.atValue("placeholder", SeverityWarning, n, who+" holds a placeholder left from the documentation ("+quoteJSON(n.Str)+"): set the real password, or a template reference such as ${AD_DOMAIN_PASSWORD}")
			return
		}
		what := rc.show(n)
		if what == "the value" { // it equals the secret: describe, don't quote
			what = "a type name"
			if isPlaceholderValue(strings.TrimSpace(n.Str)) {
				what = "a generated example value"
			}
		}
		if pm.readOnly {
			// No value to invent: the service manages the property, and
			// read-only's advice (leave it out) is the one fix.
			out.atValue("placeholder", SeverityWarning, n, who+" holds a placeholder left from the documentation ("+what+"), and "+pm.name+" is read-only: leave it out")
			return
		}
		if pm.allows("boolean") && !pm.allows("string") {
			f := out.atValue("placeholder", SeverityWarning, n, who+" holds a placeholder left from the documentation ("+what+"): the fix sets false so that the body is valid; set the value you intend")
			out.fixReplace(f, n, "false")
			return
		}
		out.atValue("placeholder", SeverityWarning, n, who+" holds a placeholder left from the documentation ("+what+"): set the real value, or leave the property out")
	})
}
