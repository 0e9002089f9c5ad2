package validate

// template-value is reported by the form layer (request.go), which lets a
// body with {{variables}} parse by reading each as a string of its own
// length.
func init() {
	register(&rule{Rule: Rule{ID: "template-value", Severity: SeverityInfo,
		Summary: "An unquoted {{variable}} as a JSON value in a .http or Markdown request: filled in when the request is sent, so not checked here.",
		Help:    "REST clients replace {{name}} before sending. azconn reads it as a value it cannot check, instead of reporting syntax errors; quote it (\"{{name}}\") when the variable holds a string."}})
}
