package validate_test

import (
	"fmt"

	"github.com/azconn/azconn/validate"
)

// Lint reads an HTTP request as the docs write it: the URL names the
// target and the API version, the findings are at their place in the whole
// text, and the normalized text changes only the body and a wrong
// Content-Length (33 or 35 would be right: this body with LF or CRLF line
// endings).
func ExampleLint_httpRequest() {
	req := []byte(`PATCH https://graph.microsoft.com/v1.0/deviceManagement/virtualEndpoint/onPremisesConnections/9ec90ff8-fd63-4fb9-ab5a-aa4fdccf1234
Content-Type: application/json
Content-Length: 40

{
  "displayName": " Contoso "
}
`)
	res := validate.Lint(req, validate.Options{})
	r := res.Requests[0]
	fmt.Println(res.Form, r.Method, r.API, r.Target, "from", r.TargetFrom)
	for _, f := range res.Findings {
		fmt.Printf("%s [%s] request %d\n", f.Start, f.Rule, f.Request)
	}
	fmt.Printf("%s", res.Normalized[len(res.Normalized)-56:])
	// Output:
	// http PATCH v1.0 onPremisesConnection from url
	// 3:17 [content-length] request 0
	// 6:18 [whitespace] request 0
	// json
	// Content-Length: 31
	//
	// {
	//   "displayName": "Contoso"
	// }
}

// RenderCalls turns a request into calls to run, with the password as a
// variable reference.
func ExampleRenderCalls() {
	res := validate.Lint([]byte(`{"adDomainPassword": "s3cret!"}`), validate.Options{
		Target: validate.OnPremisesConnection,
		URL:    "https://graph.microsoft.com/v1.0/deviceManagement/virtualEndpoint/onPremisesConnections/9ec90ff8-fd63-4fb9-ab5a-aa4fdccf1234/updateAdDomainPassword",
	})
	for _, c := range validate.RenderCalls(res.Requests[0], validate.CallOptions{}).Calls {
		if c.Kind == "http" {
			fmt.Print(c.Text)
		}
	}
	// Output:
	// POST https://graph.microsoft.com/v1.0/deviceManagement/virtualEndpoint/onPremisesConnections/9ec90ff8-fd63-4fb9-ab5a-aa4fdccf1234/updateAdDomainPassword
	// Authorization: Bearer {{token}}
	// Content-Type: application/json
	//
	// {"adDomainPassword": "{{adDomainPassword}}"}
}
