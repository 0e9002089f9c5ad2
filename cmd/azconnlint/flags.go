package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"github.com/azconn/azconn/internal/buildinfo"
	"github.com/azconn/azconn/internal/suggest"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	cfgfile "github.com/azconn/azconn/config"
	"github.com/azconn/azconn/validate"
)

// config is the parsed command line.
type config struct {
	target  validate.Target
	api     validate.API
	format  string
	fix     bool
	diff    bool
	dropRO  bool
	failOn  validate.Severity
	ignore  []string
	maxSize int
	maxFind int    // findings per file, past which one too-many-findings finding
	color   string // auto, always, never
	paths   []string

	form          validate.Form  // --form: zero means by extension, else sniffed
	method        string         // --method: patch or post, for bodies without a request line
	stdinFilename string         // --stdin-filename: names standard input's form
	markdown      bool           // --markdown: walking directories lints *.md too
	outputs       []reportOutput // --output FORMAT=PATH, in order

	set           map[string]bool // the flags given on the command line: they win over a configuration file
	configPath    string          // --config: one configuration file for every input
	noConfig      bool            // --no-config: none at all
	baseline      string          // --baseline: findings to suppress
	writeBaseline string          // --write-baseline: record every finding there instead of failing
	pruneBaseline bool            // --prune-baseline: drop what the baseline no longer needs
}

// optionsFor returns the options for one input: its configuration file's
// (conf, nil when none), with every flag given on the command line over
// them. The form is --form's, else the file's, else the one the input's
// name (or --stdin-filename) says, else sniffed.
func (c *config) optionsFor(j job, conf *cfgfile.Config) validate.Options {
	o, _ := conf.Options(c.nameOf(j))
	flagWins := func(name string, unset bool) bool { return c.set[name] || unset }
	if flagWins("target", o.Target == "") {
		o.Target = c.target
	}
	if flagWins("api", o.API == "") {
		o.API = c.api
	}
	if flagWins("method", o.Method == "") {
		o.Method = c.method
	}
	if flagWins("max-findings", o.MaxFindings == 0) {
		o.MaxFindings = c.maxFind
	}
	if c.set["drop-read-only"] {
		o.DropReadOnly = c.dropRO
	}
	if flagWins("form", o.Form == "") {
		o.Form = c.form
	}
	o.MaxSize = c.maxSize
	o.Ignore = append(o.Ignore, c.ignore...)
	if o.Form == "" {
		o.Form = validate.FormForName(c.nameOf(j))
	}
	return o
}

// nameOf is the name a job is known by for its form and its configuration:
// its path, or for standard input --stdin-filename.
func (c *config) nameOf(j job) string {
	if j.stdin {
		return c.stdinFilename
	}
	return j.path
}

// failOnFor is the lowest severity that fails the run for one input:
// --fail-on when given, else the configuration's, else error.
func (c *config) failOnFor(j job, conf *cfgfile.Config) validate.Severity {
	if s, ok := conf.FailOn(c.nameOf(j)); ok && !c.set["fail-on"] {
		return s
	}
	return c.failOn
}

var formats = []string{"text", "compact", "json", "sarif", "github", "azure", "junit", "gitlab", "checkstyle"}

const usageHead = `usage: azconnlint [flags] [path ...]
       azconnlint lsp        (the language server, on standard input and output)

Lints and normalizes the JSON body of a Microsoft Graph AzureConnection PATCH
request: a bare body, an HTTP request, a .http/.rest file, or Markdown holding
requests. Paths are files or directories (walked for *.json, *.http and *.rest,
and *.md with --markdown, skipping .git and node_modules); none or "-" reads
standard input, whose form is sniffed.

Exit codes: 0 clean (nothing at or above --fail-on), 1 findings at or above
--fail-on, 2 usage error, 3 a path could not be read or written.

flags:
`

// listFlag collects a repeatable flag; commas separate values too.
type listFlag struct{ vals *[]string }

