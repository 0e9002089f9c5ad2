//go:build browser

// The browser test of the playground: the built page (web/dist, `make web`)
// served by httptest with the production handler, driven in Debian's
// Chromium by chromedp. Run it with `make test-web`, or
//
//	go test -C web -tags browser -count=1 -v .
//
// Under CI=true a missing Chromium or a missing build fails the test.
package web

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/azconn/azconn/validate"
	"github.com/azconn/azconn/web/internal/site"
)

const dist = "dist"

// need fails under CI and skips elsewhere.
func need(t *testing.T, ok bool, format string, args ...any) {
	t.Helper()
	if ok {
		return
	}
	msg := fmt.Sprintf(format, args...)
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{os.Getenv("AZCONN_CHROMIUM"), "/usr/bin/chromium", "chromium", "chromium-browser"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	need(t, false, "Chromium not found; install it with: apt-get install -y chromium (or set AZCONN_CHROMIUM)")
	return ""
}

// artifacts is where screenshots go: $AZCONN_ARTIFACTS or web/testdata/out.
func artifacts(t *testing.T) string {
	dir := os.Getenv("AZCONN_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join("testdata", "out")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// tab drives one page.
type tab struct {
	t    *testing.T
	ctx  context.Context
	errs *consoleErrors
}

func (p tab) do(steps ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, steps...); err != nil {
		p.fatalf("%v", err)
	}
}

func eval[T any](p tab, js string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		p.fatalf("%s: %v", clip(js, 300), err)
	}
	return v
}

// fatalf fails the test with what the page looked like: every failure of a
// step says what it saw (issue 25: one failed with no message at all).
func (p tab) fatalf(format string, args ...any) {
	p.t.Helper()
	p.t.Fatalf("%s\n%s", fmt.Sprintf(format, args...), p.state())
}

// pageState is read with its own short deadline, so that describing a page
// that no longer answers does not hang the failure report.
const pageState = `JSON.stringify({
	dataset: {...document.body.dataset},
	status: document.getElementById("lint-status")?.textContent,
	error: document.getElementById("error")?.hidden ? "" : document.getElementById("error")?.textContent,
	banner: document.getElementById("banner")?.hidden ? "" : document.getElementById("banner-text")?.textContent,
	focus: (document.activeElement?.id || document.activeElement?.tagName || "") + (document.activeElement?.shadowRoot?.activeElement ? " > " + document.activeElement.shadowRoot.activeElement.className : ""),
	textLength: window.azconnPlayground ? azconnPlayground.inputText().length : -1,
	findings: document.querySelectorAll("#findings .finding").length,
})`

// state describes the page for a failure message: its data attributes
// (ready, state, lint sequence, versions), the status line, the error and
// banner, the focus, the text's length, the findings listed, and the
// console errors and CSP violations so far.
func (p tab) state() string {
	ctx, cancel := context.WithTimeout(p.ctx, 5*time.Second)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](pageState))
	if err != nil {
		s = fmt.Sprintf("(unreadable: %v)", err)
	}
	v, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.azconnPlayground ? azconnPlayground.cspViolations : []`))
	if err != nil {
		v = []string{fmt.Sprintf("(unreadable: %v)", err)}
	}
	return fmt.Sprintf("page state: %s\nconsole errors: %q\nCSP violations: %q", clip(s, 2000), p.errs.all(), v)
}

// clip shortens s for a message (a 1 MB payload must not flood the log).
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return fmt.Sprintf("%s… (%d bytes in all)", s[:n], len(s))
}

// reportOnFailure logs the page's state and takes a screenshot when the test
// has failed by the time its cleanups run, whatever marked it failed: a
// failure then always says what the page showed.
func (p tab) reportOnFailure() {
	if !p.t.Failed() || p.ctx.Err() != nil {
		return
	}
	p.t.Logf("the page when the test failed:\n%s", p.state())
	ctx, cancel := context.WithTimeout(p.ctx, 10*time.Second)
	defer cancel()
	if buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot()); err == nil {
		path := filepath.Join(artifacts(p.t), "failed-"+strings.ReplaceAll(p.t.Name(), "/", "-")+".png")
		if os.WriteFile(path, buf, 0o644) == nil {
			p.t.Logf("screenshot of the failure: %s", path)
		}
	}
}

// wait waits for a JavaScript condition, polled with Runtime.evaluate
// (chromedp.Poll builds its predicate with new Function, which the page's
// CSP forbids). The condition must be one the page sets when it has
// settled (a sequence number, a version, a count), never a passing state.
func (p tab) wait(what, cond string, timeout time.Duration) {
	p.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		ok, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool]("!!("+cond+")"))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			p.fatalf("timed out after %v waiting for %s (%s); last evaluation error: %v", timeout, what, clip(cond, 300), err)
		}
		time.Sleep(15 * time.Millisecond)
	}
}

// frames waits until the page has drawn two more frames: what a change of
// viewport or a click laid out is then on screen.
func (p tab) frames() {
	p.t.Helper()
	if got := eval[string](p, `new Promise(r => { requestAnimationFrame(() => requestAnimationFrame(() => r("drawn"))); setTimeout(() => r("no frame in 10 s"), 10000); })`); got != "drawn" {
		p.fatalf("waiting for the page to draw: %s", got)
	}
}

func (p tab) lintSeq() int {
	return eval[int](p, `+(document.body.dataset.lintSeq || 0)`)
}

// linted waits for a lint newer than seq whose result matches the editor.
func (p tab) linted(seq int) {
	p.t.Helper()
	p.wait("the findings of the current text", fmt.Sprintf(
		`document.body.dataset.state === "idle" && +document.body.dataset.lintSeq > %d && document.body.dataset.lintedVersion === document.body.dataset.docVersion`, seq),
		60*time.Second)
}

const editorContent = `document.querySelector("#editor").shadowRoot.querySelector(".cm-content")`

// paste replaces the editor's text the way a user does (select all, paste)
// and waits for its findings.
func (p tab) paste(text string) {
	p.t.Helper()
	seq := p.lintSeq()
	p.pasteNoWait(text)
	p.linted(seq)
	if got := p.input(); got != text {
		p.fatalf("after the paste the editor holds %d bytes, want %d", len(got), len(text))
	}
}

func (p tab) pasteNoWait(text string) {
	p.t.Helper()
	p.do(chromedp.Evaluate[chromedp.Void](editorContent + `.focus()`))
	p.do(chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	p.do(chromedp.Evaluate[chromedp.Void](`(() => {` + pasteEvent(text) + `})()`))
}

// pasteEvent is the JavaScript of a user's paste of text into the editor
// (a ClipboardEvent, which CodeMirror handles at once).
func pasteEvent(text string) string {
	return `const dt = new DataTransfer();
		dt.setData("text/plain", ` + jsString(text) + `);
		` + editorContent + `.dispatchEvent(new ClipboardEvent("paste", {clipboardData: dt, bubbles: true, cancelable: true}));`
}

// pasteJS selects the whole text and pastes text over it, in one task.
func pasteJS(text string) string {
	return editorContent + `.focus();
		azconnPlayground.inputView.dispatch({selection: {anchor: 0, head: azconnPlayground.inputView.state.doc.length}});
		` + pasteEvent(text)
}

func (p tab) input() string  { return eval[string](p, `azconnPlayground.inputText()`) }
func (p tab) output() string { return eval[string](p, `azconnPlayground.outputText()`) }

// choose picks an option of a <select>, as a user's choice does (a change
// event).
func (p tab) choose(id, value string) {
	p.t.Helper()
	p.do(chromedp.Evaluate[chromedp.Void](fmt.Sprintf(
		`(() => { const s = document.getElementById(%q); s.value = %q; s.dispatchEvent(new Event("change")); })()`, id, value)))
}

// click clicks an element with real mouse events and waits for the lint it
// may start when lint is true.
func (p tab) click(sel string, lint bool) {
	p.t.Helper()
	seq := p.lintSeq()
	p.do(chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible))
	if lint {
		p.linted(seq)
	}
}

// check sets a checkbox by keyboard (focus, then Space), as a user can,
// and waits for the lint it starts. Not by a mouse click: a click lands at
// coordinates read just before, and a result rendered in between can move
// the box (a lost click left "drop read-only" off in one run).
func (p tab) check(sel string, want bool) {
	p.t.Helper()
	if eval[bool](p, fmt.Sprintf(`document.querySelector(%q).checked`, sel)) == want {
		return
	}
	seq := p.lintSeq()
	p.do(chromedp.Focus(chromedp.CSS(sel)), chromedp.KeyEvent(" "))
	if got := eval[bool](p, fmt.Sprintf(`document.querySelector(%q).checked`, sel)); got != want {
		p.fatalf("%s: checked is %v after Space, want %v", sel, got, want)
	}
	p.linted(seq)
}

type shown struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
}

func (s shown) String() string { return fmt.Sprintf("%d:%d %s %s", s.Line, s.Col, s.Severity, s.Rule) }

func (p tab) findings() []shown {
	return eval[[]shown](p, `[...document.querySelectorAll("#findings .finding")].map(b => ({
		rule: b.dataset.rule, severity: b.dataset.severity, line: +b.dataset.line, col: +b.dataset.col}))`)
}

func oracle(fs []validate.Finding) []shown {
	out := []shown{}
	for _, f := range fs {
		out = append(out, shown{f.Rule, f.Severity.String(), f.Start.Line, f.Start.Column})
	}
	return out
}

func lineOf(data []byte, needle string) int {
	i := bytes.Index(data, []byte(needle))
	if i < 0 {
		return 0
	}
	return bytes.Count(data[:i], []byte("\n")) + 1
}

func (p tab) screenshot(name string) { p.capture(name, chromedp.CaptureScreenshot()) }

func (p tab) capture(name string, shot chromedp.Action[[]byte]) {
	p.t.Helper()
	buf, err := chromedp.Run(p.ctx, shot)
	if err != nil {
		p.fatalf("screenshot %s: %v", name, err)
	}
	path := filepath.Join(artifacts(p.t), name)
	if err := os.WriteFile(path, buf, 0o644); err != nil {
		p.t.Fatal(err)
	}
	p.t.Logf("screenshot: %s", path)
}

func colorScheme(scheme string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	})
}

// decodeShare reads a v2 share fragment: deflate-raw of a JSON header
// line and the payload.
func decodeShare(t *testing.T, link string) (payload, target string, dropReadOnly bool) {
	t.Helper()
	u, err := url.Parse(link)
	if err != nil {
		t.Fatal(err)
	}
	enc, ok := strings.CutPrefix(u.Fragment, "v2=")
	if !ok {
		t.Fatalf("share link %q has no #v2= fragment", link)
	}
	raw, err := base64.RawURLEncoding.DecodeString(enc)
	if err != nil {
		t.Fatalf("share link: %v", err)
	}
	data, err := io.ReadAll(flate.NewReader(bytes.NewReader(raw)))
	if err != nil {
		t.Fatalf("share link: deflate-raw: %v", err)
	}
	head, body, ok := bytes.Cut(data, []byte("\n"))
	if !ok {
		t.Fatalf("share link: no header line in %q", data)
	}
	var v struct {
		T string `json:"t"`
		D bool   `json:"d"`
	}
	if err := json.Unmarshal(head, &v); err != nil {
		t.Fatalf("share link: %v", err)
	}
	return string(body), v.T, v.D
}

// server wraps the production handler for the test: it counts the bytes it
// sends per file (after Content-Encoding: what a browser transfers), and it
// can hold main.js and main.wasm back, to load the page as over a slow link
// (SPEC §12: the throttle is in the test's own handler).
type server struct {
	h     http.Handler
	mu    sync.Mutex
	paths []string
	sent  map[string]sentFile
	// While held, main.js waits for jsGate, and main.wasm sends its first
	// wasmHead bytes, then waits for wasmGate.
	held     bool
	jsGate   chan struct{}
	wasmGate chan struct{}
	jsOnce   *sync.Once
	wasmOnce *sync.Once
}

type sentFile struct {
	Encoding string
	Bytes    int
}

const wasmHead = 256 << 10

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.paths = append(s.paths, r.URL.Path)
	held, jsGate, wasmGate := s.held, s.jsGate, s.wasmGate
	s.mu.Unlock()
	if held && r.URL.Path == "/main.js" {
		<-jsGate
	}
	cw := &countingWriter{ResponseWriter: w}
	if held && r.URL.Path == "/main.wasm" {
		cw.gate, cw.limit = wasmGate, wasmHead
	}
	s.h.ServeHTTP(cw, r)
	s.mu.Lock()
	s.sent[r.URL.Path] = sentFile{w.Header().Get("Content-Encoding"), cw.n}
	s.mu.Unlock()
}

func (s *server) hold() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.held, s.jsGate, s.wasmGate = true, make(chan struct{}), make(chan struct{})
	s.jsOnce, s.wasmOnce = &sync.Once{}, &sync.Once{}
}

func (s *server) releaseJS()   { s.jsOnce.Do(func() { close(s.jsGate) }) }
func (s *server) releaseWasm() { s.wasmOnce.Do(func() { close(s.wasmGate) }) }

// unhold releases whatever is still held and stops holding.
func (s *server) unhold() {
	s.releaseJS()
	s.releaseWasm()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.held = false
}

func (s *server) snapshot() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.paths)
}

func (s *server) sentFiles() map[string]sentFile {
	s.mu.Lock()
	defer s.mu.Unlock()
	return maps.Clone(s.sent)
}

// countingWriter counts the body bytes; with a gate, it sends limit bytes,
// flushes, and waits for the gate before the rest.
type countingWriter struct {
	http.ResponseWriter
	n     int
	gate  chan struct{}
	limit int
}

func (c *countingWriter) Write(b []byte) (int, error) {
	if c.gate != nil && c.n+len(b) > c.limit {
		k := max(0, c.limit-c.n)
		n, err := c.ResponseWriter.Write(b[:k])
		c.n += n
		if err != nil {
			return n, err
		}
		if f, ok := c.ResponseWriter.(http.Flusher); ok {
			f.Flush()
		}
		<-c.gate
		c.gate = nil
		m, err := c.ResponseWriter.Write(b[k:])
		c.n += m
		return n + m, err
	}
	n, err := c.ResponseWriter.Write(b)
	c.n += n
	return n, err
}

func (c *countingWriter) Flush() {
	if f, ok := c.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// browser starts Chromium for the test.
func browser(t *testing.T, exe string) (context.Context, context.CancelFunc) {
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1366, 800),
	)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 6*time.Minute)
	return ctx, func() { cancelTimeout(); cancelCtx(); cancelAlloc() }
}

// newTab opens a tab with the HTTP cache off (every load is cold) and
// collects its console errors.
func newTab(t *testing.T, parent context.Context) (tab, context.CancelFunc) {
	ctx, cancelCtx := chromedp.NewContext(parent, chromedp.WithNewBrowserContext())
	p := tab{t: t, ctx: ctx, errs: &consoleErrors{}}
	// Closing the tab first reports the page if the test has failed; the
	// callers defer it, and the cleanup closes a tab a failure left open.
	var once sync.Once
	cancel := func() { once.Do(func() { p.reportOnFailure(); cancelCtx() }) }
	t.Cleanup(cancel)
	p.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, network.Enable, network.EnableParams{})
		if err != nil {
			return err
		}
		_, err = cdp.Call(ctx, tg, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true})
		return err
	}))
	console := chromedp.Console(ctx)
	go func() {
		for m, err := range console {
			if err != nil {
				return
			}
			if m.IsException() || m.Type == "error" {
				p.errs.add(m.String())
			}
		}
	}()
	return p, cancel
}

type consoleErrors struct {
	mu   sync.Mutex
	list []string
}

func (c *consoleErrors) add(s string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.list = append(c.list, s)
}

func (c *consoleErrors) all() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.list)
}

// viewports are the two sizes every state is looked at in.
var viewports = []struct {
	name          string
	width, height int64
	scale         float64
}{{"desktop", 1366, 800, 1}, {"phone", 390, 844, 2}}

// shots writes a screenshot of the current state at both viewports, light
// and dark, and returns to the desktop in light mode.
func (p tab) shots(name string) {
	p.t.Helper()
	for _, v := range viewports {
		p.do(chromedp.EmulateViewport(v.width, v.height, chromedp.EmulateScale(v.scale)))
		for _, scheme := range []string{"light", "dark"} {
			p.do(colorScheme(scheme))
			// The phone's whole page: the panes stack below the fold.
			shot := chromedp.CaptureScreenshot()
			if v.name == "phone" {
				shot = chromedp.FullScreenshot(100)
			}
			p.capture(fmt.Sprintf("%s-%s-%s.png", name, v.name, scheme), shot)
		}
	}
	p.do(chromedp.EmulateViewport(1366, 800), colorScheme("light"))
}

func TestPlayground(t *testing.T) {
	_, err := os.Stat(filepath.Join(dist, "main.wasm"))
	need(t, err == nil, "the page is not built (%v); run: make web", err)
	exe := chromium(t)

	h, err := site.Handler(dist)
	if err != nil {
		t.Fatal(err)
	}
	checkServing(t, h)
	s := &server{h: h, sent: map[string]sentFile{}}
	srv := httptest.NewServer(s)
	defer srv.Close()

	ctx, cancel := browser(t, exe)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		t.Fatal(err)
	}

	t.Run("ColdLoad", func(t *testing.T) { testColdLoad(t, ctx, s, srv.URL) })
	t.Run("ThrottledLoadKeepsInput", func(t *testing.T) { testThrottledLoad(t, ctx, s, srv.URL) })
	t.Run("Page", func(t *testing.T) { testPage(t, ctx, s, srv.URL) })
	t.Run("ShareLinks", func(t *testing.T) { testShareLinks(t, ctx, srv.URL) })
	t.Run("ManyFindings", func(t *testing.T) { testManyFindings(t, ctx, srv.URL) })
	t.Run("WorkerRestart", func(t *testing.T) { testWorkerRestart(t, ctx, srv.URL) })
	t.Run("Requests", func(t *testing.T) { testRequests(t, ctx, srv.URL) })
}

// seedRequest is the HTTP request block of the seed document (request
// line, headers, blank line, body), as a user copies it from the page.
func seedRequest(t *testing.T) []byte {
	t.Helper()
	doc := readFile(t, "../testdata/graph/seed/000_93b5cec13540c544.txt")
	start := bytes.Index(doc, []byte("PATCH https://graph.microsoft.com/beta/deviceManagement/cloudManagedDesktop/azureConnections\n"))
	if start < 0 {
		t.Fatal("the seed document has no PATCH request block")
	}
	end := bytes.Index(doc[start:], []byte("\n```"))
	if end < 0 {
		t.Fatal("the seed's request block does not close")
	}
	return doc[start : start+end+1]
}

