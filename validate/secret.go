package validate

import (
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/azconn/azconn/internal/suggest"
	"github.com/azconn/azconn/internal/values"
)

// Secrets by construction: a Lint call collects every secret of its input
// into one secretSet, and every string that leaves the engine (messages,
// pointers, fix values) goes through it on the way out, whatever rule made
// it; Redact masks source text with the same set. A secret is the value of
// the password property (any casing, any depth), everything inside an
// object- or array-valued password (keys included), and the value of any
// key that is a near-miss of the password's name, the same "did you mean"
// the engine's messages use (internal/suggest).

// secretFreeMin is the length, in characters, from which a secret is also
// searched for inside other text: shorter ones would mask chance matches
// everywhere, so they are masked only as whole tokens.
const secretFreeMin = 4

// secretSet is what one input must never let out.
type secretSet struct {
	exact map[string]bool // decoded texts: a token equal to one is masked
	long  []string        // decoded texts of secretFreeMin+ characters
	forms []string        // their raw, escaped, decoded and pointer forms
	names *nameSet        // the target's property names: never masked
	pairs [][2]string     // each secret's decoded and raw text, in order
	// Built by seal.
	inside *matcher // long: a token containing one is masked
	free   *matcher // forms: masked wherever they occur
}

func newSecretSet(names *nameSet) *secretSet {
	return &secretSet{exact: map[string]bool{}, names: names}
}

// isStandInRef reports whether s is a template reference that a deployment
// tool fills in at deploy time: ${VAR}, {{ var }}, $(var), #{var}#,
// $env:VAR. Stricter than isTemplate: a bare $Word or %Word% can be a real
// password, so it stays a secret. It is the regular expression
//
//	^(\$\{[^{}]+\}|\{\{[^{}]+\}\}|\$\([^()]+\)|#\{[^{}]+\}#|\$env:[A-Za-z_][A-Za-z0-9_]*)$
//
// written out, so that no process compiles it on the way to its first
// finding; TestIsStandInRefMatchesRegexp compares the two.
func isStandInRef(s string) bool {
	switch {
	case strings.HasPrefix(s, "${"):
		return values.Enclosed(s[2:], "}", "{}")
	case strings.HasPrefix(s, "{{"):
		return values.Enclosed(s[2:], "}}", "{}")
	case strings.HasPrefix(s, "$("):
		return values.Enclosed(s[2:], ")", "()")
	case strings.HasPrefix(s, "#{"):
		return values.Enclosed(s[2:], "}#", "{}")
	case strings.HasPrefix(s, "$env:"):
		return values.IsName(s[5:])
	}
	return false
}

// isStandIn reports whether a password's text stands in for a password
// rather than being one: a documentation placeholder ("String",
// "AdDomainPassword value", a type name such as "Edm.String") or a template
// reference. It is no secret: masking it would hide from the user which
// placeholder a finding is about, and every value equal to it with it.
func isStandIn(s string) bool {
	s = strings.TrimSpace(s)
	return isPlaceholder(s) || isStandInRef(s)
}

// add records a secret by its decoded text and the raw text of its token
// (without quotes); a stand-in (isStandIn) is not one.
func (s *secretSet) add(decoded, raw string) {
	if decoded == "" || s.exact[decoded] || isStandIn(decoded) {
		return
	}
	s.exact[decoded] = true
	s.pairs = append(s.pairs, [2]string{decoded, raw})
	if utf8.RuneCountInString(decoded) < secretFreeMin {
		return
	}
	s.long = append(s.long, decoded)
	q := quoteJSON(decoded)
	mine := len(s.forms)
	for _, f := range []string{decoded, raw, q[1 : len(q)-1], escapePointer(decoded)} {
		// Most secrets read the same in every form: keep one of each
		// (among this secret's: a search over all would be quadratic).
		if f != "" && !slices.Contains(s.forms[mine:], f) && !s.inName(f) {
			s.forms = append(s.forms, f)
		}
	}
}

// inName reports whether f is part of one of the target's property names,
// which free-text masking must leave alone.
func (s *secretSet) inName(f string) bool {
	return s.names != nil && len(f) <= s.names.longest && strings.Contains(s.names.joined, f)
}

// nameSet is a set of property names, with the names joined by NULs and
// the longest one's length for inName; built once per target.
type nameSet struct {
	has     map[string]bool
	joined  string
	longest int
}

