package jsontext

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Kind is the JSON type of a Node.
type Kind uint8

// The kinds of JSON values; the literals true and false are kinds of their
// own, as in the text.
const (
	Null Kind = iota
	False
	True
	Number
	String
	Array
	Object
)

var kindNames = [...]string{"null", "false", "true", "number", "string", "array", "object"}

// TypeName returns the JSON Schema type name of the kind: "boolean" for
// both literals.
func (k Kind) TypeName() string {
	switch k {
	case False, True:
		return "boolean"
	}
	return kindNames[k]
}

// Node is one JSON value with the byte span of its token(s) in the input.
// The tree is syntax only: it knows nothing of targets. What binding, the
// facts and the rules learn about a node lives in their own tables, keyed
// by the node or by its ID.
// Fields are ordered to pack: payloads can hold hundreds of thousands of
// values, and node size is most of the memory a lint needs.
type Node struct {
	Kind       Kind
	Escaped    bool   // the string token holds escapes: no sub-string positions
	Repeated   bool   // the value of a key repeated in its object (see Tree.Dups)
	Index      int32  // member or element index in the parent
	ID         int32  // position in the tree's document-order list, Tree.Nodes
	Start, End int    // [Start, End) in the input; containers include brackets
	Str        string // a string's decoded content
	Parent     *Node
	Members    []Member // an object's members, in text order
	Elems      []*Node  // an array's elements
}

// Key returns the member key under which n sits, or "".
func (n *Node) Key() string {
	if n.Parent == nil || n.Parent.Kind != Object {
		return ""
	}
	return n.Parent.Members[n.Index].Key
}

// Member is one "key": value pair of an object.
type Member struct {
	Key              string // decoded
	KeyStart, KeyEnd int    // the key token, quotes included
	KeyEscaped       bool
	Val              *Node
}

// Tree is what Parse returns: the root, every node in document order
// (pre-order), and what the parser met on the way.
type Tree struct {
	Root  *Node // nil when the text holds no value
	Nodes []*Node
	Err   *SyntaxError // the first fatal problem, or nil
	Dups  []Dup        // repeated keys, at most ParseOptions.MaxDups of them
	// MoreDups counts the repeated keys past MaxDups, marked on their
	// value node (Repeated) but not listed in Dups.
	MoreDups int
	Lone     []Span // \u escapes that decode to a lone UTF-16 surrogate
}

// SyntaxError is the first fatal problem met by the parser. After it,
// the tree holds what was read so far: open containers keep their members.
type SyntaxError struct {
	Start, End int    // the span, widened to whole characters
	Msg        string // what is wrong and what to do; never the content of a string
	// TooDeep says the text nests deeper than ParseOptions.MaxDepth; Msg is
	// then empty, for the caller to word with its own limit.
	TooDeep bool
	Pointer string // the JSON Pointer of the innermost open value
}

// openPointer returns the pointer of the innermost value open where the
// parser stopped: the open containers, and the value of an object's key
// whose value is being read.
func (p *parser) openPointer() string {
	var b strings.Builder
	for i, f := range p.stack {
		if i+1 < len(p.stack) {
			next := p.stack[i+1]
			if f.n.Kind == Array {
				b.WriteString("/" + strconv.Itoa(next.at))
			} else {
				b.WriteString("/" + EscapePointerToken(f.pending.Key))
			}
		} else if f.n.Kind == Object && f.keyed {
			b.WriteString("/" + EscapePointerToken(f.pending.Key))
		}
	}
	return b.String()
}

// Dup is a later occurrence of a key in one object.
type Dup struct {
	Obj   *Node
	Index int // member index of the repeat
	First int // member index of the first occurrence
}

// Span is a byte range [Start, End) of the input.
type Span struct{ Start, End int }

// parseState is what the parser expects next.
type parseState uint8

const (
	stValue parseState = iota // a value
	stKey                     // a property name (or '}')
	stAfter                   // ',' or the closing bracket after a value
	stDone                    // the top-level value is complete, or parsing failed
)

// parser reads JSON text into a Tree. Like go/scanner, it is a loop
// over one method per state (value, key, after-value), each reading one
// token and returning the next state; open containers wait on an explicit
// stack, so nesting is bounded by maxDepth, not by the Go stack.
type parser struct {
	src      []byte
	text     string // src as a string: decoded strings without escapes are substrings of it
	pos      int
	maxDepth int
	tree     Tree
	stack    []frame
	stack0   [8]frame // the first frames of stack, to save an allocation
	// lastComma is the offset of the ',' just read, or -1: a closing
	// bracket right after it is a trailing comma.
	lastComma int
	dupCap    int // ParseOptions.MaxDups
	slab      []Node
	// Members and elements of open containers wait on these stacks and move
	// into exact-size slices cut from the arenas when the container closes:
	// a few allocations per parse instead of a growing slice per container.
	mstack []Member
	// colons counts the colons of the text, attached the members read:
	// no more than colons-attached members are to come.
	colons, attached int
	estack           []*Node
	// Expected counts, for sizing the first chunks.
	members, values, made int
	marena                []Member
	earena                []*Node
}

