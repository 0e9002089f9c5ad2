package lsp

import (
	"path/filepath"
	"testing"
)

// TestPositions converts offsets both ways in both encodings across é
// (2 bytes, 1 unit), 😀 (4 bytes, 2 units), CRLF and a lone CR.
func TestPositions(t *testing.T) {
	text := []byte("aé😀b\r\nx\ry\n")
	l := newLines(text)
	for _, tc := range []struct {
		off         int
		utf8, utf16 Position
	}{
		{0, pos(0, 0), pos(0, 0)},
		{1, pos(0, 1), pos(0, 1)},  // é
		{3, pos(0, 3), pos(0, 2)},  // 😀
		{7, pos(0, 7), pos(0, 4)},  // b
		{8, pos(0, 8), pos(0, 5)},  // \r of CRLF
		{10, pos(1, 0), pos(1, 0)}, // x
		{12, pos(2, 0), pos(2, 0)}, // y after a lone CR
		{14, pos(3, 0), pos(3, 0)}, // the end
		{99, pos(3, 0), pos(3, 0)}, // past the end
		{-1, pos(0, 0), pos(0, 0)}, // before the start
	} {
		if got := l.position(tc.off, encodingUTF8); got != tc.utf8 {
			t.Errorf("utf-8 position(%d) = %v, want %v", tc.off, got, tc.utf8)
		}
		if got := l.position(tc.off, encodingUTF16); got != tc.utf16 {
			t.Errorf("utf-16 position(%d) = %v, want %v", tc.off, got, tc.utf16)
		}
	}
	for _, tc := range []struct {
		p    Position
		enc  string
		want int
	}{
		{pos(0, 4), encodingUTF16, 7},
		{pos(0, 3), encodingUTF16, 3},  // inside 😀's pair: its start
		{pos(0, 2), encodingUTF8, 1},   // inside é: its start
		{pos(0, 99), encodingUTF8, 8},  // past the line: its end, before CRLF
		{pos(1, 5), encodingUTF16, 11}, // before the lone CR
		{pos(9, 0), encodingUTF16, 14}, // past the last line
	} {
		if got := l.offset(tc.p, tc.enc); got != tc.want {
			t.Errorf("%s offset(%v) = %d, want %d", tc.enc, tc.p, got, tc.want)
		}
	}
}

// TestApplyChange applies incremental changes addressed in each encoding
// and a whole-text change.
func TestApplyChange(t *testing.T) {
	text := []byte("{\"a\": \"😀x\"}\n")
	r := &Range{Start: pos(0, 9), End: pos(0, 10)} // x, after 😀 in UTF-16
	if got := string(applyChange(text, contentChange{Range: r, Text: "y"}, encodingUTF16)); got != "{\"a\": \"😀y\"}\n" {
		t.Errorf("utf-16 change: %q", got)
	}
	r = &Range{Start: pos(0, 11), End: pos(0, 12)} // x in UTF-8
	if got := string(applyChange(text, contentChange{Range: r, Text: "y"}, encodingUTF8)); got != "{\"a\": \"😀y\"}\n" {
		t.Errorf("utf-8 change: %q", got)
	}
	if got := string(applyChange(text, contentChange{Text: "{}"}, encodingUTF8)); got != "{}" {
		t.Errorf("whole change: %q", got)
	}
	r = &Range{Start: pos(1, 0), End: pos(0, 0)} // reversed: taken in order
	if got := string(applyChange(text, contentChange{Range: r, Text: ""}, encodingUTF8)); got != "" {
		t.Errorf("reversed range: %q", got)
	}
}

// TestMinimalEdit: the one edit keeps the common ends but never splits a
// character or a CRLF, and always turns old into new.
func TestMinimalEdit(t *testing.T) {
	for _, tc := range []struct{ old, new, text string }{
		{`{"a": "Passed"}`, `{"a": "passed"}`, "p"},
		{"é", "è", "è"},                // same first byte: not split
		{"a\r\nb", "a\nb", "\n"},       // CRLF to LF
		{"x\r\n", "x\r\n\r\n", "\r\n"}, // growing
		{"same", "same", ""},
	} {
		a, b, text := minimalEdit([]byte(tc.old), []byte(tc.new))
		if got := tc.old[:a] + text + tc.old[b:]; got != tc.new || text != tc.text {
			t.Errorf("minimalEdit(%q, %q) = [%d,%d) %q", tc.old, tc.new, a, b, text)
		}
	}
}

// TestKeyAt finds the key whose token holds an offset, and only a key.
func TestKeyAt(t *testing.T) {
	text := []byte("{\n  \"subnetId\" : \"a:b\", \"x\\\"y\": 1\n}")
	for _, tc := range []struct {
		off  int
		name string
		ok   bool
	}{
		{4, "subnetId", true},
		{13, "subnetId", true},
		{19, "", false}, // inside a value
		{27, `x"y`, true},
		{0, "", false},
	} {
		name, _, _, ok := keyAt(text, tc.off)
		if name != tc.name || ok != tc.ok {
			t.Errorf("keyAt(%d) = %q %v, want %q %v", tc.off, name, ok, tc.name, tc.ok)
		}
	}
}

// TestURIs converts file URIs and paths both ways, spaces and a Windows
// drive letter included.
func TestURIs(t *testing.T) {
	for _, tc := range []struct{ uri, path string }{
		{"file:///home/me/a%20b.json", "/home/me/a b.json"},
		{"file:///C:/conns/a.json", "C:/conns/a.json"},
	} {
		if got := uriToPath(tc.uri); got != filepath.FromSlash(tc.path) {
			t.Errorf("uriToPath(%q) = %q", tc.uri, got)
		}
		if got := pathToURI(filepath.FromSlash(tc.path)); got != tc.uri {
			t.Errorf("pathToURI(%q) = %q", tc.path, got)
		}
	}
	if got := uriToPath("untitled:Untitled-1"); got != "untitled:Untitled-1" {
		t.Errorf("untitled: %q", got)
	}
}