func (l listFlag) String() string {
	if l.vals == nil {
		return ""
	}
	return strings.Join(*l.vals, ",")
}

func (l listFlag) Set(s string) error {
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			*l.vals = append(*l.vals, v)
		}
	}
	return nil
}

// sizeFlag is a byte count: a plain integer or one with a K, KiB, M or MiB
// suffix (binary multiples).
type sizeFlag struct{ n *int }

func (s sizeFlag) String() string {
	if s.n == nil {
		return ""
	}
	return strconv.Itoa(*s.n)
}

func (s sizeFlag) Set(v string) error {
	n, err := parseSize(v)
	if err != nil {
		return err
	}
	*s.n = n
	return nil
}

func parseSize(v string) (int, error) {
	t := strings.TrimSpace(v)
	mult := 1
	lower := strings.ToLower(t)
	for _, suf := range []struct {
		s string
		m int
	}{{"kib", 1 << 10}, {"mib", 1 << 20}, {"k", 1 << 10}, {"m", 1 << 20}, {"b", 1}} {
		if strings.HasSuffix(lower, suf.s) {
			t, mult = t[:len(t)-len(suf.s)], suf.m
			break
		}
	}
	n, err := strconv.Atoi(strings.TrimSpace(t))
	if err != nil || n <= 0 || n > (1<<40)/mult {
		return 0, fmt.Errorf("want a positive number of bytes (e.g. 4194304, 512KiB, 4MiB), got %q", v)
	}
	return n * mult, nil
}