// frame is an open container during the parse.
type frame struct {
	n       *Node
	base    int            // where its members or elements start on their stack
	keys    map[string]int // set once the object is large
	pending Member         // object: the key waiting for its value
	keyed   bool           // object: pending is read and its value not yet attached
	at      int            // the index in the enclosing array, else -1
}

// ParseOptions bounds a parse.
type ParseOptions struct {
	// Base is where the JSON text starts in src (past a byte order mark);
	// offsets stay relative to src.
	Base int
	// MaxDepth is the deepest nesting read: the bracket that would open
	// one level more stops the parse with a SyntaxError that is TooDeep.
	// Zero or less sets no limit (the parser's stack is its own, so depth
	// costs memory in proportion to the input, never the Go stack).
	MaxDepth int
	// MaxDups, when positive, is how many repeated keys Tree.Dups lists;
	// the rest are counted in MoreDups, so that a caller that reports
	// only so many pays for no more. Zero or less lists all.
	MaxDups int
}

// Parse reads the JSON text src[opts.Base:] into a Tree, in time and
// memory linear in its length. It stops at the first syntax error, which
// it returns in the tree with what was read so far.
func Parse(src []byte, opts ParseOptions) *Tree {
	// One copy of the input as a string: every key and every string value
	// without escapes is a substring of it, so strings cost no allocation
	// each, and nothing in the tree aliases the caller's bytes.
	p := &parser{src: src, text: string(src), pos: opts.Base, maxDepth: opts.MaxDepth, lastComma: -1, dupCap: opts.MaxDups}
	if p.maxDepth <= 0 {
		p.maxDepth = math.MaxInt
	}
	p.run()
	return &p.tree
}

func (p *parser) newNode(k Kind, start int) *Node {
	if len(p.slab) == 0 {
		// Roughly one value per 24 bytes of typical payloads; nodes come
		// from slabs to keep allocations few.
		p.slab = make([]Node, min(64, max(4, p.values-p.made)))
	}
	n := &p.slab[0]
	p.slab = p.slab[1:]
	n.ID = int32(p.made)
	p.made++
	p.tree.Nodes = append(p.tree.Nodes, n)
	n.Kind, n.Start = k, start
	return n
}