// requestView returns the Request view's text for kind, after the page
// has rendered it.
func (p tab) requestView(kind string) string {
	p.t.Helper()
	p.choose("request-kind", kind)
	return p.output()
}

// wantView is what the page's Request view shows for view v and kind.
func wantView(v validate.CallView, kind string) string {
	pick := func(cs []validate.Call) string {
		for _, c := range cs {
			if c.Kind == kind {
				return c.Text
			}
		}
		return ""
	}
	out := pick(v.Calls)
	if live := pick(v.Live); live != "" {
		out += "\n\n"
		if kind == "http" {
			out += "###\n"
		}
		out += "# The same call on the live API (onPremisesConnection):\n" + live
	}
	return out
}

// testRequests pastes the seed's whole HTTP request: the findings at the
// lines of the request, what the page recognised, and the Request view
// (HTTP, curl, Invoke-MgGraphRequest, az rest) equal to
// validate.RenderCalls; then a password in the body never reaches the
// Request view, the Diff view or the share link; then a .http file of two
// requests, the view following the cursor.
func testRequests(t *testing.T, ctx context.Context, base string) {
	p, cancel := newTab(t, ctx)
	defer cancel()
	p.do(chromedp.Navigate(base + "/"))
	p.wait("the page to be ready", `document.body.dataset.ready === "true" && document.body.dataset.state === "idle"`, 60*time.Second)

	req := seedRequest(t)
	p.paste(string(req))
	res := validate.Lint(req, validate.Options{})
	if got, want := p.findings(), oracle(res.Findings); !slices.Equal(got, want) {
		t.Errorf("the seed's request: page shows %v, engine says %v", got, want)
	}
	at := map[string]int{}
	for _, f := range p.findings() {
		if _, ok := at[f.Rule]; !ok {
			at[f.Rule] = f.Line
		}
	}
	// The seed's Content-length is right for its body sent with CRLF
	// line endings (issue 17): no content-length finding.
	if at["request-line"] != 1 || at["content-length"] != 0 {
		t.Errorf("request-line at line %d (want 1), content-length at line %d (want none): %v", at["request-line"], at["content-length"], p.findings())
	}
	bodyLine := lineOf(req, "{")
	if at["placeholder"] < bodyLine || at["read-only"] < bodyLine {
		t.Errorf("the body's findings are not at the body's lines (from %d): %v", bodyLine, at)
	}
	var rl string
	for _, f := range res.Findings {
		if f.Rule == "request-line" {
			rl = f.Message
		}
	}
	if !strings.Contains(rl, "{id}") || !strings.Contains(rl, "stub") {
		t.Errorf("request-line says %q, want the missing {id} and the stub", rl)
	}
	form := eval[string](p, `document.getElementById("form").textContent`)
	if want := "HTTP request, PATCH beta, " + string(res.Requests[0].Target) + " from the URL"; form != want {
		t.Errorf("recognised: %q, want %q", form, want)
	}
	p.shots("request-pasted")

	p.click("#tab-request", true)
	view := validate.RenderCalls(res.Requests[0], validate.CallOptions{})
	if got, want := p.output(), wantView(view, "http"); got != want {
		t.Errorf("the Request view (HTTP) shows\n%s\nwant\n%s", got, want)
	}
	if got := p.output(); !strings.Contains(got, "PATCH https://graph.microsoft.com/beta/deviceManagement/cloudManagedDesktop/azureConnections/{id}\n") ||
		!strings.Contains(got, "PATCH https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/onPremisesConnections/{id}\n") {
		t.Errorf("the Request view lacks the stub's endpoint with {id} or the live one:\n%s", got)
	}
	if note := eval[string](p, `document.getElementById("request-note").textContent`); !strings.Contains(note, "pre-release stub") {
		t.Errorf("the Request view's note: %q", note)
	}
	p.shots("request-http")
	for _, kind := range []string{"curl", "powershell", "az"} {
		if got, want := p.requestView(kind), wantView(view, kind); got != want {
			t.Errorf("the Request view (%s) shows\n%s\nwant\n%s", kind, got, want)
		}
	}
	if got := p.requestView("curl"); !strings.HasPrefix(got, "curl -X PATCH 'https://graph.microsoft.com/beta/deviceManagement/cloudManagedDesktop/azureConnections/{id}'") {
		t.Errorf("curl: %s", got)
	}
	p.shots("request-curl")
	p.click("#copy", false)
	p.wait("the copy toast", `document.getElementById("toast").textContent.includes("Request copied")`, 5*time.Second)

	// A password in the body reaches neither the Request view, the Diff
	// view nor the share link.
	const secret = "Tr0ub4dor&3-horse"
	withSecret := strings.Replace(string(req), `"adDomainPassword": "String"`, `"adDomainPassword": "`+secret+`"`, 1)
	if !strings.Contains(withSecret, secret) {
		t.Fatal("the seed's request has no adDomainPassword to replace")
	}
	p.paste(withSecret)
	for _, kind := range []string{"http", "curl", "powershell", "az"} {
		got := p.requestView(kind)
		if strings.Contains(got, secret) || got == "" {
			t.Errorf("the Request view (%s) shows the password or nothing:\n%s", kind, got)
		}
	}
	p.click("#tab-diff", true)
	p.wait("the diff view", `document.querySelector("#output").shadowRoot.querySelector(".cm-changedLine, .cm-deletedChunk")`, 10*time.Second)
	if diffText := eval[string](p, `document.querySelector("#output").shadowRoot.querySelector(".cm-mergeView, .cm-content").innerText`); strings.Contains(diffText, secret) {
		t.Errorf("the diff view shows the password:\n%s", diffText)
	}
	p.click("#share", false)
	p.wait("the share link", `document.getElementById("share-url").value.includes("#v2=")`, 10*time.Second)
	link := eval[string](p, `document.getElementById("share-url").value`)
	if payload, _, _ := decodeShare(t, link); strings.Contains(payload, secret) || strings.Contains(link, secret) {
		t.Errorf("the share link holds the password: %s", payload)
	}
	p.click("#share-close", false)

	// A .http file of two requests: the page says how many, and the
	// Request view follows the cursor.
	file := "@host = https://graph.microsoft.com\n\n" +
		"### rename\nPATCH {{host}}/v1.0/deviceManagement/virtualEndpoint/onPremisesConnections/9ec90ff8-fd63-4fb9-ab5a-aa4fdccf1234\n" +
		"Content-Type: application/json\n\n{\"displayName\": \" Contoso \"}\n\n" +
		"### create\nPOST {{host}}/beta/deviceManagement/virtualEndpoint/onPremisesConnections\n" +
		"Content-Type: application/json\n\n{\"displayName\": \"Fabrikam\", \"connectionType\": \"azureADJoin\"}\n"
	p.click("#tab-request", false)
	p.paste(file)
	fres := validate.Lint([]byte(file), validate.Options{})
	if len(fres.Requests) != 2 {
		t.Fatalf("the engine reads %d requests in the .http file", len(fres.Requests))
	}
	p.choose("request-kind", "http")
	// The paste leaves the cursor at the end: the second request.
	p.wait("the second request's view", fmt.Sprintf(`azconnPlayground.outputText() === %s`, jsString(wantView(validate.RenderCalls(fres.Requests[1], validate.CallOptions{}), "http"))), 10*time.Second)
	form = eval[string](p, `document.getElementById("form").textContent`)
	if !strings.Contains(form, "2 requests") || !strings.Contains(form, "request 2") || !strings.Contains(form, "POST beta") {
		t.Errorf("recognised: %q", form)
	}
	p.shots("request-file")
	seq := p.lintSeq()
	p.do(chromedp.Evaluate[chromedp.Void](`azconnPlayground.setCursor(` + fmt.Sprint(strings.Index(file, "PATCH")) + `)`))
	p.linted(seq)
	if got, want := p.output(), wantView(validate.RenderCalls(fres.Requests[0], validate.CallOptions{}), "http"); got != want {
		t.Errorf("with the cursor in the first request the view shows\n%s\nwant\n%s", got, want)
	}
	if form := eval[string](p, `document.getElementById("form").textContent`); !strings.Contains(form, "request 1") || !strings.Contains(form, "PATCH v1.0") {
		t.Errorf("recognised, cursor in the first request: %q", form)
	}
	p.checkErrors()
}

