package validate

import (
	"github.com/azconn/azconn/internal/values"
)

// Helpers shared by the domain rules (guid, arm-id, domain-name, username,
// ou-*): they look at the "core" of a string value, without the leading and
// trailing whitespace that the whitespace rule reports and trims, so that a
// value is judged as it will be after that fix, and their findings point at
// the right bytes of the original string.

// valueCore returns s without leading and trailing Unicode whitespace and
// the byte offset of the core in s (values.Core).
func valueCore(s string) (core string, lead int) { return values.Core(s) }

// aroundCore applies fn to the core of s and puts the surrounding whitespace
// back, so that a transform works whether or not the whitespace fix ran
// before it (it does not when the whitespace rule is ignored).
func aroundCore(s string, fn func(string) string) string {
	core, lead := valueCore(s)
	return s[:lead] + fn(core) + s[lead+len(core):]
}

// isTemplate reports whether the whole value is a template reference
// (values.IsTemplate): such a value is not checked.
func isTemplate(s string) bool { return values.IsTemplate(s) }

// domainString returns the top-level string value of the property with one
// of names, and its core, unless it is absent, not a string, claimed by
// another finding (placeholder), or a template reference.
func (rc *ruleContext) domainString(names ...string) (n *node, core string, lead int) {
	return rc.coreString(valueCore, names...)
}

// coreString is domainString with the given way of finding the core.
func (rc *ruleContext) coreString(trim func(string) (string, int), names ...string) (n *node, core string, lead int) {
	n = rc.stringProp(names...)
	if n == nil {
		return nil, "", 0
	}
	core, lead = trim(n.Str)
	if isTemplate(core) {
		return nil, "", 0
	}
	return n, core, lead
}

// pluralS returns "s" unless n is 1.
func pluralS(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// atCore reports on bytes [from, to) of a value's core (which starts at
// lead in n.str): on the whole value token when that span is the whole
// string, else on the part.
func atCore(out reporter, rule string, sev Severity, n *node, lead, coreLen, from, to int, msg string) *Finding {
	if from == 0 && to == coreLen && lead == 0 && coreLen == len(n.Str) {
		return out.atValue(rule, sev, n, msg)
	}
	return out.atPart(rule, sev, n, lead+from, lead+to, msg)
}

// levelSeverity is the severity of a finding for a value's issue.
func levelSeverity(l values.Level) Severity {
	if l == values.Warning {
		return SeverityWarning
	}
	return SeverityError
}

// Orders of the domain rules' string rewrites (whitespace trimming runs at
// 0, enum-case at 20).
const (
	orderFixGUIDCase  = 30
	orderFixARMCase   = 31
	orderFixOUSpacing = 40
)
