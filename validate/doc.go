// Package validate checks and normalizes the JSON body of a Microsoft Graph
// AzureConnection PATCH request (or of its successor, cloudPcOnPremisesConnection).
//
// One call does everything:
//
//	res := validate.Lint(body, validate.Options{})
//
// Lint never panics and never returns an error: every problem in the input
// is a Finding with a rule ID, a severity, a message that says what to do,
// an RFC 6901 pointer and exact start and end positions (line, column in
// code points, byte offset). Fixable findings carry an RFC 6902 operation,
// and Result.Normalized is the input with every fix applied as byte edits:
// everything not fixed stays byte for byte, and normalizing again changes
// nothing.
//
// The zero Options detect the target (Auto) from the request URL, the API
// version, the body's @odata.type or keys only one target has; Result.Target
// and Result.TargetFrom say which and why. New checks options once and
// returns a Linter.
//
// The pipeline is: one guard over the whole input, whatever its form
// (size, then the form, encoding and BOM); for an HTTP request, a .http
// file or Markdown, the requests the text holds, each body going on alone;
// then, per body, one strict parse (with the depth limit) into a
// target-free tree that records positions and duplicate keys, target
// detection, binding to the target's JSON Schema, the rules of the
// catalogue (Rules) by phase — the schema's errors mapped onto rules by
// the schema engine's typed error kinds, then the domain rules over facts
// parsed once — and then the fixes. Targets are data: a schema document and
// a table in package schema.
//
// The value of adDomainPassword never appears in a message or a fix; use
// Redact on any text shown to people. Lint is safe for concurrent use.
package validate