// readyBreakdown is the page's own account of its start (milliseconds).
type readyBreakdown struct {
	Boot, Fetch, FirstByte, Compile, WorkerScript, Instantiate, GoStart, Info, EngineReady, FirstLint, Ready float64
	// Warm is how long the worker took, after the first result, to compile
	// the other targets' schemas (off the way to ready).
	Warm float64
}

// perfProbe is put in every document of a measured tab before the page's
// own scripts (Page.addScriptToEvaluateOnNewDocument, which the page's CSP
// does not govern). It records long tasks and long animation frames, and
// the moment the first findings are on screen: the end of the frame after
// the first result reached the DOM (data-lint-seq), whatever the page
// says of itself.
const perfProbe = `(() => {
	const p = window.__perf = {loaf: [], long: [], dom: 0, shown: 0};
	const observe = (type, f) => { try { new PerformanceObserver((l) => l.getEntries().forEach(f)).observe({type, buffered: true}); } catch {} };
	observe("long-animation-frame", (e) => p.loaf.push({start: e.startTime, duration: e.duration,
		forced: e.scripts.reduce((a, s) => a + s.forcedStyleAndLayoutDuration, 0),
		scripts: e.scripts.filter((s) => s.duration >= 20 || s.forcedStyleAndLayoutDuration >= 5).map((s) =>
			s.invoker + " " + Math.round(s.duration) + " ms (forced layout " + Math.round(s.forcedStyleAndLayoutDuration) + " ms)")}));
	observe("longtask", (e) => p.long.push({start: e.startTime, duration: e.duration}));
	const afterPaint = (f) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = f; c.port2.postMessage(0); });
	p.afterPaint = afterPaint;
	new MutationObserver((records, o) => {
		if (!document.body || document.body.dataset.lintSeq === undefined) return;
		o.disconnect();
		p.dom = performance.now();
		afterPaint(() => { p.shown = performance.now(); });
	}).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-lint-seq"]});
})()`

func addProbe(p tab) {
	p.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: perfProbe})
		return err
	}))
}

// loadFigures is one cold load as the browser saw it (milliseconds from
// the navigation's start).
type loadFigures struct {
	FCP, ReadyDOM, Shown, PageReady, LongestTask, LongestFrame, ForcedLayout, Paste, PasteLint float64
	Breakdown                                                                                  readyBreakdown
}

// pasteShown pastes text and returns how long after the paste its
// findings were on screen (the frame after the result reached the DOM),
// and the worker's lint time.
func (p tab) pasteShown(text string) (ms, lint float64) {
	p.t.Helper()
	seq := p.lintSeq()
	p.do(chromedp.Evaluate[chromedp.Void](`(() => {
		window.__pasteShown = 0;
		new MutationObserver((r, o) => {
			const d = document.body.dataset;
			if (d.lintedVersion !== d.docVersion) return;
			o.disconnect();
			__perf.afterPaint(() => { window.__pasteShown = performance.now() - window.__pasteAt; });
		}).observe(document.body, {attributes: true, attributeFilter: ["data-linted-version"]});
		window.__pasteAt = performance.now();
		` + pasteJS(text) + `
	})()`))
	p.linted(seq)
	p.wait("the pasted text's findings on screen", `window.__pasteShown > 0`, 30*time.Second)
	if got := p.input(); got != text {
		p.fatalf("after the paste the editor holds %d bytes, want %d", len(got), len(text))
	}
	return eval[float64](p, `window.__pasteShown`), eval[float64](p, `+document.body.dataset.lintMs`)
}

