package lsp

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// JSON-RPC 2.0 and LSP error codes.
const (
	codeParseError           = -32700
	codeInvalidRequest       = -32600
	codeMethodNotFound       = -32601
	codeInvalidParams        = -32602
	codeInternalError        = -32603
	codeServerNotInitialized = -32002
	codeRequestCancelled     = -32800
)

// MaxFrame is the largest message body the server reads into memory
// (64 MiB); a larger frame is skipped unread and answered with an error.
const MaxFrame = 64 << 20

// message is one JSON-RPC 2.0 message: a request (ID and Method),
// a notification (Method alone) or a response (ID with Result or Error).
type message struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *rpcError       `json:"error,omitempty"`
}

// rpcError is a response's error object.
type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *rpcError) Error() string { return e.Message }

// frameError is a frame the reader could not take but could step over:
// the server answers it with an error response and reads on.
type frameError struct{ msg string }

func (e *frameError) Error() string { return e.msg }

// frameReader reads the LSP base protocol: header lines ending in CRLF
// (a bare LF is accepted), a blank line, then Content-Length bytes of
// JSON. It is hand-written (about 60 lines) because the framing is all
// the server needs of JSON-RPC, and golang.org/x/exp/jsonrpc2 has no
// stable API.
type frameReader struct {
	r        *bufio.Reader
	max      int
	skipping bool // after a bad header: looking for the next frame
}

func newFrameReader(r io.Reader) *frameReader {
	return &frameReader{r: bufio.NewReader(r), max: MaxFrame}
}

// read returns the next frame's body. A *frameError means the frame was
// skipped (bad header, missing or invalid length, too large); any other
// error ends the stream.
func (fr *frameReader) read() ([]byte, error) {
	length, err := fr.header()
	if err != nil {
		return nil, err
	}
	if length > fr.max {
		if _, err := io.CopyN(io.Discard, fr.r, int64(length)); err != nil {
			return nil, io.ErrUnexpectedEOF
		}
		return nil, &frameError{fmt.Sprintf("message of %d bytes is over the limit of %d bytes; skipped", length, fr.max)}
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(fr.r, body); err != nil {
		return nil, io.ErrUnexpectedEOF
	}
	return body, nil
}

// header reads header lines up to the blank line and returns the
// Content-Length. A malformed header is answered at once; the next read
// then skips to the next "Content-Length:" (even mid-line, where a body
// without a line break runs into the next frame), so one bad frame costs
// one error.
func (fr *frameReader) header() (int, error) {
	length, seen := -1, false
	for {
		line, err := fr.r.ReadString('\n')
		if err != nil {
			if err == io.EOF && line == "" && !seen {
				return 0, io.EOF
			}
			return 0, io.ErrUnexpectedEOF
		}
		line = strings.TrimRight(line, "\r\n")
		if fr.skipping {
			i := strings.Index(strings.ToLower(line), "content-length:")
			if i < 0 {
				continue
			}
			line, fr.skipping = line[i:], false
		}
		seen = true
		if line == "" {
			break
		}
		name, value, ok := strings.Cut(line, ":")
		switch {
		case !ok:
			return 0, fr.skip(fmt.Sprintf("malformed header line %q", clip(line)))
		case strings.EqualFold(strings.TrimSpace(name), "Content-Length"):
			n, err := strconv.Atoi(strings.TrimSpace(value))
			if err != nil || n < 0 {
				return 0, fr.skip(fmt.Sprintf("invalid Content-Length %q", clip(strings.TrimSpace(value))))
			}
			length = n
		}
	}
	if length < 0 {
		return 0, fr.skip("missing Content-Length header")
	}
	return length, nil
}

// skip puts the reader in skipping mode and returns the error to answer.
func (fr *frameReader) skip(msg string) error {
	fr.skipping = true
	return &frameError{msg}
}

// clip shortens text quoted in an error message.
func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// frameWriter writes framed messages; it is safe for concurrent use, so
// the reader loop and the lint worker can both write.
type frameWriter struct {
	mu  sync.Mutex
	w   io.Writer
	err error
}

func (fw *frameWriter) write(m *message) error {
	m.JSONRPC = "2.0"
	body, err := json.Marshal(m)
	if err != nil {
		return err
	}
	fw.mu.Lock()
	defer fw.mu.Unlock()
	if fw.err != nil {
		return fw.err
	}
	if _, err := fmt.Fprintf(fw.w, "Content-Length: %d\r\n\r\n", len(body)); err != nil {
		fw.err = err
		return err
	}
	_, fw.err = fw.w.Write(body)
	return fw.err
}

// isFrameError reports whether err is a skipped frame rather than the end.
func isFrameError(err error) bool {
	var fe *frameError
	return errors.As(err, &fe)
}
