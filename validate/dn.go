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
	d := &dnParse{}
	i := 0
	fail := func(from, to int, msg string) *dnParse {
		if to > len(s) {
			to = len(s)
		}
		d.issues = append(d.issues, dnIssue{from, to, SeverityError, msg})
		d.broken = true
		return d
	}
	spaces := func() {
		st := i
		for i < len(s) && s[i] == ' ' {
			i++
		}
		if i > st {
			d.spaces = append(d.spaces, dnSpan{st, i})
		}
	}
	runeAt := func(j int) (string, int) {
		r, size := utf8.DecodeRuneInString(s[j:])
		return string(r), size
	}
	if s == "" {
		return fail(0, 0, "is empty, which is not a distinguished name: to use the default container, set null or leave the property out")
	}
	sepAt, sep := -1, byte(0) // the last separator, for suggestions
	var semis []int           // ';' separators (RFC 1779)
	defer func() {
		if len(semis) > 0 && !d.broken {
			msg := "separates RDNs with ';', RFC 1779 syntax that RFC 4514 does not have: write ','"
			if len(semis) > 1 {
				msg = fmt.Sprintf("separates RDNs with ';' (%d times), RFC 1779 syntax that RFC 4514 does not have: write ','", len(semis))
			}
			d.issues = append(d.issues, dnIssue{semis[0], semis[0] + 1, SeverityWarning, msg})
		}
	}()
	var rdn dnRDN
	for {
		// attributeTypeAndValue
		spaces()
		if i >= len(s) {
			if sepAt < 0 {
				return fail(0, len(s), "is blank, which is not a distinguished name: to use the default container, set null or leave the property out")
			}
			return fail(sepAt, sepAt+1, fmt.Sprintf("ends with '%c': remove it", sep))
		}
		c := s[i]
		if c == ',' || c == '+' || c == ';' {
			if sepAt < 0 {
				return fail(i, i+1, fmt.Sprintf("starts with '%c': a DN starts with an attribute, such as OU=", c))
			}
			return fail(i, i+1, fmt.Sprintf("has an empty RDN (nothing between two separators): remove the extra '%c'", c))
		}
		a := dnAVA{typStart: i}
		switch {
		case isAlpha(c) || isDigit(c):
			for i < len(s) && (isAlpha(s[i]) || isDigit(s[i]) || s[i] == '-' || s[i] == '.') {
				i++
			}
			typ := s[a.typStart:i]
			if isAlpha(c) && !strings.Contains(typ, ".") || isDigit(c) && isNumericOID(typ) {
				break
			}
			msg := fmt.Sprintf("has the attribute type %s, which is neither a name (a letter, then letters, digits or '-') nor a numeric OID (such as 2.5.4.11)", quoteJSON(typ))
			if near := nearest(strings.ToUpper(typ), []string{"OU", "CN", "DC"}); near != "" {
				msg += fmt.Sprintf("; did you mean %s?", near)
			}
			return fail(a.typStart, i, msg)
		default:
			ch, size := runeAt(i)
			return fail(i, i+size, fmt.Sprintf("has %s where an attribute type belongs: each RDN is TYPE=value, such as OU=Sales", quoteJSON(ch)))
		}
		a.typEnd = i
		a.typ = s[a.typStart:i]
		spaces()
		if i >= len(s) || s[i] != '=' {
			// No '=': the rest of this RDN up to the next separator.
			end := dnNextSep(s, a.typStart)
			text := s[a.typStart:end]
			if i < len(s) && s[i] == ':' {
				return fail(i, i+1, fmt.Sprintf("writes %s where '=' belongs: write %s=", quoteJSON(a.typ+":"), a.typ))
			}
			if strings.Contains(text, "=") {
				ch, size := runeAt(i)
				return fail(i, i+size, fmt.Sprintf("has %s inside the attribute type of %s: a type is letters, digits and '-', such as OU", quoteJSON(ch), quoteJSON(text)))
			}
			msg := fmt.Sprintf("has %s without '=': each RDN is TYPE=value, such as OU=Sales", quoteJSON(text))
			if sepAt >= 0 {
				start := dnAVAStart(s, sepAt)
				fixed := s[start:sepAt] + `\` + s[sepAt:end]
				msg += fmt.Sprintf("; if the '%c' before it belongs to the name, escape it: %s", sep, dnShow(fixed))
			}
			return fail(a.typStart, end, msg)
		}
		i++ // '='
		spaces()
		a.valStart = i
		switch {
		case i < len(s) && s[i] == '#':
			i++
			st := i
			for i+1 < len(s) && isHex(s[i]) && isHex(s[i+1]) {
				i += 2
			}
			if i == st || (i < len(s) && s[i] != ',' && s[i] != '+' && s[i] != ';' && s[i] != ' ') {
				end := dnNextSep(s, a.valStart)
				val := strings.TrimRight(s[a.valStart:end], " ")
				return fail(a.valStart, a.valStart+1, fmt.Sprintf("has a value starting with '#', which RFC 4514 reads as hex-encoded BER; if '#' belongs to the name, escape it: %s", dnShow(a.typ+`=\`+val)))
			}
			a.hex = true
			a.value = s[a.valStart:i]
			a.valEnd = i
		case i < len(s) && s[i] == '"':
			i++
			var buf []byte
			closed := false
			for i < len(s) && !closed {
				switch s[i] {
				case '"':
					closed = true
					i++
				case '\\':
					if i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
						buf = append(buf, unhex(s[i+1])<<4|unhex(s[i+2]))
						i += 3
					} else if i+1 < len(s) {
						_, size := runeAt(i + 1)
						buf = append(buf, s[i+1:i+1+size]...)
						i += 1 + size
					} else {
						i++
					}
				default:
					buf = append(buf, s[i])
					i++
				}
			}
			if !closed {
				return fail(a.valStart, len(s), "has an opening '\"' without a closing one: RFC 4514 has no quotes; escape special characters with '\\' instead")
			}
			a.quoted = true
			a.value = string(buf)
			a.valEnd = i
			if !utf8.Valid(buf) {
				return fail(a.valStart, a.valEnd, "has hex escapes that do not form UTF-8 characters: write the characters themselves")
			}
			d.issues = append(d.issues, dnIssue{a.typStart, a.valEnd, SeverityWarning,
				fmt.Sprintf("has the quoted value %s, RFC 1779 syntax that Active Directory reads but RFC 4514 does not have: escape the special characters instead, %s",
					s[a.valStart:a.valEnd], dnShow(a.typ+"="+dnEscape(a.value)))})
		default:
			var buf []byte
			bufEnd := 0 // len(buf) up to the last character that is not an optional space
			a.valEnd = i
		value:
			for i < len(s) {
				c := s[i]
				switch c {
				case ',', '+', ';':
					break value
				case '\\':
					if i+1 >= len(s) {
						return fail(i, i+1, "ends with a lone '\\': escape a backslash as '\\\\', or remove it")
					}
					n := s[i+1]
					switch {
					case i+2 < len(s) && isHex(n) && isHex(s[i+2]):
						buf = append(buf, unhex(n)<<4|unhex(s[i+2]))
						i += 3
					case strings.IndexByte(dnSpecial, n) >= 0:
						buf = append(buf, n)
						i += 2
					default:
						ch, size := runeAt(i + 1)
						return fail(i, i+1+size, fmt.Sprintf("has \\%s, which is not an escape: '\\' escapes only , + \" \\ < > ; = # and space, or two hex digits (\\2C); write %s alone, or \\\\ for a backslash (in JSON: \\\\\\\\)",
							ch, ch))
					}
					bufEnd, a.valEnd = len(buf), i
				case '"', '<', '>':
					return fail(i, i+1, fmt.Sprintf("has an unescaped '%c' in the value of %s: escape it as '\\%c'", c, a.typ, c))
				case 0:
					return fail(i, i+1, "has a NUL character: escape it as \\00 if it is really meant")
				case ' ':
					buf = append(buf, c)
					i++
				default:
					_, size := runeAt(i)
					buf = append(buf, s[i:i+size]...)
					i += size
					bufEnd, a.valEnd = len(buf), i
				}
			}
			if a.valEnd < i {
				d.spaces = append(d.spaces, dnSpan{a.valEnd, i})
			}
			buf = buf[:bufEnd]
			if !utf8.Valid(buf) {
				return fail(a.valStart, a.valEnd, "has hex escapes that do not form UTF-8 characters (\\C3\\A9 is é): write the characters themselves or complete the sequence")
			}
			a.value = string(buf)
		}
		if a.hex || a.quoted {
			spaces()
		}
		rdn.avas = append(rdn.avas, a)
		if i >= len(s) {
			d.rdns = append(d.rdns, rdn)
			return d
		}
		switch c := s[i]; c {
		case '+':
			sepAt, sep = i, c
			i++
		case ',', ';':
			if c == ';' {
				semis = append(semis, i)
			}
			d.rdns = append(d.rdns, rdn)
			rdn = dnRDN{}
			sepAt, sep = i, c
			i++
		default:
			ch, size := runeAt(i)
			return fail(i, i+size, fmt.Sprintf("has %s after the value of %s: a value ends at ',' or '+'", quoteJSON(ch), a.typ))
		}
	}
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
