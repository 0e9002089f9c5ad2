package validate

import (
	"fmt"
	"strings"
	"unicode/utf8"
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

// dnAVA is one attributeTypeAndValue.
type dnAVA struct {
	typ              string // as written
	typStart, typEnd int
	valStart, valEnd int    // the value as written, without optional outer spaces
	value            string // decoded
	hex              bool   // #hexstring
	quoted           bool   // "…" (RFC 1779)
}

// span returns the bytes of the whole AVA.
func (a *dnAVA) span() (int, int) { return a.typStart, a.valEnd }

// dnRDN is one relativeDistinguishedName: one or more AVAs joined by '+'.
type dnRDN struct{ avas []dnAVA }

func (r *dnRDN) span() (int, int) { return r.avas[0].typStart, r.avas[len(r.avas)-1].valEnd }

// dnIssue is one ou-format problem over bytes [from, to).
type dnIssue struct {
	from, to int
	sev      Severity
	msg      string // completes "organizationalUnit …"
}

// dnSpan is a run of optional spaces next to a separator.
type dnSpan struct{ from, to int }

// dnParse is the result of parsing a DN.
type dnParse struct {
	rdns   []dnRDN
	issues []dnIssue // syntax errors, and RFC 1779 forms as warnings
	spaces []dnSpan  // optional spaces around separators, in order
	broken bool      // a syntax error stopped the parse: rdns is partial
}

// ok reports whether the DN parsed without a syntax error.
func (d *dnParse) ok() bool {
	for _, is := range d.issues {
		if is.sev == SeverityError {
			return false
		}
	}
	return !d.broken
}

// dnSpecial are the characters that RFC 4514 lets '\' escape (besides
// hex pairs).
const dnSpecial = "\"+,;<>\\ #="

// dnShow renders a DN for a message, with its JSON spelling when that
// differs (escapes double in JSON).
func dnShow(s string) string {
	q := quoteJSON(s)
	if q == `"`+s+`"` {
		return q
	}
	return s + " (in JSON: " + q + ")"
}

// dnEscape writes a decoded value in RFC 4514 form.
func dnEscape(v string) string {
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

// parseDN parses s as a distinguished name.
func parseDN(s string) *dnParse {
	p := &dnParser{s: s, d: &dnParse{}, sepAt: -1}
	if s == "" {
		p.fail(0, 0, "is empty, which is not a distinguished name: to use the default container, set null or leave the property out")
		return p.d
	}
	p.rdns()
	if len(p.semis) > 0 && !p.d.broken {
		msg := "separates RDNs with ';', RFC 1779 syntax that RFC 4514 does not have: write ','"
		if len(p.semis) > 1 {
			msg = fmt.Sprintf("separates RDNs with ';' (%d times), RFC 1779 syntax that RFC 4514 does not have: write ','", len(p.semis))
		}
		p.d.issues = append(p.d.issues, dnIssue{p.semis[0], p.semis[0] + 1, SeverityWarning, msg})
	}
	return p.d
}

// dnParser is the state of one parseDN: the text, the offset reached, the
// result, and the last separator (for suggestions).
type dnParser struct {
	s     string
	i     int
	d     *dnParse
	sepAt int   // offset of the last separator, or -1
	sep   byte  // that separator
	semis []int // ';' separators (RFC 1779)
}

// fail records a syntax error over [from, to), which stops the parse; it
// returns false for its callers to return.
func (p *dnParser) fail(from, to int, msg string) bool {
	p.d.issues = append(p.d.issues, dnIssue{from, min(to, len(p.s)), SeverityError, msg})
	p.d.broken = true
	return false
}

// spaces skips optional spaces, recording them.
func (p *dnParser) spaces() {
	st := p.i
	for p.i < len(p.s) && p.s[p.i] == ' ' {
		p.i++
	}
	if p.i > st {
		p.d.spaces = append(p.d.spaces, dnSpan{st, p.i})
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
	var rdn dnRDN
	for {
		a, ok := p.ava()
		if !ok {
			return
		}
		rdn.avas = append(rdn.avas, a)
		if p.i >= len(p.s) {
			p.d.rdns = append(p.d.rdns, rdn)
			return
		}
		if !p.separator(&rdn, &a) {
			return
		}
	}
}

// separator consumes the separator after AVA a: '+' continues rdn, ',' or
// ';' ends it.
func (p *dnParser) separator(rdn *dnRDN, a *dnAVA) bool {
	switch c := p.s[p.i]; c {
	case '+':
		p.sepAt, p.sep = p.i, c
		p.i++
	case ',', ';':
		if c == ';' {
			p.semis = append(p.semis, p.i)
		}
		p.d.rdns = append(p.d.rdns, *rdn)
		*rdn = dnRDN{}
		p.sepAt, p.sep = p.i, c
		p.i++
	default:
		ch, size := p.runeAt(p.i)
		return p.fail(p.i, p.i+size, fmt.Sprintf("has %s after the value of %s: a value ends at ',' or '+'", quoteJSON(ch), a.typ))
	}
	return true
}

// ava parses one attributeTypeAndValue: TYPE, '=', value.
func (p *dnParser) ava() (dnAVA, bool) {
	p.spaces()
	if !p.avaStarts() {
		return dnAVA{}, false
	}
	a := dnAVA{typStart: p.i}
	if !p.attrType(&a) {
		return a, false
	}
	p.spaces()
	if p.i >= len(p.s) || p.s[p.i] != '=' {
		return a, p.noEquals(&a)
	}
	p.i++ // '='
	p.spaces()
	a.valStart = p.i
	var ok bool
	switch {
	case p.i < len(p.s) && p.s[p.i] == '#':
		ok = p.hexValue(&a)
	case p.i < len(p.s) && p.s[p.i] == '"':
		ok = p.quotedValue(&a)
	default:
		ok = p.plainValue(&a)
	}
	if ok && (a.hex || a.quoted) {
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
func (p *dnParser) attrType(a *dnAVA) bool {
	s, c := p.s, p.s[p.i]
	if !isAlpha(c) && !isDigit(c) {
		ch, size := p.runeAt(p.i)
		return p.fail(p.i, p.i+size, fmt.Sprintf("has %s where an attribute type belongs: each RDN is TYPE=value, such as OU=Sales", quoteJSON(ch)))
	}
	for p.i < len(s) && (isAlpha(s[p.i]) || isDigit(s[p.i]) || s[p.i] == '-' || s[p.i] == '.') {
		p.i++
	}
	typ := s[a.typStart:p.i]
	if !(isAlpha(c) && !strings.Contains(typ, ".") || isDigit(c) && isNumericOID(typ)) {
		msg := fmt.Sprintf("has the attribute type %s, which is neither a name (a letter, then letters, digits or '-') nor a numeric OID (such as 2.5.4.11)", quoteJSON(typ))
		if near := nearest(strings.ToUpper(typ), []string{"OU", "CN", "DC"}); near != "" {
			msg += fmt.Sprintf("; did you mean %s?", near)
		}
		return p.fail(a.typStart, p.i, msg)
	}
	a.typEnd, a.typ = p.i, typ
	return true
}

// noEquals reports an attribute type that no '=' follows: the rest of the
// RDN up to the next separator. It always fails.
func (p *dnParser) noEquals(a *dnAVA) bool {
	s, i := p.s, p.i
	end := dnNextSep(s, a.typStart)
	text := s[a.typStart:end]
	if i < len(s) && s[i] == ':' {
		return p.fail(i, i+1, fmt.Sprintf("writes %s where '=' belongs: write %s=", quoteJSON(a.typ+":"), a.typ))
	}
	if strings.Contains(text, "=") {
		ch, size := p.runeAt(i)
		return p.fail(i, i+size, fmt.Sprintf("has %s inside the attribute type of %s: a type is letters, digits and '-', such as OU", quoteJSON(ch), quoteJSON(text)))
	}
	msg := fmt.Sprintf("has %s without '=': each RDN is TYPE=value, such as OU=Sales", quoteJSON(text))
	if p.sepAt >= 0 {
		start := dnAVAStart(s, p.sepAt)
		fixed := s[start:p.sepAt] + `\` + s[p.sepAt:end]
		msg += fmt.Sprintf("; if the '%c' before it belongs to the name, escape it: %s", p.sep, dnShow(fixed))
	}
	return p.fail(a.typStart, end, msg)
}

// hexValue parses a '#' hexstring value (BER).
func (p *dnParser) hexValue(a *dnAVA) bool {
	s := p.s
	p.i++
	st := p.i
	for p.i+1 < len(s) && isHex(s[p.i]) && isHex(s[p.i+1]) {
		p.i += 2
	}
	if p.i == st || (p.i < len(s) && s[p.i] != ',' && s[p.i] != '+' && s[p.i] != ';' && s[p.i] != ' ') {
		end := dnNextSep(s, a.valStart)
		val := strings.TrimRight(s[a.valStart:end], " ")
		return p.fail(a.valStart, a.valStart+1, fmt.Sprintf("has a value starting with '#', which RFC 4514 reads as hex-encoded BER; if '#' belongs to the name, escape it: %s", dnShow(a.typ+`=\`+val)))
	}
	a.hex = true
	a.value = s[a.valStart:p.i]
	a.valEnd = p.i
	return true
}

// quotedValue parses an RFC 1779 quoted value, which Active Directory
// reads: parsed, and reported as a warning that says how to escape it.
func (p *dnParser) quotedValue(a *dnAVA) bool {
	p.i++
	buf, closed := p.quotedText()
	if !closed {
		return p.fail(a.valStart, len(p.s), "has an opening '\"' without a closing one: RFC 4514 has no quotes; escape special characters with '\\' instead")
	}
	a.quoted = true
	a.value = string(buf)
	a.valEnd = p.i
	if !utf8.Valid(buf) {
		return p.fail(a.valStart, a.valEnd, "has hex escapes that do not form UTF-8 characters: write the characters themselves")
	}
	p.d.issues = append(p.d.issues, dnIssue{a.typStart, a.valEnd, SeverityWarning,
		fmt.Sprintf("has the quoted value %s, RFC 1779 syntax that Active Directory reads but RFC 4514 does not have: escape the special characters instead, %s",
			p.s[a.valStart:a.valEnd], dnShow(a.typ+"="+dnEscape(a.value)))})
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
			if p.i+2 < len(s) && isHex(s[p.i+1]) && isHex(s[p.i+2]) {
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
func (p *dnParser) plainValue(a *dnAVA) bool {
	s := p.s
	var buf []byte
	bufEnd := 0 // len(buf) up to the last character that is not an optional space
	a.valEnd = p.i
	for p.i < len(s) {
		switch c := s[p.i]; c {
		case ',', '+', ';':
			return p.endPlain(a, buf[:bufEnd])
		case '\\':
			var ok bool
			if buf, ok = p.escape(buf); !ok {
				return false
			}
			bufEnd, a.valEnd = len(buf), p.i
		case '"', '<', '>':
			return p.fail(p.i, p.i+1, fmt.Sprintf("has an unescaped '%c' in the value of %s: escape it as '\\%c'", c, a.typ, c))
		case 0:
			return p.fail(p.i, p.i+1, "has a NUL character: escape it as \\00 if it is really meant")
		case ' ':
			buf = append(buf, c)
			p.i++
		default:
			_, size := p.runeAt(p.i)
			buf = append(buf, s[p.i:p.i+size]...)
			p.i += size
			bufEnd, a.valEnd = len(buf), p.i
		}
	}
	return p.endPlain(a, buf[:bufEnd])
}

// endPlain ends a string value: its trailing spaces are optional spaces,
// and its decoded bytes must be UTF-8.
func (p *dnParser) endPlain(a *dnAVA, buf []byte) bool {
	if a.valEnd < p.i {
		p.d.spaces = append(p.d.spaces, dnSpan{a.valEnd, p.i})
	}
	if !utf8.Valid(buf) {
		return p.fail(a.valStart, a.valEnd, "has hex escapes that do not form UTF-8 characters (\\C3\\A9 is é): write the characters themselves or complete the sequence")
	}
	a.value = string(buf)
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
	case i+2 < len(s) && isHex(n) && isHex(s[i+2]):
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

// dnTrim trims a DN's outer whitespace like strings.TrimSpace, but keeps
// an escaped trailing space ("OU=a\ " stays as it is): a trimmed escape
// would leave a dangling '\'. It returns the core and its offset in s.
func dnTrim(s string) (core string, lead int) {
	core, lead = valueCore(s)
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

// dnWithoutSpaces removes the optional spaces around separators of a DN
// that parses; it returns s unchanged otherwise.
func dnWithoutSpaces(s string) string {
	d := parseDN(s)
	if !d.ok() || len(d.spaces) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, sp := range d.spaces {
		b.WriteString(s[last:sp.from])
		last = sp.to
	}
	b.WriteString(s[last:])
	return b.String()
}
