package validate_test

import (
	"bytes"
	"errors"
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
	fmt.Printf("target %s (from %s)\n", res.Target, res.TargetFrom)
	for _, f := range res.Findings {
		fmt.Printf("%d:%d %s %s\n", f.Start.Line, f.Start.Column, f.Severity, f.Rule)
	}
	fmt.Println(string(res.Normalized))
	// Output:
	// target onPremisesConnection (from property subnetId)
	// 3:3 warning read-only
	// 3:24 warning enum-case
	// {
	//   "displayName": "Contoso ANC",
	//   "healthCheckStatus": "passed",
	//   "subnetId": "x"
	// }
}

func ExampleNew() {
	l, err := validate.New(validate.Options{Target: validate.AzureConnection})
	if err != nil {
		panic(err)
	}
	res := l.Lint([]byte(`{"displayName": "Contoso ANC", "subnetId": "x"}`))
	fmt.Println(res.Target, res.TargetFrom, string(res.Normalized))
	_, err = validate.New(validate.Options{Ignore: []string{"no-such-rule"}})
	fmt.Println(err)
	// Output:
	// azureConnection flag {"displayName": "Contoso ANC", "subNetId": "x"}
	// validate: unknown rule ID "no-such-rule" in Ignore (Rules lists them)
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

// RedactSpans masks the password and says where: a caret under a finding's
// column in the input moves by the shift of the spans before it.
func ExampleRedactSpans() {
	in := []byte(`{"adDomainPassword": "hunter2-Secret", "inUse": "yes"}`)
	masked, spans := validate.RedactSpans(in, validate.AzureConnection)
	fmt.Println(string(masked))
	at := bytes.Index(in, []byte(`"yes"`)) // a finding's offset in the input
	shift := 0
	for _, s := range spans {
		if s.End <= at {
			shift += (s.OutEnd - s.OutStart) - (s.End - s.Start)
		}
	}
	fmt.Println(string(masked[at+shift : at+shift+5]))
	// Output:
	// {"adDomainPassword": "********", "inUse": "yes"}
	// "yes"
}

func ExampleLinter_LintRequest() {
	l, err := validate.New(validate.Options{})
	if err != nil {
		panic(err)
	}
	body := []byte(`{"displayName": "Contoso"}`)
	res, ok := l.LintRequest("PATCH", "https://graph.microsoft.com/v1.0/deviceManagement/onPremisesConnections/9ec90ff8", body)
	fmt.Println(ok, res.Target)
	for _, f := range res.Findings {
		fmt.Println(f.Rule, f.Message)
	}
	_, ok = l.LintRequest("PATCH", "https://graph.microsoft.com/v1.0/users/abc", body)
	fmt.Println(ok)
	// Output:
	// true onPremisesConnection
	// request-line the connections are not at this path: the onPremisesConnection collection is /deviceManagement/virtualEndpoint/onPremisesConnections; write PATCH /v1.0/deviceManagement/virtualEndpoint/onPremisesConnections/9ec90ff8
	// false
}

func ExampleResult_Err() {
	body := []byte(`{"displayName": 42, "connectionType": "HybridAzureADJoin"}`)
	res := validate.Lint(body, validate.Options{Target: validate.OnPremisesConnection})
	err := res.Err(validate.SeverityError)
	var fe *validate.FindingsError
	if errors.As(err, &fe) {
		for _, f := range fe.Findings {
			fmt.Println(f.Pointer, f.Rule)
		}
	}
	fmt.Println(err)
	fmt.Println(res.Err(validate.SeverityWarning) != nil, validate.Lint([]byte(`{"displayName": "x"}`), validate.Options{}).Err(validate.SeverityInfo))
	// Output:
	// /displayName type
	// azconn: 1:17 /displayName: error: displayName must be a string, not a number (42) [type]
	// true <nil>
}

// A provider that reports a miscased value but must not change what its
// user configured holds back that rule's fix: the finding is reported,
// Fixed is false, and Fix says what the fix would write.
func ExampleOptions_noFix() {
	body := []byte(`{"connectionType": "AzureADJoin", "displayName": " Contoso"}`)
	res := validate.Lint(body, validate.Options{Target: validate.OnPremisesConnection, NoFix: []string{"enum-case"}})
	for _, f := range res.Findings {
		fmt.Printf("%s fixed=%v", f.Rule, f.Fixed)
		if f.Fix != nil {
			fmt.Printf(" fix=%s %s", f.Fix.Path, f.Fix.Value)
		}
		fmt.Println()
	}
	fmt.Printf("%s\n", res.Normalized)
	// Output:
	// enum-case fixed=false fix=/connectionType "azureADJoin"
	// whitespace fixed=true fix=/displayName "Contoso"
	// {"connectionType": "AzureADJoin", "displayName": "Contoso"}
}
