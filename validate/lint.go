package validate

import (
	"errors"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/azconn/azconn/internal/secrets"
)

// Options tune one call to Lint. The zero value detects the target (Auto)
// and uses the default limits.
type Options struct {
	Target       Target   // zero or Auto: detect it from the input
	DropReadOnly bool     // let the fix remove read-only properties
	MaxSize      int      // bytes; zero means DefaultMaxSize
	MaxDepth     int      // nesting levels; zero means DefaultMaxDepth
	Ignore       []string // rule IDs to neither report nor fix
	// NoFix lists rule IDs whose findings are reported but not fixed
	// ("*": no rule's): their Fix says what the fix would do, Fixed is
	// false, and Normalized keeps the value as written. For a program that
	// must not change a configured value behind its user's back.
	NoFix []string
	// Severity overrides the severity of a rule's findings, by rule ID
	// (a configuration's "rules: {placeholder: error}"). The engine applies
	// it as it reports, so Result.Fails, Count and the findings cap all
	// see the overridden severity. To turn a rule off, use Ignore.
	Severity map[string]Severity
	// PointerRules override a rule's severity, or turn it off, for the
	// findings at a JSON Pointer of the body and under it (a
	// configuration's "files: [legacy/*.json#/organizationalUnit]"); later
	// entries win over earlier ones, and all of them over Severity and
	// Ignore. A rule turned off there is neither reported nor fixed there.
	PointerRules []PointerRule
	// Form is how the input holds the body; zero means sniffed from the
	// content (FormForName maps a file name to its form).
	Form Form
	// Method is the call the body is for when the input has no request
	// line: "PATCH" (update, the default) or "POST" (create).
	Method string

	call   callKind     // set by the form layer from a request line
	shared *secrets.Set // set by the form layer: the whole text's secrets
	// API is the Graph API version the body is sent to: APIBeta (the zero
	// value means beta) or APIV1. Under Auto, v1.0 is evidence for the
	// live target, the only one v1.0 has.
	API API
	// URL is the request URL the body is sent to, when the input form
	// knows it (an HTTP request). Under Auto its path is the strongest
	// evidence after an explicit Target: the endpoint of a target's table
	// selects that target, and a /v1.0/ segment counts as API v1.0.
	URL string
	// MaxFindings caps Result.Findings (zero means DefaultMaxFindings;
	// negative is an error): past it one too-many-findings finding says
	// how many more there were. The cap never changes the fixes applied.
	MaxFindings int
	// Profile says where the input comes from: ProfileFile (the zero
	// value: a file, HTTP text, Markdown) or ProfileProgram (a body a
	// program built in memory).
	Profile Profile
	// Hosts are hosts accepted besides the Microsoft Graph clouds in a
	// request URL: a test server ("127.0.0.1:8080"), an API gateway
	// ("graph-gw.example.com", which may also put a prefix before the
	// version segment). A host matches with or without its port, without
	// case; "*" accepts any host. Their scheme is not checked.
	Hosts []string
}

// Profile is where the input comes from, for the rules and words that
// only make sense for some inputs.
type Profile string

// The profiles.
const (
	// ProfileFile is the default: files, HTTP text and Markdown that
	// people edit.
	ProfileFile Profile = "file"
	// ProfileProgram is for a body built in memory by a program (a
	// Terraform provider, a provisioning service): it leaves out the rules
	// about files and HTTP text (programRules), and messages speak of the
	// body and the options instead of files.
	ProfileProgram Profile = "program"
)

// programRules are the rules ProfileProgram leaves out: a password in a
// body built in memory is the point of a create or a rotation, not a
// secret committed to a file; a BOM, a Content-Length header and .http
// template values are file and HTTP text matters.
var programRules = []string{"plaintext-secret", "bom", "content-length", "template-value"}

// Default limits applied when Options leaves them zero.
const (
	DefaultMaxSize  = 4 << 20
	DefaultMaxDepth = 64
)

func (o Options) maxSize() int {
	if o.MaxSize <= 0 {
		return DefaultMaxSize
	}
	return o.MaxSize
}

