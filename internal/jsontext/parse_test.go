package jsontext

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestSyntaxSpanWholeCharacter: a syntax error at a multi-byte character
// spans the whole character, never ending inside it.
func TestSyntaxSpanWholeCharacter(t *testing.T) {
	for _, tc := range []struct {
		in         string
		start, end int
	}{
		{"{é", 1, 3},                // expected a property name
		{`{"a": é}`, 6, 8},          // expected a value
		{`{"a": 1 €}`, 8, 11},       // expected ',' or '}'
		{"{\"a\": \"x\"}𝄞", 10, 14}, // data after the value: to the end
	} {
		e := Parse([]byte(tc.in), ParseOptions{}).Err
		if e == nil {
			t.Fatalf("%q: no error", tc.in)
		}
		if e.Start != tc.start || e.End != tc.end {
			t.Errorf("%q: span %d..%d, want %d..%d (%s)", tc.in, e.Start, e.End, tc.start, tc.end, e.Msg)
		}
	}
}

// TestControlCharacterNamed: a control character in a string is named by
// its full code point.
func TestControlCharacterNamed(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"{\"displayName\": \"a\x00b\"}", "control character U+0000 in a string"},
		{"{\"displayName\": \"a\x01b\"}", "control character U+0001 in a string"},
		{"{\"displayName\": \"a\x1fb\"}", "control character U+001F in a string"},
	} {
		e := Parse([]byte(tc.in), ParseOptions{}).Err
		if e == nil || !strings.Contains(e.Msg, tc.want) {
			t.Errorf("%q: %v, want %q", tc.in, e, tc.want)
		}
	}
	if got := quoteRune(0x7f); got != "U+007F" {
		t.Errorf("quoteRune(0x7f) = %s", got)
	}
}

// TestSyntaxErrors: each problem the parser names, with its span, its
// message and the pointer of the innermost open value.
func TestSyntaxErrors(t *testing.T) {
	for _, tc := range []struct {
		in         string
		start, end int
		msg, ptr   string
	}{
		{``, 0, 0, "empty input: expected a JSON object", ""},
		{`{"a": 1,}`, 7, 8, "trailing comma before '}': remove the ','", ""},
		{`{"a": [1,]}`, 8, 9, "trailing comma before ']': remove the ','", "/a"},
		{`{'a': 1}`, 1, 2, "property names must be in double quotes, not single quotes", ""},
		{`{a: 1}`, 1, 2, "property names must be in double quotes", ""},
		{`{"a" 1}`, 5, 6, "expected ':' after the property name", "/a"},
		{`{"a": 1 "b": 2}`, 8, 9, "expected ',' or '}' after a property value", ""},
		{`[1 2]`, 3, 4, "expected ',' or ']' after an array element", ""},
		{`{"a": {"b/c~": [1, x]}}`, 19, 20, "unexpected word: strings must be in double quotes", "/a/b~1c~0"},
		{`{"a": 01}`, 6, 8, "numbers cannot have leading zeros", "/a"},
		{`{"a": 1.}`, 7, 8, "expected a digit after the decimal point", "/a"},
		{`{"a": 1e}`, 6, 8, "expected a digit in the exponent", "/a"},
		{`{"a": -Infinity}`, 6, 15, "-Infinity is not a JSON number: use a number or null", "/a"},
		{`{"a": NaN}`, 6, 9, "NaN is not a JSON number: use a number or null", "/a"},
		{`{"a": True}`, 6, 10, "JSON literals are lower case: write true", "/a"},
		{`{"a": None}`, 6, 10, "None is not JSON: write null", "/a"},
		{`{"a": 12ab}`, 6, 10, "malformed number", "/a"},
		{`{"a": "x\q"}`, 8, 10, `invalid escape sequence in a string: only \" \\ \/ \b \f \n \r \t and \uXXXX are allowed`, "/a"},
		{`{"a": "\u12"}`, 7, 13, `invalid \u escape: it needs four hex digits`, "/a"},
		{"{\"a\": \"x\n\"}", 6, 8, `unterminated string: close it with '"' before the end of the line (or escape the line break as \n)`, "/a"},
		{`{"a": "x`, 6, 8, `unterminated string: close it with '"'`, "/a"},
		{`{"a": 1 // note` + "\n}", 8, 15, "comments are not allowed in JSON: remove the comment", ""},
		{`{"a": 1} x`, 9, 10, "unexpected data after the top-level value", ""},
		{`{"a": 1`, 7, 7, "unexpected end of input: expected ',' or '}'", ""},
		{`{"a": `, 6, 6, "unexpected end of input: expected a value", "/a"},
	} {
		e := Parse([]byte(tc.in), ParseOptions{}).Err
		if e == nil {
			t.Errorf("%q: no error, want %q", tc.in, tc.msg)
			continue
		}
		if e.Start != tc.start || e.End != tc.end || e.Msg != tc.msg || e.Pointer != tc.ptr || e.TooDeep {
			t.Errorf("%q: %d..%d %q at %q (deep %v), want %d..%d %q at %q", tc.in, e.Start, e.End, e.Msg, e.Pointer, e.TooDeep, tc.start, tc.end, tc.msg, tc.ptr)
		}
	}
}

