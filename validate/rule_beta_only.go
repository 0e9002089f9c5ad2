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
		order: orderValue,
		check: checkBetaOnly,
	})
}

// checkBetaOnly reports, under an API other than beta, what the schema
// marks x-beta-only (properties) or lists in x-beta-only-members (enum
// members). The marks are data: this rule knows no property by name.
func checkBetaOnly(p *pass) {
	api := p.opts.API.String()
	if _, err := ParseAPI(api); err != nil {
		p.report("internal", SeverityError, 0, 0, "", err.Error())
		return
	}
	if api == string(APIBeta) {
		return
	}
	if !slices.Contains(p.m.apis, api) {
		p.atOpen("beta-only", SeverityError, p.root, fmt.Sprintf("the %s target exists only in the beta API, not in %s: lint the body for beta%s", p.m.name, api, targetsOf(api)))
		return
	}
	p.walk(func(n *node) {
		if n.prop == nil || n.parent == nil || underBetaOnly(n.parent) {
			return
		}
		switch {
		case n.prop.betaOnly && n.parent.kind == kindObject:
			p.atKey("beta-only", SeverityError, n.parent, int(n.index), betaOnlyProperty(n.parent, n.prop, api))
		case n.kind == kindString && len(n.prop.betaMembers) > 0:
			s := strings.TrimSpace(n.str)
			for _, m := range n.prop.betaMembers {
				if strings.EqualFold(s, m) {
					p.atValue("beta-only", SeverityError, n, fmt.Sprintf("%s is a member of %s only in the beta API, not in %s: use another member, or send the request to the beta endpoint", quoteJSON(m), name(n), api))
					p.claim(n)
					return
				}
			}
		}
	})
}

// betaOnlyProperty words the finding on a beta-only property of obj,
// naming its successor when the object's type has one.
func betaOnlyProperty(obj *node, pm *propModel, api string) string {
	msg := fmt.Sprintf("%s exists only in the beta API: %s has no such property and rejects it; ", pm.name, api)
	if o := obj.schemaType(); o != nil && pm.successor != "" && o.props[pm.successor] != nil && !o.props[pm.successor].betaOnly {
		return msg + fmt.Sprintf("use %s instead, or send the request to the beta endpoint", pm.successor)
	}
	return msg + "remove it, or send the request to the beta endpoint"
}

// underBetaOnly reports whether n is, or is inside, the value of a
// beta-only property: that property carries the one finding.
func underBetaOnly(n *node) bool {
	for ; n != nil; n = n.parent {
		if n.prop != nil && n.prop.betaOnly {
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
		if slices.Contains(all[string(t)].apis, api) {
			names = append(names, string(t))
		}
	}
	if len(names) == 0 {
		return ""
	}
	return fmt.Sprintf(", or move it to the %s target", list(names, "or"))
}