func (o Options) maxDepth() int {
	if o.MaxDepth <= 0 {
		return DefaultMaxDepth
	}
	return o.MaxDepth
}

// Linter lints bodies with options checked once by New. It is safe for
// concurrent use.
type Linter struct {
	opts     Options
	ignore   map[string]bool
	noFix    map[string]bool     // Options.NoFix
	ctx      canceler            // LintContext's, on a copy of the Linter
	severity map[string]Severity // Options.Severity, checked
	scoped   map[string]bool     // the rules that PointerRules name
	model    *targetModel        // the explicit target's, or the default under Auto
	fixed    detection           // set when the target is explicit
}

// New checks opts and returns a Linter for them. It is an error to name an
// unknown target, form, method, API version or rule ID (in Ignore,
// Severity or PointerRules), a severity that is not error, warning or info,
// a PointerRules pointer that does not start with /, a malformed host, or a
// negative MaxSize, MaxDepth or MaxFindings: the error is the errors.Join
// of one *OptionError per mistake.
func New(opts Options) (*Linter, error) {
	l := &Linter{}
	if err := l.init(opts); err != nil {
		return nil, err
	}
	return l, nil
}

// OptionError is one option that New refuses: the Options field, the value
// given, and the values allowed when they are a list.
type OptionError struct {
	Field   string   // the Options field: "Target", "Ignore", "MaxSize"…
	Value   string   // the value given, as text
	Allowed []string // the values allowed, when they are a list
	msg     string
}

// Error says what is wrong and what to write instead.
func (e *OptionError) Error() string { return e.msg }

// init checks opts and sets the linter up for them.
func (l *Linter) init(opts Options) error {
	errs := checkOptions(opts)
	l.opts = opts
	var unknown []string
	for _, id := range opts.Ignore {
		if _, ok := catalogue[id]; !ok {
			unknown = append(unknown, quoteJSON(id))
			continue
		}
		if l.ignore == nil {
			l.ignore = map[string]bool{}
		}
		l.ignore[id] = true
	}
	for _, id := range opts.NoFix {
		if _, ok := catalogue[id]; !ok && id != "*" {
			errs = append(errs, &OptionError{Field: "NoFix", Value: id, Allowed: append(ruleIDs(), "*"),
				msg: "validate: unknown rule ID " + quoteJSON(id) + " in NoFix (Rules lists them; \"*\" is every rule)"})
			continue
		}
		if l.noFix == nil {
			l.noFix = map[string]bool{}
		}
		l.noFix[id] = true
	}
	if opts.Profile == ProfileProgram {
		for _, id := range programRules {
			if l.ignore == nil {
				l.ignore = map[string]bool{}
			}
			l.ignore[id] = true
		}
	}
	if len(unknown) > 0 {
		errs = append(errs, &OptionError{Field: "Ignore", Value: strings.Join(unknown, ", "), Allowed: ruleIDs(),
			msg: "validate: unknown rule ID " + strings.Join(unknown, ", ") + " in Ignore (Rules lists them)"})
	}
	errs = append(errs, l.initSeverity(opts.Severity)...)
	errs = append(errs, l.initPointerRules(opts.PointerRules)...)
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	all, err := models()
	if err != nil {
		return err
	}
	target := Auto
	if opts.Target != "" {
		target = opts.Target
	}
	if target == Auto {
		l.model = all[defaultTarget()]
	} else {
		l.model = all[string(target)]
		l.fixed = detection{model: l.model, from: "flag"}
	}
	l.opts.Target = target
	return nil
}

