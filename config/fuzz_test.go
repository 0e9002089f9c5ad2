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
		lines := yamlLines(data)
		if ce.Line < 1 || ce.Line > lines+1 || ce.Column < 1 || ce.Path != "f.yaml" || ce.Msg == "" {
			t.Fatalf("error %q: position outside the %d lines of the text", ce, lines)
		}
	})
}

// yamlLines counts the lines of data as YAML (and the lint's positions)
// do: LF, CRLF and a lone CR end a line, and so do NEL, LS and PS, which
// the YAML parser also breaks lines at.
func yamlLines(data []byte) int {
	n := 1
	for i := 0; i < len(data); i++ {
		switch {
		case data[i] == '\n':
			n++
		case data[i] == '\r' && (i+1 == len(data) || data[i+1] != '\n'):
			n++
		case bytes.HasPrefix(data[i:], []byte("\u0085")), bytes.HasPrefix(data[i:], []byte("\u2028")), bytes.HasPrefix(data[i:], []byte("\u2029")):
			n++
		}
	}
	return n
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

// FuzzParseBaseline: any bytes give a baseline or an *Error positioned
// inside the text, never a panic; a baseline read back marshals to a
// fixed point that holds no pipeline command opener.
func FuzzParseBaseline(f *testing.F) {
	var b Baseline
	b.Add("a.json", nil)
	for _, s := range []string{
		"", "{}", string(b.Marshal()), `{"version":1,"entries":[{"rule":"guid","path":"a.json","request":0,"pointer":"/x","count":2}]}`,
		`{"version":1,"entries":[{"rule":"r","path":"##vso[x]","request":-1,"pointer":"/##[","count":-5}]}`,
		`{"version":2}`, `{"version":1,"entries":null} {}`, `{"version":1,"entries":[{"count":1e99}]}`, "[[[[",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		bl, err := ParseBaseline("b.json", data)
		if err != nil {
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("error %v (%T) is not a *Error", err, err)
			}
			lines := bytes.Count(data, []byte{'\n'}) + 1
			if ce.Line < 1 || ce.Line > lines+1 || ce.Column < 1 || ce.Path != "b.json" || ce.Msg == "" {
				t.Fatalf("error %q: position outside the %d lines of the text", ce, lines)
			}
			return
		}
		out := bl.Marshal()
		low := strings.ToLower(string(out))
		if strings.Contains(low, "##vso[") || strings.Contains(low, "##[") {
			t.Fatalf("marshalled baseline holds a command opener:\n%s", out)
		}
		back, err := ParseBaseline("b.json", out)
		if err != nil {
			t.Fatalf("own output does not parse: %v\n%s", err, out)
		}
		if again := back.Marshal(); !bytes.Equal(again, out) {
			t.Fatalf("Marshal is not a fixed point:\n%s\n%s", out, again)
		}
		m := back.Matcher()
		m.Unused(func(string) bool { return true })
		m.Pruned(func(string) bool { return true }).Marshal()
	})
}
