package lsp

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/azconn/azconn/validate"
)

// diagnostic converts a finding: its range in the negotiated encoding,
// severity, rule ID as the code, and the other side of a comparison as
// related information.
func diagnostic(l *linted, f validate.Finding, j job) Diagnostic {
	d := Diagnostic{
		Range:    l.lines.rangeOf(f.Start.Offset, f.End.Offset, j.enc),
		Severity: severityOf(f.Severity),
		Code:     f.Rule,
		Source:   "azconnlint",
		Message:  f.Message,
	}
	if other, ok := comparedWith[f.Rule]; ok && j.related {
		if from, to, found := memberValue(l, f.Request, other); found {
			d.RelatedInformation = []DiagnosticRelatedInformation{{
				Location: Location{URI: j.uri, Range: l.lines.rangeOf(from, to, j.enc)},
				Message:  "compared with " + other,
			}}
		}
	}
	return d
}

// comparedWith names, for the rules that compare two values, the
// top-level property on the other side of the comparison.
var comparedWith = map[string]string{
	"subscription-mismatch": "subscriptionId",
	"ou-domain-mismatch":    "adDomainName",
	"subnet-parent":         "virtualNetworkId",
}

func severityOf(s validate.Severity) int {
	switch s {
	case validate.SeverityError:
		return severityError
	case validate.SeverityWarning:
		return severityWarning
	}
	return severityInformation
}

// memberValue finds the value of the top-level member name (any case)
// in request req's body, as byte offsets in the whole text.
func memberValue(l *linted, req int, name string) (from, to int, ok bool) {
	lo, hi := 0, len(l.text)
	if req >= 0 && req < len(l.res.Requests) && l.res.Requests[req].HasBody {
		lo, hi = l.res.Requests[req].BodyStart.Offset, l.res.Requests[req].BodyEnd.Offset
	}
	if lo < 0 || hi > len(l.text) || lo > hi {
		return 0, 0, false
	}
	body := l.text[lo:hi]
	dec := json.NewDecoder(bytes.NewReader(body))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return 0, 0, false
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return 0, 0, false
		}
		start := int(dec.InputOffset())
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return 0, 0, false
		}
		if k, _ := key.(string); strings.EqualFold(k, name) {
			end := int(dec.InputOffset())
			start += len(body[start:end]) - len(bytes.TrimLeft(body[start:end], " \t\r\n:"))
			return lo + start, lo + end, true
		}
	}
	return 0, 0, false
}
