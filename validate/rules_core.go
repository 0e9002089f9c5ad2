package validate

// The rules that the pipeline itself reports: guards, the parser, key
// binding and the schema mapping. Their logic lives in engine.go, parse.go,
// bind.go and schemacheck.go; rules with a check of their own have a file
// each (rule_*.go).
func init() {
	for _, r := range []Rule{
		{ID: "syntax", Severity: SeverityError, Summary: "The input is not valid JSON (trailing commas, comments, NaN, single quotes, trailing data…).", Help: "Fix the JSON at the reported byte; the message names what was expected. Nothing else is checked or fixed until the JSON parses."},
		{ID: "encoding", Severity: SeverityError, Summary: "The input is not valid UTF-8, is UTF-16, or escapes a lone UTF-16 surrogate.", Help: "Save the file as UTF-8 without invalid bytes; write characters outside the BMP as a \\uD8xx\\uDCxx pair or literally."},
		{ID: "bom", Severity: SeverityWarning, Fixable: true, Summary: "The input starts with a UTF-8 byte order mark.", Help: "RFC 8259 forbids a BOM in transmitted JSON. The fix strips it (a byte-level change, so it has no JSON Patch operation)."},
		{ID: "too-large", Severity: SeverityError, Summary: "The input is larger than the size limit (default 4 MiB).", Help: "A PATCH body is a few hundred bytes; check that the right file is linted, or raise the limit."},
		{ID: "too-deep", Severity: SeverityError, Summary: "The input nests deeper than the depth limit (default 64).", Help: "No AzureConnection body nests more than four levels; check the input, or raise the limit."},
		{ID: "not-object", Severity: SeverityError, Summary: "The top-level value is not a JSON object.", Help: "A PATCH body is one JSON object holding the properties to change."},
		{ID: "duplicate-key", Severity: SeverityError, Summary: "A key is repeated in one object.", Help: "Decoders keep only one of the values, silently. Remove the repeat. Fixes are not applied while keys repeat."},
		{ID: "unknown-property", Severity: SeverityError, Summary: "A property that the target's type does not have.", Help: "Graph rejects unknown properties of a non-open type with 400 Bad Request. Rename it to the suggested property or remove it."},
		{ID: "property-case", Severity: SeverityWarning, Fixable: true, Summary: "A property name that differs from a property only by case, or is a legacy alias.", Help: "Graph property names are case-sensitive; the fix renames the key in place. It is not fixed when the canonical key is also present."},
		{ID: "type", Severity: SeverityError, Summary: "A value of the wrong JSON type, or null for a non-nullable property.", Help: "Give the value the type the message names. To leave a property unchanged, leave it out of the PATCH body."},
		{ID: "enum", Severity: SeverityError, Summary: "A value that is not a member of its enumeration, even ignoring case.", Help: "Use one of the members the message lists (lowerCamelCase, as Graph sends them)."},
		{ID: "enum-case", Severity: SeverityWarning, Fixable: true, Summary: "An enumeration member in the wrong case (Passed → passed).", Help: "Graph's SDKs parse members case-sensitively and drop a miscased value silently. The fix writes the canonical member."},
		{ID: "boolean-string", Severity: SeverityWarning, Fixable: true, Summary: "\"true\" or \"false\" as a string for a boolean property.", Help: "The fix writes the JSON boolean."},
		{ID: "odata-type", Severity: SeverityError, Fixable: true, Summary: "An @odata.type that is not the object's type; a warning, fixed, when only case, a missing '#' or a legacy alias differs.", Help: "Write the canonical type name, or leave @odata.type out: it is optional for this entity."},
		{ID: "format", Severity: SeverityError, Summary: "A value that breaks its schema format (date-time).", Help: "Timestamps are RFC 3339 date-times in UTC, such as 2014-01-01T00:00:00Z."},
		{ID: "internal", Severity: SeverityError, Summary: "azconn could not lint the input (an internal failure or an unknown target).", Help: "Nothing was changed. Report the input's shape (never its secrets)."},
	} {
		register(&rule{Rule: r})
	}
}
