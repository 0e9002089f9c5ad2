package schemaengine

// decimal is the exact value of a JSON number literal: neg, and
// 0.digits × 10^point, with digits free of leading and trailing zeros
// (empty for zero). Exact, so that 2147483647.0000000001 is above a
// maximum of 2147483647, which float64 cannot tell.
type decimal struct {
	neg    bool
	digits string
	point  int64
}

// maxPoint bounds the exponent: beyond it no literal's digits matter.
const maxPoint = 1 << 40

// parseDecimal reads a JSON number literal (-?int(.frac)?([eE][+-]?exp)?).
func parseDecimal(lit string) (decimal, bool) {
	var d decimal
	i := 0
	if i < len(lit) && lit[i] == '-' {
		d.neg = true
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
		return decimal{}, true
	}
	d.digits, d.point = digits, point
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
func (d decimal) isInteger() bool { return d.digits == "" || int64(len(d.digits)) <= d.point }

// cmp compares two values: -1, 0 or +1.
func (d decimal) cmp(e decimal) int {
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
	if d.neg {
		return -m
	}
	return m
}

func (d decimal) sign() int {
	switch {
	case d.digits == "":
		return 0
	case d.neg:
		return -1
	}
	return 1
}

// cmpMagnitude compares |d| and |e|, both non-zero: the larger point is
// larger; at equal points the digits compare as strings, as neither has
// trailing zeros.
func (d decimal) cmpMagnitude(e decimal) int {
	switch {
	case d.point < e.point:
		return -1
	case d.point > e.point:
		return 1
	case d.digits < e.digits:
		return -1
	case d.digits > e.digits:
		return 1
	}
	return 0
}
