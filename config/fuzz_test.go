package config

import (
	"bytes"
	"errors"
	"runtime"
	"strings"
	"testing"
)

// FuzzParse: any bytes give a configuration or an *Error whose position is
// inside the text, never a panic.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"", "{}", "target: auto\n", string(Starter()),
		"rules: {placeholder: error, guid: off}\noverrides:\n  - files: [\"a/**#/x\"]\n    rules: {guid: info}\n",
		"a: &x [1]\nb: *x\n", "rules:\n  <<: {a: b}\n", "[[[[", "\t- a\n", "{\"exclude\": [\"[\"]}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse("f.yaml", data)
		if err == nil {
			if c == nil {
				t.Fatal("no configuration and no error")
			}
			c.Options("a.json") // must not panic either
			return
		}
		var ce *Error
		if !errors.As(err, &ce) {
			t.Fatalf("error %v (%T) is not a *Error", err, err)
		}
		lines := bytes.Count(data, []byte{'\n'}) + 1
		if ce.Line < 1 || ce.Line > lines+1 || ce.Column < 1 || ce.Path != "f.yaml" || ce.Msg == "" {
			t.Fatalf("error %q: position outside the %d lines of the text", ce, lines)
		}
	})
}

// TestParseBounded: hostile inputs up to MaxSize (deep nesting, many
// aliases, a long key, many keys) are answered with bounded memory, and
// larger ones refused before parsing.
func TestParseBounded(t *testing.T) {
	fill := func(unit string) []byte {
		return []byte(strings.Repeat(unit, MaxSize/len(unit)))
	}
	inputs := map[string][]byte{
		"deep flow":    fill("["),
		"deep block":   fill("- "),
		"aliases":      []byte("a: &a [x, x, x, x, x, x, x, x]\nb: [" + strings.Repeat("*a, ", (MaxSize-64)/4) + "*a]\n"),
		"long key":     append(fill("k")[:MaxSize-4], ": 1\n"...),
		"many entries": fill("exclude: [a]\n"),
	}
	for name, data := range inputs {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		_, err := Parse("h.yaml", data)
		runtime.ReadMemStats(&after)
		if err == nil {
			t.Errorf("%s: accepted", name)
		}
		// 256 KiB of input: the parser's node tree stays within a few
		// hundred bytes per input byte (15 MiB at most when measured).
		if got := after.TotalAlloc - before.TotalAlloc; got > 64<<20 {
			t.Errorf("%s: allocated %d MiB", name, got>>20)
		}
		t.Logf("%s: %d KiB allocated: %v", name, (after.TotalAlloc-before.TotalAlloc)>>10, err)
	}
	if _, err := Parse("big.yaml", make([]byte, MaxSize+1)); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("an oversized file: %v", err)
	}
}
