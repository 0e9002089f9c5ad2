package main

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/azconn/azconn/validate"
)

// JUnit XML as Apache Ant writes it and its schema (testdata/junit/JUnit.xsd)
// describes: what Azure Pipelines' PublishTestResults@2, GitLab's unit-test
// report and Jenkins read. One <testsuite> per file.

type junitSuites struct {
	XMLName xml.Name     `xml:"testsuites"`
	Suites  []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string          `xml:"name,attr"`
	Package    string          `xml:"package,attr"`
	ID         int             `xml:"id,attr"`
	Timestamp  string          `xml:"timestamp,attr"`
	Hostname   string          `xml:"hostname,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Errors     int             `xml:"errors,attr"`
	Time       string          `xml:"time,attr"`
	Properties junitProperties `xml:"properties"`
	Cases      []junitCase     `xml:"testcase"`
	SystemOut  string          `xml:"system-out"`
	SystemErr  string          `xml:"system-err"`
}

type junitProperties struct{}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitProblem `xml:"failure"`
	Error     *junitProblem `xml:"error"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// maxCaseName bounds a test case's name (Azure DevOps keeps 512 characters).
const maxCaseName = 512

// writeJUnit prints one suite per file: a failing test case per finding at
// or above --fail-on, named by rule and JSON Pointer, the findings below it
// listed in <system-out>, one passing test case for a file without a
// failure, and an errored one for a file that could not be read.
func (r *report) writeJUnit(w io.Writer) error {
	host, err := os.Hostname()
	if err != nil || strings.TrimSpace(host) == "" {
		host = "localhost"
	}
	stamp := r.now.UTC().Format("2006-01-02T15:04:05")
	out := junitSuites{Suites: []junitSuite{}}
	for i, f := range r.files {
		name := projectPath(r.root, r.reportName(f))
		s := junitSuite{Name: name, Package: "azconnlint", ID: i, Timestamp: stamp, Hostname: host, Time: "0"}
		if f.err != nil {
			s.Cases = append(s.Cases, junitCase{Name: "read", Classname: name, Time: "0",
				Error: &junitProblem{Message: ioErrorText(f), Type: "io"}})
			s.Errors++
		}
		if f.linted {
			r.junitFindings(&s, f, name)
		}
		if len(s.Cases) == 0 {
			s.Cases = append(s.Cases, junitCase{Name: "azconnlint", Classname: name, Time: "0"})
		}
		s.Tests = len(s.Cases)
		out.Suites = append(out.Suites, s)
	}
	return writeXML(w, out)
}

// junitFindings adds f's findings to its suite.
func (r *report) junitFindings(s *junitSuite, f *fileResult, name string) {
	var below strings.Builder
	for i, id := range r.identities(f) {
		x := f.findings[i]
		where := fmt.Sprintf("%s:%d:%d", name, x.Start.Line, x.Start.Column)
		if x.Severity < f.failOnOr(r.cfg.failOn) {
			fmt.Fprintf(&below, "%s: %s: %s [%s]\n", where, x.Severity, oneLine(x.Message), x.Rule)
			continue
		}
		text := fmt.Sprintf("%s: %s: %s [%s]", where, x.Severity, x.Message, x.Rule)
		if ru, ok := validate.LookupRule(x.Rule); ok && ru.Help != "" {
			text += "\n" + ru.Help
		}
		s.Cases = append(s.Cases, junitCase{Name: junitCaseName(id), Classname: name, Time: "0",
			Failure: &junitProblem{Message: x.Message, Type: x.Rule, Text: text}})
		s.Failures++
	}
	s.SystemOut = below.String()
}

// junitCaseName names a finding's test case by its identity: rule and
// JSON Pointer, the request when there are several, the occurrence when
// the tuple repeats, so names are unique within the file. A name past 512
// characters is cut and ends with the fingerprint's start to stay unique.
func junitCaseName(id validate.Identity) string {
	name := id.Rule + " " + id.Pointer
	if id.Pointer == "" {
		name = id.Rule + " (whole request)"
	}
	if id.Request > 0 {
		name += " (request " + strconv.Itoa(id.Request) + ")"
	}
	if id.Occurrence > 0 {
		name += " #" + strconv.Itoa(id.Occurrence+1)
	}
	if utf8.RuneCountInString(name) <= maxCaseName {
		return name
	}
	tail := " … " + id.Fingerprint()[:16]
	keep := maxCaseName - utf8.RuneCountInString(tail)
	cut := 0
	for i := range name {
		if keep == 0 {
			cut = i
			break
		}
		keep--
	}
	return name[:cut] + tail
}
