package jsontext

import "unicode/utf8"

// RawOffset maps the byte offset d of a decoded string to the offset in its
// raw JSON text (without quotes). An offset inside the expansion of an
// escape maps to the escape's start, or past its end when end is set.
func RawOffset(raw []byte, d int, end bool) int {
	i, got := 0, 0
	for i < len(raw) && got < d {
		step, width := 1, 1
		if raw[i] == '\\' && i+1 < len(raw) {
			step = 2
			if raw[i+1] == 'u' {
				r, _ := hexRune(raw, i+2)
				step = 6
				if r >= 0xd800 && r < 0xdc00 && i+11 < len(raw) && raw[i+6] == '\\' && raw[i+7] == 'u' {
					if r2, ok := hexRune(raw, i+8); ok && r2 >= 0xdc00 && r2 <= 0xdfff {
						step, r = 12, 0x10000 // any rune past the BMP: 4 bytes
					}
				}
				width = utf8.RuneLen(r)
				if width < 0 {
					width = 3 // a lone surrogate decodes to U+FFFD
				}
			}
		}
		if got+width > d { // d falls inside this character's bytes
			if end {
				i += step
			}
			return i
		}
		i += step
		got += width
	}
	return i
}
