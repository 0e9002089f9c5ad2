// Package site serves the built playground (web/dist) the way it must be
// served: the page's Content-Security-Policy as a header on every file,
// explicit MIME types (application/wasm above all), no caching, no sniffing,
// and the precompressed .br or .gz beside a file when the browser accepts it
// (Content-Encoding, with Vary).
// The browser test and `make run` use it; any static host that sends the
// right MIME types works too, since the page carries the policy in a <meta>.
package site

import (
	"errors"
	"fmt"
	"html"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// types are the MIME types of the files the build writes; anything else is
// not served.
var types = map[string]string{
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".wasm": "application/wasm",
	".json": "application/json",
	".svg":  "image/svg+xml",
	".png":  "image/png",
	".ico":  "image/x-icon",
	".txt":  "text/plain; charset=utf-8",
}

var metaCSP = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]+)">`)

// PagePolicy returns the policy that index.html in dir declares in its
// <meta> tag.
func PagePolicy(dir string) (string, error) {
	b, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		return "", fmt.Errorf("site: %w (build the page first: make web)", err)
	}
	m := metaCSP.FindSubmatch(b)
	if m == nil {
		return "", errors.New("site: index.html has no Content-Security-Policy <meta>")
	}
	return html.UnescapeString(string(m[1])), nil
}

// Handler serves the files of dir with the page's policy, plus
// frame-ancestors (which a <meta> cannot carry), as a header.
func Handler(dir string) (http.Handler, error) {
	csp, err := PagePolicy(dir)
	if err != nil {
		return nil, err
	}
	csp += "; frame-ancestors 'none'"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		// No Cross-Origin-Opener-Policy: the page opens no window and needs
		// no cross-origin isolation (no SharedArrayBuffer), and the header
		// made Chromium start a new process for a tab that held another
		// page, 200-300 ms of first paint. The CSP above keeps the privacy
		// promise.
		h.Set("Cache-Control", "no-cache")
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		p := path.Clean("/" + r.URL.Path)
		if strings.HasSuffix(p, "/") {
			p += "index.html"
		}
		typ, ok := types[path.Ext(p)]
		if !ok {
			http.NotFound(w, r)
			return
		}
		h.Set("Content-Type", typ)
		serveFile(w, r, dir, p)
	}), nil
}

// encodings are the precompressed forms `make web` writes, best first.
var encodings = []struct{ name, ext string }{{"br", ".br"}, {"gzip", ".gz"}}

// serveFile serves dir/p, or its precompressed form when the request
// accepts that encoding.
func serveFile(w http.ResponseWriter, r *http.Request, dir, p string) {
	name := filepath.Join(dir, filepath.FromSlash(p))
	w.Header().Set("Vary", "Accept-Encoding")
	for _, e := range encodings {
		if !Accepts(r.Header.Get("Accept-Encoding"), e.name) {
			continue
		}
		if f, err := os.Open(name + e.ext); err == nil {
			defer f.Close()
			if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
				w.Header().Set("Content-Encoding", e.name)
				http.ServeContent(w, r, p, st.ModTime(), f)
				return
			}
		}
	}
	f, err := os.Open(name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		http.NotFound(w, r)
		return
	}
	http.ServeContent(w, r, p, st.ModTime(), f)
}

// Accepts reports whether an Accept-Encoding header value allows coding
// (named, or through "*", with a q-value above zero).
func Accepts(header, coding string) bool {
	star := false
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		for _, prm := range strings.Split(params, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(prm), "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
					q = f
				}
			}
		}
		switch {
		case strings.EqualFold(strings.TrimSpace(name), coding):
			return q > 0
		case strings.TrimSpace(name) == "*":
			star = q > 0
		}
	}
	return star
}
