package site

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

func TestHandler(t *testing.T) {
	dir := t.TempDir()
	const policy = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'"
	files := map[string]string{
		"index.html": `<!doctype html><meta http-equiv="Content-Security-Policy" content="` + policy + `"><title>x</title>`,
		"main.wasm":  "\x00asm",
		"main.js":    "1",
		"notes.md":   "not served",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	h, err := Handler(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		method, path string
		code         int
		typ          string
	}{
		{"GET", "/", 200, "text/html; charset=utf-8"},
		{"GET", "/main.wasm", 200, "application/wasm"},
		{"HEAD", "/main.js", 200, "text/javascript; charset=utf-8"},
		{"GET", "/notes.md", 404, ""},
		{"GET", "/missing.js", 404, ""},
		{"GET", "/../main.js", 200, "text/javascript; charset=utf-8"},
		{"POST", "/", 405, ""},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(c.method, c.path, nil))
		if rec.Code != c.code {
			t.Errorf("%s %s: %d, want %d", c.method, c.path, rec.Code, c.code)
		}
		if c.typ != "" && rec.Header().Get("Content-Type") != c.typ {
			t.Errorf("%s %s: Content-Type %q, want %q", c.method, c.path, rec.Header().Get("Content-Type"), c.typ)
		}
		if got := rec.Header().Get("Content-Security-Policy"); got != policy+"; frame-ancestors 'none'" {
			t.Errorf("%s %s: policy %q", c.method, c.path, got)
		}
		if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s %s: no nosniff", c.method, c.path)
		}
	}
}

func TestHandlerNeedsThePolicy(t *testing.T) {
	dir := t.TempDir()
	if _, err := Handler(dir); err == nil {
		t.Error("no index.html: want an error")
	}
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("<!doctype html><title>x</title>"), 0o644)
	if _, err := Handler(dir); err == nil {
		t.Error("no policy <meta>: want an error")
	}
}
