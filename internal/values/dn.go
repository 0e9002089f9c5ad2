package values

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/azconn/azconn/internal/jsontext"
)

// An LDAP distinguished name parser after RFC 4514 §3, for
// organizationalUnit. It is strict where RFC 4514 is, except for two forms
// of RFC 1779 that Active Directory reads and that people write:
//
//   - optional spaces around ',', '+', ';' and '=' (OU=A, DC=b): parsed,
//     and recorded so that the ou-spacing rule removes them;
//   - quoted values (OU="Sales, EMEA") and ';' as the RDN separator:
//     parsed, and reported as warnings that say how to write them in
//     RFC 4514 (escapes, ',').
//
// Escapes: '\' before one of  " + , ; < > \ = # and space, or two hex digits
// (\2C); hex escapes are bytes and must form UTF-8. A value starting with
// an unescaped '#' is a hexstring (BER). Attribute types are descriptors
// (a letter, then letters, digits, '-') or numeric OIDs (2.5.4.11).
// Offsets are byte offsets into the parsed string.

// AVA is one attributeTypeAndValue.
type AVA struct {
	Type               string // as written
	TypeStart, TypeEnd int
	ValStart, ValEnd   int    // the value as written, without optional outer spaces
	Value              string // decoded
	Hex                bool   // #hexstring
	Quoted             bool   // "…" (RFC 1779)
}

// Span returns the bytes of the whole AVA.
func (a *AVA) Span() (int, int) { return a.TypeStart, a.ValEnd }

// RDN is one relativeDistinguishedName: one or more AVAs joined by '+'.
type RDN struct{ AVAs []AVA }

// Span returns the bytes of the whole RDN.
func (r *RDN) Span() (int, int) { return r.AVAs[0].TypeStart, r.AVAs[len(r.AVAs)-1].ValEnd }

// DN is the result of parsing a distinguished name. Its issues complete
// "organizationalUnit …".
type DN struct {
	RDNs   []RDN
	Issues []Issue // syntax errors, and RFC 1779 forms as warnings
	Spaces []Span  // optional spaces around separators, in order
	Broken bool    // a syntax error stopped the parse: RDNs is partial
}

// OK reports whether the DN parsed without a syntax error.
func (d *DN) OK() bool {
	for _, is := range d.Issues {
		if is.Level == Error {
			return false
		}
	}
	return !d.Broken
}

// dnSpecial are the characters that RFC 4514 lets '\' escape (besides
// hex pairs).
const dnSpecial = "\"+,;<>\\ #="

// ShowDN renders a DN for a message, with its JSON spelling when that
// differs (escapes double in JSON).
func ShowDN(s string) string {
	q := jsontext.Quote(s)
	if q == `"`+s+`"` {
		return q
	}
	return s + " (in JSON: " + q + ")"
}

