//go:build browser

// The browser test of the playground: the built page (web/dist, `make web`)
// served by httptest with the production handler, driven in Debian's
// Chromium by chromedp. Run it with `make test-web`, or
//
//	go test -tags browser -count=1 -v ./web/
//
// Under CI=true a missing Chromium or a missing build fails the test.
package web

import (
	"bytes"
	"compress/flate"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
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

// counter counts the requests that reach the server.
type counter struct {
	h     http.Handler
	mu    sync.Mutex
	paths []string
}

func (c *counter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	c.paths = append(c.paths, r.URL.Path)
	c.mu.Unlock()
	c.h.ServeHTTP(w, r)
}

func (c *counter) snapshot() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.paths)
}

// tab drives one page.
type tab struct {
	t   *testing.T
	ctx context.Context
}

func (p tab) do(steps ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, steps...); err != nil {
		p.t.Fatal(err)
	}
}

func eval[T any](p tab, js string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		p.t.Fatalf("%s: %v", js, err)
	}
	return v
}

// wait polls a JavaScript condition with Runtime.evaluate. (chromedp.Poll
// builds its predicate with new Function, which the page's CSP forbids.)
// poll reports whether cond holds within timeout.
func (p tab) poll(cond string, timeout time.Duration) bool {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if ok, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool]("!!("+cond+")")); err == nil && ok {
			return true
		}
		time.Sleep(15 * time.Millisecond)
	}
	return false
}

func (p tab) wait(what, cond string, timeout time.Duration) {
	p.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		ok, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool]("!!("+cond+")"))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			state := eval[string](p, `JSON.stringify({...document.body.dataset, error: document.getElementById("error").textContent})`)
			p.t.Fatalf("timed out after %v waiting for %s (%s); page state %s; last error %v", timeout, what, cond, state, err)
		}
		time.Sleep(15 * time.Millisecond)
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
		p.t.Fatalf("after the paste the editor holds %d bytes, want %d", len(got), len(text))
	}
}