// TestMaxDepth: the bracket past the limit stops the parse, TooDeep and
// with no message; zero sets no limit.
func TestMaxDepth(t *testing.T) {
	in := []byte(`{"a": [[{"b": [1]}]]}`)
	e := Parse(in, ParseOptions{MaxDepth: 4}).Err
	if e == nil || !e.TooDeep || e.Msg != "" || e.Start != 14 || e.End != 15 || e.Pointer != "/a/0/0/b" {
		t.Fatalf("depth 4: %+v", e)
	}
	if e := Parse(in, ParseOptions{MaxDepth: 5}).Err; e != nil {
		t.Errorf("depth 5: %v", e)
	}
	deep := strings.Repeat("[", 10000) + strings.Repeat("]", 10000)
	if tr := Parse([]byte(deep), ParseOptions{}); tr.Err != nil || len(tr.Nodes) != 10000 {
		t.Errorf("no limit: %v, %d nodes", tr.Err, len(tr.Nodes))
	}
}

// TestTree: nodes in document order with their spans, kinds, keys,
// parents and decoded strings; Base skips a prefix without moving offsets.
func TestTree(t *testing.T) {
	in := []byte("\xEF\xBB\xBF" + `{"a\/b": "x\u00e9", "n": [1, true, null, {}], "s": "plain"}`)
	tr := Parse(in, ParseOptions{Base: 3})
	if tr.Err != nil {
		t.Fatal(tr.Err)
	}
	type want struct {
		kind       Kind
		start, end int
		key, str   string
		escaped    bool
	}
	wants := []want{
		{Object, 3, 62, "", "", false},
		{String, 12, 21, "a/b", "xé", true},
		{Array, 28, 47, "n", "", false},
		{Number, 29, 30, "", "", false},
		{True, 32, 36, "", "", false},
		{Null, 38, 42, "", "", false},
		{Object, 44, 46, "", "", false},
		{String, 54, 61, "s", "plain", false},
	}
	if len(tr.Nodes) != len(wants) || tr.Root != tr.Nodes[0] {
		t.Fatalf("%d nodes, want %d", len(tr.Nodes), len(wants))
	}
	for i, w := range wants {
		n := tr.Nodes[i]
		if n.ID != int32(i) || n.Kind != w.kind || n.Start != w.start || n.End != w.end || n.Key() != w.key || n.Str != w.str || n.Escaped != w.escaped {
			t.Errorf("node %d: %+v, want %+v", i, *n, w)
		}
		if p := n.Parent; p != nil && (p.Kind == Array && p.Elems[n.Index] != n || p.Kind == Object && p.Members[n.Index].Val != n) {
			t.Errorf("node %d is not at its index %d in its parent", i, n.Index)
		}
	}
	if m := tr.Root.Members[0]; m.KeyStart != 4 || m.KeyEnd != 10 || !m.KeyEscaped {
		t.Errorf("first member: %+v", m)
	}
	if Number.TypeName() != "number" || True.TypeName() != "boolean" || False.TypeName() != "boolean" {
		t.Error("TypeName")
	}
}

