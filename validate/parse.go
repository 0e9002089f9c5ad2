package validate

import (
	"bytes"
	"iter"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// kind is the JSON type of a node.
type kind uint8

const (
	kindNull kind = iota
	kindFalse
	kindTrue
	kindNumber
	kindString
	kindArray
	kindObject
)

var kindNames = [...]string{"null", "false", "true", "number", "string", "array", "object"}

// typeName returns the JSON Schema type name of the node.
func (k kind) typeName() string {
	switch k {
	case kindFalse, kindTrue:
		return "boolean"
	}
	return kindNames[k]
}

// node is one JSON value with the byte span of its token(s) in the input.
// One parse builds the tree that serves positions, duplicate keys, the
// schema engine and every rule.
// Fields are ordered to pack: payloads can hold hundreds of thousands of
// values, and node size is most of the memory Lint needs.
type node struct {
	kind       kind
	escaped    bool  // the string token holds escapes: no sub-string positions
	secret     bool  // the value of a secret property, or inside one
	claimed    bool  // carries its one value-level finding (placeholder, type…)
	index      int32 // member or element index in the parent
	start, end int   // [start, end) in the input; containers include brackets
	str        string
	parent     *node
	prop       *propModel // the schema property this value is checked against
	members    []member
	elems      []*node
	info       *objInfo // objects bound to a schema type only
}

// objInfo is what binding adds to an object node.
type objInfo struct {
	obj   *objModel  // the schema object type
	canon canonIndex // canonical property name → member index
}

// canonIndex maps canonical property names to member indexes. A slice, not
// a map: it holds at most the type's properties, and a linear search over
// a couple of dozen names beats hashing and allocating a map per object.
type canonIndex []canonEntry

type canonEntry struct {
	name string
	i    int
}

func (c canonIndex) get(name string) (int, bool) {
	for _, e := range c {
		if e.name == name {
			return e.i, true
		}
	}
	return -1, false
}

// all yields name, member index pairs in binding order.
func (c canonIndex) all() iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		for _, e := range c {
			if !yield(e.name, e.i) {
				return
			}
		}
	}
}

// schemaType returns the schema object type bound to n, or nil.
func (n *node) schemaType() *objModel {
	if n.info == nil {
		return nil
	}
	return n.info.obj
}

// canon returns the canonical-name index of a bound object, or nil.
func (n *node) canon() canonIndex {
	if n.info == nil {
		return nil
	}
	return n.info.canon
}

// setType binds object n to schema type o.
func (n *node) setType(o *objModel) {
	if o != nil && n.kind == kindObject {
		n.info = &objInfo{obj: o}
	}
}

// key returns the member key under which n sits, or "".
func (n *node) key() string {
	if n.parent == nil || n.parent.kind != kindObject {
		return ""
	}
	return n.parent.members[n.index].key
}

// member is one "key": value pair of an object.
type member struct {
	key              string
	keyStart, keyEnd int // the key token, quotes included
	keyEscaped       bool
	keyDone          bool // the key carries its one key-level finding
	val              *node
}

// syntaxError is the first fatal problem met by the parser.
type syntaxError struct {
	rule       string // "syntax" or "too-deep"
	start, end int
	msg        string
}

// dupKey is a later occurrence of a key in one object.
type dupKey struct {
	obj   *node
	index int // member index of the repeat
	first int // member index of the first occurrence
}

// surrogate is a \u escape that decodes to a lone UTF-16 surrogate.
type surrogate struct{ start, end int }

type parser struct {
	src      []byte
	pos      int
	maxDepth int
	secret   string // property name whose values are secret (case-insensitive)
	err      *syntaxError
	dups     []dupKey
	lone     []surrogate
	slab     []node
	// Members and elements of open containers wait on these stacks and move
	// into exact-size slices cut from the arenas when the container closes:
	// a few allocations per parse instead of a growing slice per container.
	mstack []member
	estack []*node
	// Expected counts, for sizing the first chunks.
	members, values, made int
	order                 []*node // every node, in document order (pre-order)
	marena                []member
	earena                []*node
}

// frame is an open container during the iterative parse.
type frame struct {
	n       *node
	base    int            // where its members or elements start on their stack
	keys    map[string]int // set once the object is large
	pending member         // object: the key waiting for its value
	secret  bool
}

