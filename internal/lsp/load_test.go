package lsp

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// editor is a quiet client whose messages a goroutine drains, keeping
// only the newest published version, as a busy editor would.
type editor struct {
	*client
	published chan int32
}

func newEditor(t testing.TB, cfg Config) *editor {
	c := startServer(t, New(cfg), true)
	e := &editor{client: c, published: make(chan int32, 1)}
	c.initialize(nil)
	go func() {
		for m := range c.msgs {
			if m.Method != "textDocument/publishDiagnostics" {
				continue
			}
			var p publishParams
			if json.Unmarshal(m.Params, &p) == nil && p.Version != nil {
				select {
				case <-e.published:
				default:
				}
				e.published <- *p.Version
			}
		}
	}()
	return e
}

// waitVersion waits until diagnostics for version v are published.
func (e *editor) waitVersion(tb testing.TB, v int32) {
	deadline := time.After(20 * time.Second)
	for {
		select {
		case got := <-e.published:
			if got == v {
				return
			}
		case <-deadline:
			tb.Fatalf("no diagnostics for version %d in 20 s", v)
		}
	}
}

// TestTenThousandEdits types 10,000 incremental edits into a payload and
// samples, every 1,000 edits (once that version's diagnostics are out),
// the goroutines and the live heap after a GC: both must stay flat.
func TestTenThousandEdits(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 edits")
	}
	e := newEditor(t, nil)
	uri := pathToURI(filepath.Join(t.TempDir(), "conn.json"))
	e.open(uri, "json", payload, 0)
	e.waitVersion(t, 0)
	type sample struct {
		goroutines int
		heap       uint64
	}
	var samples []sample
	for v := int32(1); v <= 10000; v++ {
		// Type a letter into displayName, or delete it again.
		r := Range{Start: pos(2, 22), End: pos(2, 22)}
		text := "x"
		if v%2 == 0 {
			r.End = pos(2, 23)
			text = ""
		}
		e.change(uri, int(v), &r, text)
		if v%1000 == 0 {
			e.waitVersion(t, v)
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			samples = append(samples, sample{runtime.NumGoroutine(), ms.HeapAlloc})
		}
	}
	lints, dropped := e.srv.Stats()
	var b strings.Builder
	for i, s := range samples {
		fmt.Fprintf(&b, " %d:%d/%dKB", (i+1)*1000, s.goroutines, s.heap>>10)
	}
	t.Logf("edits:goroutines/heap%s; %d lints, %d dropped", b.String(), lints, dropped)
	first, last := samples[0], samples[len(samples)-1]
	for _, s := range samples {
		if s.goroutines != first.goroutines {
			t.Errorf("goroutines changed over the edits: %s", b.String())
			break
		}
	}
	// The live heap may wobble by what the GC keeps around; a leak of
	// even 100 bytes an edit would add 900 KB over the run.
	if last.heap > first.heap+256<<10 {
		t.Errorf("live heap grew from %d KB to %d KB over 9,000 edits", first.heap>>10, last.heap>>10)
	}
	e.close(t)
}

// close ends the session (the drain takes the shutdown's answer).
func (e *editor) close(tb testing.TB) {
	e.request("shutdown", nil)
	e.notify("exit", nil)
	if code := e.wait(); code != 0 {
		tb.Errorf("exit code %d", code)
	}
}

// payload20KB is a connection payload of about 20 KB: its scopeIds list
// is long, and a finding sits near its start.
func payload20KB() string {
	ids := make([]string, 0, 2500)
	for i := 0; len(strings.Join(ids, ",")) < 19500; i++ {
		ids = append(ids, fmt.Sprintf("%q", fmt.Sprint(i)))
	}
	return "{\n  \"@odata.type\": \"#microsoft.graph.cloudPcOnPremisesConnection\",\n  \"displayName\": \"net\",\n" +
		"  \"connectionType\": \"AzureADJoin\",\n  \"scopeIds\": [" + strings.Join(ids, ", ") + "]\n}\n"
}

// BenchmarkDidChange20KB measures, over the framed pipes, a didChange of a
// 20 KB payload until its diagnostics are published (SPEC budget: 20 ms
// on the project's machine).
func BenchmarkDidChange20KB(b *testing.B) {
	text := payload20KB()
	b.SetBytes(int64(len(text)))
	e := newEditor(b, nil)
	uri := "file:///bench/conn.json"
	e.open(uri, "json", text, 0)
	e.waitVersion(b, 0)
	b.ResetTimer()
	for i := 1; i <= b.N; i++ {
		r := Range{Start: pos(2, 18), End: pos(2, 18)}
		if i%2 == 0 {
			r.End = pos(2, 19)
		}
		e.change(uri, i, &r, map[bool]string{true: "", false: "x"}[i%2 == 0])
		e.waitVersion(b, int32(i))
	}
}
