package values

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/azconn/azconn/internal/jsontext"
)

var guidGroups = [5]int{8, 4, 4, 4, 12}

var guidOrdinal = [5]string{"first", "second", "third", "fourth", "last"}

// IsGUID reports whether s is 8-4-4-4-12 hex digits, in any case.
func IsGUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < 36; i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !IsHex(c) {
				return false
			}
		}
	}
	return true
}

// GUIDProblem explains why s is not a GUID: the byte span [from, to) of s
// at fault and a clause that completes "<what> …". why is "" for a GUID.
func GUIDProblem(s string) (from, to int, why string) {
	if IsGUID(s) {
		return 0, 0, ""
	}
	whole := func(why string) (int, int, string) { return 0, len(s), why }
	if s == "" {
		return whole("is empty: a subscription ID is a GUID of 8-4-4-4-12 hex digits")
	}
	if len(s) >= 2 && s[0] == '{' && s[len(s)-1] == '}' {
		inner := s[1 : len(s)-1]
		if IsGUID(inner) {
			return whole(fmt.Sprintf("is wrapped in braces: write the GUID without them; did you mean %s?", jsontext.Quote(inner)))
		}
		return whole(fmt.Sprintf("is the documentation's template %s, not a GUID: write the subscription's ID (8-4-4-4-12 hex digits)", s))
	}
	if lower := strings.ToLower(s); strings.HasPrefix(lower, "urn:uuid:") && IsGUID(s[9:]) {
		return whole(fmt.Sprintf("has a urn:uuid: prefix: write the bare GUID; did you mean %s?", jsontext.Quote(s[9:])))
	}
	if len(s) == 32 && strings.Trim(s, "0123456789abcdefABCDEF") == "" {
		g := s[:8] + "-" + s[8:12] + "-" + s[12:16] + "-" + s[16:20] + "-" + s[20:]
		return whole(fmt.Sprintf("has no hyphens: write it as 8-4-4-4-12 hex digits; did you mean %s?", jsontext.Quote(g)))
	}
	groups := strings.Split(s, "-")
	if len(groups) != 5 {
		return whole(fmt.Sprintf("has %d group%s separated by '-' where a GUID has five, of 8-4-4-4-12 hex digits", len(groups), pluralS(len(groups))))
	}
	// A character that is not a hex digit, anywhere, is the clearest fault.
	off := 0
	for _, g := range groups {
		for j := 0; j < len(g); {
			r, size := utf8.DecodeRuneInString(g[j:])
			if r >= utf8.RuneSelf || !IsHex(byte(r)) {
				hint := ""
				switch r {
				case 'o', 'O':
					hint = "; did you mean the digit 0?"
				case 'l', 'I':
					hint = "; did you mean the digit 1?"
				}
				return off + j, off + j + size, fmt.Sprintf("contains %s, which is not a hexadecimal digit (0-9, a-f)%s", jsontext.Quote(string(r)), hint)
			}
			j += size
		}
		off += len(g) + 1
	}
	off = 0
	for i, g := range groups {
		if len(g) != guidGroups[i] {
			return off, off + len(g), fmt.Sprintf("has %d hex digits in its %s group %s where a GUID has %d (8-4-4-4-12): a digit is missing or extra",
				len(g), guidOrdinal[i], jsontext.Quote(g), guidGroups[i])
		}
		off += len(g) + 1
	}
	return whole("is not a GUID of 8-4-4-4-12 hex digits") // not reached
}
