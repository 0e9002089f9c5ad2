package main

import (
	"encoding/xml"
	"io"
)

// Checkstyle XML, as Jenkins' warnings plugin and reviewdog read it.

type checkstyleReport struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr,omitempty"`
	Column   int    `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// writeCheckstyle prints one <file> per input with its findings (severity
// error, warning or info; source the rule) and one error for a file that
// could not be read. encoding/xml escapes every value, line breaks too, so
// nothing from the input starts a line.
func (r *report) writeCheckstyle(w io.Writer) error {
	rep := checkstyleReport{Version: "4.3"}
	for _, f := range r.files {
		cf := checkstyleFile{Name: r.reportName(f)}
		if f.err != nil {
			cf.Errors = append(cf.Errors, checkstyleError{Severity: "error", Message: ioErrorText(f), Source: "azconnlint"})
		}
		for _, x := range f.findings {
			cf.Errors = append(cf.Errors, checkstyleError{
				Line: x.Start.Line, Column: x.Start.Column,
				Severity: x.Severity.String(), Message: x.Message, Source: x.Rule,
			})
		}
		rep.Files = append(rep.Files, cf)
	}
	return writeXML(w, rep)
}

// writeXML prints v as an indented XML document with its declaration.
func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
