package validate

import (
	"fmt"
	"strings"
)

func init() {
	register(&rule{Rule: Rule{ID: "enum", Severity: SeverityError, Summary: "A value that is not a member of its enumeration, even ignoring case.", Help: "Use one of the members the message lists (lowerCamelCase, as Graph sends them)."}, phase: phaseSchema, check: checkEnum})
	// enum-case is reported by the enum check: a miscased member.
	register(&rule{Rule: Rule{ID: "enum-case", Severity: SeverityWarning, Fixable: true, Summary: "An enumeration member in the wrong case (Passed → passed).", Help: "Graph's SDKs parse members case-sensitively and drop a miscased value silently. The fix writes the canonical member."}})
}

// checkEnum reports strings that are not members of their enum (enum), or
// members in the wrong case (enum-case, fixed); @odata.type values are the
// odata-type rule's.
func checkEnum(rc *ruleContext, out reporter) {
	for _, v := range rc.violations() {
		if v.kind != violationEnum || rc.isClaimed(v.n) || isODataType(rc.propOf(v.n), v.n) {
			continue
		}
		if v.n.Kind == kindString && isTemplate(strings.TrimSpace(v.n.Str)) {
			out.claim(v.n) // "{{joinType}}": filled in when sent, as in every other property
			continue
		}
		rc.enumError(out, v.n)
		out.claim(v.n)
	}
}

// isODataType reports whether n is an @odata.type string value.
func isODataType(pm *propModel, n *node) bool {
	return pm != nil && n.Kind == kindString && pm.name == "@odata.type"
}

// enumError reports a string that is not a member of its enum.
func (rc *ruleContext) enumError(out reporter, n *node) {
	pm := rc.propOf(n)
	if pm == nil || n.Kind != kindString {
		out.atValue("type", SeverityError, n, fmt.Sprintf("%s has an unexpected value %s", rc.name(n), rc.show(n)))
		return
	}
	s := strings.TrimSpace(n.Str)
	if len(pm.flags) > 0 {
		rc.flagsError(out, n, pm, s)
		return
	}
	for _, m := range pm.enum {
		if s == m {
			return // only whitespace around it: the whitespace rule says so
		}
	}
	for _, m := range pm.enum {
		if strings.EqualFold(s, m) {
			canonical := m
			f := out.atValue("enum-case", SeverityWarning, n,
				fmt.Sprintf("%s must be written %s: Graph enum members are case-sensitive lowerCamelCase", rc.show(n), quoteJSON(canonical)))
			out.fixTransform(f, n, 20, func(string) string { return canonical })
			return
		}
	}
	msg := fmt.Sprintf("%s is not a member of %s: use one of %s", rc.show(n), rc.name(n), list(pm.enum, "or"))
	if near := nearest(s, pm.enum); near != "" {
		msg += fmt.Sprintf("; did you mean %s?", quoteJSON(near))
	}
	out.atValue("enum", SeverityError, n, msg)
}

// flagsError handles a flags enum: a comma-separated member list.
func (rc *ruleContext) flagsError(out reporter, n *node, pm *propModel, s string) {
	parts := strings.Split(s, ",")
	members := make([]string, len(parts))
	for i, part := range parts {
		part = strings.TrimSpace(part)
		found := ""
		for _, m := range pm.flags {
			if strings.EqualFold(part, m) {
				found = m
			}
		}
		if found == "" {
			out.atValue("enum", SeverityError, n, fmt.Sprintf("%s is not a comma-separated list of %s members: use %s", rc.show(n), rc.name(n), list(pm.flags, "and/or")))
			return
		}
		members[i] = found
	}
	canonical := strings.Join(members, ",")
	if canonical == s {
		return
	}
	f := out.atValue("enum-case", SeverityWarning, n, fmt.Sprintf("%s must be written %s: flags are lowerCamelCase members joined by ',' without spaces", rc.show(n), quoteJSON(canonical)))
	out.fixTransform(f, n, 20, func(string) string { return canonical })
}