// parse builds the tree of src[base:] (offsets stay relative to src). It
// never recurses, so depth is bounded by maxDepth, not by the stack.
func parse(src []byte, base, maxDepth int, secret string) (*node, *parser) {
	p := &parser{src: src, pos: base, maxDepth: maxDepth, secret: secret}
	return p.run(), p
}

func (p *parser) newNode(k kind, start int) *node {
	if len(p.slab) == 0 {
		// Roughly one value per 24 bytes of typical payloads; nodes come
		// from slabs to keep allocations few.
		p.slab = make([]node, min(64, max(4, p.values-p.made)))
	}
	n := &p.slab[0]
	p.slab = p.slab[1:]
	p.made++
	p.order = append(p.order, n)
	n.kind, n.start = k, start
	return n
}

func (p *parser) fail(rule string, start, end int, msg string) {
	if p.err == nil {
		if end <= start {
			end = start + 1
		}
		if end > len(p.src) {
			end = len(p.src)
		}
		if start > len(p.src) {
			start = len(p.src)
		}
		p.err = &syntaxError{rule: rule, start: start, end: end, msg: msg}
	}
}

func (p *parser) skipWS() {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *parser) run() *node {
	stack := make([]frame, 0, 4)
	// Sizes from a quick count: a member per ':', an element per ','
	// at most; a small payload then needs one chunk of each.
	rest := p.src[p.pos:]
	p.members = min(64, bytes.Count(rest, []byte{':'}))
	// Every member but an object's last is followed by a comma, so commas
	// beyond the colons are array elements.
	p.values = max(p.members, min(64, bytes.Count(rest, []byte{','}))) + 4
	p.mstack = make([]member, 0, p.members)
	p.order = make([]*node, 0, p.values)
	var root *node
	lastComma := -1
	// On an early return, open containers keep what was read so far, so
	// findings already made (duplicate keys) can point into them.
	defer func() {
		for i := len(stack) - 1; i >= 0; i-- {
			p.close(&stack[i])
		}
	}()

	// attach adds a finished value to the open container, or makes it the root.
	attach := func(n *node) {
		if len(stack) == 0 {
			root = n
			return
		}
		f := &stack[len(stack)-1]
		n.parent = f.n
		if f.n.kind == kindArray {
			n.index = int32(len(p.estack) - f.base)
			p.estack = append(p.estack, n)
			return
		}
		m := f.pending
		m.val = n
		i := len(p.mstack) - f.base
		n.index = int32(i)
		p.checkDup(f, m.key, i)
		p.mstack = append(p.mstack, m)
	}

	const (
		stValue = iota
		stKey
		stAfter
	)
	state := stValue
	for p.err == nil {
		switch state {
		case stValue:
			p.skipWS()
			if p.pos >= len(p.src) {
				if root == nil && len(stack) == 0 {
					p.fail("syntax", p.pos, p.pos, "empty input: expected a JSON object")
				} else {
					p.fail("syntax", p.pos, p.pos, "unexpected end of input: expected a value")
				}
				return root
			}
			secret := len(stack) > 0 && (stack[len(stack)-1].secret ||
				(stack[len(stack)-1].n.kind == kindObject && p.isSecretKey(stack[len(stack)-1].pending.key)))
			c := p.src[p.pos]
			switch {
			case c == '{' || c == '[':
				k := kindObject
				if c == '[' {
					k = kindArray
				}
				if len(stack) >= p.maxDepth {
					p.fail("too-deep", p.pos, p.pos+1, "")
					return root
				}
				n := p.newNode(k, p.pos)
				n.secret = secret
				p.pos++
				base := len(p.mstack)
				if k == kindArray {
					base = len(p.estack)
				}
				stack = append(stack, frame{n: n, secret: secret, base: base})
				p.skipWS()
				if p.pos < len(p.src) && (p.src[p.pos] == '}' && k == kindObject || p.src[p.pos] == ']' && k == kindArray) {
					state = stAfter
					continue
				}
				if k == kindObject {
					state = stKey
				}
				continue
			case c == '"':
				n := p.newNode(kindString, p.pos)
				n.secret = secret
				s, esc, ok := p.str()
				if !ok {
					return root
				}
				n.str, n.escaped, n.end = s, esc, p.pos
				attach(n)
			case c == 't' || c == 'f' || c == 'n':
				lit, k := "true", kindTrue
				if c == 'f' {
					lit, k = "false", kindFalse
				} else if c == 'n' {
					lit, k = "null", kindNull
				}
				if !hasPrefixAt(p.src, p.pos, lit) {
					p.badValue()
					return root
				}
				n := p.newNode(k, p.pos)
				n.secret = secret
				p.pos += len(lit)
				n.end = p.pos
				attach(n)
			case c == '-' || (c >= '0' && c <= '9'):
				n := p.newNode(kindNumber, p.pos)
				n.secret = secret
				if !p.number() {
					return root
				}
				n.end = p.pos
				attach(n)
			default:
				if c == ']' && lastComma >= 0 && len(stack) > 0 && stack[len(stack)-1].n.kind == kindArray {
					p.fail("syntax", lastComma, lastComma+1, "trailing comma before ']': remove the ','")
					return root
				}
				p.badValue()
				return root
			}
			state = stAfter

		case stKey:
			p.skipWS()
			f := &stack[len(stack)-1]
			if p.pos >= len(p.src) {
				p.fail("syntax", p.pos, p.pos, "unexpected end of input: expected a property name or '}'")
				return root
			}
			c := p.src[p.pos]
			if c != '"' {
				switch {
				case c == '}' && lastComma >= 0:
					p.fail("syntax", lastComma, lastComma+1, "trailing comma before '}': remove the ','")
				case c == '\'':
					p.fail("syntax", p.pos, p.pos+1, "property names must be in double quotes, not single quotes")
				case c == '/':
					p.comment()
				case isIdentByte(c):
					e := p.pos
					for e < len(p.src) && isIdentByte(p.src[e]) {
						e++
					}
					p.fail("syntax", p.pos, e, "property names must be in double quotes")
				default:
					p.fail("syntax", p.pos, p.pos+1, "expected a property name in double quotes")
				}
				return root
			}
			ks := p.pos
			k, esc, ok := p.str()
			if !ok {
				return root
			}
			f.pending = member{key: k, keyStart: ks, keyEnd: p.pos, keyEscaped: esc}
			p.skipWS()
			if p.pos >= len(p.src) || p.src[p.pos] != ':' {
				if p.pos < len(p.src) && p.src[p.pos] == '/' {
					p.comment()
				} else {
					p.fail("syntax", p.pos, p.pos+1, "expected ':' after the property name")
				}
				return root
			}
			p.pos++
			lastComma = -1
			state = stValue

		case stAfter:
			lastComma = -1
			if len(stack) == 0 {
				p.skipWS()
				if p.pos < len(p.src) {
					if p.src[p.pos] == '/' {
						p.comment()
					} else {
						p.fail("syntax", p.pos, len(p.src), "unexpected data after the top-level value")
					}
				}
				return root
			}
			f := &stack[len(stack)-1]
			p.skipWS()
			if p.pos >= len(p.src) {
				p.fail("syntax", p.pos, p.pos, "unexpected end of input: expected ',' or '"+closer(f.n.kind)+"'")
				return root
			}
			c := p.src[p.pos]
			switch {
			case c == ',':
				lastComma = p.pos
				p.pos++
				if f.n.kind == kindObject {
					state = stKey
				} else {
					state = stValue
				}
			case (c == '}' && f.n.kind == kindObject) || (c == ']' && f.n.kind == kindArray):
				p.pos++
				f.n.end = p.pos
				p.close(f)
				n := f.n
				stack = stack[:len(stack)-1]
				attach(n)
			case c == '/':
				p.comment()
				return root
			default:
				if f.n.kind == kindObject {
					p.fail("syntax", p.pos, p.pos+1, "expected ',' or '}' after a property value")
				} else {
					p.fail("syntax", p.pos, p.pos+1, "expected ',' or ']' after an array element")
				}
				return root
			}
		}
	}
	return root
}

