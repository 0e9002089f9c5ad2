//go:build js && wasm

// Command wasm is the WebAssembly bridge between the playground page (web/)
// and package validate. It registers one JavaScript function,
//
//	azconnLint(text string, options string) string
//
// which lints text and returns a JSON string shaped like one file entry of
// azconnlint's --format json output, plus the normalized payload and the
// engine's version. All logic lives in package validate; this is glue.
package main

import (
	"encoding/json"
	"fmt"
	"github.com/azconn/azconn/internal/buildinfo"
	"runtime"
	"syscall/js"

	"github.com/azconn/azconn/validate"
)

// options is what the page passes as the second argument, as JSON.
type options struct {
	Path         string   `json:"path"`
	Target       string   `json:"target"`
	DropReadOnly bool     `json:"dropReadOnly"`
	MaxSize      int      `json:"maxSize"`
	MaxDepth     int      `json:"maxDepth"`
	Ignore       []string `json:"ignore"`
	// Redact asks for the input with the password masked (validate.Redact),
	// for share links.
	Redact bool `json:"redact"`
	// Info asks for the targets and the rules catalogue.
	Info bool `json:"info"`
}

// response is one file entry of SPEC §8 (validate's report model) plus
// what the page needs.
type response struct {
	validate.FileReport
	Normalized string            `json:"normalized"`
	Fixes      []validate.Fix    `json:"fixes"`
	Summary    validate.Summary  `json:"summary"`
	Redacted   *string           `json:"redacted,omitempty"`
	Version    string            `json:"version"`
	GoVersion  string            `json:"goVersion"`
	Targets    []validate.Target `json:"targets,omitempty"`
	Rules      []validate.Rule   `json:"rules,omitempty"`
}

type errorResponse struct {
	Error   string `json:"error"`
	Version string `json:"version"`
}

var version = buildinfo.Version()

func lint(text, optsJSON string) response {
	var o options
	if optsJSON != "" {
		if err := json.Unmarshal([]byte(optsJSON), &o); err != nil {
			panic(fmt.Sprintf("bad options: %v", err))
		}
	}
	var target validate.Target
	if o.Target != "" {
		t, err := validate.ParseTarget(o.Target)
		if err != nil {
			panic(err.Error())
		}
		target = t
	}
	if o.Path == "" {
		o.Path = "-"
	}
	data := []byte(text)
	res := validate.Lint(data, validate.Options{
		Target: target, DropReadOnly: o.DropReadOnly,
		MaxSize: o.MaxSize, MaxDepth: o.MaxDepth, Ignore: o.Ignore,
	})
	r := response{
		FileReport: validate.NewFileReport(o.Path, res, res.Changed),
		Normalized: string(res.Normalized), Fixes: res.Fixes,
		Version: version, GoVersion: runtime.Version(),
	}
	if r.Fixes == nil {
		r.Fixes = []validate.Fix{}
	}
	r.Summary.Add(r.FileReport)
	if o.Redact {
		s := string(validate.Redact(data, target))
		r.Redacted = &s
	}
	if o.Info {
		r.Targets = validate.Targets()
		r.Rules = validate.Rules()
	}
	return r
}

// call runs azconnLint's body and turns any panic into an error JSON.
func call(args []js.Value) (out string) {
	defer func() {
		if p := recover(); p != nil {
			b, _ := json.Marshal(errorResponse{Error: fmt.Sprint(p), Version: version})
			out = string(b)
		}
	}()
	if len(args) < 1 || args[0].Type() != js.TypeString {
		panic("azconnLint(text, options): text must be a string")
	}
	opts := ""
	if len(args) > 1 && args[1].Type() == js.TypeString {
		opts = args[1].String()
	}
	b, err := json.Marshal(lint(args[0].String(), opts))
	if err != nil {
		panic(err.Error())
	}
	return string(b)
}

func main() {
	js.Global().Set("azconnLint", js.FuncOf(func(this js.Value, args []js.Value) any {
		return call(args)
	}))
	// Tell the loader (the worker) the function is there.
	if ready := js.Global().Get("azconnReady"); ready.Type() == js.TypeFunction {
		ready.Invoke(version)
	}
	select {}
}