func newNameSet(names map[string]bool) *nameSet {
	ns := &nameSet{has: names}
	var b strings.Builder
	for n := range names {
		b.WriteString(n)
		b.WriteByte(0)
		ns.longest = max(ns.longest, len(n))
	}
	ns.joined = b.String()
	return ns
}

// seal builds the matchers once every secret is added.
func (s *secretSet) seal() *secretSet {
	if len(s.long) > 0 {
		s.inside = newMatcher(s.long)
	}
	if len(s.forms) > 0 {
		s.free = newMatcher(s.forms)
	}
	return s
}

// covers reports whether s holds every secret of o.
func (s *secretSet) covers(o *secretSet) bool {
	for d := range o.exact {
		if !s.exact[d] {
			return false
		}
	}
	return true
}

func (s *secretSet) empty() bool { return s == nil || len(s.exact) == 0 }

// token reports whether a JSON string token with this decoded text must be
// masked: it equals a secret, or contains one of secretFreeMin+ characters,
// and is not one of the target's property names.
func (s *secretSet) token(decoded string) bool {
	if s.empty() || (s.names != nil && s.names.has[decoded]) {
		return false
	}
	return s.exact[decoded] || s.inside.contains(decoded)
}

// text masks a message: each JSON string literal in it whose token must be
// masked becomes "********", then every free-text form of a secret
// becomes ********.
func (s *secretSet) text(msg string) string {
	if s.empty() || msg == "" {
		return msg
	}
	var b []byte
	last := 0
	for i := 0; i < len(msg); i++ {
		if msg[i] != '"' {
			continue
		}
		j := literalEnd(msg, i)
		if j < 0 {
			break
		}
		if dec, ok := unquote(msg[i:j]); ok && s.token(dec) {
			b = append(b, msg[last:i]...)
			b = append(b, '"')
			b = append(b, RedactMask...)
			b = append(b, '"')
			last = j
		}
		i = j - 1
	}
	if b != nil {
		msg = string(append(b, msg[last:]...))
	}
	return s.freeText(msg)
}

// freeText replaces every free-text form of a secret in t by the mask.
func (s *secretSet) freeText(t string) string {
	if s == nil || s.free == nil {
		return t
	}
	sp := spans(s.free, t, nil)
	if len(sp) == 0 {
		return t
	}
	var b strings.Builder
	last := 0
	for _, e := range sp {
		b.WriteString(t[last:e.start])
		b.WriteString(RedactMask)
		last = e.end
	}
	b.WriteString(t[last:])
	return b.String()
}

