package validate

// content-length is reported by the form layer (request.go). Its fix edits
// a header, not the body, so it has no JSON Patch form: Fix is nil, Edit
// is set and the pointer is empty (SPEC §12).
func init() {
	register(&rule{Rule: Rule{ID: "content-length", Severity: SeverityWarning, Fixable: true,
		Summary: "A declared Content-Length that differs from the body's byte length (or from the normalized body's).",
		Help:    "A wrong length makes the server cut the body or wait for more. The fix sets it to the normalized body's length; or leave the header out and let the client compute it."}})
}