// checkOptions returns an *OptionError for each option that is not one of
// its allowed values (the rule IDs of Ignore aside).
func checkOptions(opts Options) []error {
	var errs []error
	bad := func(field, value string, allowed []string, msg string) {
		errs = append(errs, &OptionError{Field: field, Value: value, Allowed: allowed, msg: msg})
	}
	if opts.Target != "" {
		if _, err := ParseTarget(string(opts.Target)); err != nil {
			bad("Target", string(opts.Target), append([]string{string(Auto)}, targetNames()...), err.Error())
		}
	}
	for _, n := range []struct {
		field string
		v     int
		def   string
	}{{"MaxSize", opts.MaxSize, ""}, {"MaxFindings", opts.MaxFindings, " of " + strconv.Itoa(DefaultMaxFindings)}, {"MaxDepth", opts.MaxDepth, ""}} {
		if n.v < 0 {
			bad(n.field, strconv.Itoa(n.v), nil, "validate: "+n.field+" "+strconv.Itoa(n.v)+" is negative (zero means the default"+n.def+")")
		}
	}
	if opts.API != "" {
		if _, err := ParseAPI(string(opts.API)); err != nil {
			bad("API", string(opts.API), apiNames(), err.Error())
		}
	}
	if opts.Form != "" && !slices.Contains(Forms(), opts.Form) {
		bad("Form", string(opts.Form), formNames(), "validate: unknown form "+quoteJSON(string(opts.Form))+" (want json, http, http-file or markdown)")
	}
	if m := strings.ToUpper(strings.TrimSpace(opts.Method)); m != "" && m != "PATCH" && m != "POST" {
		bad("Method", opts.Method, []string{"PATCH", "POST"}, "validate: unknown method "+quoteJSON(opts.Method)+" (want PATCH or POST)")
	}
	if opts.Profile != "" && opts.Profile != ProfileFile && opts.Profile != ProfileProgram {
		bad("Profile", string(opts.Profile), []string{string(ProfileFile), string(ProfileProgram)}, "validate: unknown profile "+quoteJSON(string(opts.Profile))+" (want file or program)")
	}
	for _, h := range opts.Hosts {
		if h == "" || strings.ContainsAny(h, "/ \t?#@") {
			bad("Hosts", h, nil, "validate: Hosts entry "+quoteJSON(h)+" is not a host: write a host name or address, with an optional :port, or \"*\" for any host")
		}
	}
	return errs
}

func apiNames() []string {
	var out []string
	for _, a := range apiList() {
		out = append(out, string(a))
	}
	return out
}

func formNames() []string {
	var out []string
	for _, f := range Forms() {
		out = append(out, string(f))
	}
	return out
}

func ruleIDs() []string {
	var out []string
	for _, r := range Rules() {
		out = append(out, r.ID)
	}
	return out
}

// initSeverity checks the severity overrides and keeps them; it returns
// what is wrong with them, in rule order so that the message is stable.
func (l *Linter) initSeverity(over map[string]Severity) []error {
	var errs []error
	ids := make([]string, 0, len(over))
	for id := range over {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		s := over[id]
		switch {
		case catalogue[id] == nil:
			errs = append(errs, &OptionError{Field: "Severity", Value: id, Allowed: ruleIDs(),
				msg: "validate: unknown rule ID " + quoteJSON(id) + " in Severity (Rules lists them)"})
		case s < SeverityInfo || s > SeverityError:
			errs = append(errs, &OptionError{Field: "Severity", Value: strconv.Itoa(int(s)), Allowed: severityList(),
				msg: "validate: invalid severity " + strconv.Itoa(int(s)) + " for rule " + quoteJSON(id) + " in Severity (want SeverityError, SeverityWarning or SeverityInfo; Ignore turns a rule off)"})
		default:
			if l.severity == nil {
				l.severity = make(map[string]Severity, len(over))
			}
			l.severity[id] = s
		}
	}
	return errs
}

// PointerRule overrides the severity of Rule's findings at Pointer (an RFC
// 6901 JSON Pointer into a request's body; "" is the whole body) and under
// it, or with Off turns the rule off there.
type PointerRule struct {
	Pointer  string
	Rule     string
	Severity Severity // ignored when Off
	Off      bool
}

