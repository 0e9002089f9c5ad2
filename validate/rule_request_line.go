package validate

// request-line is reported by the form layer (request.go,
// request_endpoint.go): the request line is not part of the body's pass.
func init() {
	register(&rule{Rule: Rule{ID: "request-line", Severity: SeverityError,
		Summary: "An HTTP request's method, host, API version or path that the connection endpoints do not take (a PATCH without {id}, an unknown path, a host that is not a Graph cloud…).",
		Help:    "Update with PATCH https://graph.microsoft.com/{beta|v1.0}/deviceManagement/virtualEndpoint/onPremisesConnections/{id}; create with POST to the collection; the actions are POST …/{id}/updateAdDomainPassword and …/{id}/runHealthChecks. The cloudManagedDesktop endpoint is a pre-release stub."}})
}
