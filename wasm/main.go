//go:build js && wasm

// Command wasm is the WebAssembly bridge between the playground page (web/)
// and package validate. It registers one JavaScript function,
//
//	azconnLint(text string, options string) string
//
// which lints text and returns a JSON string shaped like one file entry of
// azconnlint's --format json output, plus the normalized payload and the
// engine's version. All logic lives in package validate; this is glue.
// The info call's catalogue is generated (info_gen.go, by ./geninfo).
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
	Path         string `json:"path"`
	Target       string `json:"target"`
	DropReadOnly bool   `json:"dropReadOnly"`
	MaxSize      int    `json:"maxSize"`
	MaxDepth     int    `json:"maxDepth"`
	// MaxFindings is validate.Options.MaxFindings: the page asks for more
	// than the engine's default, as its list shows them 1,000 at a time.
	MaxFindings int      `json:"maxFindings"`
	Ignore      []string `json:"ignore"`
	// Redact asks for the input with the password masked (validate.Redact),
	// for share links.
	Redact bool `json:"redact"`
	// Info asks for the targets, the rules catalogue and the size limit;
	// with an empty text, for them alone (infoAnswer).
	Info bool `json:"info"`
	// Edit asks for the byte edit of finding Edit alone (the page's
	// per-finding fix): the raw text goes back into the user's editor, so
	// no mask is ever written there (SPEC §12).
	Edit *int `json:"edit"`
	// RequestView asks for the Request view of request Request (an index
	// into Result.Requests; out of range means the first): the normalized
	// body as complete calls (validate.RenderCalls). It is asked for only
	// while the view shows, as a stub body is linted again to migrate it.
	RequestView bool `json:"requestView"`
	Request     int  `json:"request"`
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
	MaxSize    int               `json:"maxSize,omitempty"`
	// Editable lists the indexes of the findings whose fix has its own
	// byte edit, which the page offers one by one.
	Editable []int `json:"editable"`
	// Blocked reports a finding that forbids any change (syntax, encoding,
	// limits, duplicate keys): the page then shows no normalized payload.
	Blocked bool `json:"blocked"`
	// FixEdit is the edit asked for with options.edit.
	FixEdit *fixEdit `json:"fixEdit,omitempty"`
	// RequestView is options.request's request rendered as calls, and
	// RequestIndex which request that is.
	RequestView  *callView `json:"requestView,omitempty"`
	RequestIndex int       `json:"requestIndex"`
	// RequestCount counts the requests in the text (a bare body is one).
	RequestCount int `json:"requestCount"`
}

// callView is validate.CallView as the page reads it.
type callView struct {
	Note  string     `json:"note,omitempty"`
	Calls []callText `json:"calls"`
	Live  []callText `json:"live,omitempty"`
}

type callText struct {
	Kind  string `json:"kind"`
	Title string `json:"title"`
	Text  string `json:"text"`
}

func newCallView(v validate.CallView) *callView {
	conv := func(cs []validate.Call) []callText {
		out := make([]callText, 0, len(cs))
		for _, c := range cs {
			out = append(out, callText{Kind: c.Kind, Title: c.Title, Text: c.Text})
		}
		return out
	}
	cv := &callView{Note: v.Note, Calls: conv(v.Calls)}
	if len(v.Live) > 0 {
		cv.Live = conv(v.Live)
	}
	return cv
}

// fixEdit is one finding's edit: replace the input's bytes
// [offset, endOffset) with text.
type fixEdit struct {
	Offset    int    `json:"offset"`
	EndOffset int    `json:"endOffset"`
	Text      string `json:"text"`
}

// blocking are the rules whose findings forbid any change to the input
// (validate's engine keeps the same list; TestBlockedMatchesEngine holds
// them together).
var blocking = map[string]bool{"syntax": true, "encoding": true, "too-large": true, "too-deep": true, "duplicate-key": true}

type errorResponse struct {
	Error   string `json:"error"`
	Version string `json:"version"`
}

var version = buildinfo.Version()

func parseOptions(optsJSON string) options {
	var o options
	if optsJSON != "" {
		if err := json.Unmarshal([]byte(optsJSON), &o); err != nil {
			panic(fmt.Sprintf("bad options: %v", err))
		}
	}
	return o
}

// infoAnswer is the info call's answer for an empty text, the worker's
// first call: the generated constant (info_gen.go) with the versions, and
// no lint, so that it costs nothing before the page is ready.
func infoAnswer() string {
	v, _ := json.Marshal(version)
	g, _ := json.Marshal(runtime.Version())
	return `{"version":` + string(v) + `,"goVersion":` + string(g) + `,` + infoJSON[1:]
}

func lint(text string, o options) response {
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
		MaxSize: o.MaxSize, MaxDepth: o.MaxDepth, Ignore: o.Ignore, MaxFindings: o.MaxFindings,
	})
	r := response{
		FileReport: validate.NewFileReport(o.Path, res, res.Changed),
		Normalized: string(res.Normalized), Fixes: res.Fixes,
		Version: version, GoVersion: runtime.Version(),
	}
	if r.Fixes == nil {
		r.Fixes = []validate.Fix{}
	}
	r.Editable, r.Blocked = editable(res.Findings)
	if o.Edit != nil {
		r.FixEdit = editOf(res.Findings, *o.Edit)
	}
	r.RequestCount = len(res.Requests)
	if o.RequestView && !r.Blocked && len(res.Requests) > 0 {
		i := o.Request
		if i < 0 || i >= len(res.Requests) {
			i = 0
		}
		r.RequestIndex = i
		r.RequestView = newCallView(validate.RenderCalls(res.Requests[i], validate.CallOptions{}))
	}
	r.Summary.Add(r.FileReport)
	if o.Redact {
		s := string(validate.Redact(data, target))
		r.Redacted = &s
	}
	if o.Info {
		r.Targets = validate.Targets()
		r.Rules = validate.Rules()
		r.MaxSize = validate.DefaultMaxSize
	}
	return r
}

// editable returns the indexes of the findings that carry an edit, and
// whether any finding blocks changes.
func editable(fs []validate.Finding) (idx []int, blocked bool) {
	idx = []int{}
	for i, f := range fs {
		if f.Edit != nil {
			idx = append(idx, i)
		}
		blocked = blocked || blocking[f.Rule]
	}
	return idx, blocked
}

// editOf returns finding i's edit; an index out of range or a finding
// without an edit is an error for the page.
func editOf(fs []validate.Finding, i int) *fixEdit {
	if i < 0 || i >= len(fs) || fs[i].Edit == nil {
		panic(fmt.Sprintf("finding %d has no fix to apply", i))
	}
	e := fs[i].Edit
	return &fixEdit{Offset: e.Start.Offset, EndOffset: e.End.Offset, Text: e.Text}
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
	text, o := args[0].String(), parseOptions(opts)
	if o.Info && text == "" {
		return infoAnswer()
	}
	b, err := json.Marshal(lint(text, o))
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
