package validate

import "github.com/azconn/azconn/internal/values"

// The facts stage: the domain values of a body parsed once, for every rule
// that reads them. A fact holds a top-level string property without the
// surrounding whitespace that the whitespace rule trims (its core), so that
// values are judged as they will be after that fix and findings still
// point at the right bytes of the original string.
// Facts are gathered when a rule first asks (the domain phase), after the
// claim and schema phases: a value with a finding of its own (a
// placeholder, a type error) is never parsed, and the accessors below also
// leave out values claimed later.

// stringFact is one top-level string property: its node, its core and the
// core's offset in the value. n is nil when the property is absent, not a
// string, or a template reference.
type stringFact struct {
	n    *node
	core string
	lead int
}

// facts are the parsed domain values of one body.
type facts struct {
	subscription stringFact
	isGUID       bool // the subscription's core is a GUID
	ids          []resourceID
	idsBuf       [3]resourceID // backs ids
	domain       stringFact
	domainIssue  *values.Issue // the domain's first problem, or nil
	username     stringFact
	ou           stringFact
	dn           *values.DN // the OU's core parsed, when ou.n is set
}

// resourceID is one of the body's resource IDs, parsed.
type resourceID struct {
	n    *node
	lead int // offset of the core in n.str
	core string
	id   *values.ResourceID
}

// The property names of the three resource IDs; targets differ in the
// subnet's spelling, so both are passed.
var propSubnet = []string{"subNetId", "subnetId"}

// theFacts returns the facts, gathering them on first use.
func (rc *ruleContext) theFacts() *facts {
	if rc.facts == nil {
		rc.facts = rc.gatherFacts()
	}
	return rc.facts
}

func (rc *ruleContext) gatherFacts() *facts {
	f := &facts{}
	f.ids = f.idsBuf[:0]
	f.subscription = rc.stringFact(valueCore, "subscriptionId")
	f.isGUID = f.subscription.n != nil && values.IsGUID(f.subscription.core)
	for _, k := range []struct {
		kind  values.ResourceKind
		names []string
	}{{values.ResourceGroup, []string{"resourceGroupId"}}, {values.VirtualNetwork, []string{"virtualNetworkId"}}, {values.Subnet, propSubnet}} {
		if s := rc.stringFact(valueCore, k.names...); s.n != nil {
			f.ids = append(f.ids, resourceID{n: s.n, lead: s.lead, core: s.core, id: values.ParseResourceID(s.core, k.kind)})
		}
	}
	f.domain = rc.stringFact(valueCore, "adDomainName")
	if f.domain.n != nil {
		f.domainIssue = values.DomainNameProblem(f.domain.core)
	}
	f.username = rc.stringFact(valueCore, "adDomainUsername")
	f.ou = rc.stringFact(values.TrimDN, "organizationalUnit")
	if f.ou.n != nil {
		f.dn = values.ParseDN(f.ou.core)
	}
	return f
}

// stringFact reads the top-level string property with one of names.
func (rc *ruleContext) stringFact(trim func(string) (string, int), names ...string) stringFact {
	n := rc.prop(names...)
	if n == nil || n.Kind != kindString || rc.isClaimed(n) {
		return stringFact{}
	}
	core, lead := trim(n.Str)
	if isTemplate(core) {
		return stringFact{}
	}
	return stringFact{n: n, core: core, lead: lead}
}

// fact returns a fact's node, core and lead, or a nil node when the value
// is absent or claimed.
func (rc *ruleContext) fact(s stringFact) (n *node, core string, lead int) {
	if s.n == nil || rc.isClaimed(s.n) {
		return nil, "", 0
	}
	return s.n, s.core, s.lead
}

// resourceIDs returns the payload's resource IDs that are strings and not
// claimed or templates, in the order resource group, virtual network, subnet.
func (rc *ruleContext) resourceIDs() []resourceID {
	ids := rc.theFacts().ids
	for i, r := range ids {
		if rc.isClaimed(r.n) {
			out := append([]resourceID(nil), ids[:i]...)
			for _, r := range ids[i+1:] {
				if !rc.isClaimed(r.n) {
					out = append(out, r)
				}
			}
			return out
		}
	}
	return ids
}

// validDomain returns the core of adDomainName when it is present and has
// no error (warnings allowed), else "".
func (rc *ruleContext) validDomain() string {
	f := rc.theFacts()
	n, core, _ := rc.fact(f.domain)
	if n == nil || (f.domainIssue != nil && f.domainIssue.Level == values.Error) {
		return ""
	}
	return core
}

// cleanDomain returns adDomainName when it has no finding at all, for
// suggestions; else "".
func (rc *ruleContext) cleanDomain() string {
	if rc.validDomain() == "" || rc.facts.domainIssue != nil {
		return ""
	}
	return rc.facts.domain.core // validDomain gathered the facts
}

// ouString returns organizationalUnit's node and DN core, unless absent,
// claimed or a template.
func (rc *ruleContext) ouString() (n *node, core string, lead int) { return rc.fact(rc.theFacts().ou) }
