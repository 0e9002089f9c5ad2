package validate

import (
	"fmt"
	"strings"
)

func init() {
	register(&rule{
		Rule: Rule{ID: "join-type-fields", Severity: SeverityWarning,
			Summary: "azureADJoin with Active Directory fields, or a switch to hybridAzureADJoin without adDomainName or adDomainUsername.",
			Help:    "The adDomain* fields and organizationalUnit are for hybrid Microsoft Entra join only: a Microsoft Entra joined connection does not join an Active Directory domain. A hybrid join needs the domain and an account that may join computers to it."},
		// Claim: an AD field on an Entra-joined connection has one cause
		// and one fix (leave it out), so no value rule reports it again.
		phase: phaseClaim,
		check: checkJoinTypeFields,
	})
}

// adFields are the properties that only a hybrid join uses (graph-facts
// §1.2, the notes after the matrix).
var adFields = []string{"adDomainName", "adDomainUsername", "adDomainPassword", "organizationalUnit"}

// checkJoinTypeFields compares the join type with the Active Directory
// fields. "Set" means present and not null. A switch to hybrid join is
// checked for the domain and the user only: a GET never returns the
// password, so a body built from one lacks it for good reason. Only an
// update is checked so: for a create, required reports what is missing.
// It runs first among the claims: an AD field on an azureADJoin connection
// gets this finding only (not placeholder, domain-name, username, ou-format,
// whitespace, a type error…), since leaving it out fixes them all.
func checkJoinTypeFields(rc *ruleContext, out reporter) {
	jt := rc.prop("connectionType", "type")
	if jt == nil || jt.Kind != kindString || rc.propOf(jt) == nil {
		return
	}
	field := rc.propOf(jt).name
	switch s := strings.TrimSpace(jt.Str); {
	case strings.EqualFold(s, "azureADJoin"):
		for _, f := range adFields {
			obj, i := rc.member(f)
			if obj == nil || obj.Members[i].Val.Kind == kindNull {
				continue
			}
			out.atKey("join-type-fields", SeverityWarning, obj, i, fmt.Sprintf(
				"%s is for hybrid join only: %s is azureADJoin, which joins Microsoft Entra ID without an Active Directory domain; remove %s, or set %s to hybridAzureADJoin", f, field, f, field))
			out.claim(obj.Members[i].Val)
		}
	case strings.EqualFold(s, "hybridAzureADJoin"):
		if rc.opts.callOf() != callUpdate {
			return // a create's missing fields are required's; other calls take no join type
		}
		var missing []string
		for _, f := range adFields[:2] {
			if v := rc.prop(f); v == nil || v.Kind == kindNull {
				missing = append(missing, f)
			}
		}
		if len(missing) == 0 {
			return
		}
		what := list(missing, "and") + " is"
		if len(missing) > 1 {
			what = list(missing, "and") + " are"
		}
		out.atValue("join-type-fields", SeverityWarning, jt, fmt.Sprintf(
			"%s is hybridAzureADJoin, but %s not set: a hybrid join needs the Active Directory domain and an account that may join computers to it; add %s (and adDomainPassword), or leave %s out if the connection already uses hybrid join",
			field, what, list(missing, "and"), field))
	}
}
