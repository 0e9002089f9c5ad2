package validate

import "fmt"

func init() {
	register(&rule{
		Rule: Rule{ID: "null-clears", Severity: SeverityInfo,
			Summary: "An explicit null on a nullable settable property clears it on the service.",
			Help:    "A PATCH sets every property it names, so null erases the current value. PowerShell's ConvertTo-Json writes null for every unset field of an object: leave out what you do not mean to clear (in PowerShell, build a hashtable with only the properties to change)."},
		phase: phaseValue,
		check: checkNullClears,
	})
}

// checkNullClears reports each top-level null that the service takes as
// "clear this property". Nested objects are read-only, and a null where
// null is not allowed is a type error instead. Several of them suggest an
// object serialized whole, and the message says where that comes from.
func checkNullClears(rc *ruleContext, out reporter) {
	var nulls []*node
	for _, i := range rc.canonOf(rc.root).all() {
		v := rc.root.Members[i].Val
		if pm := rc.propOf(v); v.Kind == kindNull && !rc.isClaimed(v) && pm != nil && pm.nullable() && !pm.readOnly {
			nulls = append(nulls, v)
		}
	}
	hint := ""
	if len(nulls) > 1 {
		hint = " (PowerShell's ConvertTo-Json writes null for every unset field: send only the properties to change)"
	}
	for _, v := range nulls {
		name := rc.propOf(v).name
		out.atValue("null-clears", SeverityInfo, v, fmt.Sprintf("%s is null, which clears it on the service: a PATCH sets every property it names; leave %s out to keep its current value%s", name, name, hint))
	}
}