// parseArgs parses the command line. done reports that nothing is left to
// do (help, version, list-rules, print-schema, usage error) and code is the
// exit code then.
func parseArgs(args []string, stdout, stderr io.Writer) (cfg *config, code int, done bool) {
	cfg = &config{maxSize: validate.DefaultMaxSize, maxFind: validate.DefaultMaxFindings}
	fs := flag.NewFlagSet("azconnlint", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var (
		target, api, format, failOn, color  string
		form                                string
		listRules, printSchema, showVersion bool
		initConfig, printConfigSchema       bool
	)
	fs.StringVar(&target, "target", string(validate.Auto), "`target` whose PATCH body is linted: "+targetNames()+" (auto: detected per file from the URL, @odata.type or the properties)")
	fs.StringVar(&api, "api", "", "Microsoft Graph API `version` the body is sent to: "+apiNames()+" (default: the request URL's, else beta)")
	fs.StringVar(&format, "format", "", "output `format`: "+strings.Join(formats, ", ")+" (default: azure when TF_BUILD=True, github when GITHUB_ACTIONS=true, else text)")
	fs.Var(outputFlag{&cfg.outputs}, "output", "also write a report: `FORMAT=PATH` (repeatable; written whole or not at all; PATH - is standard output)")
	fs.BoolVar(&cfg.fix, "fix", false, "write the normalized payload back (files) or to stdout (stdin; findings go to stderr)")
	fs.BoolVar(&cfg.diff, "diff", false, "print a unified diff of what --fix would change; write nothing (findings go to stderr)")
	fs.BoolVar(&cfg.dropRO, "drop-read-only", false, "let the fix remove read-only properties")
	fs.StringVar(&failOn, "fail-on", "error", "lowest `severity` that fails the run: error, warning or info")
	fs.Var(listFlag{&cfg.ignore}, "ignore", "rule `ID` to neither report nor fix (repeatable, or comma-separated)")
	fs.Var(sizeFlag{&cfg.maxSize}, "max-size", "largest input in `bytes` (suffixes KiB, MiB accepted)")
	fs.IntVar(&cfg.maxFind, "max-findings", cfg.maxFind, "findings reported per `file`; past it one too-many-findings finding says how many more (every fix is still applied, and --fail-on counts them all)")
	fs.StringVar(&color, "color", "auto", "colour `mode` of the text formats: auto (only on a terminal, and not with NO_COLOR), always, never")
	fs.BoolVar(&listRules, "list-rules", false, "print the rule catalogue (as JSON with --format json) and exit")
	fs.BoolVar(&printSchema, "print-schema", false, "print the JSON Schema of --target and exit")
	fs.BoolVar(&showVersion, "version", false, "print the version and exit")
	fs.StringVar(&form, "form", "auto", "input `form`: auto (by extension, else sniffed), json, http, http-file or markdown")
	fs.StringVar(&cfg.method, "method", "patch", "`method` a body without a request line is for: patch (update) or post (create)")
	fs.StringVar(&cfg.stdinFilename, "stdin-filename", "", "file `name` whose extension gives standard input's form")
	fs.BoolVar(&cfg.markdown, "markdown", false, "also lint Markdown files (*.md, *.markdown) found while walking directories")
	fs.StringVar(&cfg.configPath, "config", "", "configuration `file` for every input (default: the .azconnlint.yaml, .yml or .json closest to each file)")
	fs.BoolVar(&cfg.noConfig, "no-config", false, "use no configuration file")
	fs.StringVar(&cfg.baseline, "baseline", "", "baseline `file` whose findings are suppressed (default: the configuration's baseline key)")
	fs.StringVar(&cfg.writeBaseline, "write-baseline", "", "record every current finding in the baseline `file` and exit 0")
	fs.BoolVar(&cfg.pruneBaseline, "prune-baseline", false, "rewrite the baseline without the entries this run did not use")
	fs.BoolVar(&initConfig, "init", false, "write a commented starter .azconnlint.yaml in the current directory (never overwrites)")
	fs.BoolVar(&printConfigSchema, "print-config-schema", false, "print the JSON Schema of the configuration file and exit")

	usage := func(w io.Writer) {
		fmt.Fprint(w, usageHead)
		fs.VisitAll(func(f *flag.Flag) {
			name, help := flag.UnquoteUsage(f)
			line := "  --" + f.Name
			if name != "" {
				line += " " + name
			}
			if f.DefValue != "" && f.DefValue != "false" {
				help += fmt.Sprintf(" (default %s)", f.DefValue)
			}
			fmt.Fprintf(w, "%s\n    \t%s\n", line, help)
		})
	}
	fail := func(format string, a ...any) (*config, int, bool) {
		// Flag values are echoed: neutralised like any text (neutral.go).
		fmt.Fprintln(stderr, neutralText("azconnlint: "+oneLine(fmt.Sprintf(format, a...))))
		fmt.Fprintln(stderr, "run 'azconnlint --help' for usage")
		return nil, exitUsage, true
	}

	// Flags may follow paths (pre-commit and shells append file names);
	// "--" ends the flags.
	rest := args
	for {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				usage(stdout)
				return nil, exitOK, true
			}
			return fail("%v", err)
		}
		left := fs.Args()
		if len(left) == 0 {
			break
		}
		if consumed := len(rest) - len(left); consumed > 0 && rest[consumed-1] == "--" {
			cfg.paths = append(cfg.paths, left...)
			break
		}
		cfg.paths = append(cfg.paths, left[0])
		rest = left[1:]
	}

	cfg.set = map[string]bool{}
	fs.Visit(func(f *flag.Flag) { cfg.set[f.Name] = true })
	if cfg.noConfig && cfg.configPath != "" {
		return fail("--config and --no-config exclude each other")
	}
	if cfg.writeBaseline != "" && (cfg.fix || cfg.diff || cfg.pruneBaseline) {
		return fail("--write-baseline records findings: it takes no --fix, --diff or --prune-baseline")
	}

	t, err := validate.ParseTarget(target)
	if err != nil {
		return fail("--target: unknown target %q (want %s)", target, targetNames())
	}
	cfg.target = t
	if api == "" {
		// Unset: a request URL's /beta/ or /v1.0/ decides, else beta.
	} else if cfg.api, err = validate.ParseAPI(api); err != nil {
		return fail("--api: unknown API version %q (want %s)", api, apiNames())
	}
	if !formatSet(fs) {
		format = envFormat("text")
	}
	if !contains(formats, format) {
		return fail("--format: unknown format %q (want %s)", format, strings.Join(formats, ", "))
	}
	cfg.format = format
	if cfg.form, err = validate.ParseForm(form); err != nil {
		return fail("--form: unknown form %q (want auto, json, http, http-file or markdown)", form)
	}
	switch m := strings.ToLower(cfg.method); m {
	case "patch", "post":
		cfg.method = strings.ToUpper(m)
	default:
		return fail("--method: want patch or post, got %q", cfg.method)
	}
	if cfg.failOn, err = validate.ParseSeverity(failOn); err != nil {
		return fail("--fail-on: unknown severity %q (want error, warning or info)", failOn)
	}
	if cfg.maxFind < 1 {
		return fail("--max-findings: want a positive number of findings, got %d", cfg.maxFind)
	}
	if err := checkReportOutputs(cfg); err != nil {
		return fail("%v", err)
	}
	switch color {
	case "auto", "always", "never":
		cfg.color = color
	default:
		return fail("--color: want auto, always or never, got %q", color)
	}
	for _, id := range cfg.ignore {
		if _, ok := validate.LookupRule(id); !ok {
			msg := fmt.Sprintf("--ignore: unknown rule %q", id)
			if s := nearestRule(id); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			return fail("%s; 'azconnlint --list-rules' lists them", msg)
		}
	}

	switch {
	case showVersion:
		fmt.Fprintf(stdout, "azconnlint %s\n", buildinfo.Version())
		return nil, exitOK, true
	case listRules:
		return nil, printRules(stdout, format), true
	case printConfigSchema:
		stdout.Write(cfgfile.Schema())
		return nil, exitOK, true
	case initConfig:
		return nil, writeStarter(stdout, stderr), true
	case printSchema:
		if t == validate.Auto {
			return fail("--print-schema needs a target: add --target %s", strings.Join(concreteTargets(), " or --target "))
		}
		src, err := t.Schema()
		if err != nil {
			fmt.Fprintf(stderr, "azconnlint: %v\n", err)
			return nil, exitIO, true
		}
		stdout.Write(src)
		if len(src) > 0 && src[len(src)-1] != '\n' {
			io.WriteString(stdout, "\n")
		}
		return nil, exitOK, true
	}
	return cfg, 0, false
}

