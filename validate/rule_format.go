package validate

import (
	"fmt"
)

func init() {
	register(&rule{Rule: Rule{ID: "format", Severity: SeverityError, Summary: "A value that breaks its schema format (date-time).", Help: "Timestamps are RFC 3339 date-times in UTC, such as 2014-01-01T00:00:00Z."}, phase: phaseSchema, check: checkFormat})
}

// checkFormat reports values that break their schema format.
func checkFormat(rc *ruleContext, out reporter) {
	rc.eachViolation(out, func(v schemaViolation) { rc.formatError(out, v.n, v.want[0]) }, violationFormat)
}

func (rc *ruleContext) formatError(out reporter, n *node, format string) {
	if format == "date-time" {
		out.atValue("format", SeverityError, n, fmt.Sprintf("%s must be an RFC 3339 date-time in UTC such as \"2014-01-01T00:00:00Z\", not %s", rc.name(n), rc.show(n)))
		return
	}
	out.atValue("format", SeverityError, n, fmt.Sprintf("%s is not a valid %s: %s", rc.name(n), format, rc.show(n)))
}