// testColdLoad loads the page five times with the cache off and reports
// the median figures of its start as a table (first paint, findings in the
// DOM and on screen, the page's own breakdown, the longest task and frame
// before the findings are shown, a 20 KB paste to its findings on screen)
// and the bytes transferred. The budgets are generous bounds and orders of
// events, so that a loaded machine does not fail them by chance.
func testColdLoad(t *testing.T, ctx context.Context, s *server, base string) {
	const loads = 5
	seed := readFile(t, "../examples/seed-request.json")
	paste := string(bigPayload(seed, 20<<10))
	var all []loadFigures
	for i := range loads {
		p, cancel := newTab(t, ctx)
		addProbe(p)
		before := len(s.snapshot())
		p.do(chromedp.Navigate(base + "/"))
		p.wait("the page to be ready", `document.body.dataset.ready === "true"`, 60*time.Second)
		p.wait("the first findings on screen", `window.__perf.shown > 0`, 30*time.Second)
		var f loadFigures
		if err := json.Unmarshal([]byte(eval[string](p, `document.body.dataset.readyBreakdown || "{}"`)), &f.Breakdown); err != nil {
			p.fatalf("the page's data-ready-breakdown: %v", err)
		}
		p.wait("the other targets' schemas", `document.body.dataset.warmMs !== undefined`, 60*time.Second)
		f.Breakdown.Warm = eval[float64](p, `+document.body.dataset.warmMs`)
		m := eval[map[string]float64](p, `(() => { const p = window.__perf, shown = p.shown;
			const before = (l) => Math.max(0, ...l.filter((e) => e.start < shown).map((e) => e.duration));
			const fcp = performance.getEntriesByName("first-contentful-paint")[0];
			const frame = p.loaf.filter((e) => e.start < shown).sort((a, b) => b.duration - a.duration)[0];
			return {fcp: fcp ? fcp.startTime : -1, shown, ready: +document.body.dataset.readyMs,
				dom: p.dom,
				task: before(p.long), frame: frame ? frame.duration : 0, forced: frame ? frame.forced : 0}; })()`)
		t.Logf("load %d: the longest animation frame before the findings were on screen: %s", i,
			eval[string](p, `JSON.stringify(window.__perf.loaf.filter((e) => e.start < window.__perf.shown).sort((a, b) => b.duration - a.duration)[0] || null)`))
		f.FCP, f.Shown, f.PageReady, f.ReadyDOM = m["fcp"], m["shown"], m["ready"], m["dom"]
		f.LongestTask, f.LongestFrame, f.ForcedLayout = m["task"], m["frame"], m["forced"]
		f.Paste, f.PasteLint = p.pasteShown(paste)
		t.Logf("load %d: the 20 KB paste's animation frames over 50 ms: %s", i,
			eval[string](p, `JSON.stringify(window.__perf.loaf.filter((e) => e.start >= window.__pasteAt).map((e) => ({at: Math.round(e.start - window.__pasteAt), ms: Math.round(e.duration), scripts: e.scripts})))`))
		if f.FCP <= 0 || f.FCP > f.Shown {
			t.Errorf("load %d: first contentful paint at %.0f ms, findings on screen at %.0f ms", i, f.FCP, f.Shown)
		}
		all = append(all, f)
		if i == 0 {
			p.checkErrors()
			// One request per file: boot.js takes the preloaded main.wasm.
			got := s.snapshot()[before:]
			slices.Sort(got)
			if want := []string{"/", "/boot.js", "/main.js", "/main.wasm", "/style.css"}; !slices.Equal(got, want) {
				t.Errorf("a cold load requested %v, want each of %v once", got, want)
			}
		}
		cancel()
	}
	printFigures(t, all)

	// What went over the wire: every file brotli-encoded, the sum within
	// the budget that make test-web checks on disk.
	sent := s.sentFiles()
	total := 0
	for _, f := range []string{"/", "/boot.js", "/main.js", "/style.css", "/main.wasm"} {
		got, ok := sent[f]
		if !ok {
			t.Errorf("the page did not load %s", f)
			continue
		}
		if got.Encoding != "br" {
			t.Errorf("%s went over the wire with Content-Encoding %q, want br", f, got.Encoding)
		}
		total += got.Bytes
		t.Logf("transferred %s: %d bytes (%s)", f, got.Bytes, got.Encoding)
	}
	fmt.Printf("web: transferred in all: %d bytes (brotli)\n", total)
	if total > 1_300_000 { // the Makefile's WEB_BR_BUDGET
		t.Errorf("the page transfers %d bytes, over the 1.3 MB budget", total)
	}
	if _, ok := sent["/wasm_exec.js"]; ok {
		t.Error("wasm_exec.js was fetched; it is inlined in boot.js")
	}
}

// figureRows are the rows of the table printFigures writes.
var figureRows = []struct {
	label string
	of    func(f loadFigures) float64
}{
	{"first contentful paint", func(f loadFigures) float64 { return f.FCP }},
	{"first findings in the DOM", func(f loadFigures) float64 { return f.ReadyDOM }},
	{"first findings on screen (the frame after)", func(f loadFigures) float64 { return f.Shown }},
	{"the page's data-ready", func(f loadFigures) float64 { return f.PageReady }},
	{"longest task before on screen", func(f loadFigures) float64 { return f.LongestTask }},
	{"longest animation frame before on screen", func(f loadFigures) float64 { return f.LongestFrame }},
	{"  its forced style and layout", func(f loadFigures) float64 { return f.ForcedLayout }},
	{"20 KB paste → findings on screen", func(f loadFigures) float64 { return f.Paste }},
	{"  its worker lint", func(f loadFigures) float64 { return f.PasteLint }},
	{"breakdown: boot.js runs at", func(f loadFigures) float64 { return f.Breakdown.Boot }},
	{"  main.wasm first byte after its fetch", func(f loadFigures) float64 { return f.Breakdown.FirstByte }},
	{"  main.wasm fetch", func(f loadFigures) float64 { return f.Breakdown.Fetch }},
	{"  compile after the last byte", func(f loadFigures) float64 { return f.Breakdown.Compile }},
	{"  the worker's script runs at", func(f loadFigures) float64 { return f.Breakdown.WorkerScript }},
	{"  instantiate", func(f loadFigures) float64 { return f.Breakdown.Instantiate }},
	{"  Go start", func(f loadFigures) float64 { return f.Breakdown.GoStart }},
	{"  info call", func(f loadFigures) float64 { return f.Breakdown.Info }},
	{"  engine ready at", func(f loadFigures) float64 { return f.Breakdown.EngineReady }},
	{"  first lint (with its schema)", func(f loadFigures) float64 { return f.Breakdown.FirstLint }},
	{"  the other schemas, off the path", func(f loadFigures) float64 { return f.Breakdown.Warm }},
}

// printFigures prints the medians (and ranges) of the loads as a table, on
// every run, and checks the budgets: generous bounds that a loaded machine
// does not reach by chance (the aims are in the README).
func printFigures(t *testing.T, all []loadFigures) {
	t.Helper()
	median := func(of func(loadFigures) float64) (med, lo, hi float64) {
		v := make([]float64, len(all))
		for i, f := range all {
			v[i] = of(f)
		}
		slices.Sort(v)
		return v[len(v)/2], v[0], v[len(v)-1]
	}
	var b strings.Builder
	fmt.Fprintf(&b, "web: the page, median of %d cold loads (ms; from the navigation's start unless a duration)\n", len(all))
	fmt.Fprintf(&b, "| %-44s | %7s | %13s |\n|%s|%s|%s|\n", "figure", "median", "range", strings.Repeat("-", 46), strings.Repeat("-", 9), strings.Repeat("-", 15))
	for _, r := range figureRows {
		med, lo, hi := median(r.of)
		fmt.Fprintf(&b, "| %-44s | %7.0f | %5.0f – %5.0f |\n", r.label, med, lo, hi)
	}
	fmt.Print(b.String())
	shown, _, _ := median(func(f loadFigures) float64 { return f.Shown })
	fcp, _, _ := median(func(f loadFigures) float64 { return f.FCP })
	paste, _, _ := median(func(f loadFigures) float64 { return f.Paste })
	for _, c := range []struct {
		what        string
		got, budget float64
	}{
		{"first contentful paint", fcp, 5000},
		{"first findings on screen", shown, 15000},
		{"a 20 KB paste to its findings on screen", paste, 5000},
	} {
		if c.got > c.budget {
			t.Errorf("%s: median %.0f ms, over its generous budget of %.0f ms", c.what, c.got, c.budget)
		}
	}
}

// testThrottledLoad holds main.js and then main.wasm back: what the user
// types into the page meanwhile is never replaced, and the progress line
// counts the engine's bytes.
func testThrottledLoad(t *testing.T, ctx context.Context, s *server, base string) {
	s.hold()
	defer s.unhold()
	p, cancel := newTab(t, ctx)
	defer cancel()
	p.do(navigateNoWait(base + "/"))
	// Before main.js: a plain text area takes the input from the first paint.
	p.wait("the early text area", `document.getElementById("early-input")`, 10*time.Second)
	p.do(chromedp.Focus(chromedp.CSS("#early-input")), chromedp.KeyEvent(`{"displayName": "typed early"`))
	s.releaseJS()
	p.wait("the editor", editorContent, 20*time.Second)
	if got := p.input(); got != `{"displayName": "typed early"` {
		t.Errorf("what was typed before the editor loaded: the editor holds %q", got)
	}
	p.wait("the progress line", `/Loading the engine: [\d.]+ of [\d.]+ MB/.test(document.getElementById("lint-status").textContent)`, 20*time.Second)
	status := eval[string](p, `document.getElementById("lint-status").textContent`)
	loaded := eval[int](p, `+document.body.dataset.loaded`)
	if loaded <= 0 || eval[string](p, `document.body.dataset.ready`) != "false" {
		t.Errorf("while main.wasm is held: %d bytes loaded, ready %s", loaded, eval[string](p, `document.body.dataset.ready`))
	}
	t.Logf("while main.wasm is held: %q", status)
	p.shots("loading")

	// A paste while the engine loads survives its arrival.
	seed := readFile(t, "../examples/seed-request.json")
	pasted := strings.Replace(string(seed), "Cloud PC network", "pasted while loading", 1)
	p.pasteNoWait(pasted)
	s.releaseWasm()
	p.wait("the page to be ready", `document.body.dataset.ready === "true"`, 60*time.Second)
	p.wait("the findings of the pasted text", `document.body.dataset.state === "idle" && document.body.dataset.lintedVersion === document.body.dataset.docVersion`, 30*time.Second)
	if got := p.input(); got != pasted {
		t.Errorf("after the engine arrived the editor holds\n%s\nwant the pasted text", got)
	}
	if got, want := p.findings(), oracle(validate.Lint([]byte(pasted), validate.Options{}).Findings); !slices.Equal(got, want) {
		t.Errorf("pasted while loading: the page shows %v, the engine says %v", got, want)
	}
	p.checkErrors()
}

