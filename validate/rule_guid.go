package validate

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/azconn/azconn/internal/values"
)

func init() {
	register(&rule{
		Rule: Rule{ID: "guid", Severity: SeverityError,
			Summary: "subscriptionId, or the subscription segment of a resource ID, is not a GUID (8-4-4-4-12 hex digits).",
			Help: "Azure subscription IDs are GUIDs such as 0ac520ee-14c0-480f-b6c9-0a90c585ad47 (no braces). The finding points at the bad group or character. " +
				"Copy the ID again (Azure portal, or `az account show --query id`). A GUID-shaped id (read-only) is checked too: the documentation's own examples have 11-digit last groups."},
		phase: phaseDomain,
		check: checkGUID,
	})
}

func isHex(c byte) bool { return values.IsHex(c) }

// guidShaped matches what is meant to be a GUID: five groups of hex digits.
// Compiled on first use, not at start.
var guidShaped = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9A-Fa-f]+(-[0-9A-Fa-f]+){4}$`) })

// withAdvice appends advice to a clause, unless the clause already ends
// with a suggestion ("did you mean …?").
func withAdvice(why, advice string) string {
	if strings.HasSuffix(why, "?") {
		return why
	}
	return why + "; " + advice
}

func checkGUID(rc *ruleContext, out reporter) {
	if n, core, lead := rc.fact(rc.theFacts().subscription); n != nil {
		if from, to, why := values.GUIDProblem(core); why != "" {
			out.atPart("guid", SeverityError, n, lead+from, lead+to,
				"subscriptionId "+withAdvice(why, "copy it again from the Azure portal or `az account show --query id`"))
		}
	}
	// id is read-only, but when it is meant to be a GUID (the documentation's
	// examples end in an 11-digit group) say so.
	if n, core, lead := rc.domainString("id"); n != nil && guidShaped().MatchString(core) {
		if from, to, why := values.GUIDProblem(core); why != "" {
			out.atPart("guid", SeverityError, n, lead+from, lead+to, "id "+why+"; id is read-only anyway: remove it from the PATCH body")
		}
	}
	for _, r := range rc.resourceIDs() {
		if r.id.SubStatus != values.SubBad {
			continue
		}
		seg := r.id.Segs[r.id.SubIdx]
		from, to, why := values.GUIDProblem(seg.Text)
		out.atPart("guid", SeverityError, r.n, r.lead+seg.Start+from, r.lead+seg.Start+to,
			fmt.Sprintf("the subscription segment %s of %s %s", quoteJSON(seg.Text), rc.name(r.n),
				withAdvice(why, "copy the ID again from the resource's Properties page in the Azure portal")))
	}
}
