package validate

import (
	"fmt"
	"sort"
	"sync"
)

// Rule describes one check of the catalogue.
type Rule struct {
	ID       string   `json:"id"`       // stable kebab-case identifier
	Severity Severity `json:"severity"` // the severity it reports at
	Fixable  bool     `json:"fixable"`  // whether its findings can carry a fix
	Summary  string   `json:"summary"`  // one line: what it reports
	Help     string   `json:"help"`     // what to do about it
}

// phase names when a rule's check runs. Phases run in the order of the
// phases list; within one, rules run by ID. Every check belongs to one.
type phase string

// The phases, in the order they run.
const (
	// phaseClaim: rules that claim values (join-type-fields, then
	// placeholder), so that no later rule reports on them again.
	phaseClaim phase = "claim"
	// phaseType: the schema's type errors, which claim the values they
	// report (one cause, one finding).
	phaseType phase = "type"
	// phaseSchema: the other schema errors (enum, format, @odata.type,
	// unknown properties), on values no earlier rule claimed.
	phaseSchema phase = "schema"
	// phaseValue: checks of single values and keys.
	phaseValue phase = "value"
	// phaseDomain: the domain rules, which read the facts (GUID, resource
	// IDs, DN, domain, UPN) and compare values with each other.
	phaseDomain phase = "domain"
	// phaseWhole: checks of the body as a whole (empty-patch).
	phaseWhole phase = "whole"
)

var phases = []phase{phaseClaim, phaseType, phaseSchema, phaseValue, phaseDomain, phaseWhole}

// rule is a catalogue entry with its check. check is nil for rules that the
// pipeline itself reports (guards, syntax, binding).
type rule struct {
	Rule
	phase phase // when check runs
	check func(*ruleContext, reporter)
}

// catalogue is filled by the rule files' init functions and only read
// afterwards.
var catalogue = map[string]*rule{}

func register(r *rule) {
	if _, dup := catalogue[r.ID]; dup {
		panic(fmt.Sprintf("validate: rule %q registered twice", r.ID))
	}
	if r.check != nil && !knownPhase(r.phase) {
		panic(fmt.Sprintf("validate: rule %q has a check but no phase (want one of %v)", r.ID, phases))
	}
	catalogue[r.ID] = r
}

func knownPhase(ph phase) bool {
	for _, x := range phases {
		if x == ph {
			return true
		}
	}
	return false
}

// byPhase holds the checks of each phase sorted by ID, computed once after
// every init has registered.
var byPhase = sync.OnceValue(func() map[phase][]*rule {
	out := map[phase][]*rule{}
	for _, r := range catalogue {
		if r.check != nil {
			out[r.phase] = append(out[r.phase], r)
		}
	}
	for _, rs := range out {
		sort.Slice(rs, func(i, j int) bool { return rs[i].ID < rs[j].ID })
	}
	return out
})

// rulesIn returns the checks of phase ph, by ID.
func rulesIn(ph phase) []*rule { return byPhase()[ph] }

// Rules returns the catalogue, sorted by ID.
func Rules() []Rule {
	out := make([]Rule, 0, len(catalogue))
	for _, r := range catalogue {
		out = append(out, r.Rule)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// LookupRule returns the catalogue entry with the given ID.
func LookupRule(id string) (Rule, bool) {
	r, ok := catalogue[id]
	if !ok {
		return Rule{}, false
	}
	return r.Rule, true
}