// navigateNoWait navigates without waiting for the load event (which a
// held main.js delays).
func navigateNoWait(u string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.Navigate, page.NavigateParams{URL: u})
		return err
	})
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func (p tab) checkErrors() {
	p.t.Helper()
	if v := eval[[]string](p, `azconnPlayground.cspViolations`); len(v) > 0 {
		p.t.Errorf("CSP violations: %v", v)
	}
	if errs := p.errs.all(); len(errs) > 0 {
		p.t.Errorf("console errors: %v", errs)
	}
}

// testPage is a session on one page: examples, the seed's findings, the
// list by keyboard, per-finding fixes, filters, Copy findings, the output
// pane, Apply, the diff view, sharing, files, and privacy.
func testPage(t *testing.T, ctx context.Context, s *server, base string) {
	p, cancel := newTab(t, ctx)
	defer cancel()
	p.do(chromedp.Navigate(base + "/"))
	p.wait("the page to be ready", `document.body.dataset.ready === "true"`, 60*time.Second)
	atHits := len(s.snapshot())
	seed := readFile(t, "../examples/seed-request.json")
	want := validate.Lint(seed, validate.Options{})
	wantDrop := validate.Lint(seed, validate.Options{DropReadOnly: true})

	// An untouched editor gets the first example, the seed's body.
	p.wait("the first example's findings", `document.body.dataset.state === "idle"`, 30*time.Second)
	if got := p.input(); got != string(seed) {
		t.Errorf("the untouched editor holds %q, want the seed's body", got)
	}
	if got := eval[string](p, `document.getElementById("privacy").innerText`); !strings.Contains(got, "Nothing leaves your browser") {
		t.Errorf("privacy notice = %q", got)
	}
	if got := eval[string](p, editorContent+`.getAttribute("spellcheck")`); got != "false" {
		t.Errorf("editor spellcheck = %q, want false", got)
	}
	version := eval[string](p, `document.body.dataset.engineVersion`)
	if shown := eval[string](p, `document.getElementById("engine").textContent`); shown == "" || strings.HasPrefix(shown, "v0.0.0-") {
		t.Errorf("the engine version reads %q (raw: %s)", shown, version)
	}
	if got := eval[string](p, `document.getElementById("target-detected").textContent`); got != "azureConnection — from @odata.type" {
		t.Errorf("next to the selector: %q, want the target used and why", got)
	}
	if got := eval[string](p, `document.getElementById("form").textContent`); got != "JSON body, azureConnection — from @odata.type" {
		t.Errorf("recognised: %q, want the form and the target used and why", got)
	}
	p.shots("ready")

	// The examples menu: the clean example has no findings.
	clean := examples(t)["clean"]
	seq := p.lintSeq()
	p.choose("example", "clean")
	p.linted(seq)
	if got, want := p.findings(), oracle(validate.Lint(clean, validate.Options{}).Findings); !slices.Equal(got, want) {
		t.Errorf("clean example: page shows %v, engine says %v", got, want)
	}
	p.shots("clean")

	// Paste the seed's body: the engine's findings, at the engine's lines.
	p.paste(string(seed))
	lintMs := eval[string](p, `document.body.dataset.lintMs`)
	fmt.Printf("web: worker lint of the seed's body: %s ms\n", lintMs)
	got := p.findings()
	if w := oracle(want.Findings); !slices.Equal(got, w) {
		t.Errorf("seed: the page shows\n%v\nthe engine says\n%v", got, w)
	}
	for _, c := range []struct{ rule, key string }{
		{"read-only", `"subscriptionName"`}, {"placeholder", `"inUse"`}, {"read-only", `"inUse"`},
	} {
		line := lineOf(seed, c.key)
		if !slices.ContainsFunc(got, func(s shown) bool { return s.Rule == c.rule && s.Line == line }) {
			t.Errorf("seed: no %s finding on line %d (%s); page shows %v", c.rule, line, c.key, got)
		}
	}
	marks := eval[map[string]int](p, `(() => { const r = document.querySelector("#editor").shadowRoot;
		return {ranges: r.querySelectorAll(".cm-lintRange").length, gutter: r.querySelectorAll(".cm-lint-marker").length}; })()`)
	if marks["ranges"] == 0 || marks["gutter"] == 0 {
		t.Errorf("seed: editor marks %v, want underlines and gutter marks", marks)
	}
	hover(t, p)

	// Clicking a finding selects its span in the editor, and F8 then moves
	// on to the next finding, not the same one.
	inUse := lineOf(seed, `"inUse"`)
	var target *validate.Finding
	for i, f := range want.Findings {
		if f.Rule == "placeholder" && f.Start.Line == inUse {
			target = &want.Findings[i]
		}
	}
	if target == nil {
		t.Fatalf("the engine reports no placeholder on line %d of the seed", inUse)
	}
	focused := `document.activeElement === document.getElementById("editor") && document.querySelector("#editor").shadowRoot.activeElement?.classList.contains("cm-content")`
	onLine := fmt.Sprintf(`%s && document.getElementById("cursor").dataset.line === "%d"`, focused, inUse)
	// A click lands where the finding was when chromedp measured it; the
	// page handles it before Input.dispatchMouseEvent returns, so its effect
	// is read at once. A click that a late layout moved is tried again
	// after the next frames, up to five times.
	for try := 1; ; try++ {
		p.frames()
		p.click(fmt.Sprintf(`#findings .finding[data-rule="placeholder"][data-line="%d"] .msg`, inUse), false)
		if eval[bool](p, onLine) {
			break
		}
		if try == 5 {
			p.fatalf("after %d clicks on the placeholder finding of line %d the editor does not have the focus on that line", try, inUse)
		}
	}
	sel := eval[[]int](p, `(() => { const s = azconnPlayground.inputView.state.selection.main; return [s.from, s.to]; })()`)
	p.do(chromedp.KeyEvent(kb.F8))
	p.wait("F8 to move the selection", fmt.Sprintf(`azconnPlayground.inputView.state.selection.main.from !== %d`, sel[0]), 5*time.Second)

	// Typing: real key events at the cursor lint again.
	lineEnd := fmt.Sprint(utf8.RuneCountInString(strings.Split(string(seed), "\n")[inUse-1]) + 1)
	p.click(fmt.Sprintf(`#findings .finding[data-rule="placeholder"][data-line="%d"] .msg`, inUse), false)
	p.wait("the editor to have the focus on the finding's line", onLine, 5*time.Second)
	p.do(chromedp.KeyEvent(kb.End))
	p.wait("the cursor at the end of the line", `document.getElementById("cursor").dataset.col === "`+lineEnd+`"`, 5*time.Second)
	seq = p.lintSeq()
	p.do(chromedp.KeyEvent("  "))
	p.linted(seq)
	lines := strings.Split(string(seed), "\n")
	lines[inUse-1] += "  "
	if got := p.input(); got != strings.Join(lines, "\n") {
		t.Errorf("after typing, the editor holds\n%s", got)
	}
	p.paste(string(seed))

	testKeyboard(t, p, want)
	testFilterAndCopy(t, p, want)

	// The normalized pane, with and without "drop read-only"; it is updated
	// by a transaction, so its scroll offset survives a new result.
	if got := p.output(); got != string(want.Normalized) {
		t.Errorf("normalized pane:\n%s\nwant (validate.Lint):\n%s", got, want.Normalized)
	}
	p.do(chromedp.Evaluate[chromedp.Void](`document.querySelector("#output").shadowRoot.querySelector(".cm-scroller").scrollTop = 60`))
	scrolled := eval[float64](p, `document.querySelector("#output").shadowRoot.querySelector(".cm-scroller").scrollTop`)
	p.check("#drop-read-only", true)
	if got := p.output(); got != string(wantDrop.Normalized) {
		t.Errorf("normalized pane with drop read-only:\n%s\nwant (validate.Lint):\n%s", got, wantDrop.Normalized)
	}
	if after := eval[float64](p, `document.querySelector("#output").shadowRoot.querySelector(".cm-scroller").scrollTop`); scrolled > 0 && after == 0 {
		t.Errorf("the output pane's scroll offset was reset by a new result (%v before)", scrolled)
	}
	p.check("#drop-read-only", false)

	// Apply fixes: the seed's body has nothing to fix (its boolean
	// placeholder is in a read-only property: no value is invented), so
	// Apply is off. On the fixable example the editor then holds the
	// normalized text and has the focus.
	if want.Changed || !eval[bool](p, `document.getElementById("apply").disabled`) {
		t.Errorf("the seed's body: the engine changes it (%v) or Apply is on; want nothing to apply", want.Changed)
	}
	fixable := examples(t)["fixable"]
	wantFixed := validate.Lint(fixable, validate.Options{})
	p.paste(string(fixable))
	p.click("#apply", true)
	if got := p.input(); got != string(wantFixed.Normalized) {
		t.Errorf("after Apply fixes the editor holds\n%s\nwant (validate.Lint):\n%s", got, wantFixed.Normalized)
	}
	if !eval[bool](p, focused) {
		t.Errorf("after Apply fixes the focus is on %s, want the editor", eval[string](p, `document.activeElement.id || document.activeElement.tagName`))
	}
	again := validate.Lint(wantFixed.Normalized, validate.Options{})
	if got, w := p.findings(), oracle(again.Findings); !slices.Equal(got, w) {
		t.Errorf("after Apply fixes: the page shows %v, the engine says %v", got, w)
	}

	testFixOne(t, p)

	// Broken JSON: no normalized payload to copy while the error stands.
	syntax := examples(t)["syntax"]
	seq = p.lintSeq()
	p.choose("example", "syntax")
	p.linted(seq)
	if got, w := p.findings(), oracle(validate.Lint(syntax, validate.Options{}).Findings); !slices.Equal(got, w) {
		t.Errorf("example syntax: the page shows %v, the engine says %v", got, w)
	}
	if out := p.output(); out != "" {
		t.Errorf("broken JSON: the normalized pane shows %q, want nothing", out)
	}
	if !eval[bool](p, `document.getElementById("copy").disabled && document.getElementById("download").disabled && !document.getElementById("output-blocked").hidden`) {
		t.Error("broken JSON: Copy and Download are on, or the pane does not say why it is empty")
	}
	p.shots("syntax")
	for _, id := range []string{"mistakes", "live-docs"} {
		ex := examples(t)[id]
		seq := p.lintSeq()
		p.choose("example", id)
		p.linted(seq)
		if got, w := p.findings(), oracle(validate.Lint(ex, validate.Options{}).Findings); !slices.Equal(got, w) {
			t.Errorf("example %s: the page shows %v, the engine says %v", id, got, w)
		}
	}
	p.shots("mistakes-then-live")

	// The diff view masks the password; the share link drops it.
	const secret = "Tr0ub4dor&3-horse"
	withSecret := strings.Replace(string(examples(t)["fixable"]), `"adDomainPassword": "hunter2-Example!"`, `"adDomainPassword": "`+secret+`"`, 1)
	if !strings.Contains(withSecret, secret) {
		t.Fatal("the fixable example has no adDomainPassword to replace")
	}
	p.choose("target", "azureConnection")
	p.paste(withSecret)
	p.click("#tab-diff", true)
	p.wait("the diff view", `document.querySelector("#output").shadowRoot.querySelector(".cm-changedLine, .cm-deletedChunk")`, 10*time.Second)
	diffText := eval[string](p, `document.querySelector("#output").shadowRoot.querySelector(".cm-content").innerText`)
	if strings.Contains(diffText, secret) || !strings.Contains(diffText, validate.RedactMask) {
		t.Errorf("the diff view shows the password or no mask:\n%s", diffText)
	}
	p.shots("diff")
	p.click("#tab-normalized", false)

	p.choose("target", "onPremisesConnection")
	p.check("#drop-read-only", true)
	if got := eval[string](p, `document.getElementById("target-detected").textContent`); got != "onPremisesConnection — chosen here" {
		t.Errorf("the selector's choice overrides detection: next to it %q", got)
	}
	p.click("#share", false)
	p.wait("the share link", `document.getElementById("share-url").value.includes("#v2=")`, 10*time.Second)
	link := eval[string](p, `document.getElementById("share-url").value`)
	note := eval[string](p, `document.getElementById("share-note").innerText`)
	if !strings.Contains(note, "password") || !strings.Contains(note, validate.RedactMask) {
		t.Errorf("the share panel does not say the password is replaced: %q", note)
	}
	if strings.Contains(link, secret) {
		t.Error("the share link holds the password in clear")
	}
	masked := string(validate.Redact([]byte(withSecret), validate.OnPremisesConnection))
	payload, tgt, drop := decodeShare(t, link)
	if payload != masked || strings.Contains(payload, secret) {
		t.Errorf("the share link holds\n%s\nwant validate.Redact's\n%s", payload, masked)
	}
	if tgt != "onPremisesConnection" || !drop {
		t.Errorf("the share link holds target %q, dropReadOnly %v", tgt, drop)
	}
	p.click("#share-copy", false)
	p.shots("share")
	p.click("#share-close", false)
	sharedLink = link
	sharedMasked = masked

	// Privacy: nothing reached the server after "ready" (no file, no
	// beacon), through typing, validating, toggling and sharing.
	if got := s.snapshot(); len(got) != atHits {
		t.Errorf("the server got %d requests after ready: %v", len(got)-atHits, got[atHits:])
	}

	// A 1 MB paste: the page answers while the worker lints.
	testBigPaste(t, p, seed)
	p.checkErrors()
}

