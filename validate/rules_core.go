package validate

// The rules that the pipeline itself reports: guards, the parser and key
// binding. Their logic lives in the stages (engine.go's guard and
// syntaxFindings over internal/jsontext's tree, bind.go's bind); rules
// with a check of their own have a file each (rule_*.go), the schema's too.
func init() {
	for _, r := range []Rule{
		{ID: "syntax", Severity: SeverityError, Summary: "The input is not valid JSON (trailing commas, comments, NaN, single quotes, trailing data…).", Help: "Fix the JSON at the reported byte; the message names what was expected. Nothing else is checked or fixed until the JSON parses."},
		{ID: "encoding", Severity: SeverityError, Summary: "The input is not valid UTF-8, is UTF-16, or escapes a lone UTF-16 surrogate.", Help: "Save the file as UTF-8 without invalid bytes; write characters outside the BMP as a \\uD8xx\\uDCxx pair or literally."},
		{ID: "bom", Severity: SeverityWarning, Fixable: true, Summary: "The input starts with a UTF-8 byte order mark.", Help: "RFC 8259 forbids a BOM in transmitted JSON. The fix strips it (a byte-level change, so it has no JSON Patch operation)."},
		{ID: "too-large", Severity: SeverityError, Summary: "The input is larger than the size limit (default 4 MiB).", Help: "A PATCH body is a few hundred bytes; check that the right file is linted, or raise the limit."},
		{ID: "too-deep", Severity: SeverityError, Summary: "The input nests deeper than the depth limit (default 64).", Help: "No AzureConnection body nests more than four levels; check the input, or raise the limit."},
		{ID: "not-object", Severity: SeverityError, Summary: "The top-level value is not a JSON object.", Help: "A PATCH body is one JSON object holding the properties to change."},
		{ID: "duplicate-key", Severity: SeverityError, Summary: "A key is repeated in one object.", Help: "Decoders keep only one of the values, silently. Remove the repeat. Fixes are not applied while keys repeat."},
		{ID: "property-case", Severity: SeverityWarning, Fixable: true, Summary: "A property name that differs from a property only by case, or is a legacy alias.", Help: "Graph property names are case-sensitive; the fix renames the key in place. It is not fixed when the canonical key is also present."},
		{ID: "internal", Severity: SeverityError, Summary: "azconn could not lint the input (an internal failure, or options that New rejects: an unknown target, rule ID or API version, a negative limit).", Help: "Nothing was changed. Fix the options the message names; otherwise report the input's shape (never its secrets)."},
	} {
		register(&rule{Rule: r})
	}
}
