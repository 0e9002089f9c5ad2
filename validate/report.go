package validate

// The report model shared by every front end: the CLI's --format json
// writes FileReport entries and a Summary as they are, its text and SARIF
// formats read them, and the WebAssembly bridge serialises one entry per
// call (SPEC §8).

// FileReport is one linted file of a report.
type FileReport struct {
	Path       string    `json:"path"`
	Changed    bool      `json:"changed"`    // the fix rewrote the file
	Findings   []Finding `json:"findings"`   // never null in JSON
	Target     Target    `json:"target"`     // the target linted for
	TargetFrom string    `json:"targetFrom"` // why (Result.TargetFrom)
	Form       Form      `json:"form"`       // how the file held the body (Result.Form)
	// Requests are the file's requests, for the request forms only (a bare
	// body's implicit one is left out); Finding.Request indexes them.
	Requests []Request `json:"requests,omitempty"`
	// RequestsOmitted counts the requests written as null by
	// ListRequests (the first MaxRequestsListed are always listed).
	RequestsOmitted int `json:"requestsOmitted,omitempty"`
	// Omitted counts, by severity, the findings left out past
	// Options.MaxFindings (Result.Omitted); Summary.Add counts them.
	Omitted map[Severity]int `json:"omitted,omitempty"`
}

// NewFileReport returns the entry of a file at path whose lint gave res;
// changed says whether the file was rewritten. The findings are res's.
func NewFileReport(path string, res Result, changed bool) FileReport {
	fs := res.Findings
	if fs == nil {
		fs = []Finding{}
	}
	r := FileReport{Path: path, Changed: changed, Target: res.Target, TargetFrom: res.TargetFrom, Form: res.Form, Findings: fs, Omitted: res.Omitted}
	if r.Form == "" {
		r.Form = FormJSON
	}
	if r.Form != FormJSON {
		r.Requests = res.Requests
		if r.Requests == nil {
			r.Requests = []Request{}
		}
	}
	return r
}

// MaxRequestsListed is how many requests ListRequests lists whatever the
// findings: past it, only those a listed finding refers to.
const MaxRequestsListed = 1000

// ListRequests bounds r.Requests for a report written whole (the CLI's
// JSON): a 4 MiB .http file can hold 300,000 requests, an entry each of
// about 250 bytes. Past the first MaxRequestsListed, a request that no
// listed finding refers to is written as null, so each finding's request
// still indexes the list, and trailing nulls are dropped; RequestsOmitted
// counts both. Requests of r's caller are not changed.
func (r *FileReport) ListRequests() {
	if len(r.Requests) <= MaxRequestsListed {
		return
	}
	used := make(map[int]bool, len(r.Findings))
	last := MaxRequestsListed - 1
	for _, f := range r.Findings {
		used[f.Request] = true
		if f.Request > last && f.Request < len(r.Requests) {
			last = f.Request
		}
	}
	list := make([]Request, last+1)
	copy(list, r.Requests[:MaxRequestsListed])
	for i := MaxRequestsListed; i <= last; i++ {
		if used[i] {
			list[i] = r.Requests[i]
		} else {
			list[i] = Request{omitted: true}
		}
	}
	r.RequestsOmitted = len(r.Requests) - len(list)
	for _, q := range list[MaxRequestsListed:] {
		if q.omitted {
			r.RequestsOmitted++
		}
	}
	r.Requests = list
}

// Summary counts the findings of a report.
type Summary struct {
	Files    int `json:"files"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
	Fixable  int `json:"fixable"`
	// Baselined counts the findings a baseline suppressed (the CLI's
	// --baseline); they are in no other count.
	Baselined int `json:"baselined,omitempty"`
}

// Add counts one file and its findings, as Result.Count does: those left
// out past the cap too, and not the too-many-findings finding that says
// so. Fixable counts the listed findings only.
func (s *Summary) Add(f FileReport) {
	s.Files++
	s.Errors += f.Omitted[SeverityError]
	s.Warnings += f.Omitted[SeverityWarning]
	s.Infos += f.Omitted[SeverityInfo]
	for _, x := range f.Findings {
		if x.Fixable {
			s.Fixable++
		}
		if x.Rule == "too-many-findings" {
			continue
		}
		switch x.Severity {
		case SeverityError:
			s.Errors++
		case SeverityWarning:
			s.Warnings++
		case SeverityInfo:
			s.Infos++
		}
	}
}

// Problems returns how many findings the summary counts.
func (s Summary) Problems() int { return s.Errors + s.Warnings + s.Infos }
