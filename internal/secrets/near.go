package secrets

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/azconn/azconn/internal/suggest"
)

// IsNearSecret reports whether key is a near-miss of the secret property's
// name (not the name itself in any case, which the parser marks): within
// the typo allowance of the engine's "did you mean".
func IsNearSecret(key, secret string) bool {
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
