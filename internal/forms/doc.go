// Package forms cuts a text that holds requests — one HTTP request, a
// .http or .rest file, Markdown with fenced http blocks — into the
// requests as written, with the byte spans of their method, URL, headers
// and body; it knows nothing of JSON schemas, targets, rules or findings.
//
// Sniff tells the form of a text, Parse returns its requests, and the
// text-level helpers (BlankComments, SubstituteTemplates, StripIndent)
// turn a body as written into one a JSON parser reads at the same
// offsets. Package validate lints what this package finds.
package forms
