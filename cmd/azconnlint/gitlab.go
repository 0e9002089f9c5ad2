package main

import (
	"io"

	"github.com/azconn/azconn/validate"
)

// GitLab Code Quality: a JSON array of Code Climate issues, the fields
// GitLab requires and no more.

type gitlabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
}

// gitlabSeverity maps a severity onto GitLab's (SPEC §13); --fail-on never
// changes it.
func gitlabSeverity(s validate.Severity) string {
	switch s {
	case validate.SeverityError:
		return "major"
	case validate.SeverityWarning:
		return "minor"
	}
	return "info"
}

// writeGitLab prints the Code Quality report: one issue per finding, with
// the identity's fingerprint, so an issue keeps its fingerprint when lines
// move above it. A file that could not be read is one major issue.
func (r *report) writeGitLab(w io.Writer) error {
	issues := []gitlabIssue{}
	for _, f := range r.files {
		path := r.gitlabPath(f)
		if f.err != nil {
			id := validate.Identity{Rule: "azconnlint", Path: path}
			issues = append(issues, gitlabIssue{
				Description: "azconnlint: " + ioErrorText(f), CheckName: "azconnlint",
				Fingerprint: id.Fingerprint(), Severity: "major",
				Location: gitlabLocation{Path: path, Lines: gitlabLines{Begin: 1}},
			})
		}
		if !f.linted {
			continue
		}
		ids := r.identities(f)
		for i, x := range f.findings {
			issues = append(issues, gitlabIssue{
				Description: x.Rule + ": " + x.Message,
				CheckName:   x.Rule,
				Fingerprint: ids[i].Fingerprint(),
				Severity:    gitlabSeverity(x.Severity),
				Location:    gitlabLocation{Path: path, Lines: gitlabLines{Begin: max(1, x.Start.Line)}},
			})
		}
	}
	return newEncoder(w, "").Encode(issues)
}
