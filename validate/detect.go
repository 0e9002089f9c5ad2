package validate

import (
	"slices"
	"strings"
	"sync"
)

// detection is the output of the detect stage: the target a body is linted
// for, why (Result.TargetFrom), and, when the body holds evidence for more
// than one target, that evidence.
type detection struct {
	model *targetModel
	from  string
	mixed *mixedEvidence
}

// clue is one piece of evidence in a body: the root's @odata.type naming a
// target's type, or a root key that only one target's schema has.
type clue struct {
	target string
	i      int  // the root member
	odata  bool // the member is @odata.type, and its value names the type
}

// mixedEvidence is a body whose clues point to more than one target.
type mixedEvidence struct {
	clues []clue
	fit   map[string]int // target → root keys its schema has, plus its @odata.type
}

// detect is the detect stage: it chooses the target of the entity root
// under Auto, reading only the tree and the options, strongest evidence
// first (SPEC §3, §12): the request URL, the API version, the root's
// @odata.type, keys only one target has; otherwise the default target.
func detect(root *node, opts *Options) detection {
	all, _ := models() // loaded by New
	if t := urlTarget(opts.URL, all); t != "" {
		return detection{model: all[t], from: "url"}
	}
	api := opts.API
	if hasPathSegment(opts.URL, "v1.0") {
		api = "v1.0"
	}
	if api == "v1.0" { // beta is the default, so it says nothing
		if t := apiTarget(string(api), all); t != "" {
			from := "api"
			if api != opts.API {
				from = "url"
			}
			return detection{model: all[t], from: from}
		}
	}
	clues := bodyClues(root, all)
	var targets []string
	for _, c := range clues {
		if !slices.Contains(targets, c.target) {
			targets = append(targets, c.target)
		}
	}
	switch len(targets) {
	case 0:
		return detection{model: all[defaultTarget()], from: "default"}
	case 1:
		c := clues[0]
		for _, x := range clues {
			if x.odata {
				c = x
			}
		}
		if c.odata {
			return detection{model: all[c.target], from: "@odata.type"}
		}
		return detection{model: all[c.target], from: "property " + root.Members[c.i].Key}
	}
	mixed := &mixedEvidence{clues: clues, fit: map[string]int{}}
	best := ""
	for _, c := range clues {
		if c.odata {
			best = c.target // the stronger evidence breaks a tie
			mixed.fit[c.target]++
		}
	}
	for _, t := range tableOrder() {
		o := all[t].root
		for _, m := range root.Members {
			if _, ok := o.props[m.Key]; ok && m.Key != "@odata.type" {
				mixed.fit[t]++
			}
		}
	}
	for _, t := range tableOrder() {
		if best == "" || mixed.fit[t] > mixed.fit[best] {
			best = t
		}
	}
	return detection{model: all[best], from: "mixed", mixed: mixed}
}

// bodyClues returns the evidence of the root object, in document order.
func bodyClues(root *node, all map[string]*targetModel) []clue {
	var out []clue
	for i := range root.Members {
		m := &root.Members[i]
		lower, folded := "", false // the key in lower case, on first need
		fold := func() string {
			if !folded {
				lower, folded = strings.ToLower(m.Key), true
			}
			return lower
		}
		for _, t := range tableOrder() {
			tm := all[t]
			switch {
			case strings.EqualFold(m.Key, "@odata.type"):
				if m.Val.Kind == kindString && len(tm.root.odata) > 0 && sameType(m.Val.Str, tm.root.odata[0]) {
					out = append(out, clue{target: t, i: i, odata: true})
				}
			case tm.only[m.Key]:
				out = append(out, clue{target: t, i: i})
			case tm.onlyFold[fold()] && !anyHas(all, m.Key):
				// A case variant of a name only this target has in any
				// case (PowerShell modules send "Type", "SubnetId"…):
				// evidence too, or those bodies fall to the default.
				out = append(out, clue{target: t, i: i})
			}
		}
	}
	return out
}

// anyHas reports whether some target has the property key exactly.
func anyHas(all map[string]*targetModel, key string) bool {
	for _, m := range all {
		if _, ok := m.root.props[key]; ok {
			return true
		}
	}
	return false
}

// bareType is an @odata.type compared without case, spaces or the '#'.
func bareType(s string) string {
	return strings.ToLower(strings.TrimPrefix(strings.TrimSpace(s), "#"))
}

// sameType reports whether two @odata.type values name the same type
// (bareType equal), without allocating.
func sameType(a, b string) bool {
	trim := func(s string) string { return strings.TrimPrefix(strings.TrimSpace(s), "#") }
	return strings.EqualFold(trim(a), trim(b))
}

// tableOrder returns the target names in the order of schema.Tables.
var tableOrder = sync.OnceValue(targetNames)

// urlTarget returns the target whose endpoint path the URL's path holds
// (compared without case), or "".
func urlTarget(url string, all map[string]*targetModel) string {
	if url == "" {
		return ""
	}
	u := strings.ToLower(url)
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	for _, t := range tableOrder() {
		if path := all[t].path; path != "" && strings.Contains(u, path) {
			return t
		}
	}
	return ""
}

// hasPathSegment reports whether the URL's path has the segment seg.
func hasPathSegment(url, seg string) bool {
	if url == "" {
		return false
	}
	if i := strings.IndexAny(url, "?#"); i >= 0 {
		url = url[:i]
	}
	return slices.Contains(strings.Split(url, "/"), seg)
}

// apiTarget returns the one target served by API version api, or "" when
// none or several are.
func apiTarget(api string, all map[string]*targetModel) string {
	found := ""
	for _, t := range tableOrder() {
		if slices.Contains(all[t].table.APIs, api) {
			if found != "" {
				return ""
			}
			found = t
		}
	}
	return found
}