// sharedLink is the link testPage made, with the payload it holds.
var sharedLink, sharedMasked string

// testKeyboard: the findings list is one tab stop; arrows move within it;
// Right shows the rule's help; the panes' accessibility.
func testKeyboard(t *testing.T, p tab, want validate.Result) {
	p.do(chromedp.Focus(chromedp.CSS(`#findings .finding[tabindex="0"]`)))
	if n := eval[int](p, `[...document.querySelectorAll("#findings button")].filter(b => b.tabIndex >= 0).length`); n != 1 {
		t.Errorf("the findings list has %d tab stops, want 1", n)
	}
	first := want.Findings[0]
	p.do(chromedp.KeyEvent(kb.Home), chromedp.KeyEvent(kb.ArrowDown))
	if got := eval[string](p, `document.activeElement.dataset.pos`); got != "1" {
		t.Errorf("ArrowDown in the list: the focus is on position %q, want 1", got)
	}
	p.do(chromedp.KeyEvent(kb.ArrowUp), chromedp.KeyEvent(kb.ArrowRight))
	details := eval[string](p, `document.querySelector("#findings .finding[aria-expanded=true] + .details")?.innerText || ""`)
	rule, _ := validate.LookupRule(first.Rule)
	if !strings.Contains(details, rule.Summary) || (rule.Help != "" && !strings.Contains(details, rule.Help)) {
		t.Errorf("ArrowRight on %s shows %q, want the rule's summary and help", first.Rule, details)
	}
	p.shots("finding-expanded")
	p.do(chromedp.KeyEvent(kb.ArrowLeft))
	// Tab leaves the list from its one stop.
	p.do(chromedp.KeyEvent(kb.Tab))
	if eval[bool](p, `!!document.activeElement.closest("#findings")`) {
		t.Errorf("Tab from a finding lands on %s inside the list, want past it", eval[string](p, `document.activeElement.outerHTML.slice(0, 80)`))
	}
	// Enter on a finding moves the cursor to it.
	p.do(chromedp.Focus(chromedp.CSS(`#findings .finding[tabindex="0"]`)), chromedp.KeyEvent(kb.Home), chromedp.KeyEvent(kb.Enter))
	p.wait("the cursor on the first finding", fmt.Sprintf(`document.getElementById("cursor").dataset.line === "%d" && document.getElementById("cursor").dataset.col === "%d"`, first.Start.Line, first.Start.Column), 5*time.Second)

	// Focus rings on both editors.
	for _, host := range []string{"editor", "output"} {
		ring := eval[string](p, fmt.Sprintf(`(() => { const r = document.getElementById(%q).shadowRoot; r.querySelector(".cm-content").focus();
			const s = getComputedStyle(r.querySelector(".cm-editor")); return s.outlineStyle + " " + s.outlineWidth; })()`, host))
		if ring != "solid 2px" {
			t.Errorf("#%s focused: outline %q, want a 2px ring", host, ring)
		}
	}
	p.shots("output-focused")

	// The accessibility tree: the read-only pane is read-only and not
	// editable, the payload is editable, the list is a list.
	nodes := axTree(t, p)
	for _, n := range nodes {
		name := axString(n.Name)
		switch {
		case name == "Normalized payload (read-only)":
			if axProp(n, "readonly") != "true" || axProp(n, "editable") != "" {
				t.Errorf("the normalized pane: readonly %q, editable %q; want read-only, not editable", axProp(n, "readonly"), axProp(n, "editable"))
			}
		case strings.HasPrefix(name, "Payload:"):
			if axProp(n, "editable") == "" {
				t.Error("the payload editor is not editable in the accessibility tree")
			}
		}
	}
	if !slices.ContainsFunc(nodes, func(n *accessibility.Node) bool { return axString(n.Role) == "list" && axString(n.Name) == "Findings" }) {
		t.Error("no list named Findings in the accessibility tree")
	}
}

func axTree(t *testing.T, p tab) []*accessibility.Node {
	var nodes []*accessibility.Node
	p.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		r, err := cdp.Call(ctx, tg, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
		nodes = r.Nodes
		return err
	}))
	return nodes
}

func axString(v *accessibility.Value) string {
	if v == nil {
		return ""
	}
	var s any
	if json.Unmarshal(v.Value, &s) != nil {
		return ""
	}
	return fmt.Sprint(s)
}

func axProp(n *accessibility.Node, name string) string {
	for _, p := range n.Properties {
		if string(p.Name) == name {
			return axString(p.Value)
		}
	}
	return ""
}

// testFilterAndCopy: the severity filters hide and show; Copy findings
// copies every finding as text.
func testFilterAndCopy(t *testing.T, p tab, want validate.Result) {
	p.click(`#counts .filter[data-severity="info"]`, false)
	got := p.findings()
	for _, f := range got {
		if f.Severity == "info" {
			t.Errorf("with info filtered out the list shows %v", f)
		}
	}
	if n := want.Count(validate.SeverityError) + want.Count(validate.SeverityWarning); len(got) != n {
		t.Errorf("with info filtered out the list shows %d findings, want %d", len(got), n)
	}
	p.shots("filtered")
	p.click(`#counts .filter[data-severity="info"]`, false)
	if got := p.findings(); len(got) != len(want.Findings) {
		t.Errorf("with every severity on the list shows %d findings, want %d", len(got), len(want.Findings))
	}
	p.click("#copy-findings", false)
	p.wait("the findings copied", `azconnPlayground.lastCopied.startsWith("azconn:")`, 5*time.Second)
	copied := eval[string](p, `azconnPlayground.lastCopied`)
	var b strings.Builder
	fmt.Fprintf(&b, "azconn: %d findings (target azureConnection)\n", len(want.Findings))
	for _, f := range want.Findings {
		fmt.Fprintf(&b, "%d:%d %s %s: %s\n", f.Start.Line, f.Start.Column, f.Severity, f.Rule, f.Message)
	}
	if copied != b.String() {
		t.Errorf("Copy findings copied\n%s\nwant\n%s", copied, b.String())
	}
}

