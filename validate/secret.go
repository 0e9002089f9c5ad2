package validate

import (
	"sync"

	"github.com/azconn/azconn/internal/secrets"
)

// Secrets by construction (internal/secrets): a Lint call collects every
// secret of its input into one secrets.Set (findSecrets), and every string
// that leaves the engine (messages, pointers, fix values) goes through it
// on the way out, whatever rule made it (redactResult); Redact masks source
// text with the same rules. This file gives the secrets layer what it
// cannot know: the secret property's name and the property names of the
// targets, from the schema table.

// defaultSecret is the secret property's name when the table names none.
const defaultSecret = "adDomainPassword"

// propertyNames returns every property name of the target's types (and
// its legacy aliases), computed once per target.
func propertyNames(m *targetModel) *secrets.Names {
	if v, ok := nameSets.Load(m); ok {
		return v.(*secrets.Names)
	}
	names := map[string]bool{}
	seen := map[*objModel]bool{}
	stack := []*objModel{m.root}
	for len(stack) > 0 {
		o := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if o == nil || seen[o] {
			continue
		}
		seen[o] = true
		for name, pm := range o.props {
			names[name] = true
			for ; pm != nil; pm = pm.items {
				stack = append(stack, pm.ref)
			}
		}
	}
	for alias := range m.table.PropertyAliases {
		names[alias] = true
	}
	v, _ := nameSets.LoadOrStore(m, secrets.NewNames(names))
	return v.(*secrets.Names)
}

// nameSets caches propertyNames by target model (written once per target).
var nameSets sync.Map

// redactionFor returns the terms of masking for target t: the secret
// property's name and the property names never masked, under Auto (or an
// unknown name) those of every target, since the text may be for either.
func redactionFor(t Target) secrets.Terms {
	anyT := anyRedaction()
	all, err := models()
	if err != nil {
		return secrets.Terms{Secret: defaultSecret, All: anyT.All}
	}
	if m, ok := all[string(t)]; ok {
		terms := secrets.Terms{Secret: m.table.Secret, Names: propertyNames(m), All: anyT.All}
		if terms.Secret == "" {
			terms.Secret = defaultSecret
		}
		return terms
	}
	return *anyT
}

// anyRedaction is redactionFor a text that may be for any target, once
// (a pointer: sync.OnceValue of the struct would be compiled once more).
var anyRedaction = sync.OnceValue(func() *secrets.Terms {
	terms := &secrets.Terms{Secret: defaultSecret}
	all, _ := models()
	names := map[string]bool{}
	for _, m := range all {
		if m.table.Secret != "" {
			terms.Secret = m.table.Secret
		}
		for n := range propertyNames(m).All() {
			names[n] = true
		}
	}
	terms.Names = secrets.NewNames(names)
	terms.All = terms.Names
	return terms
})

// findSecrets is the secrets stage: after binding and before any rule, it
// returns the secrets of src for target tm, sealed (nil: none), and the
// binding as the rules are to read it: b itself, or, when near-miss keys
// make values secret, a copy of b that marks them (b is never written).
// Everything under a secret is secret. Every other value whose token must
// be masked is claimed in claims, so that no rule quotes it, derives a
// suggestion from it or fixes it. shared is the whole text's set, when the
// body is a request of a file.
func findSecrets(src []byte, tree *syntaxTree, tm *targetModel, b *binding, shared *secrets.Set, claims *collector) (*secrets.Set, *binding) {
	set, b := collectSecrets(src, tree, tm, b)
	if !shared.Empty() {
		// A request of a file: the file's one set holds this body's
		// secrets too, unless the bind found one the scan did not.
		if set != nil && !shared.Covers(set) {
			set.AddAll(shared)
		} else {
			set = shared
		}
	}
	if set == nil {
		return nil, b
	}
	if set != shared {
		set.Seal()
	}
	claimMasked(src, tree, b, set, claims)
	return set, b
}

// collectSecrets returns the secret values of tree as a set, not sealed
// (nil: none), and the binding that marks them: bound itself, or a copy
// when a near-miss key (or a value under one) makes a value secret that
// bound does not mark.
func collectSecrets(src []byte, tree *syntaxTree, tm *targetModel, bound *binding) (*secrets.Set, *binding) {
	name := tm.table.Secret
	var set *secrets.Set
	b := bound
	for _, n := range tree.Nodes {
		if n.Parent != nil && !b.isSecret(n) && b.isSecret(n.Parent) {
			b = b.markSecret(bound, n)
		}
		if n.Kind == kindObject && !b.isSecret(n) {
			for i := range n.Members {
				if v := n.Members[i].Val; !b.isSecret(v) && secrets.IsNearSecret(n.Members[i].Key, name) {
					b = b.markSecret(bound, v)
				}
			}
		}
		if !b.isSecret(n) {
			continue
		}
		if set == nil {
			set = secrets.NewSet(propertyNames(tm))
		}
		addSecret(set, src, n)
	}
	return set, b
}

// markSecret marks n secret in b, first copying b when it is still orig
// (the binding bind returned, which no later stage writes).
func (b *binding) markSecret(orig *binding, n *node) *binding {
	if b == orig {
		c := *orig
		c.nodes = append([]boundNode(nil), orig.nodes...)
		b = &c
	}
	b.nodes[n.ID].secret = true
	return b
}

// addSecret adds secret value n to set: a string's or number's text, or
// an object's keys (its values are secret nodes of their own).
func addSecret(set *secrets.Set, src []byte, n *node) {
	switch n.Kind {
	case kindString:
		set.Add(n.Str, string(src[n.Start+1:n.End-1]))
	case kindNumber:
		raw := string(src[n.Start:n.End])
		set.Add(raw, raw)
	case kindObject:
		for i := range n.Members {
			m := &n.Members[i]
			set.Add(m.Key, string(src[m.KeyStart+1:m.KeyEnd-1]))
		}
	}
}

// claimMasked claims every value that is not secret but whose token set
// masks.
func claimMasked(src []byte, tree *syntaxTree, b *binding, set *secrets.Set, claims *collector) {
	for _, n := range tree.Nodes {
		if b.isSecret(n) || claims.isClaimed(n) {
			continue
		}
		switch {
		case n.Kind == kindString && set.Token(n.Str),
			n.Kind == kindNumber && set.Exact(string(src[n.Start:n.End])):
			claims.claim(n)
		}
	}
}

// hidden reports whether value n must never be quoted: a secret, or a
// token that must be masked.
func (rc *ruleContext) hidden(n *node) bool {
	if rc.bound != nil && rc.isSecret(n) {
		return true
	}
	switch n.Kind {
	case kindString:
		return rc.secrets.Token(n.Str)
	case kindNumber:
		return rc.secrets.Exact(string(rc.src[n.Start:n.End]))
	}
	return false
}

// redactResult passes every string of res that leaves the engine through
// the secrets s. Edits keep the raw text: they are the user's data, like
// Normalized.
func redactResult(s *secrets.Set, res *Result) {
	if s.Empty() {
		return
	}
	fix := func(f *Fix) {
		if f == nil {
			return
		}
		f.Path, f.From, f.Value = s.Pointer(f.Path), s.Pointer(f.From), s.Value(f.Value)
	}
	for i := range res.Findings {
		f := &res.Findings[i]
		f.Message, f.Pointer = s.Text(f.Message), s.Pointer(f.Pointer)
		fix(f.Fix)
	}
	for i := range res.Fixes {
		fix(&res.Fixes[i])
	}
}