// literalEnd returns the end of the JSON string literal starting at the
// quote at i (past its closing quote), or -1.
func literalEnd(t string, i int) int {
	for j := i + 1; j < len(t); j++ {
		switch t[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return -1
}

// unquote decodes a JSON string literal.
func unquote(lit string) (string, bool) {
	if len(lit) < 2 || lit[0] != '"' || lit[len(lit)-1] != '"' {
		return "", false
	}
	if strings.IndexByte(lit, '\\') < 0 {
		return lit[1 : len(lit)-1], true
	}
	var s string
	if json.Unmarshal([]byte(lit), &s) != nil {
		return "", false
	}
	return s, true
}

// pointer masks each segment of an RFC 6901 pointer that is a secret
// token, then free-text forms.
func (s *secretSet) pointer(ptr string) string {
	if s.empty() || ptr == "" {
		return ptr
	}
	if s.maskedSegment(ptr) {
		segs := strings.Split(ptr, "/")
		for i, seg := range segs[1:] {
			if s.token(unescapePointer(seg)) {
				segs[i+1] = RedactMask
			}
		}
		ptr = strings.Join(segs, "/")
	}
	return s.freeText(ptr)
}

// maskedSegment reports whether a segment of ptr after the first '/' is a
// secret token, without splitting ptr (most pointers have none).
func (s *secretSet) maskedSegment(ptr string) bool {
	first := true
	for seg := range strings.SplitSeq(ptr, "/") {
		if !first && s.token(unescapePointer(seg)) {
			return true
		}
		first = false
	}
	return false
}

// value masks the JSON text of a fix value: a string that must be masked,
// or a container still holding a secret after its strings are masked,
// becomes the JSON string "********". Literals and numbers are the rules'
// own, never the user's text, and stay.
func (s *secretSet) value(raw json.RawMessage) json.RawMessage {
	if s.empty() || len(raw) == 0 {
		return raw
	}
	masked := json.RawMessage(`"` + RedactMask + `"`)
	t := strings.TrimSpace(string(raw))
	switch {
	case strings.HasPrefix(t, `"`):
		if dec, ok := unquote(t); !ok || s.token(dec) || s.free.contains(t) {
			return masked
		}
	case strings.HasPrefix(t, "{") || strings.HasPrefix(t, "["):
		out := s.text(t)
		if s.free.contains(out) {
			return masked
		}
		if out != t {
			return json.RawMessage(out)
		}
	}
	return raw
}

// isNearSecret reports whether key is a near-miss of the secret property's
// name (not the name itself in any case, which the parser marks): within
// the typo allowance of the engine's "did you mean".
func isNearSecret(key, secret string) bool {
	if secret == "" || strings.EqualFold(key, secret) {
		return false
	}
	nn := nearNameOf(secret)
	lim := suggest.Limit(key)
	if d := utf8.RuneCountInString(key) - nn.runes; d > lim || -d > lim {
		return false
	}
	if d, ok := nn.distance(key); ok {
		return d <= lim
	}
	return suggest.Distance(key, secret) <= lim
}

// nearName is a name that keys are compared with: every key of every
// object is, against the secret's name. Its length and, for distance, the
// places of each byte in it are computed once per name.
type nearName struct {
	runes int
	n     int                   // its length in bytes, when ascii
	peq   [utf8.RuneSelf]uint64 // where each byte occurs, case folded
	ascii bool                  // ASCII and at most 64 bytes: distance applies
}

func newNearName(b string) *nearName {
	nn := &nearName{runes: utf8.RuneCountInString(b), n: len(b), ascii: len(b) <= 64 && isASCII(b)}
	if nn.ascii {
		for j := 0; j < len(b); j++ {
			nn.peq[lowerASCII(b[j])] |= 1 << j
		}
	}
	return nn
}

// nearNames caches nearNameOf (one entry per target's secret name).
var nearNames sync.Map

func nearNameOf(name string) *nearName {
	if v, ok := nearNames.Load(name); ok {
		return v.(*nearName)
	}
	v, _ := nearNames.LoadOrStore(name, newNearName(name))
	return v.(*nearName)
}

// asciiDistance is suggest.Distance for short ASCII names: ok is false
// when a name is not ASCII or b is longer than 64. It prepares b on every
// call; a name compared with many keys goes through nearNameOf once.
func asciiDistance(a, b string) (d int, ok bool) { return newNearName(b).distance(a) }

// distance is asciiDistance(a, the name). It counts the edits with one
// machine word per character of a (Myers's bit-vector algorithm, in
// Hyyrö's form for whole strings) instead of a row of the table per
// character.
func (nn *nearName) distance(a string) (d int, ok bool) {
	if !nn.ascii {
		return 0, false
	}
	if nn.n == 0 {
		return len(a), isASCII(a)
	}
	high := uint64(1) << (nn.n - 1)
	pv, mv, d := ^uint64(0), uint64(0), nn.n
	for i := 0; i < len(a); i++ {
		c := a[i]
		if c >= utf8.RuneSelf {
			return 0, false
		}
		eq := nn.peq[lowerASCII(c)]
		xv := eq | mv
		xh := ((eq & pv) + pv) ^ pv | eq
		ph := mv | ^(xh | pv)
		mh := pv & xh
		if ph&high != 0 {
			d++
		} else if mh&high != 0 {
			d--
		}
		ph = ph<<1 | 1
		mh <<= 1
		pv = mh | ^(xv | ph)
		mv = ph & xv
	}
	return d, true
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// propertyNames returns every property name of the target's types (and
// its legacy aliases), computed once per target.
func propertyNames(m *targetModel) *nameSet {
	if v, ok := nameSets.Load(m); ok {
		return v.(*nameSet)
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
	v, _ := nameSets.LoadOrStore(m, newNameSet(names))
	return v.(*nameSet)
}

// nameSets caches propertyNames by target model (written once per target).
var nameSets sync.Map

// redactionFor returns the secret property's name and the property names
// never masked for target t: under Auto (or an unknown name) those of
// every target, since the text may be for either.
func redactionFor(t Target) (secret string, names *nameSet) {
	all, err := models()
	if err != nil {
		return "adDomainPassword", nil
	}
	if m, ok := all[string(t)]; ok {
		if m.table.Secret == "" {
			return "adDomainPassword", propertyNames(m)
		}
		return m.table.Secret, propertyNames(m)
	}
	r := anyRedaction()
	return r.secret, r.names
}

// anyRedaction is redactionFor a text that may be for any target, once.
var anyRedaction = sync.OnceValue(func() (r struct {
	secret string
	names  *nameSet
}) {
	r.secret = "adDomainPassword"
	all, _ := models()
	names := map[string]bool{}
	for _, m := range all {
		if m.table.Secret != "" {
			r.secret = m.table.Secret
		}
		for n := range propertyNames(m).has {
			names[n] = true
		}
	}
	r.names = newNameSet(names)
	return r
})

// findSecrets is the secrets stage: after binding and before any rule, it
// returns the secrets of src for target tm. Near-miss keys make their
// values secret in b, everything under a secret is secret, and every other
// value whose token must be masked is claimed in claims, so that no rule
// quotes it, derives a suggestion from it or fixes it. shared is the whole
// text's set, when the body is a request of a file.
func findSecrets(src []byte, tree *syntaxTree, tm *targetModel, b *binding, shared *secretSet, claims *collector) *secretSet {
	name := tm.table.Secret
	var set *secretSet
	for _, n := range tree.Nodes {
		bn := &b.nodes[n.ID]
		if n.Parent != nil && b.nodes[n.Parent.ID].secret {
			bn.secret = true
		}
		if n.Kind == kindObject && !bn.secret {
			for i := range n.Members {
				if isNearSecret(n.Members[i].Key, name) {
					b.nodes[n.Members[i].Val.ID].secret = true
				}
			}
		}
		if !bn.secret {
			continue
		}
		if set == nil {
			set = newSecretSet(propertyNames(tm))
		}
		switch n.Kind {
		case kindString:
			set.add(n.Str, string(src[n.Start+1:n.End-1]))
		case kindNumber:
			raw := string(src[n.Start:n.End])
			set.add(raw, raw)
		case kindObject:
			for i := range n.Members {
				m := &n.Members[i]
				set.add(m.Key, string(src[m.KeyStart+1:m.KeyEnd-1]))
			}
		}
	}
	if sh := shared; sh != nil && !sh.empty() {
		// A request of a file: the file's one set holds this body's
		// secrets too, unless the bind found one the scan did not.
		if set != nil && !sh.covers(set) {
			for _, pr := range sh.pairs {
				set.add(pr[0], pr[1])
			}
		} else {
			set = sh
		}
	}
	if set == nil {
		return nil
	}
	if set != shared {
		set.seal()
	}
	for _, n := range tree.Nodes {
		if b.nodes[n.ID].secret || claims.isClaimed(n) {
			continue
		}
		switch {
		case n.Kind == kindString && set.token(n.Str),
			n.Kind == kindNumber && set.exact[string(src[n.Start:n.End])]:
			claims.claim(n)
		}
	}
	return set
}

// hidden reports whether value n must never be quoted: a secret, or a
// token that must be masked.
func (rc *ruleContext) hidden(n *node) bool {
	if rc.bound != nil && rc.isSecret(n) {
		return true
	}
	switch n.Kind {
	case kindString:
		return rc.secrets.token(n.Str)
	case kindNumber:
		return !rc.secrets.empty() && rc.secrets.exact[string(rc.src[n.Start:n.End])]
	}
	return false
}

// redactResult passes every string of res that leaves the engine through
// the secrets s. Edits keep the raw text: they are the user's data, like
// Normalized.
func redactResult(s *secretSet, res *Result) {
	if s.empty() {
		return
	}
	fix := func(f *Fix) {
		if f == nil {
			return
		}
		f.Path, f.From, f.Value = s.pointer(f.Path), s.pointer(f.From), s.value(f.Value)
	}
	for i := range res.Findings {
		f := &res.Findings[i]
		f.Message, f.Pointer = s.text(f.Message), s.pointer(f.Pointer)
		fix(f.Fix)
	}
	for i := range res.Fixes {
		fix(&res.Fixes[i])
	}
}