func closer(k kind) string {
	if k == kindObject {
		return "}"
	}
	return "]"
}

func (p *parser) isSecretKey(k string) bool {
	return p.secret != "" && strings.EqualFold(k, p.secret)
}

// close moves an open container's members or elements off their stack.
func (p *parser) close(f *frame) {
	if f.n.kind == kindArray {
		es := p.estack[f.base:]
		if len(es) > 0 {
			if len(p.earena) < len(es) {
				p.earena = make([]*node, max(len(es), 32))
			}
			f.n.elems = p.earena[:len(es):len(es)]
			p.earena = p.earena[len(es):]
			copy(f.n.elems, es)
		}
		p.estack = p.estack[:f.base]
		return
	}
	ms := p.mstack[f.base:]
	if len(ms) > 0 {
		if len(p.marena) < len(ms) {
			p.marena = make([]member, max(len(ms), p.members))
		}
		f.n.members = p.marena[:len(ms):len(ms)]
		p.marena = p.marena[len(ms):]
		copy(f.n.members, ms)
	}
	p.mstack = p.mstack[:f.base]
}

// checkDup records a repeated key. Small objects are searched linearly;
// large ones switch to a map so that hostile input stays linear.
func (p *parser) checkDup(f *frame, key string, index int) {
	ms := p.mstack[f.base:]
	if f.keys == nil && len(ms) < 16 {
		for i := range ms {
			if ms[i].key == key {
				p.dups = append(p.dups, dupKey{obj: f.n, index: index, first: i})
				return
			}
		}
		return
	}
	if f.keys == nil {
		f.keys = make(map[string]int, 2*len(ms))
		for i := range ms {
			if _, ok := f.keys[ms[i].key]; !ok {
				f.keys[ms[i].key] = i
			}
		}
	}
	if first, ok := f.keys[key]; ok {
		p.dups = append(p.dups, dupKey{obj: f.n, index: index, first: first})
		return
	}
	f.keys[key] = index
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func hasPrefixAt(b []byte, i int, s string) bool {
	return len(b)-i >= len(s) && string(b[i:i+len(s)]) == s
}

// badValue reports the token at p.pos that cannot start a JSON value.
func (p *parser) badValue() {
	c := p.src[p.pos]
	e := p.pos
	for e < len(p.src) && isIdentByte(p.src[e]) {
		e++
	}
	word := string(p.src[p.pos:e])
	switch {
	case c == '\'':
		p.fail("syntax", p.pos, p.pos+1, "strings must be in double quotes, not single quotes")
	case c == '/':
		p.comment()
	case word == "NaN" || word == "Infinity":
		p.fail("syntax", p.pos, e, word+" is not a JSON number: use a number or null")
	case c == '+' || c == '.':
		p.fail("syntax", p.pos, p.pos+1, "numbers must start with a digit or '-'")
	case word == "True" || word == "False" || word == "TRUE" || word == "FALSE":
		p.fail("syntax", p.pos, e, "JSON literals are lower case: write "+strings.ToLower(word))
	case word == "None" || word == "NULL" || word == "Null" || word == "undefined":
		p.fail("syntax", p.pos, e, word+" is not JSON: write null")
	case e > p.pos:
		p.fail("syntax", p.pos, e, "unexpected word: strings must be in double quotes")
	case c == '}' || c == ']' || c == ',' || c == ':':
		p.fail("syntax", p.pos, p.pos+1, "unexpected '"+string(c)+"': expected a value")
	default:
		r, size := utf8.DecodeRune(p.src[p.pos:])
		p.fail("syntax", p.pos, p.pos+size, "unexpected character "+quoteRune(r)+": expected a value")
	}
}

func quoteRune(r rune) string {
	if r < 0x20 || r == 0x7f || r == utf8.RuneError {
		return "U+" + strings.ToUpper(strings.TrimLeft(hex4(r), "0"))
	}
	return "'" + string(r) + "'"
}

func hex4(r rune) string {
	const digits = "0123456789abcdef"
	b := []byte("0000")
	for i := 3; i >= 0; i-- {
		b[i] = digits[r&0xf]
		r >>= 4
	}
	return string(b)
}

// comment reports a // or /* comment at p.pos.
func (p *parser) comment() {
	s := p.pos
	e := s + 1
	if e < len(p.src) && p.src[e] == '/' {
		for e < len(p.src) && p.src[e] != '\n' && p.src[e] != '\r' {
			e++
		}
	} else if e < len(p.src) && p.src[e] == '*' {
		if i := strings.Index(string(p.src[e+1:]), "*/"); i >= 0 {
			e += 1 + i + 2
		} else {
			e = len(p.src)
		}
	} else {
		p.fail("syntax", s, s+1, "unexpected '/': expected a value")
		return
	}
	p.fail("syntax", s, e, "comments are not allowed in JSON: remove the comment")
}

// number scans a JSON number at p.pos.
func (p *parser) number() bool {
	s := p.pos
	b := p.src
	i := s
	if b[i] == '-' {
		i++
	}
	digits := func() int {
		j := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		return i - j
	}
	if i >= len(b) || b[i] < '0' || b[i] > '9' {
		if hasPrefixAt(b, i, "Infinity") {
			p.fail("syntax", s, i+8, "-Infinity is not a JSON number: use a number or null")
		} else {
			p.fail("syntax", s, i+1, "expected a digit after '-'")
		}
		return false
	}
	if b[i] == '0' {
		i++
		if i < len(b) && b[i] >= '0' && b[i] <= '9' {
			p.fail("syntax", s, i+1, "numbers cannot have leading zeros")
			return false
		}
	} else {
		digits()
	}
	if i < len(b) && b[i] == '.' {
		i++
		if digits() == 0 {
			p.fail("syntax", i-1, i, "expected a digit after the decimal point")
			return false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if digits() == 0 {
			p.fail("syntax", s, i, "expected a digit in the exponent")
			return false
		}
	}
	if i < len(b) && (isIdentByte(b[i]) || b[i] == '.') {
		e := i
		for e < len(b) && (isIdentByte(b[e]) || b[e] == '.') {
			e++
		}
		p.fail("syntax", s, e, "malformed number")
		return false
	}
	p.pos = i
	return true
}

// str scans the string token at p.pos, returning its decoded content and
// whether it held escapes. Messages never quote the content: it may be a
// secret.
func (p *parser) str() (string, bool, bool) {
	b := p.src
	s := p.pos
	i := s + 1
	for i < len(b) {
		c := b[i]
		if c == '"' {
			p.pos = i + 1
			// No copy: the tree lives only during Lint, which does not
			// let the caller's bytes change under it, and everything that
			// outlives the call (messages, fixes) is built by copying.
			return unsafe.String(unsafe.SliceData(b[s+1:i]), i-s-1), false, true
		}
		if c == '\\' || c < 0x20 {
			break
		}
		i++
	}
	// Slow path: escapes or errors.
	var sb strings.Builder
	sb.Write(b[s+1 : i])
	for i < len(b) {
		c := b[i]
		switch {
		case c == '"':
			p.pos = i + 1
			return sb.String(), true, true
		case c < 0x20:
			if c == '\n' || c == '\r' {
				p.fail("syntax", s, i, "unterminated string: close it with '\"' before the end of the line (or escape the line break as \\n)")
			} else {
				p.fail("syntax", i, i+1, "control character "+quoteRune(rune(c))+" in a string: escape it")
			}
			return "", false, false
		case c == '\\':
			if i+1 >= len(b) {
				i++
				continue
			}
			e := b[i+1]
			if d := simpleEscape[e]; d != 0 {
				sb.WriteByte(d)
				i += 2
				continue
			}
			switch e {
			case 'u':
				r, ok := hexRune(b, i+2)
				if !ok {
					p.fail("syntax", i, min(i+6, len(b)), "invalid \\u escape: it needs four hex digits")
					return "", false, false
				}
				es := i
				i += 6
				if utf16.IsSurrogate(r) {
					if r < 0xdc00 && i+1 < len(b) && b[i] == '\\' && b[i+1] == 'u' {
						if r2, ok := hexRune(b, i+2); ok && r2 >= 0xdc00 && r2 <= 0xdfff {
							sb.WriteRune(utf16.DecodeRune(r, r2))
							i += 6
							continue
						}
					}
					p.lone = append(p.lone, surrogate{es, i})
					r = utf8.RuneError
				}
				sb.WriteRune(r)
			default:
				p.fail("syntax", i, i+2, "invalid escape sequence in a string: only \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX are allowed")
				return "", false, false
			}
		default:
			sb.WriteByte(c)
			i++
		}
	}
	p.fail("syntax", s, len(b), "unterminated string: close it with '\"'")
	return "", false, false
}

// simpleEscape maps the byte after '\\' to what it stands for.
var simpleEscape = [256]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

func hexRune(b []byte, i int) (rune, bool) {
	if i+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, c := range b[i : i+4] {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= rune(c - '0')
		case c >= 'a' && c <= 'f':
			r |= rune(c - 'a' + 10)
		case c >= 'A' && c <= 'F':
			r |= rune(c - 'A' + 10)
		default:
			return 0, false
		}
	}
	return r, true
}
