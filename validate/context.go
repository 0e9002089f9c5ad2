package validate

import (
	"strconv"

	"github.com/azconn/azconn/internal/secrets"
)

// ruleContext is what a rule reads: the source, the syntax tree, the
// entity, the target's model and the binding (the stages' outputs), the
// options checked once, the secrets, the claims made so far, and the
// domain facts and schema violations, computed on first use. Rules never
// write it: they write through a reporter.
type ruleContext struct {
	src     []byte
	opts    *Options
	l       *Linter // severities and scoped rules, for the rules that count what they leave unbuilt
	tree    *syntaxTree
	root    *node // the entity: the body, or the object a GET response's {"value": …} wraps
	m       *targetModel
	det     detection
	bound   *binding
	secrets *secrets.Set // what must never leave the engine (secret.go)
	marks   *marks       // the claims so far: read here, made through the reporter
	// Computed on first use, after the claims that must come first.
	facts      *facts            // see facts.go
	schemaErrs []schemaViolation // the schema adapter's output
	schemaRan  bool
}

// reporter is how a rule writes: findings at positions of the input, the
// claims that keep one finding per value and per key, and the fixes
// attached to findings. The collector is the only one.
type reporter interface {
	// report records a finding over [start, end) of the input with its
	// pointer. It returns nil when the rule is ignored there; the fix
	// methods accept nil.
	report(rule string, sev Severity, start, end int, ptr, msg string) *Finding
	// reportAt is report with the pointer of n, built when the result is.
	reportAt(rule string, sev Severity, start, end int, n *node, msg string) *Finding
	atKey(rule string, sev Severity, obj *node, i int, msg string) *Finding
	atValue(rule string, sev Severity, n *node, msg string) *Finding
	atPart(rule string, sev Severity, n *node, from, to int, msg string) *Finding
	atOpen(rule string, sev Severity, n *node, msg string) *Finding
	claim(n *node)
	markKey(obj *node, i int)
	// countUnbuilt records n findings of rule at sev that the cap would
	// certainly leave out, so they were not built.
	countUnbuilt(rule string, sev Severity, n int)
	fixTransform(f *Finding, n *node, order int, fn func(string) string)
	fixReplace(f *Finding, n *node, raw string)
	fixRename(f *Finding, obj *node, i int, newKey string)
	fixRemove(f *Finding, obj *node, i int)
}

// isClaimed reports whether a value carries its one value-level finding.
func (rc *ruleContext) isClaimed(n *node) bool { return rc.marks.isClaimed(n) }

// keyReported reports whether member i's key carries its key-level finding.
func (rc *ruleContext) keyReported(obj *node, i int) bool { return rc.marks.keyReported(obj, i) }

// ignored reports whether the options turn rule id off.
func (rc *ruleContext) ignored(id string) bool { return rc.l.ignore[id] }

// show returns the value for a message: quoted, shortened when long, and
// never for a secret.
func (rc *ruleContext) show(n *node) string {
	if rc.hidden(n) {
		return "the value"
	}
	switch n.Kind {
	case kindString:
		s := n.Str
		if r := []rune(s); len(r) > 60 {
			s = string(r[:57]) + "…"
		}
		return quoteJSON(s)
	case kindObject:
		return "an object"
	case kindArray:
		return "an array"
	}
	return string(rc.src[n.Start:n.End])
}

// name returns how messages call the property holding n: its canonical
// name when known, else its key.
func (rc *ruleContext) name(n *node) string {
	if n.Parent != nil && n.Parent.Kind == kindArray { // an item: scopeIds[0]
		return rc.name(n.Parent) + "[" + strconv.Itoa(int(n.Index)) + "]"
	}
	if pm := rc.propOf(n); pm != nil {
		return pm.name
	}
	if k := n.Key(); k != "" {
		return k
	}
	return "the body"
}

// member returns the top-level member whose canonical name is one of
// names, as the object and its member index, or nil.
func (rc *ruleContext) member(names ...string) (*node, int) {
	if rc.root == nil || rc.root.Kind != kindObject {
		return nil, -1
	}
	for _, nm := range names {
		if i, ok := rc.canonOf(rc.root).get(nm); ok {
			return rc.root, i
		}
	}
	return nil, -1
}

// prop returns the top-level value whose canonical name is one of names.
func (rc *ruleContext) prop(names ...string) *node {
	obj, i := rc.member(names...)
	if obj == nil {
		return nil
	}
	return obj.Members[i].Val
}

// stringProp returns the top-level string value whose canonical name is one
// of names, unless another finding already claimed it.
func (rc *ruleContext) stringProp(names ...string) *node {
	n := rc.prop(names...)
	if n == nil || n.Kind != kindString || rc.isClaimed(n) {
		return nil
	}
	return n
}

// walk calls fn for every node in document order, as the parser listed
// them; every rule shares that one list.
func (rc *ruleContext) walk(fn func(n *node)) {
	for _, n := range rc.tree.Nodes {
		fn(n)
	}
}

// propOf returns the schema property that value n is checked against, or nil.
func (rc *ruleContext) propOf(n *node) *propModel { return rc.bound.propOf(n) }

// typeOf returns the schema object type bound to n, or nil.
func (rc *ruleContext) typeOf(n *node) *objModel { return rc.bound.typeOf(n) }

// canonOf returns the canonical-name index of a bound object, or nil.
func (rc *ruleContext) canonOf(n *node) canonIndex { return rc.bound.canonOf(n) }

// isSecret reports whether n is the value of a secret property, or inside one.
func (rc *ruleContext) isSecret(n *node) bool { return rc.bound.isSecret(n) }
