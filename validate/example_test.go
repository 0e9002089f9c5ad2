package validate_test

import (
	"fmt"

	"github.com/azconn/azconn/validate"
)

func ExampleLint() {
	body := []byte(`{
  "displayName": "Contoso ANC",
  "healthCheckStatus": "Passed",
  "subnetId": "x"
}`)
	res := validate.Lint(body, validate.Options{Ignore: []string{"arm-id"}})
	for _, f := range res.Findings {
		fmt.Printf("%d:%d %s %s\n", f.Start.Line, f.Start.Column, f.Severity, f.Rule)
	}
	fmt.Println(string(res.Normalized))
	// Output:
	// 3:3 warning read-only
	// 3:24 warning enum-case
	// 4:3 warning property-case
	// {
	//   "displayName": "Contoso ANC",
	//   "healthCheckStatus": "passed",
	//   "subNetId": "x"
	// }
}

func ExampleLint_dropReadOnly() {
	body := []byte(`{"displayName": "Contoso ANC", "inUse": "Boolean"}`)
	res := validate.Lint(body, validate.Options{DropReadOnly: true})
	fmt.Println(string(res.Normalized))
	for _, fix := range res.Fixes {
		fmt.Println(fix.Op, fix.Path)
	}
	// Output:
	// {"displayName": "Contoso ANC"}
	// remove /inUse
}

func ExampleRedact() {
	body := []byte(`{"adDomainPassword": "Pa55w0rd!"}`)
	fmt.Println(string(validate.Redact(body, validate.AzureConnection)))
	// Output: {"adDomainPassword": "********"}
}

func ExampleRules() {
	for _, r := range validate.Rules() {
		if r.ID == "enum-case" {
			fmt.Println(r.ID, r.Severity, r.Fixable)
		}
	}
	// Output: enum-case warning true
}
