// Package lsp is azconnlint's language server: LSP 3.17 over a byte
// stream (stdio), pushing (or, when the client asks for it, answering
// pulls of) the engine's findings as diagnostics, with quick fixes, a
// fix-all source action and hovers.
//
// The reader loop only reads, updates documents and answers what needs
// no lint; one worker goroutine lints. A newer version of a document
// supersedes an older one: the worker lints the latest text only, and a
// result whose version was overtaken while it ran is dropped unpublished.
// Requests that need a current lint (code actions, hover, pull
// diagnostics) wait for it and can be cancelled ($/cancelRequest).
package lsp

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"
)

// Server is one language server session.
type Server struct {
	cfg Config
	out *frameWriter

	mu       sync.Mutex
	docs     map[string]*document
	waiting  map[string]*waiter // by request ID
	state    int
	enc      string // negotiated position encoding
	client   clientCaps
	root     string          // workspace folder, for a new configuration file
	reqID    int             // last server-to-client request ID
	lastCfgE string          // last configuration error shown
	cfgDiags map[string]bool // configuration files given an error diagnostic

	maxFrame int // MaxFrame unless a test sets it

	wake chan struct{}
	done chan struct{}
	// stats, for tests and benchmarks
	lints, dropped int
}

// Session states.
const (
	stateNew = iota
	stateRunning
	stateShutdown
)

// clientCaps are the client capabilities the server acts on.
type clientCaps struct {
	pull, markdown, related, docChanges, create, watch, refresh bool
}

// New returns a server that takes each file's settings from cfg (nil
// means NoConfig).
func New(cfg Config) *Server {
	if cfg == nil {
		cfg = NoConfig{}
	}
	return &Server{cfg: cfg, docs: map[string]*document{}, waiting: map[string]*waiter{}, cfgDiags: map[string]bool{},
		enc: encodingUTF16, wake: make(chan struct{}, 1), done: make(chan struct{})}
}

// Serve speaks the protocol on in and out until exit or the end of in,
// and returns the process exit code: 0 after shutdown then exit, 1 when
// the session ended without shutdown.
func (s *Server) Serve(in io.Reader, out io.Writer) int {
	s.out = &frameWriter{w: out}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); s.work() }()
	defer wg.Wait()
	defer close(s.done)
	fr := newFrameReader(in)
	if s.maxFrame > 0 {
		fr.max = s.maxFrame
	}
	for {
		body, err := fr.read()
		if isFrameError(err) {
			s.replyError(json.RawMessage("null"), codeParseError, err.Error())
			continue
		}
		if err != nil {
			return 1 // the stream ended without exit
		}
		if code, exit := s.handle(body); exit {
			return code
		}
	}
}

// Stats returns how many lints ran and how many of their results were
// dropped because a newer version arrived meanwhile.
func (s *Server) Stats() (lints, dropped int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lints, s.dropped
}

// handle takes one frame's body; exit says the session is over.
func (s *Server) handle(body []byte) (code int, exit bool) {
	var m message
	if err := json.Unmarshal(body, &m); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) || !json.Valid(body) {
			s.replyError(json.RawMessage("null"), codeParseError, "invalid JSON: "+err.Error())
		} else {
			s.replyError(json.RawMessage("null"), codeInvalidRequest, "not a JSON-RPC message object")
		}
		return 0, false
	}
	if m.Method == "" {
		if m.ID == nil {
			s.replyError(json.RawMessage("null"), codeInvalidRequest, "a message needs a method or an id")
		}
		return 0, false // a response to one of our requests
	}
	if m.Method == "exit" {
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.state == stateShutdown {
			return 0, true
		}
		return 1, true
	}
	defer func() {
		if r := recover(); r != nil {
			if m.ID != nil {
				s.replyError(m.ID, codeInternalError, fmt.Sprintf("internal error in %s: %v", m.Method, r))
			}
		}
	}()
	if m.ID == nil {
		s.notify(m.Method, m.Params)
		return 0, false
	}
	s.request(m.ID, m.Method, m.Params)
	return 0, false
}

// request dispatches a request; each answers exactly once.
func (s *Server) request(id json.RawMessage, method string, params json.RawMessage) {
	s.mu.Lock()
	state := s.state
	s.mu.Unlock()
	switch {
	case method == "initialize" && state == stateNew:
		s.reply(id, s.initialize(params))
		return
	case method == "initialize":
		s.replyError(id, codeInvalidRequest, "initialize was already received")
		return
	case state == stateNew:
		s.replyError(id, codeServerNotInitialized, "the server is not initialized yet")
		return
	case state == stateShutdown:
		s.replyError(id, codeInvalidRequest, "the server is shutting down; only exit is accepted")
		return
	}
	switch method {
	case "shutdown":
		s.mu.Lock()
		s.state = stateShutdown
		s.mu.Unlock()
		s.reply(id, nil)
	case "textDocument/codeAction":
		s.codeAction(id, params)
	case "textDocument/hover":
		s.hover(id, params)
	case "textDocument/diagnostic":
		s.pullDiagnostics(id, params)
	default:
		s.replyError(id, codeMethodNotFound, "method not found: "+method)
	}
}

// notify dispatches a notification; unknown ones are ignored, as the
// protocol asks.
func (s *Server) notify(method string, params json.RawMessage) {
	s.mu.Lock()
	state := s.state
	s.mu.Unlock()
	if state != stateRunning {
		return
	}
	switch method {
	case "textDocument/didOpen":
		s.didOpen(params)
	case "textDocument/didChange":
		s.didChange(params)
	case "textDocument/didSave":
		s.didSave(params)
	case "textDocument/didClose":
		s.didClose(params)
	case "workspace/didChangeWatchedFiles", "workspace/didChangeConfiguration":
		s.reloadConfig()
	case "$/cancelRequest":
		s.cancel(params)
	case "initialized":
		s.registerWatchers()
	}
}

// reply sends a result (nil is JSON null).
func (s *Server) reply(id json.RawMessage, result any) {
	b, err := json.Marshal(result)
	if err != nil {
		s.replyError(id, codeInternalError, err.Error())
		return
	}
	_ = s.out.write(&message{ID: id, Result: b})
}

func (s *Server) replyError(id json.RawMessage, code int, msg string) {
	_ = s.out.write(&message{ID: id, Error: &rpcError{Code: code, Message: msg}})
}

// send writes a notification.
func (s *Server) send(method string, params any) {
	b, _ := json.Marshal(params)
	_ = s.out.write(&message{Method: method, Params: b})
}

// call writes a server-to-client request; its response is ignored.
func (s *Server) call(method string, params any) {
	s.mu.Lock()
	s.reqID++
	id := fmt.Appendf(nil, "%d", s.reqID)
	s.mu.Unlock()
	b, _ := json.Marshal(params)
	_ = s.out.write(&message{ID: id, Method: method, Params: b})
}

// decode reads params into v, answering invalid params for a request.
func (s *Server) decode(id, params json.RawMessage, v any) bool {
	if err := json.Unmarshal(params, v); err != nil {
		if id != nil {
			s.replyError(id, codeInvalidParams, "invalid params: "+err.Error())
		}
		return false
	}
	return true
}
