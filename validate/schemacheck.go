package validate

import (
	"encoding/json"
	"slices"
	"sort"
	"strconv"

	"github.com/azconn/azconn/internal/schemaengine"
)

// The adapter to the schema engine: it builds the instance the compiled
// target schema validates, and turns the engine's violations, by their
// kinds, into violations at tree nodes. The rules that report them live in
// rule_type.go, rule_boolean_string.go, rule_enum.go, rule_format.go,
// rule_odata_type.go and rule_unknown_property.go.

// violationKind is what a schema error says about a value.
type violationKind uint8

const (
	violationType    violationKind = iota // wrong JSON type (want: the allowed types)
	violationRange                        // a number out of its range
	violationEnum                         // not a member of an enum, or not matching a pattern
	violationFormat                       // breaks its format (want: [format])
	violationUnknown                      // an object with unknown properties (want: their names)
)

// violationKinds maps the engine's kinds to the adapter's.
var violationKinds = map[schemaengine.Kind]violationKind{
	schemaengine.KindType:       violationType,
	schemaengine.KindMinimum:    violationRange,
	schemaengine.KindMaximum:    violationRange,
	schemaengine.KindEnum:       violationEnum,
	schemaengine.KindPattern:    violationEnum,
	schemaengine.KindFormat:     violationFormat,
	schemaengine.KindAdditional: violationUnknown,
}

// schemaViolation is one schema error at a node.
type schemaViolation struct {
	n    *node
	kind violationKind
	want []string
}

// violations validates the body with the compiled target schema on first
// use and returns its errors, type errors first (one cause, one finding per
// value), then in the engine's order. It runs after the claim phase, so
// claimed values are left out of the instance. Recursion over the instance
// is bounded by MaxDepth, checked by the parser.
func (rc *ruleContext) violations() []schemaViolation {
	if rc.schemaRan {
		return rc.schemaErrs
	}
	rc.schemaRan = true
	// Each location is mapped to its node as it comes (the engine's
	// list and copies of the locations would be most of what an input of
	// many violations allocates), into a list that doubles when full.
	var errs []schemaViolation
	rc.m.compiled.Each(rc.instance(rc.root), func(e schemaengine.Violation) {
		if len(errs) == cap(errs) {
			errs = slices.Grow(errs, max(8, len(errs)))
		}
		errs = append(errs, schemaViolation{n: rc.locate(e.Location), kind: violationKinds[e.Kind], want: e.Want})
	})
	sort.SliceStable(errs, func(i, j int) bool { return violationRank(errs[i]) < violationRank(errs[j]) })
	rc.schemaErrs = errs
	return errs
}

// violationRank orders violations: type errors first.
func violationRank(v schemaViolation) int {
	if v.kind == violationType {
		return 0
	}
	return 1
}

// eachViolation calls fn for each violation of one of kinds at a value no
// earlier rule claimed, and claims the value through out.
func (rc *ruleContext) eachViolation(out reporter, fn func(v schemaViolation), kinds ...violationKind) {
	for _, v := range rc.violations() {
		if !slices.Contains(kinds, v.kind) || rc.isClaimed(v.n) {
			continue
		}
		fn(v)
		out.claim(v.n)
	}
}

// instance converts the tree into the value the schema engine validates:
// objects keyed by canonical names (so a miscased key is validated as the
// property it will become), as schemaengine.Objects (a slice each, where a
// map cost some 300 bytes), numbers as json.Number. Values of members that
// the schema does not know are left out: additionalProperties reports the
// key, and nothing looks inside.
func (rc *ruleContext) instance(n *node) any {
	switch n.Kind {
	case kindNull:
		return nil
	case kindTrue:
		return true
	case kindFalse:
		return false
	case kindNumber:
		return json.Number(rc.src[n.Start:n.End])
	case kindString:
		return n.Str
	case kindArray:
		out := make([]any, len(n.Elems))
		for i, e := range n.Elems {
			out[i] = rc.instance(e)
		}
		return out
	}
	return rc.object(n)
}

// object is the instance of object n: its canonical names, then the
// other keys (a name once, the canonical one first), sorted by name.
func (rc *ruleContext) object(n *node) schemaengine.Object {
	out := make(schemaengine.Object, 0, len(n.Members))
	canon := rc.canonOf(n)
	for _, e := range canon {
		// A claimed value (a placeholder) already has its one
		// finding: leave it out rather than validate it for nothing.
		// Its key is a known property, and no property is required.
		if v := n.Members[e.i].Val; !rc.isClaimed(v) {
			out = append(out, schemaengine.Member{Name: e.name, Value: rc.instance(v)})
		}
	}
	known := rc.typeOf(n) != nil
	for i := range n.Members {
		if m := &n.Members[i]; !canon.has(i) {
			var v any
			if !known {
				v = rc.instance(m.Val)
			}
			out = append(out, schemaengine.Member{Name: m.Key, Value: v})
		}
	}
	return sortMembers(out)
}

// sortMembers sorts the members of an instance object by name and keeps
// the first of each name (stable: the canonical one was appended first).
// Most objects have a few members: those are sorted by insertion, as a
// sort call allocates.
func sortMembers(ms schemaengine.Object) schemaengine.Object {
	if len(ms) > 16 {
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].Name < ms[j].Name })
	}
	for i := 1; i < len(ms) && len(ms) <= 16; i++ {
		for j := i; j > 0 && ms[j].Name < ms[j-1].Name; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
	out := ms[:0]
	for i, m := range ms {
		if i == 0 || m.Name != out[len(out)-1].Name {
			out = append(out, m)
		}
	}
	return out
}

func (rc *ruleContext) isCanonMember(n *node, i int) bool { return rc.canonOf(n).has(i) }

// locate finds the node at a schema instance location.
func (rc *ruleContext) locate(loc []string) *node {
	n := rc.root
	for _, seg := range loc {
		switch n.Kind {
		case kindObject:
			if i, ok := rc.canonOf(n).get(seg); ok {
				n = n.Members[i].Val
				continue
			}
			found := false
			for i := range n.Members {
				if n.Members[i].Key == seg {
					n, found = n.Members[i].Val, true
					break
				}
			}
			if !found {
				return n
			}
		case kindArray:
			i, err := strconv.Atoi(seg)
			if err != nil || i < 0 || i >= len(n.Elems) {
				return n
			}
			n = n.Elems[i]
		default:
			return n
		}
	}
	return n
}
