package validate

// Lint checks data as the JSON body of a PATCH request for opts.Target and
// returns every finding and the normalized payload. It never panics and
// never fails: every problem in the input is a finding.
func Lint(data []byte, opts Options) Result {
	// Placeholder until the pipeline lands.
	return Result{Normalized: data}
}
