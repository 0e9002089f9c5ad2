package validate

import (
	"fmt"
	"strings"

	"github.com/azconn/azconn/internal/values"
)

func init() {
	register(&rule{
		Rule: Rule{ID: "arm-id-case", Severity: SeverityInfo, Fixable: true,
			Summary: "A fixed segment of a resource ID in another case than the documented one (resourcegroups → resourceGroups, microsoft.network → Microsoft.Network).",
			Help: "Resource Manager compares these segments case-insensitively, so the ID works, but tools that compare IDs as strings do not. " +
				"The fix writes subscriptions, resourceGroups, providers, Microsoft.Network, virtualNetworks and subnets as documented; names keep your casing."},
		phase: phaseDomain,
		check: checkARMIDCase,
	})
}

func checkARMIDCase(rc *ruleContext, out reporter) {
	for _, r := range rc.resourceIDs() {
		mc := r.id.Miscased
		if len(mc) == 0 {
			continue
		}
		var parts []string
		for _, c := range mc {
			parts = append(parts, fmt.Sprintf("%s → %s", quoteJSON(r.id.Segs[c.Seg].Text), quoteJSON(c.Canonical)))
		}
		first := r.id.Segs[mc[0].Seg]
		f := out.atPart("arm-id-case", SeverityInfo, r.n, r.lead+first.Start, r.lead+first.End,
			fmt.Sprintf("%s spells fixed segment%s in another case than documented (%s): the fix writes the documented case and keeps the names as they are",
				rc.name(r.n), pluralS(len(mc)), list(parts, "and")))
		kind := r.id.Kind
		out.fixTransform(f, r.n, orderFixARMCase, func(s string) string {
			return aroundCore(s, func(core string) string { return fixARMCase(core, kind) })
		})
	}
}

// fixARMCase rewrites the miscased fixed segments of a resource ID.
func fixARMCase(s string, kind values.ResourceKind) string {
	id := values.ParseResourceID(s, kind)
	if len(id.Miscased) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, c := range id.Miscased {
		seg := id.Segs[c.Seg]
		b.WriteString(s[last:seg.Start])
		b.WriteString(c.Canonical)
		last = seg.End
	}
	b.WriteString(s[last:])
	return b.String()
}
