package validate

import "testing"

func TestIdentitiesNumberRepeatsInOrder(t *testing.T) {
	fs := []Finding{
		{Rule: "duplicate-key", Pointer: "/displayName", Request: 0},
		{Rule: "whitespace", Pointer: "/displayName", Request: 0},
		{Rule: "duplicate-key", Pointer: "/displayName", Request: 0},
		{Rule: "duplicate-key", Pointer: "/displayName", Request: 1},
		{Rule: "duplicate-key", Pointer: "/displayName", Request: 0},
		{Rule: "request-line", Pointer: "", Request: 1},
	}
	got := Identities("dir/a.http", fs)
	want := []Identity{
		{"duplicate-key", "dir/a.http", 0, "/displayName", 0},
		{"whitespace", "dir/a.http", 0, "/displayName", 0},
		{"duplicate-key", "dir/a.http", 0, "/displayName", 1},
		{"duplicate-key", "dir/a.http", 1, "/displayName", 0},
		{"duplicate-key", "dir/a.http", 0, "/displayName", 2},
		{"request-line", "dir/a.http", 1, "", 0},
	}
	if len(got) != len(want) {
		t.Fatalf("len = %d, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("identity %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if len(Identities("x", nil)) != 0 {
		t.Error("no findings must give no identities")
	}
}