// TestDups: repeated keys are listed up to MaxDups and counted past it,
// their values marked, in small objects (searched) and large ones (a map).
func TestDups(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"k": 0`)
	for i := range 30 {
		b.WriteString(`, "u` + string(rune('a'+i%26)) + string(rune('a'+i/26)) + `": 1, "k": 2`)
	}
	b.WriteString(`}`)
	in := []byte(b.String())
	for _, tc := range []struct{ max, listed, more int }{{0, 30, 0}, {5, 5, 25}, {40, 30, 0}} {
		tr := Parse(in, ParseOptions{MaxDups: tc.max})
		if tr.Err != nil || len(tr.Dups) != tc.listed || tr.MoreDups != tc.more {
			t.Fatalf("MaxDups %d: %v, %d listed, %d more", tc.max, tr.Err, len(tr.Dups), tr.MoreDups)
		}
		repeated := 0
		for _, m := range tr.Root.Members {
			if m.Val.Repeated {
				repeated++
			}
		}
		if repeated != 30 {
			t.Errorf("MaxDups %d: %d values marked repeated, want 30", tc.max, repeated)
		}
		for _, d := range tr.Dups {
			if d.First != 0 || d.Obj.Members[d.Index].Key != "k" || d.Index <= d.First {
				t.Errorf("dup %+v", d)
			}
		}
	}
}

// TestLoneSurrogates: a \u escape of a lone surrogate is listed and decodes
// to U+FFFD; a pair decodes to its character.
func TestLoneSurrogates(t *testing.T) {
	tr := Parse([]byte(`["\ud800x", "\ud83d\ude00", "\udc00\ud800"]`), ParseOptions{})
	if tr.Err != nil {
		t.Fatal(tr.Err)
	}
	want := []Span{{2, 8}, {29, 35}, {35, 41}}
	if len(tr.Lone) != len(want) {
		t.Fatalf("lone %v, want %v", tr.Lone, want)
	}
	for i := range want {
		if tr.Lone[i] != want[i] {
			t.Errorf("lone %v, want %v", tr.Lone, want)
		}
	}
	if s := tr.Root.Elems[1].Str; s != "😀" {
		t.Errorf("pair decodes to %q", s)
	}
	if s := tr.Root.Elems[0].Str; s != "\uFFFDx" {
		t.Errorf("lone decodes to %q", s)
	}
}

// TestPointerToken: escaping and unescaping are inverses and follow RFC
// 6901's order ("~01" is "~1", not "/").
func TestPointerToken(t *testing.T) {
	for _, tc := range []struct{ key, tok string }{{"a", "a"}, {"a/b", "a~1b"}, {"~1", "~01"}, {"/~", "~1~0"}} {
		if got := EscapePointerToken(tc.key); got != tc.tok {
			t.Errorf("EscapePointerToken(%q) = %q, want %q", tc.key, got, tc.tok)
		}
		if got := UnescapePointerToken(tc.tok); got != tc.key {
			t.Errorf("UnescapePointerToken(%q) = %q, want %q", tc.tok, got, tc.key)
		}
	}
}

// FuzzTree checks the parser against encoding/json on any input: it
// accepts exactly the valid JSON (a lone surrogate aside, which
// encoding/json replaces and the parser lists), never panics, and keeps
// its spans inside the input, whole characters and in document order.
func FuzzTree(f *testing.F) {
	for _, s := range []string{`{"a": [1, "x\u00e9", {"b": null}]}`, `{"a": 1,}`, `[1 2]`, `{"a\ud800": "\n"}`, `"x`, `{"k":1,"k":2}`, "{\"a\": \"\xff\"}"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tr := Parse(data, ParseOptions{MaxDepth: 64})
		deep := tr.Err != nil && tr.Err.TooDeep
		if valid := json.Valid(data); !deep && valid != (tr.Err == nil) && utf8.Valid(data) {
			t.Fatalf("json.Valid %v, parser error %v", valid, tr.Err)
		}
		if e := tr.Err; e != nil {
			if e.Start < 0 || e.Start > len(data) || e.End < e.Start || e.End > len(data) {
				t.Fatalf("error span %d..%d of %d bytes", e.Start, e.End, len(data))
			}
			if e.End < len(data) && !utf8.RuneStart(data[e.End]) {
				t.Fatalf("error span ends inside a character at %d", e.End)
			}
		}
		last := -1
		for i, n := range tr.Nodes {
			if n.ID != int32(i) || n.Start < last || n.Start >= len(data) || (n.End != 0 && (n.End <= n.Start || n.End > len(data))) {
				t.Fatalf("node %d: %+v", i, *n)
			}
			last = n.Start
		}
	})
}

// TestWideObjects: objects wide enough to keep their part of the members'
// stack (and narrow ones copied off it), side by side and nested, each
// keep exactly their members, as a rendering of the tree shows.
func TestWideObjects(t *testing.T) {
	wide := func(prefix string, n int) string {
		var b strings.Builder
		b.WriteByte('{')
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `"%s%d":%d`, prefix, i, i)
		}
		b.WriteByte('}')
		return b.String()
	}
	for _, in := range []string{
		wide("k", 300),
		`{"a":` + wide("w", 300) + `,"b":1,"c":` + wide("v", 500) + `,"d":[` + wide("x", 70) + `,{"e":2}]}`,
		`{"p":1,"q":{"r":` + wide("deep", 1000) + `,"s":` + wide("t", 3) + `},"u":` + wide("z", 65) + `}`,
		`[` + wide("a", 200) + `,` + wide("b", 200) + `,{"c":` + wide("d", 129) + `}]`,
	} {
		tr := Parse([]byte(in), ParseOptions{})
		if tr.Err != nil {
			t.Fatal(tr.Err)
		}
		if got := render(in, tr.Root); got != in {
			t.Errorf("tree of %.60s… renders differently:\n%.200s", in, got)
		}
	}
}

// render writes the tree of src, a text without spaces or escapes, back.
func render(src string, n *Node) string {
	switch n.Kind {
	case Object:
		parts := make([]string, len(n.Members))
		for i, m := range n.Members {
			parts[i] = `"` + m.Key + `":` + render(src, m.Val)
		}
		return "{" + strings.Join(parts, ",") + "}"
	case Array:
		parts := make([]string, len(n.Elems))
		for i, e := range n.Elems {
			parts[i] = render(src, e)
		}
		return "[" + strings.Join(parts, ",") + "]"
	case String:
		return `"` + n.Str + `"`
	}
	return src[n.Start:n.End]
}
