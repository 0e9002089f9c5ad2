package jsontext

import (
	"slices"
	"testing"
)

func TestEachLine(t *testing.T) {
	for _, tt := range []struct {
		in   string
		from int
		want []Line
	}{
		{"", 0, nil},
		{"a", 0, []Line{{0, 1, 1}}},
		{"a\nb", 0, []Line{{0, 1, 2}, {2, 3, 3}}},
		{"a\r\nb\r\n", 0, []Line{{0, 1, 3}, {3, 4, 6}}},
		{"a\rb\n\n", 0, []Line{{0, 1, 2}, {2, 3, 4}, {4, 4, 5}}},
		{"ab\ncd", 1, []Line{{1, 2, 3}, {3, 5, 5}}},
	} {
		var got []Line
		EachLine([]byte(tt.in), tt.from, func(ln Line) bool {
			got = append(got, ln)
			return true
		})
		if !slices.Equal(got, tt.want) {
			t.Errorf("EachLine(%q, %d) = %v, want %v", tt.in, tt.from, got, tt.want)
		}
	}
	n := 0
	EachLine([]byte("a\nb\nc"), 0, func(Line) bool { n++; return n < 2 })
	if n != 2 {
		t.Errorf("EachLine went on after fn returned false: %d calls", n)
	}
}

func TestTrimBlanks(t *testing.T) {
	for _, tt := range []struct {
		in         string
		start, end int
		ws, we     int
	}{
		{" \ta b\t ", 0, 7, 2, 5}, {"   ", 0, 3, 3, 3}, {"x y", 1, 2, 2, 2}, {"ab", 0, 2, 0, 2},
	} {
		if s, e := TrimBlanks([]byte(tt.in), tt.start, tt.end); s != tt.ws || e != tt.we {
			t.Errorf("TrimBlanks(%q, %d, %d) = %d, %d, want %d, %d", tt.in, tt.start, tt.end, s, e, tt.ws, tt.we)
		}
	}
}

func TestBOMLen(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"", 0}, {"\xEF\xBB", 0}, {"\xEF\xBB\xBF", 3}, {"\xEF\xBB\xBF{}", 3}, {"{}\xEF\xBB\xBF", 0}, {"\xFF\xFE{", 0},
	} {
		if got := BOMLen([]byte(c.in)); got != c.want {
			t.Errorf("BOMLen(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}
