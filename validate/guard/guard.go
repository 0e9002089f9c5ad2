// Package guard checks the requests an http.Client sends to the Microsoft
// Graph connection endpoints before they leave: wrap the client's
// transport, and a body that package validate finds fault with fails the
// request with a *validate.FindingsError instead of reaching the service.
//
//	t, err := guard.New(http.DefaultTransport, guard.Config{})
//	if err != nil { … }
//	client := &http.Client{Transport: t}
package guard

import (
	"bytes"
	"io"
	"net/http"
	"strings"

	"github.com/azconn/azconn/validate"
)

// Config says what the guard lints for and when it fails a request.
type Config struct {
	// Options are the linter's, checked once by New. Options.Hosts lets
	// requests to a test server or a gateway be checked too; MaxSize
	// bounds how much of a body is read (the rest is refused unread).
	Options validate.Options
	// FailOn is the lowest severity that fails a request; zero means
	// validate.SeverityError.
	FailOn validate.Severity
	// SendNormalized sends Result.Normalized, the body with every fix
	// applied, in place of the body as built.
	SendNormalized bool
}

// Transport is an http.RoundTripper that lints the PATCH and POST bodies
// sent to the connection endpoints (validate's MatchEndpoint) and passes
// every other request to Base untouched, body unread. It is safe for
// concurrent use.
type Transport struct {
	base   http.RoundTripper
	linter *validate.Linter
	failOn validate.Severity
	send   bool
	max    int
}

// New returns a Transport over base (nil means http.DefaultTransport) for
// cfg; the error is New's from package validate when cfg.Options are wrong.
func New(base http.RoundTripper, cfg Config) (*Transport, error) {
	l, err := validate.New(cfg.Options)
	if err != nil {
		return nil, err
	}
	if base == nil {
		base = http.DefaultTransport
	}
	max := cfg.Options.MaxSize
	if max <= 0 {
		max = validate.DefaultMaxSize
	}
	return &Transport{base: base, linter: l, failOn: cmpOr(cfg.FailOn, validate.SeverityError), send: cfg.SendNormalized, max: max}, nil
}

// RoundTrip lints req's body when req is a PATCH or POST to a connection
// endpoint. A body with a finding at or above FailOn is not sent: the
// error is a *validate.FindingsError (req.Body is closed, as RoundTrip
// must). Otherwise a clone of req goes to the base transport, with its
// Body, GetBody and ContentLength set to the body read (or normalized).
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	if !t.guards(req) {
		return t.base.RoundTrip(req)
	}
	body, err := t.read(req)
	if err != nil {
		return nil, err
	}
	res, _, err := t.linter.LintRequestContext(req.Context(), req.Method, req.URL.String(), body)
	if err != nil {
		return nil, err // the request's context is done
	}
	if err := res.Err(t.failOn); err != nil {
		return nil, err
	}
	if t.send {
		body = res.Normalized
	}
	out := req.Clone(req.Context())
	out.Body = io.NopCloser(bytes.NewReader(body))
	out.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	out.ContentLength = int64(len(body))
	return t.base.RoundTrip(out)
}

// guards reports whether req is one the transport lints.
func (t *Transport) guards(req *http.Request) bool {
	if req.URL == nil || !strings.EqualFold(req.Method, http.MethodPatch) && !strings.EqualFold(req.Method, http.MethodPost) {
		return false
	}
	_, ok := t.linter.MatchEndpoint(req.URL.String())
	return ok
}

// read reads at most one byte past the limit of req's body, so that an
// over-limit body is refused as too-large without being read whole, and
// closes it.
func (t *Transport) read(req *http.Request) ([]byte, error) {
	if req.Body == nil || req.Body == http.NoBody {
		return nil, nil
	}
	defer req.Body.Close()
	return io.ReadAll(io.LimitReader(req.Body, int64(t.max)+1))
}

func cmpOr(s, def validate.Severity) validate.Severity {
	if s == 0 {
		return def
	}
	return s
}
