package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/azconn/azconn/validate"
)

func TestNeutralize(t *testing.T) {
	cases := []struct{ in, text, json, xml string }{
		{"plain", "plain", "plain", "plain"},
		{"##vso[task.x]", `##vso\[task.x]`, `##vso\u005btask.x]`, "##vso&#91;task.x]"},
		{"a##[error]b##VSO[c", `a##\[error]b##VSO\[c`, `a##\u005berror]b##VSO\u005bc`, "a##&#91;error]b##VSO&#91;c"},
		{"###[x", `###\[x`, `###\u005bx`, "###&#91;x"},
		{"##vso\\[ already", "##vso\\[ already", "##vso\\[ already", "##vso\\[ already"},
		{"# #[ ## [", "# #[ ## [", "# #[ ## [", "# #[ ## ["},
	}
	for _, c := range cases {
		if got := neutralText(c.in); got != c.text {
			t.Errorf("text %q → %q, want %q", c.in, got, c.text)
		}
		if got := string(jsonLine([]byte(c.in))); got != c.json {
			t.Errorf("json %q → %q, want %q", c.in, got, c.json)
		}
		if got := string(xmlLine([]byte(c.in))); got != c.xml {
			t.Errorf("xml %q → %q, want %q", c.in, got, c.xml)
		}
	}
}

func TestNeutralLine(t *testing.T) {
	cases := map[string]string{
		"::error::x\n":          `\::error::x` + "\n",
		"  \t::error::x":        "  \t\\::error::x",
		"\u00a0::x::y":          "\u00a0\\::x::y",
		"a ::error::x":          "a ::error::x",
		" a\r::warning::b\r\n":  " a\r\\::warning::b\r\n",
		"x\r  ::n::y\r::z::w":   "x\r  \\::n::y\r\\::z::w",
		"+::error::added":       "+::error::added",
		" ##vso[task.x]::a::b":  ` ##vso\[task.x]::a::b`,
		":: not a command":      `\:: not a command`,
		"path.json:1:2: error:": "path.json:1:2: error:",
	}
	for in, want := range cases {
		if got := string(neutralLine([]byte(in))); got != want {
			t.Errorf("neutralLine(%q) = %q, want %q", in, got, want)
		}
	}
	if got := safePath("::error::a.json"); got != "./::error::a.json" {
		t.Errorf("safePath = %q", got)
	}
	if got := safePath("##[x].json"); got != `##\[x].json` {
		t.Errorf("safePath = %q", got)
	}
}

func TestAzureLine(t *testing.T) {
	for in, want := range map[string]string{
		"##vso[task.logissue type=error;]m ##vso[x]": `##vso[task.logissue type=error;]m ##vso\[x]`,
		"##[group]a##[b":                       `##[group]a##\[b`,
		"##[endgroup]":                         "##[endgroup]",
		"plain ##vso[x":                        `plain ##vso\[x`,
		"##vso[task.logissue type=warning;]ok": "##vso[task.logissue type=warning;]ok",
	} {
		if got := string(azureLine([]byte(in))); got != want {
			t.Errorf("azureLine(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLineFilterAcrossWrites: an opener split between writes is still
// found, and a last line without a break is written on Close.
func TestLineFilterAcrossWrites(t *testing.T) {
	var b bytes.Buffer
	f := &lineFilter{w: &b, fix: neutralLine}
	for _, part := range []string{"ok\n#", "#vs", "o[x]\n:", ":y::z"} {
		if n, err := f.Write([]byte(part)); err != nil || n != len(part) {
			t.Fatalf("Write(%q) = %d, %v", part, n, err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), "ok\n##vso\\[x]\n\\::y::z"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestSnippetCaretsUnderNeutralisedText: the snippet shows "\[" and the
// carets stay under the characters of the span, before, on and after it.
func TestSnippetCaretsUnderNeutralisedText(t *testing.T) {
	src := []byte(`{"a": "##vso[x]", "b": "##[y] ##vso[z]"}`)
	for _, c := range []struct {
		start, end int // byte offsets of the span
		shown      string
	}{
		{6, 16, `"##vso\[x]"`}, // the span holds an opener
		{23, 39, `"##\[y] ##vso\[z]"`},
		{1, 4, `"a"`}, // before every opener
		{12, 13, `[`}, // the span is the bracket itself
	} {
		x := validate.Finding{Start: validate.Pos{Line: 1, Column: c.start + 1, Offset: c.start}, End: validate.Pos{Line: 1, Column: c.end + 1, Offset: c.end}}
		line, caret, ok := newSnippetSource(src, validate.AzureConnection).snippet(x)
		if !ok {
			t.Fatal("no snippet")
		}
		if strings.Contains(line, "##vso[") || strings.Contains(line, "##[") {
			t.Errorf("snippet not neutralised: %q", line)
		}
		from := strings.IndexByte(caret, '^')
		to := len(caret)
		if got := line[from:to]; got != c.shown {
			t.Errorf("span %d-%d: carets under %q, want %q\n%s\n%s", c.start, c.end, got, c.shown, line, caret)
		}
	}
}
