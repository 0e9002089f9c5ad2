package validate

import (
	"strings"
	"testing"
)

// TestReadOnlyWording: the message names the call the body is for.
func TestReadOnlyWording(t *testing.T) {
	body := []byte(`{"displayName": "a", "healthCheckStatus": "passed"}`)
	post := []byte("POST https://graph.microsoft.com/v1.0/deviceManagement/virtualEndpoint/onPremisesConnections\nContent-Type: application/json\n\n" + string(body))
	tests := []struct {
		in   []byte
		opts Options
		want string
	}{
		{body, Options{Target: OnPremisesConnection}, "a PATCH cannot change it"},
		{body, Options{Target: OnPremisesConnection, Method: "POST"}, "a POST (create) cannot set it"},
		{post, Options{}, "a POST (create) cannot set it"},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range Lint(tt.in, tt.opts).Findings {
			if f.Rule == "read-only" {
				got = append(got, f.Message)
			}
		}
		if len(got) != 1 || !strings.Contains(got[0], tt.want) {
			t.Errorf("%+v: read-only findings %q, want one saying %q", tt.opts, got, tt.want)
		}
	}
	for _, f := range Lint([]byte(`{"displayName": "a"}`), Options{Target: OnPremisesConnection, Method: "POST"}).Findings {
		if f.Rule == "read-only" {
			t.Errorf("read-only fired on a body without read-only properties: %s", f.Message)
		}
	}
}
