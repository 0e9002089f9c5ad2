package jsontext

import "bytes"

// Line is one line of a text: [Start, End) without its line break, and
// Next, the offset after the break. The layers that read a text by lines
// (the request forms, the secret scanners) share it.
type Line struct{ Start, End, Next int }

// EachLine calls fn for each line of data[from:] until it returns false.
// Lines end at LF, CRLF or a lone CR, as LineIndex counts them.
func EachLine(data []byte, from int, fn func(Line) bool) {
	for i := from; i < len(data); {
		j := i
		for j < len(data) && data[j] != '\n' && data[j] != '\r' {
			j++
		}
		next := j
		if j < len(data) {
			next += LineBreakLen(data, j)
		}
		if !fn(Line{i, j, next}) {
			return
		}
		i = next
	}
}

// TrimBlanks returns [start, end) of data without the spaces and tabs at
// its ends.
func TrimBlanks(data []byte, start, end int) (int, int) {
	for start < end && (data[start] == ' ' || data[start] == '\t') {
		start++
	}
	for end > start && (data[end-1] == ' ' || data[end-1] == '\t') {
		end--
	}
	return start, end
}

// BOM is the UTF-8 encoding of U+FEFF, the byte order mark: RFC 8259 §8.1
// forbids it in transmitted JSON, and files concatenated into one keep
// theirs.
const BOM = "\ufeff"

// BOMLen returns the length of data's leading UTF-8 byte order mark: 0 or
// len(BOM).
func BOMLen(data []byte) int {
	if bytes.HasPrefix(data, []byte(BOM)) {
		return len(BOM)
	}
	return 0
}
