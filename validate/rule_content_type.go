package validate

// content-type is reported by the form layer (request.go).
func init() {
	register(&rule{Rule: Rule{ID: "content-type", Severity: SeverityWarning,
		Summary: "A request with a body has no Content-Type header, or one that is not application/json.",
		Help:    "Send Content-Type: application/json (a charset parameter is fine); Graph rejects or misreads other media types."}})
}
