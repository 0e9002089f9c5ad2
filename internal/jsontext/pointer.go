package jsontext

import (
	"strconv"
	"strings"
)

// EscapePointerToken spells s as one reference token of an RFC 6901 JSON
// Pointer: '~' becomes "~0" and '/' becomes "~1".
func EscapePointerToken(s string) string {
	if strings.IndexByte(s, '~') < 0 && strings.IndexByte(s, '/') < 0 {
		return s
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

// UnescapePointerToken returns the key that the reference token tok of an
// RFC 6901 JSON Pointer names: the inverse of EscapePointerToken.
func UnescapePointerToken(tok string) string {
	if strings.IndexByte(tok, '~') < 0 {
		return tok
	}
	return strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
}

// Pointer returns the RFC 6901 JSON Pointer of n in its tree.
func (n *Node) Pointer() string { return PointerWith(n, (*Node).Key) }

// PointerWith returns the RFC 6901 JSON Pointer of n, naming each member
// on the way by key(its value) instead of its key. It allocates the
// pointer once, at its exact length: under a long key, a pointer per
// finding is most of what a lint allocates.
func PointerWith(n *Node, key func(*Node) string) string {
	// The path from n up, with each member's name, on the stack while
	// the document nests 16 levels or less.
	var path0 [16]*Node
	var names0 [16]string
	path, names := path0[:0], names0[:0]
	size := 0
	for v := n; v != nil && v.Parent != nil; v = v.Parent {
		name := ""
		if v.Parent.Kind == Object {
			name = key(v)
			size += 1 + escapedLen(name)
		} else {
			size += 1 + decimalLen(v.Index)
		}
		path, names = append(path, v), append(names, name)
	}
	var b strings.Builder
	b.Grow(size)
	var digits [12]byte
	for i := len(path) - 1; i >= 0; i-- {
		b.WriteByte('/')
		if path[i].Parent.Kind == Object {
			writeEscaped(&b, names[i])
		} else {
			b.Write(strconv.AppendInt(digits[:0], int64(path[i].Index), 10))
		}
	}
	return b.String()
}

// escapedLen is the length of EscapePointerToken(s).
func escapedLen(s string) int {
	n := len(s)
	for i := 0; i < len(s); i++ {
		if s[i] == '~' || s[i] == '/' {
			n++
		}
	}
	return n
}

// writeEscaped writes EscapePointerToken(s) to b.
func writeEscaped(b *strings.Builder, s string) {
	for len(s) > 0 {
		i := strings.IndexAny(s, "~/")
		if i < 0 {
			b.WriteString(s)
			return
		}
		b.WriteString(s[:i])
		if s[i] == '~' {
			b.WriteString("~0")
		} else {
			b.WriteString("~1")
		}
		s = s[i+1:]
	}
}

// decimalLen is the number of digits of i, which is not negative.
func decimalLen(i int32) int {
	n := 1
	for ; i >= 10; i /= 10 {
		n++
	}
	return n
}
