package validate

// baseline-unused is reported by the front ends that apply a baseline (the
// CLI's --baseline), not by Lint: it is in the catalogue so that it can be
// listed, documented and given a severity like every other rule.
func init() {
	register(&rule{Rule: Rule{ID: "baseline-unused", Severity: SeverityWarning,
		Summary: "A baseline entry suppresses a finding that no longer occurs (reported once per file, at line 1).",
		Help:    "The finding was fixed, or its file is gone: run azconnlint --prune-baseline to drop the entry, so that the baseline only shrinks. It fails the run under --fail-on warning."}})
}