// testFixOne applies one finding's own fix from the list and one from the
// editor's hover: each changes exactly that finding's edit.
func testFixOne(t *testing.T, p tab) {
	fixable := examples(t)["fixable"]
	p.choose("target", "azureConnection")
	p.paste(string(fixable))
	res := validate.Lint(fixable, validate.Options{Target: validate.AzureConnection})
	i := slices.IndexFunc(res.Findings, func(f validate.Finding) bool { return f.Edit != nil && f.Rule != "read-only" })
	if i < 0 {
		t.Fatal("the fixable example has no finding with its own edit")
	}
	e := res.Findings[i].Edit
	want := string(fixable[:e.Start.Offset]) + e.Text + string(fixable[e.End.Offset:])
	p.do(chromedp.Focus(chromedp.CSS(`#findings .finding[tabindex="0"]`)))
	p.do(chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.getElementById("finding-%d").focus()`, i)), chromedp.KeyEvent(kb.ArrowRight))
	p.wait("the finding's fix button", fmt.Sprintf(`document.querySelector("#details-%d .fix-one")`, i), 5*time.Second)
	p.shots("fix-one")
	seq := p.lintSeq()
	p.click(fmt.Sprintf(`#details-%d .fix-one`, i), true)
	_ = seq
	if got := p.input(); got != want {
		t.Errorf("after the fix of %s at %v the editor holds\n%s\nwant\n%s", res.Findings[i].Rule, res.Findings[i].Start, got, want)
	}
	if strings.Contains(p.input(), validate.RedactMask) {
		t.Error("a single fix wrote the mask into the editor")
	}
	// Ctrl-. in the editor applies the fix of the finding at the cursor.
	now := []byte(p.input())
	res2 := validate.Lint(now, validate.Options{Target: validate.AzureConnection})
	j := slices.IndexFunc(res2.Findings, func(f validate.Finding) bool { return f.Edit != nil && f.Rule != "read-only" })
	if j < 0 || !isASCII(now) {
		t.Fatalf("after one fix: no other finding with its own edit, or the text is not ASCII")
	}
	e2 := res2.Findings[j].Edit
	want2 := string(now[:e2.Start.Offset]) + e2.Text + string(now[e2.End.Offset:])
	at := res2.Findings[j].Start.Offset
	p.do(chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => { const v = azconnPlayground.inputView; v.focus(); v.dispatch({selection: {anchor: %d}}); })()`, at)))
	p.wait("the editor focused at the finding", focusedEditor, 5*time.Second)
	p.do(chromedp.KeyEvent(".", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	p.wait("Ctrl-. to apply the fix at the cursor", fmt.Sprintf(`azconnPlayground.inputText() === %s`, jsString(want2)), 10*time.Second)
}

const focusedEditor = `document.activeElement === document.getElementById("editor") && document.querySelector("#editor").shadowRoot.activeElement?.classList.contains("cm-content")`

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// testBigPaste: a 1 MB paste is linted while the page answers; a paste
// during that lint drops its answer; stale findings are marked.
func testBigPaste(t *testing.T, p tab, seed []byte) {
	big := bigPayload(seed, 1<<20)
	bigWant := validate.Lint(big, validate.Options{Target: validate.OnPremisesConnection, DropReadOnly: true})
	p.do(chromedp.Evaluate[chromedp.Void](`window.__long = 0; new PerformanceObserver(l => { for (const e of l.getEntries()) window.__long = Math.max(window.__long, e.duration); }).observe({type: "longtask"})`))
	t0 := time.Now()
	p.paste(string(big))
	pasteToFindings := time.Since(t0)
	if got, w := len(p.findings()), min(len(bigWant.Findings), 1000); got != w {
		t.Errorf("1 MB paste: the list shows %d findings, want %d", got, w)
	}
	bigLint := eval[string](p, `document.body.dataset.lintMs`)
	longest := eval[float64](p, `window.__long`)
	t.Logf("main-thread work per result (ms): %v", eval[[]float64](p, `performance.getEntriesByName("azconn:render").slice(-3).map(e => Math.round(e.duration))`))
	t.Logf("1 MB paste (%d bytes): findings after %v; worker lint %s ms; longest main-thread task %.0f ms",
		len(big), pasteToFindings.Round(time.Millisecond), bigLint, longest)
	fmt.Printf("web: 1 MB paste: worker lint %s ms, longest main-thread task %.0f ms\n", bigLint, longest)
	// The findings are marked out of date by the keystroke itself: a
	// MutationObserver set before it records the mark, which a fast lint
	// could clear again before a later look.
	p.do(chromedp.Evaluate[chromedp.Void](`window.__staleSeen = false; new MutationObserver(() => {
		if (document.getElementById("findings-pane").dataset.stale === "true") window.__staleSeen = true;
	}).observe(document.getElementById("findings-pane"), {attributes: true, attributeFilter: ["data-stale"]})`))
	seq := p.lintSeq()
	p.do(chromedp.KeyEvent("x"))
	if n := len(p.input()); n != len(big)+1 {
		t.Errorf("typing after the 1 MB paste: the editor holds %d bytes, want %d", n, len(big)+1)
	}
	if !eval[bool](p, `window.__staleSeen`) {
		t.Errorf("after an edit the findings are not marked as out of date\n%s", p.state())
	}
	p.linted(seq)

	// A paste while the 1 MB text is being linted: the second paste is
	// made in the same task that sees the lint sent and not yet answered,
	// so its answer is stale by construction; if the answer came first
	// (a slow look), the 1 MB text is pasted again.
	seq = p.lintSeq()
	dropped := eval[int](p, `+(document.body.dataset.dropped || 0)`)
	for try := 1; ; try++ {
		before := eval[int](p, `+(document.body.dataset.lintSent || 0)`)
		p.pasteNoWait(string(big))
		p.wait("the 1 MB text's lint to be sent", fmt.Sprintf(`+document.body.dataset.lintSent > %d`, before), 10*time.Second)
		got := eval[string](p, `(() => { const d = document.body.dataset;
			if (+d.lintAnswered >= +d.lintSent) return "answered";
			`+pasteJS(string(seed))+`
			return "pasted"; })()`)
		if got == "pasted" {
			break
		}
		if try == 3 {
			p.fatalf("the 1 MB lint was answered before the next look, %d times", try)
		}
	}
	p.linted(seq)
	seedOnPrem := validate.Lint(seed, validate.Options{Target: validate.OnPremisesConnection, DropReadOnly: true})
	if got, w := p.findings(), oracle(seedOnPrem.Findings); !slices.Equal(got, w) {
		t.Errorf("after a paste during a lint: the page shows %v, the engine says %v", got, w)
	}
	if got := p.output(); got != string(seedOnPrem.Normalized) {
		t.Errorf("after a paste during a lint: the normalized pane is not the new text's")
	}
	if n := eval[int](p, `+(document.body.dataset.dropped || 0)`); n <= dropped {
		t.Errorf("no stale answer was dropped (dropped %d before, %d after)", dropped, n)
	}
}

// testShareLinks: a link made by the page restores its payload, target and
// toggle, says the password was replaced and asks before Copy; a link that
// inflates past the engine's size limit is refused after decoding no more
// than the limit.
func testShareLinks(t *testing.T, ctx context.Context, base string) {
	if sharedLink == "" {
		t.Skip("the Page test made no link")
	}
	q, cancel := newTab(t, ctx)
	defer cancel()
	q.do(chromedp.Navigate(sharedLink))
	q.wait("the shared page to be ready", `document.body.dataset.ready === "true" && document.body.dataset.state === "idle"`, 60*time.Second)
	if got := q.input(); got != sharedMasked {
		t.Errorf("the shared page holds\n%s\nwant\n%s", got, sharedMasked)
	}
	if got := eval[string](q, `document.getElementById("target").value + " " + document.getElementById("drop-read-only").checked`); got != "onPremisesConnection true" {
		t.Errorf("the shared page's options: %s", got)
	}
	if b := eval[string](q, `document.getElementById("banner").hidden ? "" : document.getElementById("banner").innerText`); !strings.Contains(b, "password") {
		t.Errorf("the shared page does not say the password was replaced: %q", b)
	}
	opts := validate.Options{Target: validate.OnPremisesConnection, DropReadOnly: true}
	if got, w := q.findings(), oracle(validate.Lint([]byte(sharedMasked), opts).Findings); !slices.Equal(got, w) {
		t.Errorf("shared page: shows %v, the engine says %v", got, w)
	}
	if _, ok := validate.LookupRule("secret-value"); ok {
		if !slices.ContainsFunc(q.findings(), func(s shown) bool { return s.Rule == "secret-value" }) {
			t.Error("the restored mask in adDomainPassword is not flagged (secret-value)")
		}
		q.click("#copy", false)
		q.wait("Copy to ask for the password first", `!document.getElementById("secret-ask").hidden`, 5*time.Second)
		q.shots("secret-ask")
	} else {
		t.Log("the engine has no secret-value rule yet: the mask check waits for it")
	}
	q.shots("shared")
	q.click("#banner-close", false)
	if !eval[bool](q, `document.getElementById("banner").hidden`) {
		t.Error("the share banner cannot be dismissed")
	}
	q.checkErrors()

	// The share-link bomb: 200 MB of spaces deflate into a link of a few
	// hundred KB. The page stops decoding at the engine's limit.
	maxSize := validate.DefaultMaxSize
	for _, c := range []struct {
		name  string
		link  string
		limit int // what the page may inflate: its cap plus one chunk
	}{
		{"v1", bombV1(t, 200<<20), maxSize + 4096 + 1<<20},
		{"v2", bombV2(t, 200<<20), maxSize + 4096 + 1<<20},
	} {
		r, cancel := newTab(t, ctx)
		r.do(chromedp.Navigate(base + "/#" + c.link))
		r.wait("the link to be refused", `document.body.dataset.shareRefused`, 60*time.Second)
		if got := eval[string](r, `document.body.dataset.shareRefused`); got != "too-large" {
			t.Errorf("%s bomb (%d KB link): refused as %q, want too-large", c.name, len(c.link)>>10, got)
		}
		decoded := eval[int](r, `+document.body.dataset.shareDecoded`)
		if decoded > c.limit || decoded < maxSize {
			t.Errorf("%s bomb: the page decoded %d bytes, want the limit (%d) and no more than %d", c.name, decoded, maxSize, c.limit)
		}
		msg := eval[string](r, `document.getElementById("error").innerText`)
		if !strings.Contains(msg, "limit") || strings.Contains(msg, "Error") {
			t.Errorf("%s bomb: the page says %q", c.name, msg)
		}
		if got := eval[int](r, `azconnPlayground.maxSize()`); got != maxSize {
			t.Errorf("the page's size limit is %d, the engine's %d", got, maxSize)
		}
		t.Logf("%s bomb: a %d KB link, refused after %d bytes decoded: %q", c.name, len(c.link)>>10, decoded, msg)
		if c.name == "v1" {
			r.wait("the page to be ready", `document.body.dataset.ready === "true"`, 60*time.Second)
			r.shots("share-refused")
		}
		cancel()
	}
	// A damaged link: a sentence, not the JavaScript error.
	r, cancel2 := newTab(t, ctx)
	defer cancel2()
	r.do(chromedp.Navigate(base + "/#v2=AAAA-not-deflate"))
	r.wait("the link to be refused", `document.body.dataset.shareRefused`, 30*time.Second)
	if msg := eval[string](r, `document.getElementById("error").innerText`); !strings.Contains(msg, "damaged") || strings.Contains(msg, "Error:") {
		t.Errorf("a damaged link: the page says %q", msg)
	}
}

func deflateLink(t *testing.T, prefix string, head string, fill int, tail string) string {
	var buf bytes.Buffer
	zw, _ := flate.NewWriter(&buf, flate.BestCompression)
	io.WriteString(zw, head)
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for n := 0; n < fill; n += len(chunk) {
		zw.Write(chunk)
	}
	io.WriteString(zw, tail)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return prefix + base64.RawURLEncoding.EncodeToString(buf.Bytes())
}

func bombV1(t *testing.T, n int) string {
	return deflateLink(t, "v1=", `{"p":"{`, n, `}","t":"","d":false}`)
}
func bombV2(t *testing.T, n int) string {
	return deflateLink(t, "v2=", `{"t":"","d":false}`+"\n{", n, "}")
}

// testManyFindings: 1,500 findings; the list shows 1,000 and more on
// demand, and the document is exactly as tall as the layout at both
// viewports (no blank scrolling).
func testManyFindings(t *testing.T, ctx context.Context, base string) {
	p, cancel := newTab(t, ctx)
	defer cancel()
	p.do(chromedp.Navigate(base + "/"))
	p.wait("the page to be ready", `document.body.dataset.ready === "true" && document.body.dataset.state === "idle"`, 60*time.Second)
	var b strings.Builder
	b.WriteString("{\n")
	for i := range 1500 {
		fmt.Fprintf(&b, "  \"unknown%04d\": %d,\n", i, i)
	}
	b.WriteString("  \"displayName\": \"many\"\n}\n")
	text := b.String()
	// The page asks the engine for up to 50,000 findings (main.js's
	// MAX_FINDINGS), past the engine's default cap of 1,000.
	res := validate.Lint([]byte(text), validate.Options{Target: validate.AzureConnection, MaxFindings: 50000})
	if len(res.Findings) < 1500 {
		t.Fatalf("the engine reports %d findings on 1,500 unknown properties", len(res.Findings))
	}
	p.choose("target", "azureConnection")
	p.paste(text)
	if n := len(p.findings()); n != 1000 {
		t.Errorf("the list renders %d findings, want the first 1,000", n)
	}
	for _, v := range viewports {
		p.do(chromedp.EmulateViewport(v.width, v.height, chromedp.EmulateScale(v.scale)))
		p.frames()
		h := eval[map[string]float64](p, `({doc: document.documentElement.scrollHeight, layout: Math.max(innerHeight, Math.ceil(document.body.getBoundingClientRect().height))})`)
		if math.Abs(h["doc"]-h["layout"]) > 1 {
			t.Errorf("%s with 1,000 findings listed: the document is %v px tall, the layout %v px", v.name, h["doc"], h["layout"])
		}
		t.Logf("%s: document %v px, layout %v px", v.name, h["doc"], h["layout"])
	}
	p.do(chromedp.EmulateViewport(1366, 800))
	p.shots("many")
	more := eval[string](p, `document.querySelector("#findings .more")?.innerText || ""`)
	if !strings.Contains(more, fmt.Sprintf("%d", len(res.Findings)-1000)) {
		t.Errorf("below the list: %q, want the count of the rest (%d)", more, len(res.Findings)-1000)
	}
	p.click("#findings .show-more", false)
	p.wait("more findings", fmt.Sprintf(`document.querySelectorAll("#findings .finding").length === %d`, min(2000, len(res.Findings))), 10*time.Second)
	p.checkErrors()
}

// testWorkerRestart: a worker that dies is replaced; the page says so and
// lints again; the text is untouched.
func testWorkerRestart(t *testing.T, ctx context.Context, base string) {
	p, cancel := newTab(t, ctx)
	defer cancel()
	p.do(chromedp.Navigate(base + "/"))
	p.wait("the page to be ready", `document.body.dataset.ready === "true" && document.body.dataset.state === "idle"`, 60*time.Second)
	before := p.input()
	p.do(chromedp.Evaluate[chromedp.Void](`azconnPlayground.crashEngine()`))
	p.wait("the restart", `document.body.dataset.restarts === "1"`, 20*time.Second)
	if b := eval[string](p, `document.getElementById("banner").innerText`); !strings.Contains(b, "restarted") {
		t.Errorf("after the worker died the banner says %q", b)
	}
	p.wait("the new engine", `document.body.dataset.state === "idle"`, 60*time.Second)
	if p.input() != before {
		t.Error("the restart changed the text")
	}
	seed := readFile(t, "../examples/seed-request.json")
	p.paste(string(seed) + " ")
	if got, w := p.findings(), oracle(validate.Lint(append(seed, ' '), validate.Options{}).Findings); !slices.Equal(got, w) {
		t.Errorf("after the restart: the page shows %v, the engine says %v", got, w)
	}
	p.shots("restarted")
}

// hover moves the mouse over the first underline and waits for the lint
// tooltip.
func hover(t *testing.T, p tab) {
	t.Helper()
	r := eval[map[string]float64](p, `(() => { const e = document.querySelector("#editor").shadowRoot.querySelector(".cm-lintRange");
		const b = e.getBoundingClientRect(); return {x: b.left + Math.min(b.width / 2, 20), y: b.top + b.height / 2}; })()`)
	p.do(chromedp.MouseEvent("mouseMoved", r["x"], r["y"]))
	p.wait("the hover message", `document.querySelector("#editor").shadowRoot.querySelector(".cm-tooltip-lint .cm-diagnostic")`, 10*time.Second)
	msg := eval[string](p, `document.querySelector("#editor").shadowRoot.querySelector(".cm-tooltip-lint").innerText`)
	if strings.TrimSpace(msg) == "" {
		t.Error("the hover tooltip is empty")
	}
	p.screenshot("playground-hover.png")
	p.do(chromedp.MouseEvent("mouseMoved", 5, 5))
}

// bigPayload pads the seed's body to about size bytes with an unknown
// property holding an array of objects.
func bigPayload(seed []byte, size int) []byte {
	var b bytes.Buffer
	body := bytes.TrimRight(seed, "\n\r ")
	b.Write(body[:len(body)-1]) // without the closing brace
	b.WriteString(",\n  \"bulk\": [\n")
	for i := 0; b.Len() < size; i++ {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `    {"n": %d, "name": "entry-%06d", "note": "ünïcödé text to pad the payload"}`, i, i)
	}
	b.WriteString("\n  ]\n}\n")
	return b.Bytes()
}

// checkServing checks the production handler: the policy header on every
// file, identical to the page's <meta> plus frame-ancestors; the MIME
// types; and Content-Encoding negotiated from the precompressed files, with
// Vary, each decoding to the file itself.
func checkServing(t *testing.T, h http.Handler) {
	t.Helper()
	meta, err := site.PagePolicy(dist)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{"'wasm-unsafe-eval'", "connect-src 'self'", "worker-src blob:", "default-src 'none'"} {
		if !strings.Contains(meta, d) {
			t.Errorf("the page's policy lacks %s: %s", d, meta)
		}
	}
	for path, typ := range map[string]string{
		"/": "text/html", "/main.js": "text/javascript", "/boot.js": "text/javascript", "/style.css": "text/css",
		"/main.wasm": "application/wasm",
	} {
		file := strings.TrimPrefix(path, "/")
		if file == "" {
			file = "index.html"
		}
		raw := readFile(t, filepath.Join(dist, file))
		for _, c := range []struct{ accept, encoding string }{
			{"", ""}, {"gzip, deflate, br, zstd", "br"}, {"gzip", "gzip"}, {"br;q=0, gzip;q=0.5", "gzip"}, {"identity", ""},
		} {
			rec := httptest.NewRecorder()
			req := httptest.NewRequest("GET", path, nil)
			if c.accept != "" {
				req.Header.Set("Accept-Encoding", c.accept)
			}
			h.ServeHTTP(rec, req)
			if rec.Code != 200 {
				t.Errorf("GET %s: %d", path, rec.Code)
			}
			if got := rec.Header().Get("Content-Type"); !strings.HasPrefix(got, typ) {
				t.Errorf("GET %s: Content-Type %q, want %s", path, got, typ)
			}
			if got := rec.Header().Get("Content-Security-Policy"); got != meta+"; frame-ancestors 'none'" {
				t.Errorf("GET %s: Content-Security-Policy %q, want the page's policy plus frame-ancestors", path, got)
			}
			if got := rec.Header().Get("Content-Encoding"); got != c.encoding {
				t.Errorf("GET %s, Accept-Encoding %q: Content-Encoding %q, want %q", path, c.accept, got, c.encoding)
			}
			if rec.Header().Get("Vary") != "Accept-Encoding" {
				t.Errorf("GET %s: Vary %q", path, rec.Header().Get("Vary"))
			}
			if got := decode(t, c.encoding, rec.Body.Bytes()); !bytes.Equal(got, raw) {
				t.Errorf("GET %s as %q: %d bytes decoded, the file has %d", path, c.encoding, len(got), len(raw))
			}
		}
	}
}

// decode undoes a Content-Encoding: gzip in Go, brotli with Debian's
// brotli (the standard library has no decoder).
func decode(t *testing.T, encoding string, b []byte) []byte {
	t.Helper()
	switch encoding {
	case "":
		return b
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		out, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		return out
	case "br":
		cmd := exec.Command("brotli", "-d", "-c")
		cmd.Stdin = bytes.NewReader(b)
		out, err := cmd.Output()
		need(t, err == nil, "brotli -d: %v (install it: make tools)", err)
		return out
	}
	t.Fatalf("unknown encoding %q", encoding)
	return nil
}

func examples(t *testing.T) map[string][]byte {
	t.Helper()
	list, err := readExamples()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, e := range list {
		out[e.ID] = e.text
	}
	return out
}
