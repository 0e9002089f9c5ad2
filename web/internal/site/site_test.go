package site

import (
	"net/http"
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
	h := handlerOf(t, dir, files)
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
		if rec.Header().Get("Referrer-Policy") != "no-referrer" {
			t.Errorf("%s %s: Referrer-Policy %q, want no-referrer", c.method, c.path, rec.Header().Get("Referrer-Policy"))
		}
		// The page opens no window and needs no isolation: a COOP header
		// would only cost a new process when the tab held another page.
		if got := rec.Header().Get("Cross-Origin-Opener-Policy"); got != "" {
			t.Errorf("%s %s: Cross-Origin-Opener-Policy %q, want none", c.method, c.path, got)
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

// The precompressed file is served when the request accepts its encoding,
// best first, with Vary; otherwise the file itself.
func TestHandlerEncodings(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"index.html":   `<meta http-equiv="Content-Security-Policy" content="default-src 'none'">`,
		"main.wasm":    "raw",
		"main.wasm.br": "brotli",
		"main.wasm.gz": "gzip",
		"main.js":      "raw js",
		"main.js.gz":   "gzip js",
	}
	h := handlerOf(t, dir, files)
	for _, c := range []struct{ path, accept, encoding, body string }{
		{"/main.wasm", "gzip, deflate, br", "br", "brotli"},
		{"/main.wasm", "gzip", "gzip", "gzip"},
		{"/main.wasm", "br;q=0, gzip", "gzip", "gzip"},
		{"/main.wasm", "*", "br", "brotli"},
		{"/main.wasm", "", "", "raw"},
		{"/main.wasm", "identity", "", "raw"},
		{"/main.js", "br, gzip", "gzip", "gzip js"},
		{"/main.wasm.br", "br", "", ""}, // not served by its own name
	} {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", c.path, nil)
		req.Header.Set("Accept-Encoding", c.accept)
		h.ServeHTTP(rec, req)
		if c.body == "" {
			if rec.Code != 404 {
				t.Errorf("%s: %d, want 404", c.path, rec.Code)
			}
			continue
		}
		if got := rec.Header().Get("Content-Encoding"); got != c.encoding || rec.Body.String() != c.body {
			t.Errorf("%s, Accept-Encoding %q: %q %q, want %q %q", c.path, c.accept, got, rec.Body.String(), c.encoding, c.body)
		}
		if rec.Header().Get("Vary") != "Accept-Encoding" || rec.Header().Get("Content-Type") != types[filepath.Ext(c.path)] {
			t.Errorf("%s: Vary %q, Content-Type %q", c.path, rec.Header().Get("Vary"), rec.Header().Get("Content-Type"))
		}
	}
}

func TestAccepts(t *testing.T) {
	for _, c := range []struct {
		header, coding string
		want           bool
	}{
		{"br", "br", true}, {"gzip, br;q=0.1", "br", true}, {"BR", "br", true}, {"br;q=0", "br", false},
		{"br; q=0.0", "br", false}, {"*;q=0.5", "gzip", true}, {"*, gzip;q=0", "gzip", false}, {"", "br", false},
		{"gzip", "br", false},
	} {
		if got := Accepts(c.header, c.coding); got != c.want {
			t.Errorf("Accepts(%q, %q) = %v", c.header, c.coding, got)
		}
	}
}

// handlerOf writes files (name → content) into dir and returns the
// handler that serves it.
func handlerOf(t *testing.T, dir string, files map[string]string) http.Handler {
	t.Helper()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	h, err := Handler(dir)
	if err != nil {
		t.Fatal(err)
	}
	return h
}
