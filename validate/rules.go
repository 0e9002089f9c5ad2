package validate

import (
	"fmt"
	"sort"
)

// Rule describes one check of the catalogue.
type Rule struct {
	ID       string   `json:"id"`       // stable kebab-case identifier
	Severity Severity `json:"severity"` // the severity it reports at
	Fixable  bool     `json:"fixable"`  // whether its findings can carry a fix
	Summary  string   `json:"summary"`  // one line: what it reports
	Help     string   `json:"help"`     // what to do about it
}

// rule is a catalogue entry with its check. check is nil for rules that the
// pipeline itself reports (guards, syntax, schema mapping).
type rule struct {
	Rule
	// order places checks that claim values (placeholder) before checks
	// that skip claimed values; lower runs first.
	order int
	check func(*pass)
}

// catalogue is filled by the rule files' init functions and only read
// afterwards.
var catalogue = map[string]*rule{}

func register(r *rule) {
	if _, dup := catalogue[r.ID]; dup {
		panic(fmt.Sprintf("validate: rule %q registered twice", r.ID))
	}
	catalogue[r.ID] = r
}

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
