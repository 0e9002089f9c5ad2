package validate

import (
	"bytes"
	"encoding/json"
	"regexp"
	"testing"
)

var contentLengthLine = regexp.MustCompile(`(?i)^\s*content-length\s*:\s*\d+\s*\r?$`)

// checkFraming holds for the request forms: Normalized is the input with
// only the bodies changed (each into its Request.Body) and Content-Length
// lines rewritten, everything else byte for byte; a changed body that was
// JSON is still JSON.
func checkFraming(t *testing.T, in []byte, res Result) {
	t.Helper()
	if res.Form == FormJSON {
		return
	}
	src := bytes.TrimPrefix(in, utf8BOM)
	shift := len(in) - len(src)
	if !bytes.HasPrefix(res.Normalized, utf8BOM) {
		in = src
	} else {
		shift = 0
	}
	var want []byte
	last := 0
	for i, r := range res.Requests {
		if !r.HasBody {
			continue
		}
		s, e := r.BodyStart.Offset-shift, r.BodyEnd.Offset-shift
		if s < last || e > len(in) || s > e {
			t.Fatalf("request %d: body span %d..%d out of order", i, s, e)
		}
		want = append(append(want, in[last:s]...), r.Body...)
		last = e
		orig := in[s:e]
		if !bytes.Equal(orig, r.Body) && json.Valid(orig) && !json.Valid(r.Body) {
			t.Errorf("request %d: normalized body is not JSON:\n%s", i, r.Body)
		}
	}
	want = append(want, in[last:]...)
	if bytes.Equal(want, res.Normalized) {
		return
	}
	wl, gl := bytes.Split(want, []byte("\n")), bytes.Split(res.Normalized, []byte("\n"))
	if len(wl) != len(gl) {
		t.Fatalf("normalization changed the framing (line count %d → %d):\n%s", len(wl), len(gl), res.Normalized)
	}
	for i := range wl {
		if !bytes.Equal(wl[i], gl[i]) && !(contentLengthLine.Match(wl[i]) && contentLengthLine.Match(gl[i])) {
			t.Errorf("line %d changed outside a body: %q → %q", i+1, wl[i], gl[i])
		}
	}
}