// EscapeDN writes a decoded value in RFC 4514 form.
func EscapeDN(v string) string {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == ' ' && (i == 0 || i == len(v)-1), c == '#' && i == 0,
			strings.IndexByte("\"+,;<>\\", c) >= 0:
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == 0:
			b.WriteString(`\00`)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isAlpha(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// ParseDN parses s as a distinguished name.
func ParseDN(s string) *DN {
	p := &dnParser{s: s, d: &DN{}, sepAt: -1}
	if s == "" {
		p.fail(0, 0, "is empty, which is not a distinguished name: to use the default container, set null or leave the property out")
		return p.d
	}
	p.rdns()
	if len(p.semis) > 0 && !p.d.Broken {
		msg := "separates RDNs with ';', RFC 1779 syntax that RFC 4514 does not have: write ','"
		if len(p.semis) > 1 {
			msg = fmt.Sprintf("separates RDNs with ';' (%d times), RFC 1779 syntax that RFC 4514 does not have: write ','", len(p.semis))
		}
		p.d.Issues = append(p.d.Issues, Issue{p.semis[0], p.semis[0] + 1, Warning, msg})
	}
	return p.d
}

// dnParser is the state of one ParseDN: the text, the offset reached, the
// result, and the last separator (for suggestions).
type dnParser struct {
	s     string
	i     int
	d     *DN
	sepAt int   // offset of the last separator, or -1
	sep   byte  // that separator
	semis []int // ';' separators (RFC 1779)
}

// fail records a syntax error over [from, to), which stops the parse; it
// returns false for its callers to return.
func (p *dnParser) fail(from, to int, msg string) bool {
	p.d.Issues = append(p.d.Issues, Issue{from, min(to, len(p.s)), Error, msg})
	p.d.Broken = true
	return false
}

// spaces skips optional spaces, recording them.
func (p *dnParser) spaces() {
	st := p.i
	for p.i < len(p.s) && p.s[p.i] == ' ' {
		p.i++
	}
	if p.i > st {
		p.d.Spaces = append(p.d.Spaces, Span{st, p.i})
	}
}

// runeAt returns the character at byte j and its length.
func (p *dnParser) runeAt(j int) (string, int) {
	r, size := utf8.DecodeRuneInString(p.s[j:])
	return string(r), size
}

// rdns parses the RDNs, each AVAs joined by '+', until the end of the text
// or a syntax error.
func (p *dnParser) rdns() {
	var rdn RDN
	for {
		a, ok := p.ava()
		if !ok {
			return
		}
		rdn.AVAs = append(rdn.AVAs, a)
		if p.i >= len(p.s) {
			p.d.RDNs = append(p.d.RDNs, rdn)
			return
		}
		if !p.separator(&rdn, &a) {
			return
		}
	}
}

// separator consumes the separator after AVA a: '+' continues rdn, ',' or
// ';' ends it.
func (p *dnParser) separator(rdn *RDN, a *AVA) bool {
	switch c := p.s[p.i]; c {
	case '+':
		p.sepAt, p.sep = p.i, c
		p.i++
	case ',', ';':
		if c == ';' {
			p.semis = append(p.semis, p.i)
		}
		p.d.RDNs = append(p.d.RDNs, *rdn)
		*rdn = RDN{}
		p.sepAt, p.sep = p.i, c
		p.i++
	default:
		ch, size := p.runeAt(p.i)
		return p.fail(p.i, p.i+size, fmt.Sprintf("has %s after the value of %s: a value ends at ',' or '+'", jsontext.Quote(ch), a.Type))
	}
	return true
}

// ava parses one attributeTypeAndValue: TYPE, '=', value.
func (p *dnParser) ava() (AVA, bool) {
	p.spaces()
	if !p.avaStarts() {
		return AVA{}, false
	}
	a := AVA{TypeStart: p.i}
	if !p.attrType(&a) {
		return a, false
	}
	p.spaces()
	if p.i >= len(p.s) || p.s[p.i] != '=' {
		return a, p.noEquals(&a)
	}
	p.i++ // '='
	p.spaces()
	a.ValStart = p.i
	var ok bool
	switch {
	case p.i < len(p.s) && p.s[p.i] == '#':
		ok = p.hexValue(&a)
	case p.i < len(p.s) && p.s[p.i] == '"':
		ok = p.quotedValue(&a)
	default:
		ok = p.plainValue(&a)
	}
	if ok && (a.Hex || a.Quoted) {
		p.spaces()
	}
	return a, ok
}

// avaStarts reports whether an AVA can start here: not at the end, not at
// a separator.
func (p *dnParser) avaStarts() bool {
	if p.i >= len(p.s) {
		if p.sepAt < 0 {
			return p.fail(0, len(p.s), "is blank, which is not a distinguished name: to use the default container, set null or leave the property out")
		}
		return p.fail(p.sepAt, p.sepAt+1, fmt.Sprintf("ends with '%c': remove it", p.sep))
	}
	if c := p.s[p.i]; c == ',' || c == '+' || c == ';' {
		if p.sepAt < 0 {
			return p.fail(p.i, p.i+1, fmt.Sprintf("starts with '%c': a DN starts with an attribute, such as OU=", c))
		}
		return p.fail(p.i, p.i+1, fmt.Sprintf("has an empty RDN (nothing between two separators): remove the extra '%c'", c))
	}
	return true
}

// attrType parses an attribute type: a descriptor (a letter, then
// letters, digits, '-') or a numeric OID.
func (p *dnParser) attrType(a *AVA) bool {
	s, c := p.s, p.s[p.i]
	if !isAlpha(c) && !isDigit(c) {
		ch, size := p.runeAt(p.i)
		return p.fail(p.i, p.i+size, fmt.Sprintf("has %s where an attribute type belongs: each RDN is TYPE=value, such as OU=Sales", jsontext.Quote(ch)))
	}
	for p.i < len(s) && (isAlpha(s[p.i]) || isDigit(s[p.i]) || s[p.i] == '-' || s[p.i] == '.') {
		p.i++
	}
	typ := s[a.TypeStart:p.i]
	if !(isAlpha(c) && !strings.Contains(typ, ".") || isDigit(c) && isNumericOID(typ)) {
		msg := fmt.Sprintf("has the attribute type %s, which is neither a name (a letter, then letters, digits or '-') nor a numeric OID (such as 2.5.4.11)", jsontext.Quote(typ))
		if near := nearest(strings.ToUpper(typ), []string{"OU", "CN", "DC"}); near != "" {
			msg += fmt.Sprintf("; did you mean %s?", near)
		}
		return p.fail(a.TypeStart, p.i, msg)
	}
	a.TypeEnd, a.Type = p.i, typ
	return true
}

// noEquals reports an attribute type that no '=' follows: the rest of the
// RDN up to the next separator. It always fails.
func (p *dnParser) noEquals(a *AVA) bool {
	s, i := p.s, p.i
	end := dnNextSep(s, a.TypeStart)
	text := s[a.TypeStart:end]
	if i < len(s) && s[i] == ':' {
		return p.fail(i, i+1, fmt.Sprintf("writes %s where '=' belongs: write %s=", jsontext.Quote(a.Type+":"), a.Type))
	}
	if strings.Contains(text, "=") {
		ch, size := p.runeAt(i)
		return p.fail(i, i+size, fmt.Sprintf("has %s inside the attribute type of %s: a type is letters, digits and '-', such as OU", jsontext.Quote(ch), jsontext.Quote(text)))
	}
	msg := fmt.Sprintf("has %s without '=': each RDN is TYPE=value, such as OU=Sales", jsontext.Quote(text))
	if p.sepAt >= 0 {
		start := dnAVAStart(s, p.sepAt)
		fixed := s[start:p.sepAt] + `\` + s[p.sepAt:end]
		msg += fmt.Sprintf("; if the '%c' before it belongs to the name, escape it: %s", p.sep, ShowDN(fixed))
	}
	return p.fail(a.TypeStart, end, msg)
}

// hexValue parses a '#' hexstring value (BER).
func (p *dnParser) hexValue(a *AVA) bool {
	s := p.s
	p.i++
	st := p.i
	for p.i+1 < len(s) && IsHex(s[p.i]) && IsHex(s[p.i+1]) {
		p.i += 2
	}
	if p.i == st || (p.i < len(s) && s[p.i] != ',' && s[p.i] != '+' && s[p.i] != ';' && s[p.i] != ' ') {
		end := dnNextSep(s, a.ValStart)
		val := strings.TrimRight(s[a.ValStart:end], " ")
		return p.fail(a.ValStart, a.ValStart+1, fmt.Sprintf("has a value starting with '#', which RFC 4514 reads as hex-encoded BER; if '#' belongs to the name, escape it: %s", ShowDN(a.Type+`=\`+val)))
	}
	a.Hex = true
	a.Value = s[a.ValStart:p.i]
	a.ValEnd = p.i
	return true
}

// quotedValue parses an RFC 1779 quoted value, which Active Directory
// reads: parsed, and reported as a warning that says how to escape it.
func (p *dnParser) quotedValue(a *AVA) bool {
	p.i++
	buf, closed := p.quotedText()
	if !closed {
		return p.fail(a.ValStart, len(p.s), "has an opening '\"' without a closing one: RFC 4514 has no quotes; escape special characters with '\\' instead")
	}
	a.Quoted = true
	a.Value = string(buf)
	a.ValEnd = p.i
	if !utf8.Valid(buf) {
		return p.fail(a.ValStart, a.ValEnd, "has hex escapes that do not form UTF-8 characters: write the characters themselves")
	}
	p.d.Issues = append(p.d.Issues, Issue{a.TypeStart, a.ValEnd, Warning,
		fmt.Sprintf("has the quoted value %s, RFC 1779 syntax that Active Directory reads but RFC 4514 does not have: escape the special characters instead, %s",
			p.s[a.ValStart:a.ValEnd], ShowDN(a.Type+"="+EscapeDN(a.Value)))})
	return true
}

// quotedText decodes a quoted value up to and past its closing quote, and
// says whether there was one.
func (p *dnParser) quotedText() (buf []byte, closed bool) {
	s := p.s
	for p.i < len(s) {
		switch s[p.i] {
		case '"':
			p.i++
			return buf, true
		case '\\':
			if p.i+2 < len(s) && IsHex(s[p.i+1]) && IsHex(s[p.i+2]) {
				buf = append(buf, unhex(s[p.i+1])<<4|unhex(s[p.i+2]))
				p.i += 3
			} else if p.i+1 < len(s) {
				_, size := p.runeAt(p.i + 1)
				buf = append(buf, s[p.i+1:p.i+1+size]...)
				p.i += 1 + size
			} else {
				p.i++
			}
		default:
			buf = append(buf, s[p.i])
			p.i++
		}
	}
	return buf, false
}

// plainValue parses an RFC 4514 string value up to the next separator:
// escapes decoded, optional trailing spaces recorded, not part of it.
func (p *dnParser) plainValue(a *AVA) bool {
	s := p.s
	var buf []byte
	bufEnd := 0 // len(buf) up to the last character that is not an optional space
	a.ValEnd = p.i
	for p.i < len(s) {
		switch c := s[p.i]; c {
		case ',', '+', ';':
			return p.endPlain(a, buf[:bufEnd])
		case '\\':
			var ok bool
			if buf, ok = p.escape(buf); !ok {
				return false
			}
			bufEnd, a.ValEnd = len(buf), p.i
		case '"', '<', '>':
			return p.fail(p.i, p.i+1, fmt.Sprintf("has an unescaped '%c' in the value of %s: escape it as '\\%c'", c, a.Type, c))
		case 0:
			return p.fail(p.i, p.i+1, "has a NUL character: escape it as \\00 if it is really meant")
		case ' ':
			buf = append(buf, c)
			p.i++
		default:
			_, size := p.runeAt(p.i)
			buf = append(buf, s[p.i:p.i+size]...)
			p.i += size
			bufEnd, a.ValEnd = len(buf), p.i
		}
	}
	return p.endPlain(a, buf[:bufEnd])
}

// endPlain ends a string value: its trailing spaces are optional spaces,
// and its decoded bytes must be UTF-8.
func (p *dnParser) endPlain(a *AVA, buf []byte) bool {
	if a.ValEnd < p.i {
		p.d.Spaces = append(p.d.Spaces, Span{a.ValEnd, p.i})
	}
	if !utf8.Valid(buf) {
		return p.fail(a.ValStart, a.ValEnd, "has hex escapes that do not form UTF-8 characters (\\C3\\A9 is é): write the characters themselves or complete the sequence")
	}
	a.Value = string(buf)
	return true
}

// escape decodes the escape at '\\' onto buf: two hex digits or a special
// character.
func (p *dnParser) escape(buf []byte) ([]byte, bool) {
	s, i := p.s, p.i
	if i+1 >= len(s) {
		return buf, p.fail(i, i+1, "ends with a lone '\\': escape a backslash as '\\\\', or remove it")
	}
	n := s[i+1]
	switch {
	case i+2 < len(s) && IsHex(n) && IsHex(s[i+2]):
		p.i += 3
		return append(buf, unhex(n)<<4|unhex(s[i+2])), true
	case strings.IndexByte(dnSpecial, n) >= 0:
		p.i += 2
		return append(buf, n), true
	}
	ch, size := p.runeAt(i + 1)
	return buf, p.fail(i, i+1+size, fmt.Sprintf("has \\%s, which is not an escape: '\\' escapes only , + \" \\ < > ; = # and space, or two hex digits (\\2C); write %s alone, or \\\\ for a backslash (in JSON: \\\\\\\\)",
		ch, ch))
}

// dnNextSep returns the offset of the first unescaped ',', '+' or ';' at or
// after from (outside quotes), or len(s).
func dnNextSep(s string, from int) int {
	quoted := false
	for i := from; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			quoted = !quoted
		case ',', '+', ';':
			if !quoted {
				return i
			}
		}
	}
	return len(s)
}

// dnAVAStart returns where the AVA that ends at the separator at sep starts
// (after the previous unescaped separator and optional spaces).
func dnAVAStart(s string, sep int) int {
	start := 0
	for i := 0; i < sep; {
		j := dnNextSep(s, i)
		if j >= sep {
			break
		}
		start = j + 1
		i = j + 1
	}
	for start < sep && s[start] == ' ' {
		start++
	}
	return start
}

func unhex(c byte) byte {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// isNumericOID reports whether s is number *( "." number ) with at least
// two numbers and no leading zeros (RFC 4512 numericoid).
func isNumericOID(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if p == "" || (len(p) > 1 && p[0] == '0') {
			return false
		}
	}
	return true
}

// TrimDN trims a DN's outer whitespace like strings.TrimSpace, but keeps
// an escaped trailing space ("OU=a\ " stays as it is): a trimmed escape
// would leave a dangling '\'. It returns the core and its offset in s.
func TrimDN(s string) (core string, lead int) {
	core, lead = Core(s)
	if end := lead + len(core); end < len(s) && s[end] == ' ' && trailingBackslashes(core)%2 == 1 {
		core = s[lead : end+1]
	}
	return core, lead
}

func trailingBackslashes(s string) int {
	n := 0
	for i := len(s) - 1; i >= 0 && s[i] == '\\'; i-- {
		n++
	}
	return n
}

// DNWithoutSpaces removes the optional spaces around separators of a DN
// that parses; it returns s unchanged otherwise.
func DNWithoutSpaces(s string) string {
	d := ParseDN(s)
	if !d.OK() || len(d.Spaces) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, sp := range d.Spaces {
		b.WriteString(s[last:sp.From])
		last = sp.To
	}
	b.WriteString(s[last:])
	return b.String()
}
