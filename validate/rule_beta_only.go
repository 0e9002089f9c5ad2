package validate

import (
	"fmt"
	"slices"
	"strings"
)

func init() {
	register(&rule{
		Rule: Rule{ID: "beta-only", Severity: SeverityError,
			Summary: "With API v1.0: a property or enum member that only the beta API has.",
			Help:    "Microsoft Graph v1.0 rejects what only beta has (type, managedBy, healthCheckStatusDetails, subnetPrivateIpDetail, additionalDetails, two errorType members). Use the v1.0 property the message names, remove it, or send the request to the beta endpoint (API beta, --api beta). The marks are data of the schema (x-beta-only, x-beta-only-members)."},
		phase: phaseValue,
		check: checkBetaOnly,
	})
}

// checkBetaOnly reports, under an API other than beta, what the schema
// marks x-beta-only (properties) or lists in x-beta-only-members (enum
// members). The marks are data: this rule knows no property by name.
func checkBetaOnly(rc *ruleContext, out reporter) {
	api := rc.api().String()
	if api == string(APIBeta) {
		return
	}
	if !slices.Contains(rc.m.table.APIs, api) {
		what := fmt.Sprintf("the %s target exists only in the beta API, not in %s", rc.m.name, api)
		if len(rc.m.table.APIs) == 0 {
			what = fmt.Sprintf("the %s target is a pre-release beta endpoint that %s does not have", rc.m.name, api)
		}
		out.atOpen("beta-only", SeverityError, rc.root, what+": lint the body for beta"+targetsOf(api))
		return
	}
	rc.walk(func(n *node) {
		pm := rc.propOf(n)
		if pm == nil || n.Parent == nil || rc.underBetaOnly(n.Parent) {
			return
		}
		switch {
		case pm.betaOnly && n.Parent.Kind == kindObject:
			out.atKey("beta-only", SeverityError, n.Parent, int(n.Index), betaOnlyProperty(rc.typeOf(n.Parent), pm, api))
		case n.Kind == kindString && len(pm.betaMembers) > 0:
			s := strings.TrimSpace(n.Str)
			for _, m := range pm.betaMembers {
				if strings.EqualFold(s, m) {
					out.atValue("beta-only", SeverityError, n, fmt.Sprintf("%s is a member of %s only in the beta API, not in %s: use another member, or send the request to the beta endpoint", quoteJSON(m), rc.name(n), api))
					out.claim(n)
					return
				}
			}
		}
	})
}

// betaOnlyProperty words the finding on a beta-only property of type o,
// naming its successor when o has one.
func betaOnlyProperty(o *objModel, pm *propModel, api string) string {
	msg := fmt.Sprintf("%s exists only in the beta API: %s has no such property and rejects it; ", pm.name, api)
	if o != nil && pm.successor != "" && o.props[pm.successor] != nil && !o.props[pm.successor].betaOnly {
		return msg + fmt.Sprintf("use %s instead, or send the request to the beta endpoint", pm.successor)
	}
	return msg + "remove it, or send the request to the beta endpoint"
}

// underBetaOnly reports whether n is, or is inside, the value of a
// beta-only property: that property carries the one finding.
func (rc *ruleContext) underBetaOnly(n *node) bool {
	for ; n != nil; n = n.Parent {
		if pm := rc.propOf(n); pm != nil && pm.betaOnly {
			return true
		}
	}
	return false
}

// targetsOf names the targets that the API has, for a message.
func targetsOf(api string) string {
	all, err := models()
	if err != nil {
		return ""
	}
	var names []string
	for _, t := range Targets() {
		if slices.Contains(all[string(t)].table.APIs, api) {
			names = append(names, string(t))
		}
	}
	if len(names) == 0 {
		return ""
	}
	return fmt.Sprintf(", or move it to the %s target", list(names, "or"))
}
