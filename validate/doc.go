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
// Inside, validate is the pipeline and the rules: stages that each return
// a typed value the next one reads, and rules that read a read-only
// context (ruleContext) and write findings, claims and fixes through one
// narrow interface (reporter) into the one thing a call writes, the
// collector. From Lint to the Result an input passes, in order:
//
//   - guard: once for the whole input, whatever its form: the size (in
//     O(1), unread), the form (package internal/forms sniffs it), the
//     encoding and a byte order mark → guarded;
//   - Linter.Lint: a bare body goes on as it is (lintBare); a request
//     text goes to the form linter (lintForm), for which internal/forms
//     cuts the requests: each request's line and headers are checked and
//     its body goes on alone, with only its own byte order mark to guard
//     (bodyGuard);
//   - screen: the guard's verdict reported for one body → screened;
//   - parse: the syntax tree (package internal/jsontext), with spans,
//     duplicate keys and the first syntax error → *jsontext.Tree;
//     syntaxFindings reports them → whether a blocking finding forbids
//     any change;
//   - findEntity: the object checked, unwrapped from a GET response →
//     entity;
//   - detect: the target and why → detection;
//   - bind: each value's schema property, each object's canonical names,
//     the secret values; reports property-case → *binding;
//   - findSecrets: what must never leave the engine → *secrets.Set
//     (internal/secrets: the set, its matcher and all masking), and the
//     binding the rules read: a copy that marks the values near-miss keys
//     make secret, when there are any (bind's own is never written);
//   - runRules: the catalogue's checks by phase over the ruleContext,
//     whose facts and schema violations are computed on first use;
//   - normalize: the fixes as byte edits and one JSON Patch → the
//     normalized bytes and []Fix;
//   - result: the findings sorted, capped and scrubbed of secrets →
//     Result.
//
// Targets are data: a schema document and a table in package schema.
//
// The value of adDomainPassword never appears in a message or a fix; use
// Redact on any text shown to people. Lint is safe for concurrent use.
package validate
