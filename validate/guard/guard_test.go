//go:build !js

package guard

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/azconn/azconn/validate"
)

// received is what the test server saw, by request path.
type received struct {
	mu     sync.Mutex
	bodies map[string][]byte
}

func (r *received) handler(w http.ResponseWriter, req *http.Request) {
	b, err := io.ReadAll(req.Body)
	if err != nil || int64(len(b)) != req.ContentLength && req.ContentLength >= 0 {
		http.Error(w, fmt.Sprintf("body %d bytes, Content-Length %d: %v", len(b), req.ContentLength, err), http.StatusBadRequest)
		return
	}
	r.mu.Lock()
	r.bodies[req.Method+" "+req.URL.RequestURI()] = b
	r.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

func (r *received) get(key string) ([]byte, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	b, ok := r.bodies[key]
	return b, ok
}

// The guard over net/http against a test server, from many goroutines:
// bodies over the limit and failing bodies never leave, with a typed
// error; passing ones arrive (normalized when asked); requests to other
// endpoints and other methods arrive byte for byte. Run under -race.
func TestTransportConcurrent(t *testing.T) {
	rec := &received{bodies: map[string][]byte{}}
	srv := httptest.NewServer(http.HandlerFunc(rec.handler))
	defer srv.Close()
	tr, err := New(srv.Client().Transport, Config{
		Options:        validate.Options{Hosts: []string{"127.0.0.1"}, MaxSize: 4 << 10},
		SendNormalized: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{Transport: tr}
	coll := srv.URL + "/v1.0/deviceManagement/virtualEndpoint/onPremisesConnections"
	type call struct {
		method, url, body string
		fails             string // the rule of the error's first finding; "" when it is sent
		arrives           string // the body the server gets, when sent
	}
	var calls []call
	for i := range 40 {
		id := fmt.Sprintf("%08d-0000-4000-8000-000000000000", i)
		item := coll + "/" + id
		other := []byte(fmt.Sprintf("{\"displayName\": %d, \"adDomainPassword\": \"x\"}\x00\xff", i)) // not JSON at all
		calls = append(calls,
			call{"PATCH", item, `{"displayName": "Contoso ` + id + `"}`, "", `{"displayName": "Contoso ` + id + `"}`},
			call{"PATCH", item, `{"connectionType": "HybridAzureADJoin"}`, "", `{"connectionType": "hybridAzureADJoin"}`}, // a warning, fixed
			call{"PATCH", item, `{"displayName": 5}`, "type", ""},
			call{"PATCH", item, `{"displayName": "` + strings.Repeat("a", 5<<10) + `"}`, "too-large", ""},
			call{"POST", coll, `{"displayName": "x"}`, "required", ""},
			call{"PATCH", srv.URL + "/v1.0/users/" + id, string(other), "", string(other)},
			call{"PUT", item, string(other), "", string(other)},
			call{"DELETE", item, "", "", ""},
		)
	}
	for i := range calls {
		calls[i].url += fmt.Sprintf("?call=%d", i) // one key per call on the server
	}
	var wg sync.WaitGroup
	for _, c := range calls {
		wg.Add(1) // not wg.Go (Go 1.25): the module builds and vets at go 1.24
		go func() {
			defer wg.Done()
			var body io.Reader
			if c.body != "" {
				body = strings.NewReader(c.body)
			}
			req, _ := http.NewRequest(c.method, c.url, body)
			resp, err := client.Do(req)
			var fe *validate.FindingsError
			switch {
			case c.fails != "" && !errors.As(err, &fe):
				t.Errorf("%s %s: err %v, want a FindingsError", c.method, c.url, err)
				return
			case c.fails != "":
				if fe.Findings[0].Rule != c.fails || fe.Min != validate.SeverityError {
					t.Errorf("%s %s: %v, want %s", c.method, c.url, fe, c.fails)
				}
				if _, ok := rec.get(c.method + " " + req.URL.RequestURI()); ok {
					t.Errorf("%s %s: a failing body reached the server", c.method, c.url)
				}
				return
			case err != nil:
				t.Errorf("%s %s: %v", c.method, c.url, err)
				return
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusNoContent {
				t.Errorf("%s %s: status %d", c.method, c.url, resp.StatusCode)
			}
			got, _ := rec.get(c.method + " " + req.URL.RequestURI())
			if sha256.Sum256(got) != sha256.Sum256([]byte(c.arrives)) {
				t.Errorf("%s %s: server got %q, want %q", c.method, c.url, got, c.arrives)
			}
		}()
	}
	wg.Wait()
}

// A retried request (GetBody) sends the same checked body again.
func TestTransportGetBody(t *testing.T) {
	var seen []*http.Request
	base := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		seen = append(seen, r)
		return &http.Response{StatusCode: 204, Body: http.NoBody, Request: r}, nil
	})
	tr, err := New(base, Config{SendNormalized: true})
	if err != nil {
		t.Fatal(err)
	}
	in := `{"connectionType": "HybridAzureADJoin"}`
	req, _ := http.NewRequest("PATCH", "https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/onPremisesConnections/abc", strings.NewReader(in))
	if _, err := tr.RoundTrip(req); err != nil {
		t.Fatal(err)
	}
	out := seen[0]
	want := `{"connectionType": "hybridAzureADJoin"}`
	b1, _ := io.ReadAll(out.Body)
	rc, _ := out.GetBody()
	b2, _ := io.ReadAll(rc)
	if string(b1) != want || string(b2) != want || out.ContentLength != int64(len(want)) || out == req {
		t.Errorf("sent %q, GetBody %q, ContentLength %d (same request: %v)", b1, b2, out.ContentLength, out == req)
	}
	if b, _ := io.ReadAll(req.Body); len(b) != 0 {
		t.Errorf("the caller's body still holds %q", b)
	}
}

// Bad options fail at construction, not on every request.
func TestNewBadOptions(t *testing.T) {
	_, err := New(nil, Config{Options: validate.Options{Target: "nope", MaxSize: -1}})
	var oe *validate.OptionError
	if !errors.As(err, &oe) {
		t.Fatalf("err %v, want an OptionError", err)
	}
	if n := len(err.(interface{ Unwrap() []error }).Unwrap()); n != 2 {
		t.Errorf("%d errors joined, want 2: %v", n, err)
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
