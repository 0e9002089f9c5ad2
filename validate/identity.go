package validate

// Identity is a finding's stable identity (SPEC §13): never a line number.
// It survives lines moving above the finding, so baselines, SARIF
// partialFingerprints and GitLab Code Quality fingerprints built on it keep
// matching the same finding across edits.
type Identity struct {
	Rule       string
	Path       string // relative to the project root, '/' separators
	Request    int
	Pointer    string
	Occurrence int // 0 for the first finding with this (Rule, Path, Request, Pointer), then 1, 2, … in input order
}

// identityKey is the part of an Identity that repeats are counted over.
type identityKey struct {
	rule, pointer string
	request       int
}

// Identities returns the identity of each finding (same order), numbering repeats in input order.
// Input order is the order of findings: Lint returns them sorted by
// position, so the first repeat in the text gets Occurrence 0.
func Identities(path string, findings []Finding) []Identity {
	ids := make([]Identity, len(findings))
	seen := make(map[identityKey]int, len(findings))
	for i, f := range findings {
		k := identityKey{rule: f.Rule, pointer: f.Pointer, request: f.Request}
		ids[i] = Identity{Rule: f.Rule, Path: path, Request: f.Request, Pointer: f.Pointer, Occurrence: seen[k]}
		seen[k]++
	}
	return ids
}
