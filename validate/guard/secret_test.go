//go:build !js

package guard

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/azconn/azconn/validate"
)

type refuse struct{ t *testing.T }

func (r refuse) RoundTrip(req *http.Request) (*http.Response, error) {
	r.t.Errorf("a failing body reached the transport: %s %s", req.Method, req.URL)
	return nil, errors.New("refused")
}

// TestErrorNoSecret: the guard's *FindingsError, found through the
// http.Client's *url.Error and printed as a program would (Error(), %+v,
// each finding's String(), Message and Pointer), never holds the
// password: not when it is used as a key, as the id in the URL, inside
// another value, in a wrapper or beside a syntax error; PATCH and POST.
func TestErrorNoSecret(t *testing.T) {
	const pw = "Hunter2-Never-Shown"
	bodies := []string{
		`{"adDomainPassword":"` + pw + `","` + pw + `":{"` + pw + `":1}}`,
		`{"adDomainPassword":"` + pw + `","displayName":"x` + pw + `y","subnetId":"` + pw + `"}`,
		`{"adDomainPassword":"` + pw + `","organizationalUnit":"OU=` + pw + `","adDomainUsername":"` + pw + `"}`,
		`{"value":{"adDomainPassword":"` + pw + `","AdDomainName":"` + pw + `.com","connectionType":"` + pw + `"}}`,
		`{"adDomainPassword":"` + pw + `", "x": tru}`,
	}
	tr, err := New(refuse{t}, Config{FailOn: validate.SeverityInfo})
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{Transport: tr}
	for _, u := range []string{
		"https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/onPremisesConnections/" + pw,
		"https://graph.microsoft.com/v1.0/deviceManagement/virtualEndpoint/onPremisesConnections",
	} {
		for _, method := range []string{http.MethodPatch, http.MethodPost} {
			for _, b := range bodies {
				req, _ := http.NewRequest(method, u, bytes.NewReader([]byte(b)))
				_, err := client.Do(req)
				var fe *validate.FindingsError
				if !errors.As(err, &fe) {
					t.Fatalf("%s %s %s: error %v, want a *FindingsError", method, u, b, err)
				}
				shown := []string{fe.Error(), fmt.Sprintf("%+v", fe)}
				for _, f := range fe.Findings {
					shown = append(shown, f.String(), f.Message, f.Pointer)
				}
				for _, s := range shown {
					if strings.Contains(s, pw) {
						t.Errorf("%s %s\n%s\nshows the password: %s", method, u, b, s)
					}
				}
			}
		}
	}
}
