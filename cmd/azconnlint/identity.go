package main

import (
	"os"

	"github.com/azconn/azconn/validate"
)

// reportName is the name a file goes by in reports: its path, or for
// standard input the --stdin-filename (else "-").
func (r *report) reportName(f *fileResult) string {
	if f.stdin && r.cfg.stdinFilename != "" {
		return r.cfg.stdinFilename
	}
	return f.path
}

// identities returns the stable identity of each of f's findings (SPEC
// §13), with the file's path relative to the project root.
// After a baseline, each finding keeps the occurrence number it had
// before the baselined ones were dropped.
func (r *report) identities(f *fileResult) []validate.Identity {
	ids := validate.Identities(projectPath(r.root, r.reportName(f)), f.findings)
	if len(f.occurrence) == len(ids) {
		for i := range ids {
			ids[i].Occurrence = f.occurrence[i]
		}
	}
	return ids
}

// gitlabPath is f's path as GitLab wants it: relative to CI_PROJECT_DIR
// when that is set (GitLab's clone), else to the project root.
func (r *report) gitlabPath(f *fileResult) string {
	root := r.root
	if d := os.Getenv("CI_PROJECT_DIR"); d != "" {
		root = d
	}
	return projectPath(root, r.reportName(f))
}
