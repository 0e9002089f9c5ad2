package jsontext

import (
	"strconv"
	"strings"
	"testing"
)

// TestPointer: every node's pointer names its path, escaped, through
// objects and arrays, deeper than the path kept on the stack; key renames
// the members it is asked about; a pointer costs one allocation.
func TestPointer(t *testing.T) {
	deep := strings.Repeat(`[`, 20) + `{"x~": 1}` + strings.Repeat(`]`, 20)
	in := []byte(`{"a/b": {"c~d": [10, {"": 1}, [true]]}, "deep": ` + deep + `}`)
	tr := Parse(in, ParseOptions{})
	if tr.Err != nil {
		t.Fatal(tr.Err)
	}
	want := map[int32]string{}
	var walk func(n *Node, at string)
	walk = func(n *Node, at string) {
		want[n.ID] = at
		for _, m := range n.Members {
			walk(m.Val, at+"/"+strings.NewReplacer("~", "~0", "/", "~1").Replace(m.Key))
		}
		for i, e := range n.Elems {
			walk(e, at+"/"+strconv.Itoa(i))
		}
	}
	walk(tr.Root, "")
	for _, n := range tr.Nodes {
		if got := n.Pointer(); got != want[n.ID] {
			t.Errorf("node %d: %q, want %q", n.ID, got, want[n.ID])
		}
	}
	leaf := tr.Nodes[len(tr.Nodes)-1]
	if got := leaf.Pointer(); got != "/deep"+strings.Repeat("/0", 20)+"/x~0" {
		t.Errorf("deep leaf: %q", got)
	}
	renamed := PointerWith(leaf, func(v *Node) string { return strings.ToUpper(v.Key()) })
	if renamed != "/DEEP"+strings.Repeat("/0", 20)+"/X~0" {
		t.Errorf("renamed: %q", renamed)
	}
	shallow := tr.Nodes[7] // true, under 16 levels
	if want[shallow.ID] != "/a~1b/c~0d/2/0" {
		t.Fatalf("node 7 is at %q", want[shallow.ID])
	}
	if a := testing.AllocsPerRun(10, func() { _ = shallow.Pointer() }); a != 1 {
		t.Errorf("a pointer costs %v allocations, want 1", a)
	}
	if tr.Root.Pointer() != "" {
		t.Errorf("root: %q", tr.Root.Pointer())
	}
}
