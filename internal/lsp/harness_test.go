package lsp

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the transcript goldens")

// client is the test's side of a session: it speaks real Content-Length
// framing to a Server over pipes and keeps a transcript of both ways.
type client struct {
	t      testing.TB
	srv    *Server
	w      *io.PipeWriter
	msgs   chan message
	exit   chan int
	nextID int
	tr     strings.Builder
	allMu  sync.Mutex
	all    []string // every server message, raw
	subst  [][2]string
	quiet  bool // keep no transcript and no copy of the messages (long runs)
}

// start runs a server with cfg (nil: NoConfig).
func start(t *testing.T, cfg Config) *client {
	t.Helper()
	srv := New(cfg)
	return startServer(t, srv, false)
}

// startServer runs srv; a quiet client keeps no transcript (long runs).
func startServer(t testing.TB, srv *Server, quiet bool) *client {
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	c := &client{t: t, srv: srv, w: inW, msgs: make(chan message, 1000), exit: make(chan int, 1), quiet: quiet}
	go func() {
		code := srv.Serve(inR, outW)
		outW.Close()
		inR.Close()
		c.exit <- code
	}()
	go func() {
		fr := newFrameReader(outR)
		for {
			body, err := fr.read()
			if err != nil {
				close(c.msgs)
				return
			}
			var m message
			if err := json.Unmarshal(body, &m); err != nil {
				t.Errorf("server wrote invalid JSON: %v: %s", err, body)
			}
			c.allMu.Lock()
			if !c.quiet {
				c.all = append(c.all, string(body))
			}
			c.allMu.Unlock()
			c.msgs <- m
		}
	}()
	t.Cleanup(func() { inW.Close() })
	return c
}

// raw writes bytes to the server as they are (framing included).
func (c *client) raw(b string) {
	c.t.Helper()
	c.tr.WriteString("--> raw " + fmt.Sprintf("%q", b) + "\n")
	if _, err := io.WriteString(c.w, b); err != nil {
		c.t.Fatalf("write: %v", err)
	}
}

// frame writes one framed body.
func (c *client) frame(body []byte) {
	c.t.Helper()
	if !c.quiet {
		c.tr.WriteString("--> " + c.pretty(body) + "\n")
	}
	if _, err := fmt.Fprintf(c.w, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
		c.t.Fatalf("write: %v", err)
	}
}

// request sends a request and returns its ID.
func (c *client) request(method string, params any) int {
	c.nextID++
	b, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": c.nextID, "method": method, "params": params})
	c.frame(b)
	return c.nextID
}

func (c *client) notify(method string, params any) {
	b, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
	c.frame(b)
}

// next returns the server's next message (failing after 10 s).
func (c *client) next() message {
	c.t.Helper()
	select {
	case m, ok := <-c.msgs:
		if !ok {
			c.t.Fatalf("the server closed its output")
		}
		if !c.quiet {
			b, _ := json.Marshal(m)
			c.tr.WriteString("<-- " + c.pretty(b) + "\n")
		}
		return m
	case <-time.After(10 * time.Second):
		c.t.Fatalf("no message from the server in 10 s")
	}
	return message{}
}

// response reads messages up to the response to id.
func (c *client) response(id int) message {
	c.t.Helper()
	for {
		m := c.next()
		if m.Method == "" && string(m.ID) == fmt.Sprint(id) {
			return m
		}
	}
}

// call sends a request and returns its result, decoded into v.
func (c *client) call(method string, params, v any) {
	c.t.Helper()
	m := c.response(c.request(method, params))
	if m.Error != nil {
		c.t.Fatalf("%s: error %d %s", method, m.Error.Code, m.Error.Message)
	}
	if v != nil {
		if err := json.Unmarshal(m.Result, v); err != nil {
			c.t.Fatalf("%s result: %v", method, err)
		}
	}
}

// publish reads messages up to the next publishDiagnostics for uri.
func (c *client) publish(uri string) publishParams {
	c.t.Helper()
	for {
		m := c.next()
		if m.Method != "textDocument/publishDiagnostics" {
			continue
		}
		var p publishParams
		if err := json.Unmarshal(m.Params, &p); err != nil {
			c.t.Fatal(err)
		}
		if p.URI == uri || uri == anyURI {
			return p
		}
	}
}

// initialize runs the handshake with the given client capabilities.
func (c *client) initialize(caps map[string]any) map[string]any {
	c.t.Helper()
	var res map[string]any
	c.call("initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": caps}, &res)
	c.notify("initialized", map[string]any{})
	return res
}

func (c *client) open(uri, lang, text string, version int) {
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": lang, "version": version, "text": text}})
}

// change sends one incremental change (or a whole text when r is nil).
func (c *client) change(uri string, version int, r *Range, text string) {
	ch := map[string]any{"text": text}
	if r != nil {
		ch["range"] = r
	}
	c.notify("textDocument/didChange", map[string]any{
		"textDocument": map[string]any{"uri": uri, "version": version}, "contentChanges": []any{ch}})
}

// shutdown ends the session properly and checks exit code 0.
func (c *client) shutdown() {
	c.t.Helper()
	c.call("shutdown", nil, nil)
	c.notify("exit", nil)
	if code := c.wait(); code != 0 {
		c.t.Fatalf("exit code after shutdown = %d, want 0", code)
	}
}

func (c *client) wait() int {
	c.t.Helper()
	select {
	case code := <-c.exit:
		return code
	case <-time.After(10 * time.Second):
		c.t.Fatal("the server did not exit")
	}
	return -1
}

// pretty indents a message for the transcript, with the substitutions
// (temporary folders, the build's version) applied.
func (c *client) pretty(b []byte) string {
	var out bytes.Buffer
	if json.Indent(&out, b, "", "  ") != nil {
		out.Reset()
		out.Write(b)
	}
	s := out.String()
	for _, r := range c.subst {
		s = strings.ReplaceAll(s, r[0], r[1])
	}
	return s
}

// golden compares the transcript with testdata/transcripts/name.txt.
func (c *client) golden(name string) {
	c.t.Helper()
	path := filepath.Join("testdata", "transcripts", name+".txt")
	got := c.tr.String()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			c.t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			c.t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		c.t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		c.t.Errorf("transcript %s differs (run with -update and read the diff):\n%s", path, firstDiff(string(want), got))
	}
}

// firstDiff shows the first differing line.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\nwant %s\ngot  %s", i+1, a, b)
		}
	}
	return ""
}

// testConfig is a Config whose settings the test sets, which can hold
// the worker inside a lint (gate) and counts reloads.
type testConfig struct {
	mu       sync.Mutex
	settings Settings
	err      error
	gate     chan struct{} // when set, Settings waits for a value
	entered  chan string   // when set, Settings reports the path first
	reloads  int
}

func (tc *testConfig) Settings(path string) (Settings, error) {
	tc.mu.Lock()
	gate, entered, s, err := tc.gate, tc.entered, tc.settings, tc.err
	tc.mu.Unlock()
	if entered != nil {
		entered <- path
	}
	if gate != nil {
		<-gate
	}
	return s, err
}

func (tc *testConfig) Reload() {
	tc.mu.Lock()
	tc.reloads++
	tc.mu.Unlock()
}

// pos is a Position literal.
func pos(line, char int) Position { return Position{Line: line, Character: char} }

// received returns every message the server wrote so far.
func (c *client) received() []string {
	c.allMu.Lock()
	defer c.allMu.Unlock()
	return append([]string(nil), c.all...)
}
