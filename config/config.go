// Package config reads azconnlint's configuration file, .azconnlint.yaml
// (or .yml, or .json), and turns it into the validate.Options for each
// linted file; it also reads and writes baselines (Baseline).
//
// The file closest to a linted file applies, alone: its folder's, else its
// parent's, up to the project root (the folder holding .git). Globs in the
// file match paths relative to its folder.
//
//	cfg, err := config.ForFile("payloads/legacy/a.json")
//	if err != nil { … }                       // a *config.Error: path:line:col: message
//	opts, excluded := cfg.Options("payloads/legacy/a.json")
//
// A nil *Config is valid and means "no configuration": the defaults.
package config

import (
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/azconn/azconn/validate"
)

// Config is one loaded configuration file (with the file it extends, if
// any). It is immutable and safe for concurrent use.
type Config struct {
	path      string     // the file, as found or named
	base      settings   // the top-level keys
	exclude   []pattern  // files the linter skips
	overrides []override // in file order: later entries win
	baseline  string     // the baseline file, resolved against the config's folder
}

// settings are the keys that the top level and an override share. A nil
// field is unset.
type settings struct {
	target   *validate.Target
	api      *validate.API
	method   *string
	form     *validate.Form
	failOn   *validate.Severity
	maxFind  *int
	dropRO   *bool
	markdown *bool
	rules    []ruleSetting // in file order
}

// ruleSetting is one "rules:" entry: off, or a severity.
type ruleSetting struct {
	id  string
	off bool
	sev validate.Severity
}

// override is one "overrides:" entry.
type override struct {
	files []pattern
	settings
}

// pattern is a glob relative to dir, optionally scoped to a JSON Pointer
// ("legacy/*.json#/organizationalUnit").
type pattern struct {
	dir     string // the folder of the config file that holds the glob
	glob    string
	pointer string
	scoped  bool // the entry had a '#'
}

// Path returns the file the configuration was loaded from ("" for nil).
func (c *Config) Path() string {
	if c == nil {
		return ""
	}
	return c.path
}

// Baseline returns the baseline file the configuration names ("" when
// none), as a path usable from the current directory.
func (c *Config) Baseline() string {
	if c == nil {
		return ""
	}
	return c.baseline
}

// Options returns the options for linting file, a path usable from the
// current directory: the defaults, then the top-level keys, then each
// override whose globs match the file, in order. excluded reports that an
// exclude glob matches the file: the linter skips it.
func (c *Config) Options(file string) (opts validate.Options, excluded bool) {
	if c == nil {
		return validate.Options{}, false
	}
	s := c.settingsFor(file)
	opts = s.options()
	for _, o := range c.overrides {
		for _, p := range o.files {
			if p.scoped && p.match(file) {
				opts.PointerRules = append(opts.PointerRules, o.pointerRules(p.pointer)...)
			}
		}
	}
	return opts, c.Excluded(file)
}

// Named reports whether a files glob of an override matches file (with
// or without a pointer): the configuration names it as a payload, which
// the language server takes as evidence for a .json file.
func (c *Config) Named(file string) bool {
	if c == nil {
		return false
	}
	for _, o := range c.overrides {
		if slices.ContainsFunc(o.files, func(p pattern) bool { return p.match(file) }) {
			return true
		}
	}
	return false
}

// Excluded reports whether an exclude glob matches file.
func (c *Config) Excluded(file string) bool {
	if c == nil {
		return false
	}
	return slices.ContainsFunc(c.exclude, func(p pattern) bool { return p.match(file) })
}

// Markdown reports whether Markdown files are linted when a directory
// walk finds them (the markdown key, as the CLI's --markdown).
func (c *Config) Markdown(file string) bool {
	if c == nil {
		return false
	}
	s := c.settingsFor(file)
	return s.markdown != nil && *s.markdown
}

// FailOn returns the lowest severity that fails the run for file, and
// whether the configuration sets it (fail-on).
func (c *Config) FailOn(file string) (validate.Severity, bool) {
	if c == nil {
		return 0, false
	}
	s := c.settingsFor(file)
	if s.failOn == nil {
		return 0, false
	}
	return *s.failOn, true
}

// settingsFor merges the top level and the overrides whose file globs
// (without a pointer) match file.
func (c *Config) settingsFor(file string) settings {
	s := c.base
	s.rules = slices.Clone(s.rules)
	for _, o := range c.overrides {
		if slices.ContainsFunc(o.files, func(p pattern) bool { return !p.scoped && p.match(file) }) {
			s.merge(o.settings)
		}
	}
	return s
}

// merge sets in s every key that o sets.
func (s *settings) merge(o settings) {
	set(&s.target, o.target)
	set(&s.api, o.api)
	set(&s.method, o.method)
	set(&s.form, o.form)
	set(&s.failOn, o.failOn)
	set(&s.maxFind, o.maxFind)
	set(&s.dropRO, o.dropRO)
	set(&s.markdown, o.markdown)
	s.rules = append(s.rules, o.rules...)
}

func set[T any](dst **T, v *T) {
	if v != nil {
		*dst = v
	}
}

// options turns merged settings into validate.Options; of the rules, the
// last entry for an ID wins.
func (s settings) options() validate.Options {
	var o validate.Options
	if s.target != nil {
		o.Target = *s.target
	}
	if s.api != nil {
		o.API = *s.api
	}
	if s.method != nil {
		o.Method = *s.method
	}
	if s.form != nil {
		o.Form = *s.form
	}
	if s.maxFind != nil {
		o.MaxFindings = *s.maxFind
	}
	if s.dropRO != nil {
		o.DropReadOnly = *s.dropRO
	}
	last := map[string]ruleSetting{}
	for _, r := range s.rules {
		last[r.id] = r
	}
	for _, id := range slices.Sorted(maps.Keys(last)) {
		if r := last[id]; r.off {
			o.Ignore = append(o.Ignore, id)
		} else {
			if o.Severity == nil {
				o.Severity = map[string]validate.Severity{}
			}
			o.Severity[id] = r.sev
		}
	}
	return o
}

// pointerRules are the override's rules scoped to pointer.
func (o override) pointerRules(pointer string) []validate.PointerRule {
	var prs []validate.PointerRule
	for _, r := range o.rules {
		prs = append(prs, validate.PointerRule{Pointer: pointer, Rule: r.id, Severity: r.sev, Off: r.off})
	}
	return prs
}

// match reports whether the glob matches file, taken relative to the
// pattern's folder. A file outside that folder never matches.
func (p pattern) match(file string) bool {
	rel, ok := relTo(p.dir, file)
	return ok && matchGlob(p.glob, rel)
}

// relTo returns file relative to dir with '/' separators, and false when
// file is not under dir.
func relTo(dir, file string) (string, bool) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return "", false
	}
	rel, err := filepath.Rel(dir, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}