func (p tab) pasteNoWait(text string) {
	p.t.Helper()
	arg, _ := json.Marshal(text)
	p.do(chromedp.Evaluate[chromedp.Void](editorContent + `.focus()`))
	p.do(chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	p.do(chromedp.Evaluate[chromedp.Void](`(() => {
		const dt = new DataTransfer();
		dt.setData("text/plain", ` + string(arg) + `);
		` + editorContent + `.dispatchEvent(new ClipboardEvent("paste", {clipboardData: dt, bubbles: true, cancelable: true}));
	})()`))
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

func (p tab) screenshot(name string) {
	p.t.Helper()
	buf, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		p.t.Fatal(err)
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

// decodeShare reads a v1 share fragment.
func decodeShare(t *testing.T, link string) (payload, target string, dropReadOnly bool) {
	t.Helper()
	u, err := url.Parse(link)
	if err != nil {
		t.Fatal(err)
	}
	enc, ok := strings.CutPrefix(u.Fragment, "v1=")
	if !ok {
		t.Fatalf("share link %q has no #v1= fragment", link)
	}
	raw, err := base64.RawURLEncoding.DecodeString(enc)
	if err != nil {
		t.Fatalf("share link: %v", err)
	}
	js, err := io.ReadAll(flate.NewReader(bytes.NewReader(raw)))
	if err != nil {
		t.Fatalf("share link: deflate-raw: %v", err)
	}
	var v struct {
		P string `json:"p"`
		T string `json:"t"`
		D bool   `json:"d"`
	}
	if err := json.Unmarshal(js, &v); err != nil {
		t.Fatalf("share link: %v", err)
	}
	return v.P, v.T, v.D
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

	hits := &counter{h: h}
	srv := httptest.NewServer(hits)
	defer srv.Close()

	seed, err := os.ReadFile(filepath.Join("..", "examples", "seed-request.json"))
	if err != nil {
		t.Fatal(err)
	}
	want := validate.Lint(seed, validate.Options{})
	wantDrop := validate.Lint(seed, validate.Options{DropReadOnly: true})

	allocCtx, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1440, 900),
	)
	defer cancel()
	ctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 4*time.Minute)
	defer cancelTimeout()
	p := tab{t, ctx}

	// Every request the browser makes, and every exception, from the start.
	var reqMu sync.Mutex
	var requests []string
	var afterReady atomic.Bool
	var lateRequests []string
	var exceptions []string
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		t.Fatal(err)
	}
	if err := chromedp.Listen(ctx, func(ev any) {
		reqMu.Lock()
		defer reqMu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			u := ev.Request.URL
			requests = append(requests, u)
			if afterReady.Load() && !strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "blob:") {
				lateRequests = append(lateRequests, u)
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	console := chromedp.Console(ctx)
	go func() {
		for m, err := range console {
			if err != nil {
				return
			}
			if m.IsException() || m.Type == "error" {
				reqMu.Lock()
				exceptions = append(exceptions, m.String())
				reqMu.Unlock()
			}
		}
	}()

	// 1. Ready.
	start := time.Now()
	p.do(chromedp.Navigate(srv.URL + "/"))
	p.wait("the page to be ready", `document.body.dataset.ready === "true"`, 60*time.Second)
	readyWall := time.Since(start)
	readyMs := eval[string](p, `document.body.dataset.readyMs`)
	version := eval[string](p, `document.body.dataset.engineVersion`)
	t.Logf("ready: %s ms after navigation start (performance.now), %v wall clock; engine %s", readyMs, readyWall.Round(time.Millisecond), version)
	fmt.Printf("web: navigation to ready: %s ms\n", readyMs)
	atHits := len(hits.snapshot())
	afterReady.Store(true)
	t.Logf("requests until ready: %v", hits.snapshot())

	if got := eval[string](p, `document.getElementById("privacy").innerText`); !strings.Contains(got, "Nothing leaves your browser") {
		t.Errorf("privacy notice = %q", got)
	}
	if got := eval[string](p, editorContent+`.getAttribute("spellcheck")`); got != "false" {
		t.Errorf("editor spellcheck = %q, want false", got)
	}
	if !strings.Contains(eval[string](p, `document.getElementById("engine").textContent`), version) {
		t.Error("the engine version is not shown")
	}

	// 2. The examples menu: the clean example has no findings.
	clean := examples(t)["clean"]
	seq := p.lintSeq()
	p.choose("example", "clean")
	p.linted(seq)
	if got, want := p.findings(), oracle(validate.Lint(clean, validate.Options{}).Findings); !slices.Equal(got, want) {
		t.Errorf("clean example: page shows %v, engine says %v", got, want)
	}
	if got := p.input(); got != string(clean) {
		t.Errorf("clean example: editor holds %q", got)
	}

	// 3. Paste the seed's body: the engine's findings, at the engine's lines.
	p.paste(string(seed))
	lintMs := eval[string](p, `document.body.dataset.lintMs`)
	t.Logf("worker lint time for the seed's body: %s ms", lintMs)
	fmt.Printf("web: worker lint of the seed's body: %s ms\n", lintMs)
	got := p.findings()
	if w := oracle(want.Findings); !slices.Equal(got, w) {
		t.Errorf("seed: the page shows\n%v\nthe engine says\n%v", got, w)
	}
	for _, c := range []struct{ rule, key string }{
		{"read-only", `"subscriptionName"`},
		{"placeholder", `"inUse"`},
		{"read-only", `"inUse"`},
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

	// Hover an underline: the finding's message shows.
	hover(t, p)

	p.screenshot("playground-light.png")
	p.do(colorScheme("dark"))
	p.screenshot("playground-dark.png")
	p.do(colorScheme("light"))

	// 4. Clicking a finding moves the cursor to it.
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
	p.click(fmt.Sprintf(`#findings .finding[data-rule="placeholder"][data-line="%d"]`, inUse), false)
	cur := eval[map[string]string](p, `({...document.getElementById("cursor").dataset})`)
	if cur["line"] != fmt.Sprint(target.Start.Line) || cur["col"] != fmt.Sprint(target.Start.Column) {
		t.Errorf("after clicking the finding at %v the cursor is at %s:%s", target.Start, cur["line"], cur["col"])
	}
	if !eval[bool](p, `document.activeElement === document.getElementById("editor") && document.querySelector("#editor").shadowRoot.activeElement?.classList.contains("cm-content")`) {
		t.Error("after clicking a finding the editor does not have the focus")
	}

	// The same with the keyboard: focus the first finding, press Enter.
	first := want.Findings[0]
	p.do(chromedp.Focus(chromedp.CSS("#findings .finding")), chromedp.KeyEvent(kb.Enter))
	cur = eval[map[string]string](p, `({...document.getElementById("cursor").dataset})`)
	if cur["line"] != fmt.Sprint(first.Start.Line) || cur["col"] != fmt.Sprint(first.Start.Column) {
		t.Errorf("after Enter on the finding at %v the cursor is at %s:%s", first.Start, cur["line"], cur["col"])
	}
	// 5. Typing: real key events at the cursor lint again. Focus and the
	// cursor move settle asynchronously, and a click can land while the list
	// re-renders: click until the editor has the focus on the finding's
	// line, then wait for each key's effect before the next.
	focused := `document.activeElement === document.getElementById("editor") && document.querySelector("#editor").shadowRoot.activeElement?.classList.contains("cm-content")`
	onLine := fmt.Sprintf(`%s && document.getElementById("cursor").dataset.line === "%d"`, focused, inUse)
	for try := 0; ; try++ {
		p.click(fmt.Sprintf(`#findings .finding[data-rule="placeholder"][data-line="%d"]`, inUse), false)
		if try == 4 {
			p.wait("the editor to have the focus on the finding's line", onLine, 5*time.Second)
			break
		}
		if ok := p.poll(onLine, time.Second); ok {
			break
		}
	}
	lineEnd := fmt.Sprint(utf8.RuneCountInString(strings.Split(string(seed), "\n")[inUse-1]) + 1)
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

	// 6. The normalized pane, with and without "drop read-only".
	if got := p.output(); got != string(want.Normalized) {
		t.Errorf("normalized pane:\n%s\nwant (validate.Lint):\n%s", got, want.Normalized)
	}
	p.click("#drop-read-only", true)
	if got := p.output(); got != string(wantDrop.Normalized) {
		t.Errorf("normalized pane with drop read-only:\n%s\nwant (validate.Lint):\n%s", got, wantDrop.Normalized)
	}
	p.click("#drop-read-only", true)

	// 7. Apply fixes.
	if !want.Changed {
		t.Fatal("the engine changes nothing in the seed's body; the test expects fixes")
	}
	p.click("#apply", true)
	if got := p.input(); got != string(want.Normalized) {
		t.Errorf("after Apply fixes the editor holds\n%s\nwant (validate.Lint):\n%s", got, want.Normalized)
	}
	again := validate.Lint(want.Normalized, validate.Options{})
	if got, w := p.findings(), oracle(again.Findings); !slices.Equal(got, w) {
		t.Errorf("after Apply fixes: the page shows %v, the engine says %v", got, w)
	}

	// 8. The diff view masks the password; the share link drops it.
	const secret = "Tr0ub4dor&3-horse"
	withSecret := strings.Replace(string(examples(t)["fixable"]), `"adDomainPassword": "hunter2-Example!"`, `"adDomainPassword": "`+secret+`"`, 1)
	if !strings.Contains(withSecret, secret) {
		t.Fatal("the fixable example has no adDomainPassword to replace")
	}
	p.paste(withSecret)
	p.click("#tab-diff", true)
	p.wait("the diff view", `document.querySelector("#output").shadowRoot.querySelector(".cm-changedLine, .cm-deletedChunk")`, 10*time.Second)
	diffText := eval[string](p, `document.querySelector("#output").shadowRoot.querySelector(".cm-content").innerText`)
	if strings.Contains(diffText, secret) || !strings.Contains(diffText, validate.RedactMask) {
		t.Errorf("the diff view shows the password or no mask:\n%s", diffText)
	}
	p.screenshot("playground-diff.png")
	p.click("#tab-normalized", false)

	p.choose("target", "onPremisesConnection")
	p.click("#drop-read-only", true)
	p.click("#share", false)
	p.wait("the share link", `document.getElementById("share-url").value.includes("#v1=")`, 10*time.Second)
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
	p.screenshot("playground-share.png")
	p.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2)), colorScheme("dark"))
	p.screenshot("playground-narrow-dark.png")
	p.do(chromedp.EmulateViewport(1440, 900), colorScheme("light"))

	// 9. Privacy: nothing reached the server after "ready", and the browser
	// sent no request at all (to anywhere).
	if got := hits.snapshot(); len(got) != atHits {
		t.Errorf("the server got %d requests after ready: %v", len(got)-atHits, got[atHits:])
	}
	reqMu.Lock()
	if len(lateRequests) > 0 {
		t.Errorf("the browser sent requests after ready: %v", lateRequests)
	}
	reqMu.Unlock()
	t.Logf("server hits: %d, all before ready", atHits)

	// 10. The share link in a new tab restores the payload, masked.
	tabCtx, cancelTab := chromedp.NewContext(ctx)
	defer cancelTab()
	q := tab{t, tabCtx}
	q.do(chromedp.Navigate(link))
	q.wait("the shared page to be ready", `document.body.dataset.ready === "true"`, 60*time.Second)
	if got := q.input(); got != masked {
		t.Errorf("the shared page holds\n%s\nwant\n%s", got, masked)
	}
	if got := eval[string](q, `document.getElementById("target").value + " " + document.getElementById("drop-read-only").checked`); got != "onPremisesConnection true" {
		t.Errorf("the shared page's options: %s", got)
	}
	if b := eval[string](q, `document.getElementById("banner").hidden ? "" : document.getElementById("banner").innerText`); !strings.Contains(b, "password") {
		t.Errorf("the shared page does not say the password was replaced: %q", b)
	}
	if got, w := q.findings(), oracle(validate.Lint([]byte(masked), validate.Options{Target: validate.OnPremisesConnection}).Findings); !slices.Equal(got, w) {
		t.Errorf("shared page: shows %v, the engine says %v", got, w)
	}

	// 11. A 1 MB paste: the page answers while the worker lints.
	big := bigPayload(seed, 1<<20)
	bigWant := validate.Lint(big, validate.Options{Target: validate.OnPremisesConnection})
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
	// Typing still works at once, while the worker may be busy.
	seq = p.lintSeq()
	p.do(chromedp.KeyEvent("x"))
	if n := len(p.input()); n != len(big)+1 {
		t.Errorf("typing after the 1 MB paste: the editor holds %d bytes, want %d", n, len(big)+1)
	}
	p.linted(seq)

	// A paste while the worker lints the 1 MB text: its answer is dropped,
	// and the findings are the new text's.
	seq = p.lintSeq()
	p.pasteNoWait(string(big))
	p.wait("the worker to lint the 1 MB text", `document.body.dataset.state === "linting"`, 10*time.Second)
	dropped := eval[int](p, `+(document.body.dataset.dropped || 0)`)
	p.pasteNoWait(string(seed))
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

	// The broken examples from the menu: the engine's findings, errors shown.
	for _, id := range []string{"mistakes", "syntax"} {
		ex := examples(t)[id]
		seq := p.lintSeq()
		p.choose("example", id)
		p.linted(seq)
		if got, w := p.findings(), oracle(validate.Lint(ex, validate.Options{DropReadOnly: true}).Findings); !slices.Equal(got, w) {
			t.Errorf("example %s: the page shows %v, the engine says %v", id, got, w)
		}
		p.do(colorScheme("dark"))
		p.screenshot("playground-" + id + "-dark.png")
		p.do(colorScheme("light"))
	}

	// 12. No CSP violation and no script error in either tab.
	for _, x := range []tab{p, q} {
		if v := eval[[]string](x, `azconnPlayground.cspViolations`); len(v) > 0 {
			t.Errorf("CSP violations: %v", v)
		}
	}
	reqMu.Lock()
	defer reqMu.Unlock()
	if len(exceptions) > 0 {
		t.Errorf("console errors: %v", exceptions)
	}
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
// file, identical to the page's <meta> plus frame-ancestors, and the MIME
// types.
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
		"/": "text/html", "/main.js": "text/javascript", "/style.css": "text/css",
		"/main.wasm": "application/wasm", "/wasm_exec.js": "text/javascript",
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if rec.Code != 200 {
			t.Errorf("GET %s: %d", path, rec.Code)
		}
		if got := rec.Header().Get("Content-Type"); !strings.HasPrefix(got, typ) {
			t.Errorf("GET %s: Content-Type %q, want %s", path, got, typ)
		}
		if got := rec.Header().Get("Content-Security-Policy"); got != meta+"; frame-ancestors 'none'" {
			t.Errorf("GET %s: Content-Security-Policy %q, want the page's policy plus frame-ancestors", path, got)
		}
	}
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