// initPointerRules checks the pointer-scoped overrides and notes their
// rules; it returns what is wrong with them.
func (l *Linter) initPointerRules(prs []PointerRule) []error {
	var errs []error
	bad := func(value string, allowed []string, msg string) {
		errs = append(errs, &OptionError{Field: "PointerRules", Value: value, Allowed: allowed, msg: msg})
	}
	for i, pr := range prs {
		at := "PointerRules[" + strconv.Itoa(i) + "]"
		switch {
		case catalogue[pr.Rule] == nil:
			bad(pr.Rule, ruleIDs(), "validate: unknown rule ID "+quoteJSON(pr.Rule)+" in "+at+" (Rules lists them)")
		case pr.Pointer != "" && pr.Pointer[0] != '/':
			bad(pr.Pointer, nil, "validate: "+at+".Pointer "+quoteJSON(pr.Pointer)+" is not a JSON Pointer (it starts with / or is empty)")
		case !pr.Off && (pr.Severity < SeverityInfo || pr.Severity > SeverityError):
			bad(strconv.Itoa(int(pr.Severity)), severityList(), "validate: invalid severity "+strconv.Itoa(int(pr.Severity))+" in "+at+" (want SeverityError, SeverityWarning or SeverityInfo, or Off)")
		default:
			if l.scoped == nil {
				l.scoped = map[string]bool{}
			}
			l.scoped[pr.Rule] = true
		}
	}
	return errs
}

// severityOf returns the severity of a finding of rule at pointer ptr:
// the last PointerRule that covers it, else the rule's override, else sev
// (the rule's own for this case). off reports that a PointerRule turns the
// rule off there.
func (l *Linter) severityOf(rule, ptr string, sev Severity) (_ Severity, off bool) {
	if s, ok := l.severity[rule]; ok {
		sev = s
	}
	if !l.isScoped(rule) {
		return sev, false
	}
	for _, pr := range l.opts.PointerRules {
		if pr.Rule == rule && under(ptr, pr.Pointer) {
			sev, off = pr.Severity, pr.Off
		}
	}
	return sev, off
}

// isScoped reports whether Options.PointerRules name rule.
func (l *Linter) isScoped(rule string) bool { return l.scoped[rule] }

// under reports whether JSON Pointer ptr is at or under pointer at.
func under(ptr, at string) bool {
	return ptr == at || strings.HasPrefix(ptr, at) && ptr[len(at)] == '/'
}

// severityList names the severities, for OptionError.Allowed.
func severityList() []string { return []string{"error", "warning", "info"} }

// Result is what Lint found and made of the input.
type Result struct {
	// Findings are sorted by start offset, then end offset, then rule.
	Findings []Finding
	// Normalized is the input with every fix applied, or the input itself
	// when nothing applies or a blocking finding forbids changes.
	Normalized []byte
	// Changed reports whether Normalized differs from the input.
	Changed bool
	// Fixes are the operations applied, as one RFC 6902 JSON Patch: in the
	// order of the input positions they change, each path as the document
	// is when the fixes before it have been applied.
	Fixes []Fix
	// Form is how the input held the body (or bodies).
	Form Form
	// Requests are the requests whose bodies were linted, in text order;
	// a bare JSON body is one implicit request. Finding.Request indexes it.
	Requests []Request
	// Target is the target the body was linted for: the one asked for, or
	// under Auto the detected one.
	Target Target
	// TargetFrom says why: "flag" (asked for), "url", "api" (Options.API
	// v1.0), "@odata.type", "property <name>" (a property only that target
	// has), "mixed" (the body has evidence for both; the target is the
	// best fit, and a mixed-target finding explains) or "default".
	TargetFrom string
	// Omitted counts, by severity, the findings left out of Findings past
	// Options.MaxFindings; nil when none were.
	Omitted map[Severity]int
	// pointersFull says that some were left out because the pointers of
	// those listed filled a Result's room for them (pointerBudget).
	pointersFull bool
}

// Count returns how many findings of the input have exactly the given
// severity: those in Findings and those Omitted past the cap. The
// too-many-findings summary is not counted: it is no finding of the input.
func (r Result) Count(s Severity) int {
	n := r.Omitted[s]
	for _, f := range r.Findings {
		if f.Severity == s && f.Rule != "too-many-findings" {
			n++
		}
	}
	return n
}

// Fails reports whether any finding of the input, listed or omitted, is at
// or above the given severity (the too-many-findings summary aside).
func (r Result) Fails(min Severity) bool {
	for s, n := range r.Omitted {
		if s >= min && n > 0 {
			return true
		}
	}
	for _, f := range r.Findings {
		if f.Severity >= min && f.Rule != "too-many-findings" {
			return true
		}
	}
	return false
}
