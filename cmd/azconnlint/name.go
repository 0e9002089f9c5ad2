package main

import (
	"strconv"
	"unicode/utf8"
)

// shownName is a file name as printed in the text formats, workflow
// commands, --diff headers and messages: the name itself, or, when it holds
// a control character (a line break would forge finding lines, an escape
// sequence would reach the terminal) or is not UTF-8, the name quoted with
// Go escapes ("a\nb.json"). JSON and SARIF carry the name as it is: their
// encoders escape it. Pipeline command openers in it are neutralised
// (neutral.go): a file name is input too.
func shownName(p string) string {
	return neutralText(quotedName(p))
}

func quotedName(p string) string {
	if !utf8.ValidString(p) {
		return strconv.Quote(p)
	}
	for _, c := range p {
		if c < ' ' || c == 0x7f || c >= 0x80 && c < 0xa0 || c == 0x2028 || c == 0x2029 {
			return strconv.Quote(p)
		}
	}
	return p
}
