//go:build !js

package guard_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/azconn/azconn/validate"
	"github.com/azconn/azconn/validate/guard"
)

func Example() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) }))
	defer srv.Close()

	// The three lines a program keeps (Hosts only for the test server):
	t, err := guard.New(http.DefaultTransport, guard.Config{Options: validate.Options{Hosts: []string{"127.0.0.1"}}})
	if err != nil {
		panic(err)
	}
	client := &http.Client{Transport: t}

	url := srv.URL + "/v1.0/deviceManagement/virtualEndpoint/onPremisesConnections/9ec90ff8-fd63-4fb9-ab5a-aa4fdccf1234"
	for _, body := range []string{`{"displayName": "Contoso"}`, `{"displayName": 42}`} {
		req, _ := http.NewRequest("PATCH", url, strings.NewReader(body))
		resp, err := client.Do(req)
		var fe *validate.FindingsError
		if errors.As(err, &fe) {
			fmt.Println("not sent:", fe.Findings[0])
			continue
		}
		resp.Body.Close()
		fmt.Println("sent:", resp.StatusCode)
	}
	// Output:
	// sent: 204
	// not sent: 1:17 /displayName: error: displayName must be a string, not a number (42) [type]
}