func targetNames() string {
	return string(validate.Auto) + ", " + strings.Join(concreteTargets(), " or ")
}

// concreteTargets names the targets that have a schema (all but auto).
func concreteTargets() []string {
	var names []string
	for _, t := range validate.Targets() {
		names = append(names, string(t))
	}
	return names
}

func apiNames() string {
	var names []string
	for _, a := range validate.APIs() {
		names = append(names, string(a))
	}
	return strings.Join(names, " or ")
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// nearestRule returns the catalogue ID closest to id, if it is close
// enough to be a likely typo.
func nearestRule(id string) string {
	var ids []string
	for _, r := range validate.Rules() {
		ids = append(ids, r.ID)
	}
	return suggest.Nearest(id, ids, 3)
}

// printRules prints the catalogue: a table, or JSON with --format json.
func printRules(w io.Writer, format string) int {
	rules := validate.Rules()
	if format == "json" {
		if rules == nil {
			rules = []validate.Rule{}
		}
		b, err := json.MarshalIndent(rules, "", "  ")
		if err != nil {
			return exitIO
		}
		w.Write(append(b, '\n'))
		return exitOK
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tSEVERITY\tFIXABLE\tSUMMARY")
	for _, r := range rules {
		fix := "no"
		if r.Fixable {
			fix = "yes"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, fix, r.Summary)
	}
	tw.Flush()
	return exitOK
}
