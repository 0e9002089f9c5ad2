package validate

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/azconn/azconn/internal/values"
)

// FuzzDomainValues drives the domain parsers with any string: no panic,
// every span inside the string and on rune boundaries, and the rewrites
// idempotent and meaning-preserving.
func FuzzDomainValues(f *testing.F) {
	for _, s := range []string{
		tRG, tVNet, tSnet, "", "/", "//", "subscriptions/x", "https://management.azure.com" + tRG,
		"/subscriptions/{subscription-id}/resourceGroups/{resourceGroupName}", "/SUBSCRIPTIONS/x/RESOURCEGROUPS/é",
		"OU=Domain Controllers, DC=contoso001, DC=com", `OU=Sales\, EMEA,DC=contoso,DC=com`, "OU=A+CN=B,DC=x",
		`OU=\23hash`, `OU=trailing\ `, `OU="a, b" ; DC=x`, "OU=#04,DC=x", `OU=\C3\A9`, `\`, "OU= ,DC=x",
		"corp.contoso.com", "CONTOSO", `CONTOSO\admin`, "a@b@c", "0ac520ee-14c0-480f-b6c9-0a90c58ffff",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // the engine rejects invalid UTF-8 before any rule runs
		}
		span := func(what string, from, to int) {
			if from < 0 || to > len(s) || from > to || from < len(s) && !utf8.RuneStart(s[from]) || to < len(s) && !utf8.RuneStart(s[to]) {
				t.Fatalf("%s: span %d..%d outside %q", what, from, to, s)
			}
		}
		from, to, _ := values.GUIDProblem(s)
		span("guid", from, to)
		for _, k := range []values.ResourceKind{values.ResourceGroup, values.VirtualNetwork, values.Subnet} {
			id := values.ParseResourceID(s, k)
			for _, is := range id.Issues {
				span("arm-id", is.From, is.To)
			}
			fixed := fixARMCase(s, k)
			if fixARMCase(fixed, k) != fixed {
				t.Fatalf("fixARMCase not idempotent on %q", s)
			}
			low := lowerARMSubscription(fixed, k)
			if lowerARMSubscription(low, k) != low || fixARMCase(low, k) != low {
				t.Fatalf("case fixes do not compose on %q", s)
			}
		}
		if is := domainNameProblem(s); is != nil {
			span("domain", is.from, is.to)
		}
		from, to, _ = upnProblem(s, "contoso.com")
		span("upn", from, to)
		d, issues := ouProblems(s, "contoso.com")
		for _, is := range issues {
			span("dn", is.From, is.To)
		}
		out := values.DNWithoutSpaces(s)
		if values.DNWithoutSpaces(out) != out {
			t.Fatalf("dnWithoutSpaces not idempotent on %q", s)
		}
		if d.OK() {
			if e := values.ParseDN(out); !e.OK() || rdnString(d) != rdnString(e) {
				t.Fatalf("dnWithoutSpaces changed the meaning of %q: %q", s, out)
			}
		}
	})
}

// rdnString renders a parse as TYPE=decoded values, RDNs joined by " | "
// and AVAs by " & ", to compare against.
func rdnString(d *values.DN) string {
	var rs []string
	for _, r := range d.RDNs {
		var as []string
		for _, a := range r.AVAs {
			as = append(as, a.Type+"="+a.Value)
		}
		rs = append(rs, strings.Join(as, " & "))
	}
	return strings.Join(rs, " | ")
}