// fail records the first fatal problem over [start, end), widened to whole
// characters so that a span never ends inside a multi-byte one.
func (p *parser) fail(start, end int, msg string) {
	if p.tree.Err != nil {
		return
	}
	if end <= start {
		end = start + 1
	}
	end = min(end, len(p.src))
	for end < len(p.src) && !utf8.RuneStart(p.src[end]) {
		end++
	}
	start = min(start, len(p.src))
	p.tree.Err = &SyntaxError{Start: start, End: end, Msg: msg, Pointer: p.openPointer()}
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

// run reads the whole input, one state at a time.
func (p *parser) run() {
	p.stack = p.stack0[:0]
	// Sizes from a quick count: a member per ':', an element per ','
	// at most; a small payload then needs one chunk of each.
	rest := p.src[p.pos:]
	// The members' stack holds the members of the open objects: few,
	// unless an object is wide. It starts at 64 (growMembers).
	colons := bytes.Count(rest, []byte{':'})
	p.colons = colons
	p.mstack = make([]Member, 0, min(colons, 64))
	p.members = min(64, colons)
	// Every member but an object's last is followed by a comma, so commas
	// beyond the colons are array elements.
	commas := bytes.Count(rest, []byte{','})
	p.values = max(p.members, min(64, commas)) + 4
	// A value per colon and per comma at most, but an array's first
	// element (then Nodes grows once): sized so, it does not grow by
	// 1.25x from small, which allocates five times its final size. Two
	// bytes per value at least ("1,"), so that separators inside strings
	// cannot make it big.
	p.tree.Nodes = make([]*Node, 0, min(2+colons+commas, 2+len(rest)/2))
	for st := stValue; st != stDone && p.tree.Err == nil; {
		switch st {
		case stValue:
			st = p.value()
		case stKey:
			st = p.key()
		case stAfter:
			st = p.afterValue()
		}
	}
	// After a failure, open containers keep what was read so far, so
	// findings already made (duplicate keys) can point into them.
	for i := len(p.stack) - 1; i >= 0; i-- {
		p.close(&p.stack[i])
	}
}

// top returns the innermost open container, or nil.
func (p *parser) top() *frame {
	if len(p.stack) == 0 {
		return nil
	}
	return &p.stack[len(p.stack)-1]
}

// attach adds a finished value to the open container, or makes it the root.
func (p *parser) attach(n *Node) {
	f := p.top()
	if f == nil {
		p.tree.Root = n
		return
	}
	n.Parent = f.n
	if f.n.Kind == Array {
		n.Index = int32(len(p.estack) - f.base)
		if len(p.estack) == cap(p.estack) {
			// Twice the size, not append's 1.25x past 256, whose copies
			// add up to five times the final size.
			p.estack = slices.Grow(p.estack, max(16, len(p.estack)))
		}
		p.estack = append(p.estack, n)
		return
	}
	m := f.pending
	f.keyed = false
	m.Val = n
	i := len(p.mstack) - f.base
	n.Index = int32(i)
	n.Repeated = p.checkDup(f, m.Key, i)
	if len(p.mstack) == cap(p.mstack) {
		p.growMembers()
	}
	p.mstack = append(p.mstack, m)
	p.attached++
}

// growMembers makes room on the full members' stack for every member
// still to come, at once: a member per colon not yet read as one, at most
// one per five bytes ("":0,) so that colons inside strings cannot make it
// big. Doubling, or append's 1.25x, would copy a wide object's members
// over and over (five times their size for 1.25x).
func (p *parser) growMembers() {
	left := min(p.colons-p.attached, len(p.src)/5)
	p.mstack = slices.Grow(p.mstack, max(1, left))
}

// value reads one value: a scalar, or the opening bracket of a container.
func (p *parser) value() parseState {
	p.skipWS()
	if p.pos >= len(p.src) {
		if p.tree.Root == nil && len(p.stack) == 0 {
			p.fail(p.pos, p.pos, "empty input: expected a JSON object")
		} else {
			p.fail(p.pos, p.pos, "unexpected end of input: expected a value")
		}
		return stDone
	}
	c := p.src[p.pos]
	switch {
	case c == '{' || c == '[':
		return p.open(c)
	case c == '"':
		n := p.newNode(String, p.pos)
		s, esc, ok := p.str()
		if !ok {
			return stDone
		}
		n.Str, n.Escaped, n.End = s, esc, p.pos
		p.attach(n)
	case c == 't' || c == 'f' || c == 'n':
		lit, k := "true", True
		if c == 'f' {
			lit, k = "false", False
		} else if c == 'n' {
			lit, k = "null", Null
		}
		if !hasPrefixAt(p.src, p.pos, lit) {
			p.badValue()
			return stDone
		}
		n := p.newNode(k, p.pos)
		p.pos += len(lit)
		n.End = p.pos
		p.attach(n)
	case c == '-' || (c >= '0' && c <= '9'):
		n := p.newNode(Number, p.pos)
		if !p.number() {
			return stDone
		}
		n.End = p.pos
		p.attach(n)
	default:
		if f := p.top(); c == ']' && p.lastComma >= 0 && f != nil && f.n.Kind == Array {
			p.fail(p.lastComma, p.lastComma+1, "trailing comma before ']': remove the ','")
			return stDone
		}
		p.badValue()
		return stDone
	}
	return stAfter
}

// open pushes the container that c ('{' or '[') opens.
func (p *parser) open(c byte) parseState {
	k := Object
	if c == '[' {
		k = Array
	}
	if len(p.stack) >= p.maxDepth {
		p.fail(p.pos, p.pos+1, "")
		p.tree.Err.TooDeep = true
		return stDone
	}
	n := p.newNode(k, p.pos)
	p.pos++
	base := len(p.mstack)
	if k == Array {
		base = len(p.estack)
	}
	at := -1
	if f := p.top(); f != nil && f.n.Kind == Array {
		at = len(p.estack) - f.base
	}
	p.stack = append(p.stack, frame{n: n, base: base, at: at})
	p.skipWS()
	if p.pos < len(p.src) && (p.src[p.pos] == '}' && k == Object || p.src[p.pos] == ']' && k == Array) {
		return stAfter
	}
	if k == Object {
		return stKey
	}
	return stValue
}

// key reads a property name and its ':'.
func (p *parser) key() parseState {
	p.skipWS()
	f := p.top()
	if p.pos >= len(p.src) {
		p.fail(p.pos, p.pos, "unexpected end of input: expected a property name or '}'")
		return stDone
	}
	c := p.src[p.pos]
	if c != '"' {
		switch {
		case c == '}' && p.lastComma >= 0:
			p.fail(p.lastComma, p.lastComma+1, "trailing comma before '}': remove the ','")
		case c == '\'':
			p.fail(p.pos, p.pos+1, "property names must be in double quotes, not single quotes")
		case c == '/':
			p.comment()
		case IsIdentByte(c):
			e := p.pos
			for e < len(p.src) && IsIdentByte(p.src[e]) {
				e++
			}
			p.fail(p.pos, e, "property names must be in double quotes")
		default:
			p.fail(p.pos, p.pos+1, "expected a property name in double quotes")
		}
		return stDone
	}
	ks := p.pos
	k, esc, ok := p.str()
	if !ok {
		return stDone
	}
	f.pending, f.keyed = Member{Key: k, KeyStart: ks, KeyEnd: p.pos, KeyEscaped: esc}, true
	p.skipWS()
	if p.pos >= len(p.src) || p.src[p.pos] != ':' {
		if p.pos < len(p.src) && p.src[p.pos] == '/' {
			p.comment()
		} else {
			p.fail(p.pos, p.pos+1, "expected ':' after the property name")
		}
		return stDone
	}
	p.pos++
	p.lastComma = -1
	return stValue
}

// afterValue reads what follows a value: a ',' or the closing bracket of
// the open container, or, at the top level, nothing but whitespace.
func (p *parser) afterValue() parseState {
	p.lastComma = -1
	p.skipWS()
	f := p.top()
	if f == nil {
		if p.pos < len(p.src) {
			if p.src[p.pos] == '/' {
				p.comment()
			} else {
				p.fail(p.pos, len(p.src), "unexpected data after the top-level value")
			}
		}
		return stDone
	}
	if p.pos >= len(p.src) {
		p.fail(p.pos, p.pos, "unexpected end of input: expected ',' or '"+closer(f.n.Kind)+"'")
		return stDone
	}
	c := p.src[p.pos]
	switch {
	case c == ',':
		p.lastComma = p.pos
		p.pos++
		if f.n.Kind == Object {
			return stKey
		}
		return stValue
	case (c == '}' && f.n.Kind == Object) || (c == ']' && f.n.Kind == Array):
		p.pos++
		f.n.End = p.pos
		p.close(f)
		n := f.n
		p.stack = p.stack[:len(p.stack)-1]
		p.attach(n)
		return stAfter
	case c == '/':
		p.comment()
	case f.n.Kind == Object:
		p.fail(p.pos, p.pos+1, "expected ',' or '}' after a property value")
	default:
		p.fail(p.pos, p.pos+1, "expected ',' or ']' after an array element")
	}
	return stDone
}

func closer(k Kind) string {
	if k == Object {
		return "}"
	}
	return "]"
}

// close moves an open container's members or elements off their stack.
func (p *parser) close(f *frame) {
	if f.n.Kind == Array {
		es := p.estack[f.base:]
		if len(es) > 0 {
			if len(p.earena) < len(es) {
				p.earena = make([]*Node, max(len(es), 32))
			}
			f.n.Elems = p.earena[:len(es):len(es)]
			p.earena = p.earena[len(es):]
			copy(f.n.Elems, es)
		}
		p.estack = p.estack[:f.base]
		return
	}
	ms := p.mstack[f.base:]
	if len(ms) > 64 && len(ms) >= cap(p.mstack)/2 {
		// A wide object holds most of the stack: it keeps that part
		// instead of a copy, and the stack, cut at its base, grows on
		// the next push for the members left.
		f.n.Members = ms[:len(ms):len(ms)]
		p.mstack = p.mstack[:f.base:f.base]
		return
	}
	if len(ms) > 0 {
		if len(p.marena) < len(ms) {
			p.marena = make([]Member, max(len(ms), p.members))
		}
		f.n.Members = p.marena[:len(ms):len(ms)]
		p.marena = p.marena[len(ms):]
		copy(f.n.Members, ms)
	}
	p.mstack = p.mstack[:f.base]
}

// checkDup records a repeated key. Small objects are searched linearly;
// large ones switch to a map so that hostile input stays linear.
func (p *parser) checkDup(f *frame, key string, index int) bool {
	ms := p.mstack[f.base:]
	if f.keys == nil && len(ms) < 16 {
		for i := range ms {
			if ms[i].Key == key {
				p.addDup(f, index, i)
				return true
			}
		}
		return false
	}
	if f.keys == nil {
		f.keys = make(map[string]int, 2*len(ms))
		for i := range ms {
			if _, ok := f.keys[ms[i].Key]; !ok {
				f.keys[ms[i].Key] = i
			}
		}
	}
	if first, ok := f.keys[key]; ok {
		p.addDup(f, index, first)
		return true
	}
	f.keys[key] = index
	return false
}

func IsIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func hasPrefixAt(b []byte, i int, s string) bool {
	return len(b)-i >= len(s) && string(b[i:i+len(s)]) == s
}

// badValue reports the token at p.pos that cannot start a JSON value.
func (p *parser) badValue() {
	c := p.src[p.pos]
	e := p.pos
	for e < len(p.src) && IsIdentByte(p.src[e]) {
		e++
	}
	word := string(p.src[p.pos:e])
	switch {
	case c == '\'':
		p.fail(p.pos, p.pos+1, "strings must be in double quotes, not single quotes")
	case c == '/':
		p.comment()
	case word == "NaN" || word == "Infinity":
		p.fail(p.pos, e, word+" is not a JSON number: use a number or null")
	case c == '+' || c == '.':
		p.fail(p.pos, p.pos+1, "numbers must start with a digit or '-'")
	case word == "True" || word == "False" || word == "TRUE" || word == "FALSE":
		p.fail(p.pos, e, "JSON literals are lower case: write "+strings.ToLower(word))
	case word == "None" || word == "NULL" || word == "Null" || word == "undefined":
		p.fail(p.pos, e, word+" is not JSON: write null")
	case e > p.pos:
		p.fail(p.pos, e, "unexpected word: strings must be in double quotes")
	case c == '}' || c == ']' || c == ',' || c == ':':
		p.fail(p.pos, p.pos+1, "unexpected '"+string(c)+"': expected a value")
	default:
		r, size := utf8.DecodeRune(p.src[p.pos:])
		p.fail(p.pos, p.pos+size, "unexpected character "+quoteRune(r)+": expected a value")
	}
}

// quoteRune returns how a message names the character r: quoted, or as
// U+XXXX when it is a control character or not printable.
func quoteRune(r rune) string {
	if r < 0x20 || r == 0x7f || r == utf8.RuneError {
		return fmt.Sprintf("U+%04X", r)
	}
	return "'" + string(r) + "'"
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
		if i := strings.Index(p.text[e+1:], "*/"); i >= 0 {
			e += 1 + i + 2
		} else {
			e = len(p.src)
		}
	} else {
		p.fail(s, s+1, "unexpected '/': expected a value")
		return
	}
	p.fail(s, e, "comments are not allowed in JSON: remove the comment")
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
			p.fail(s, i+8, "-Infinity is not a JSON number: use a number or null")
		} else {
			p.fail(s, i+1, "expected a digit after '-'")
		}
		return false
	}
	if b[i] == '0' {
		i++
		if i < len(b) && b[i] >= '0' && b[i] <= '9' {
			p.fail(s, i+1, "numbers cannot have leading zeros")
			return false
		}
	} else {
		digits()
	}
	if i < len(b) && b[i] == '.' {
		i++
		if digits() == 0 {
			p.fail(i-1, i, "expected a digit after the decimal point")
			return false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if digits() == 0 {
			p.fail(s, i, "expected a digit in the exponent")
			return false
		}
	}
	if i < len(b) && (IsIdentByte(b[i]) || b[i] == '.') {
		e := i
		for e < len(b) && (IsIdentByte(b[e]) || b[e] == '.') {
			e++
		}
		p.fail(s, e, "malformed number")
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
			return p.text[s+1 : i], false, true
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
				p.fail(s, i, "unterminated string: close it with '\"' before the end of the line (or escape the line break as \\n)")
			} else {
				p.fail(i, i+1, "control character "+quoteRune(rune(c))+" in a string: escape it")
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
					p.fail(i, min(i+6, len(b)), "invalid \\u escape: it needs four hex digits")
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
					p.tree.Lone = append(p.tree.Lone, Span{es, i})
					r = utf8.RuneError
				}
				sb.WriteRune(r)
			default:
				p.fail(i, i+2, "invalid escape sequence in a string: only \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX are allowed")
				return "", false, false
			}
		default:
			sb.WriteByte(c)
			i++
		}
	}
	p.fail(s, len(b), "unterminated string: close it with '\"'")
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

// addDup records that member index of f's object repeats member first.
func (p *parser) addDup(f *frame, index, first int) {
	if p.dupCap > 0 && len(p.tree.Dups) >= p.dupCap {
		p.tree.MoreDups++
		return
	}
	p.tree.Dups = append(p.tree.Dups, Dup{Obj: f.n, Index: index, First: first})
}
