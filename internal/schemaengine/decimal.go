package schemaengine

// Decimal is the exact value of a JSON number literal: Neg, and
// 0.Digits × 10^Point, with Digits free of leading and trailing zeros
// (empty for zero). Exact, so that 2147483647.0000000001 is above a
// maximum of 2147483647, which float64 cannot tell. Its fields are
// exported for generated schemas (WriteGo) only.
type Decimal struct {
	Neg    bool
	Digits string
	Point  int64
}

// maxPoint bounds the exponent: beyond it no literal's digits matter.
const maxPoint = 1 << 40

// parseDecimal reads a JSON number literal (-?int(.frac)?([eE][+-]?exp)?).
func parseDecimal(lit string) (Decimal, bool) {
	var d Decimal
	i := 0
	if i < len(lit) && lit[i] == '-' {
		d.Neg = true
		i++
	}
	start := i
	for i < len(lit) && isDigit(lit[i]) {
		i++
	}
	intPart := lit[start:i]
	if intPart == "" {
		return d, false
	}
	frac := ""
	if i < len(lit) && lit[i] == '.' {
		i++
		start = i
		for i < len(lit) && isDigit(lit[i]) {
			i++
		}
		if frac = lit[start:i]; frac == "" {
			return d, false
		}
	}
	exp, ok := parseExponent(lit[i:])
	if !ok {
		return d, false
	}
	digits := intPart + frac
	point := int64(len(intPart)) + exp
	for len(digits) > 0 && digits[0] == '0' {
		digits, point = digits[1:], point-1
	}
	for len(digits) > 0 && digits[len(digits)-1] == '0' {
		digits = digits[:len(digits)-1]
	}
	if digits == "" {
		return Decimal{}, true
	}
	d.Digits, d.Point = digits, point
	return d, true
}

// parseExponent reads an optional [eE][+-]?digits, saturating at maxPoint.
func parseExponent(s string) (int64, bool) {
	if s == "" {
		return 0, true
	}
	if s[0] != 'e' && s[0] != 'E' {
		return 0, false
	}
	s = s[1:]
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "" {
		return 0, false
	}
	var e int64
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return 0, false
		}
		if e < maxPoint {
			e = e*10 + int64(s[i]-'0')
		}
	}
	if neg {
		e = -e
	}
	return e, true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isInteger says whether the value is whole.
func (d Decimal) isInteger() bool { return d.Digits == "" || int64(len(d.Digits)) <= d.Point }

// cmp compares two values: -1, 0 or +1.
func (d Decimal) cmp(e Decimal) int {
	ds, es := d.sign(), e.sign()
	switch {
	case ds != es:
		if ds < es {
			return -1
		}
		return 1
	case ds == 0:
		return 0
	}
	m := d.cmpMagnitude(e)
	if d.Neg {
		return -m
	}
	return m
}

func (d Decimal) sign() int {
	switch {
	case d.Digits == "":
		return 0
	case d.Neg:
		return -1
	}
	return 1
}

// cmpMagnitude compares |d| and |e|, both non-zero: the larger point is
// larger; at equal points the digits compare as strings, as neither has
// trailing zeros.
func (d Decimal) cmpMagnitude(e Decimal) int {
	switch {
	case d.Point < e.Point:
		return -1
	case d.Point > e.Point:
		return 1
	case d.Digits < e.Digits:
		return -1
	case d.Digits > e.Digits:
		return 1
	}
	return 0
}
