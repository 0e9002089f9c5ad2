package validate

import (
	"fmt"
	"strings"
)

func init() {
	register(&rule{
		Rule: Rule{ID: "unknown-future-value", Severity: SeverityWarning,
			Summary: "unknownFutureValue in a PATCH body (a warning), or in a POST create (an error: Graph rejects it).",
			Help:    "Graph treats unknownFutureValue in a PATCH as if the property were absent: it changes nothing. Set a real member or leave the property out."},
		phase: phaseValue,
		check: checkUnknownFutureValue,
	})
}

func checkUnknownFutureValue(rc *ruleContext, out reporter) {
	rc.walk(func(n *node) {
		pm := rc.propOf(n)
		if n.Kind != kindString || pm == nil { // a miscased member (enum-case) still means "no change"
			return
		}
		if len(pm.enum) == 0 || !strings.EqualFold(strings.TrimSpace(n.Str), "unknownFutureValue") {
			return
		}
		if rc.opts.callOf() == callCreate {
			// A create rejects the sentinel (facts §2.5: 400 Bad Request).
			out.atValue("unknown-future-value", SeverityError, n, fmt.Sprintf("%s is unknownFutureValue, which a POST (create) rejects with 400 Bad Request: set a real member", rc.name(n)))
			return
		}
		out.atValue("unknown-future-value", SeverityWarning, n, fmt.Sprintf("%s is unknownFutureValue, which a PATCH treats as \"no change\": set a real member or leave the property out", rc.name(n)))
	})
}
