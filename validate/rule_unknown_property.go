package validate

import (
	"sort"
	"strings"
)

func init() {
	register(&rule{Rule: Rule{ID: "unknown-property", Severity: SeverityError, Summary: "A property that the target's type does not have.", Help: "Graph rejects unknown properties of a non-open type with 400 Bad Request. Rename it to the suggested property or remove it."}, phase: phaseSchema, check: checkUnknownProperty})
}

// checkUnknownProperty reports, in document order, the keys that an
// object's type does not have, unless another key-level finding (property
// case, a duplicate) already explains them.
func checkUnknownProperty(rc *ruleContext, out reporter) {
	for _, v := range rc.violations() {
		n := v.n
		if v.kind != violationUnknown || n.Kind != kindObject {
			continue
		}
		// Index the object's unbound keys once: objects can be huge.
		first := make(map[string]int, len(v.want))
		for i := len(n.Members) - 1; i >= 0; i-- {
			if !rc.isCanonMember(n, i) && !rc.keyReported(n, i) {
				first[n.Members[i].Key] = i
			}
		}
		var idx []int
		for _, name := range v.want {
			if i, ok := first[name]; ok && !rc.variantKey(n, i) {
				idx = append(idx, i)
			}
		}
		sort.Ints(idx) // document order
		// Past the cap's worth plus one (the first left out, where the
		// summary sits), the findings of one object come after as many
		// errors of their class: certainly omitted, so counted, not built.
		limit := len(idx)
		if !rc.ignored("unknown-property") && !rc.l.isScoped("unknown-property") {
			limit = min(limit, rc.opts.maxFindings()+1)
		}
		for _, i := range idx[:limit] {
			rc.unknownProperty(out, n, i)
		}
		for _, i := range idx[limit:] {
			out.markKey(n, i)
		}
		sev, _ := rc.l.severityOf("unknown-property", "", SeverityError)
		out.countUnbuilt("unknown-property", sev, len(idx)-limit)
	}
}

// unknownProperty reports member idx, whose key the object's type does
// not have.
func (rc *ruleContext) unknownProperty(out reporter, obj *node, idx int) {
	key := obj.Members[idx].Key
	o := rc.typeOf(obj)
	typeName := "the " + rc.m.name + " target"
	if o != nil && o.name != "" {
		typeName = o.name
	}
	var names []string
	if o != nil {
		names = o.names
	}
	// The advice first, so that the message is built once: a body can
	// hold a hundred thousand unknown keys.
	v := obj.Members[idx].Val
	advice := "remove it"
	switch {
	case obj == rc.root && key == "value" && v.Kind == kindObject:
		advice = "this looks like a GET response wrapped in {\"value\": …}: send the inner object as the body"
	case obj == rc.root && key == "error" && v.Kind == kindObject:
		advice = "this looks like a Microsoft Graph error response, not a request body"
	case obj == rc.root && rc.m.otherProps[key] != "":
		advice = "it is a property of the " + rc.m.otherProps[key] + " target: lint with that target if the body is meant for it"
	case rc.secrets.Token(key): // a key spelling the password: no suggestion built from it
	default:
		if s := nearest(key, names); s != "" {
			advice = "did you mean " + quoteJSON(s) + "?"
		}
	}
	msg := "unknown property " + quoteJSON(key) + ": " + typeName + " has no such property; " + advice
	out.atKey("unknown-property", SeverityError, obj, idx, msg)
}

// variantKey reports whether member i of obj is a case variant of a
// property or a legacy alias: property-case's, not unknown.
func (rc *ruleContext) variantKey(obj *node, i int) bool {
	o := rc.typeOf(obj)
	if o == nil {
		return false
	}
	key := obj.Members[i].Key
	if _, ok := o.fold[strings.ToLower(key)]; ok {
		return true
	}
	_, alias := rc.m.table.PropertyAliases[key]
	return obj == rc.root && alias
}
