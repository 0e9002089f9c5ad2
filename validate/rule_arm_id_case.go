package validate

import (
	"fmt"
	"strings"
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

func checkARMIDCase(p *pass) {
	for _, r := range p.resourceIDs() {
		mc := r.id.miscased
		if len(mc) == 0 {
			continue
		}
		var parts []string
		for _, c := range mc {
			parts = append(parts, fmt.Sprintf("%s → %s", quoteJSON(r.id.segs[c.seg].text), quoteJSON(c.canonical)))
		}
		first := r.id.segs[mc[0].seg]
		f := p.atPart("arm-id-case", SeverityInfo, r.n, r.lead+first.start, r.lead+first.end,
			fmt.Sprintf("%s spells fixed segment%s in another case than documented (%s): the fix writes the documented case and keeps the names as they are",
				p.name(r.n), pluralS(len(mc)), list(parts, "and")))
		kind := r.id.kind
		p.fixTransform(f, r.n, orderFixARMCase, func(s string) string {
			return aroundCore(s, func(core string) string { return fixARMCase(core, kind) })
		})
	}
}

// fixARMCase rewrites the miscased fixed segments of a resource ID.
func fixARMCase(s string, kind armKind) string {
	id := parseARMID(s, kind)
	if len(id.miscased) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, c := range id.miscased {
		seg := id.segs[c.seg]
		b.WriteString(s[last:seg.start])
		b.WriteString(c.canonical)
		last = seg.end
	}
	b.WriteString(s[last:])
	return b.String()
}
