package validate

import (
	"fmt"
	"slices"
	"strings"
)

func init() {
	register(&rule{
		Rule: Rule{ID: "required", Severity: SeverityError,
			Summary: "A POST (create) body without a property that create requires, or an updateAdDomainPassword body without adDomainPassword.",
			Help:    "Create requires displayName, connectionType, subscriptionId, resourceGroupId, virtualNetworkId and subnetId (subNetId on the stub), and for hybrid join adDomainName, adDomainUsername and adDomainPassword (facts §1.2). updateAdDomainPassword takes adDomainPassword and nothing else."},
		phase: phaseWhole,
		check: checkRequired,
	})
}

// createRequired lists what create requires, in the docs' order; a name
// the target does not have is skipped (the stub has no connectionType and
// spells subNetId).
var (
	createRequired = []string{"displayName", "connectionType", "subscriptionId", "resourceGroupId", "virtualNetworkId", "subnetId", "subNetId"}
	hybridRequired = []string{"adDomainName", "adDomainUsername", "adDomainPassword"}
)

func checkRequired(rc *ruleContext, out reporter) {
	switch rc.opts.callOf() {
	case callCreate:
		rc.requireCreate(out)
	case callUpdatePassword:
		rc.requirePasswordOnly(out)
	}
}

func (rc *ruleContext) requireCreate(out reporter) {
	props := rc.m.root.props
	var missing []string
	for _, n := range createRequired {
		if props[n] != nil && rc.prop(n) == nil {
			missing = append(missing, n)
		}
	}
	hybrid := true
	if props["connectionType"] != nil {
		if v := rc.prop("connectionType"); v != nil && !(v.Kind == kindString && strings.EqualFold(v.Str, "hybridAzureADJoin")) {
			hybrid = false
		}
	}
	if hybrid {
		for _, n := range hybridRequired {
			if props[n] != nil && rc.prop(n) == nil {
				missing = append(missing, n)
			}
		}
	}
	for _, n := range missing {
		why := "create requires it"
		if slices.Contains(hybridRequired, n) {
			why = "create requires it for hybrid Azure AD join (connectionType hybridAzureADJoin, the default)"
		}
		out.report("required", SeverityError, rc.root.Start, rc.root.Start+1, "/"+escapePointer(n),
			fmt.Sprintf("%s is missing: %s", n, why))
	}
}

// requirePasswordOnly checks the body of updateAdDomainPassword: the
// password and nothing else.
func (rc *ruleContext) requirePasswordOnly(out reporter) {
	if rc.prop("adDomainPassword") == nil {
		out.report("required", SeverityError, rc.root.Start, rc.root.Start+1, "/adDomainPassword",
			"adDomainPassword is missing: updateAdDomainPassword takes {\"adDomainPassword\": …}")
	}
	for i := range rc.root.Members {
		m := &rc.root.Members[i]
		if pm := rc.propOf(m.Val); pm != nil && pm.name == "adDomainPassword" {
			continue
		}
		if strings.HasPrefix(m.Key, "@odata.") {
			continue
		}
		out.report("unknown-property", SeverityError, m.KeyStart, m.KeyEnd, pointerOf(m.Val),
			fmt.Sprintf("updateAdDomainPassword takes only adDomainPassword: remove %s (update other properties with PATCH …/onPremisesConnections/{id})", quoteJSON(m.Key)))
	}
}
