package jsontext

import "testing"

func TestEscapePointer(t *testing.T) {
	for in, want := range map[string]string{"a": "a", "a/b": "a~1b", "~": "~0", "~1/": "~01~1", "": ""} {
		got := EscapePointer(in)
		if got != want {
			t.Errorf("EscapePointer(%q) = %q, want %q", in, got, want)
		}
		if back := UnescapePointer(got); back != in {
			t.Errorf("UnescapePointer(%q) = %q, want %q", got, back, in)
		}
	}
}
