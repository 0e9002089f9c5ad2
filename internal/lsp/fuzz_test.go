package lsp

import (
	"bytes"
	"fmt"
	"testing"
	"time"
)

// FuzzServe feeds a session of frames (each chunk of the input between
// blank lines is one message body; an input starting with '!' is sent raw,
// framing included) after initialize, and requires the server to end at
// the end of input without a panic, within a few seconds, having written
// only well-framed JSON.
func FuzzServe(f *testing.F) {
	open := `{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///tmp/azconn-fuzz/a.json","languageId":"json","version":1,"text":"{\"@odata.type\":\"#microsoft.graph.cloudPcOnPremisesConnection\",\"adDomainPassword\":\"Hunter2-Secret\",\"type\":\"x\",\"displayName\":\" a \"}"}}}`
	for _, s := range []string{
		open,
		open + "\n\n" + `{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///tmp/azconn-fuzz/a.json","version":2},"contentChanges":[{"range":{"start":{"line":0,"character":5},"end":{"line":0,"character":2}},"text":"x"}]}}`,
		open + "\n\n" + `{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///tmp/azconn-fuzz/a.json"},"position":{"line":0,"character":99999}}}`,
		open + "\n\n" + `{"jsonrpc":"2.0","id":3,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///tmp/azconn-fuzz/a.json"},"range":{"start":{"line":9,"character":0},"end":{"line":0,"character":0}},"context":{"diagnostics":[{"code":1}]}}}`,
		"!Content-Length: 5\r\n\r\n{}{}{Content-Length: -1\r\n\r\nContent-Length: 99999999999999999999\r\n\r\n",
		`{"jsonrpc":"2.0","id":1,"method":"shutdown"}` + "\n\n" + `{"jsonrpc":"2.0","method":"exit"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var in bytes.Buffer
		frame := func(b []byte) { fmt.Fprintf(&in, "Content-Length: %d\r\n\r\n%s", len(b), b) }
		frame([]byte(`{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{}}}`))
		frame([]byte(`{"jsonrpc":"2.0","method":"initialized","params":{}}`))
		if len(data) > 0 && data[0] == '!' {
			in.Write(data[1:])
		} else {
			for _, b := range bytes.Split(data, []byte("\n\n")) {
				frame(b)
			}
		}
		var out bytes.Buffer
		done := make(chan struct{})
		go func() {
			defer close(done)
			New(nil).Serve(&in, &out)
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("the server did not end at the end of input")
		}
		if !bytes.HasPrefix(out.Bytes(), []byte("Content-Length: ")) || !bytes.Contains(out.Bytes(), []byte(`"id":0,"result":{"capabilities"`)) {
			t.Fatalf("no answer to initialize: %.200q", out.Bytes())
		}
		fr := newFrameReader(&out)
		for {
			body, err := fr.read()
			if err != nil {
				break
			}
			if !bytes.HasPrefix(body, []byte("{")) {
				t.Fatalf("server wrote a non-object frame: %q", body)
			}
			if bytes.Contains(body, []byte("Hunter2-Secret")) {
				t.Fatalf("server wrote the password: %s", body)
			}
		}
	})
}
