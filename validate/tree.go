package validate

import "github.com/azconn/azconn/internal/jsontext"

// The syntax tree is internal/jsontext's. These short names keep the
// stages and rules that still use them compiling while they move to the
// package's own names.
type (
	node       = jsontext.Node
	member     = jsontext.Member
	kind       = jsontext.Kind
	syntaxTree = jsontext.Tree
)

const (
	kindNull   = jsontext.Null
	kindFalse  = jsontext.False
	kindTrue   = jsontext.True
	kindNumber = jsontext.Number
	kindString = jsontext.String
	kindArray  = jsontext.Array
	kindObject = jsontext.Object
)

func escapePointer(s string) string { return jsontext.EscapePointerToken(s) }
func pointerWith(n *node, key func(*node) string) string {
	return jsontext.PointerWith(n, key)
}
func unescapePointer(tok string) string { return jsontext.UnescapePointerToken(tok) }
func isIdentByte(c byte) bool           { return jsontext.IsIdentByte(c) }
