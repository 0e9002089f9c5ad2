package config

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/azconn/azconn/internal/suggest"
	"github.com/azconn/azconn/validate"
)

// MaxSize is the largest configuration file Load reads: a config is a few
// lines, and the limit bounds the parser's time and memory.
const MaxSize = 256 << 10

// maxExtends bounds a chain of extends.
const maxExtends = 8

// Load reads the configuration file at path (.yaml, .yml or .json; JSON is
// read as the YAML it is). Errors in the file are a *Error with the
// position of the offending key or value; YAML anchors and aliases are
// refused, so no alias expansion can blow up.
func Load(path string) (*Config, error) {
	return load(path, nil)
}

// load is Load, following extends; chain holds the files already on the
// way, to refuse a cycle.
func load(path string, chain []string) (*Config, error) {
	data, err := readLimited(path)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	c, ext, err := parseFile(path, data)
	if err != nil || ext == nil {
		return c, err
	}
	// extends: the named file first, then this one's keys over it.
	target := ext.path
	if !filepath.IsAbs(target) {
		target = filepath.Join(filepath.Dir(abs), target)
	}
	at := func(msg string) error { return &Error{Path: path, Line: ext.line, Column: ext.col, Msg: msg} }
	chain = append(chain, abs)
	if slices.Contains(chain, target) {
		return nil, at("extends " + quote(ext.path) + " makes a cycle")
	}
	if len(chain) > maxExtends {
		return nil, at("extends: more than " + strconv.Itoa(maxExtends) + " files in the chain")
	}
	parent, err := load(target, chain)
	if err != nil {
		var ce *Error
		if errors.As(err, &ce) {
			return nil, err
		}
		return nil, at(fmt.Sprintf("extends %s: %v", quote(ext.path), unwrapPath(err)))
	}
	return parent.under(c), nil
}

// under returns c on top of parent: c's keys win, the exclude globs and
// overrides of both apply (parent's first), and c's own path is the one
// reported.
func (parent *Config) under(c *Config) *Config {
	out := *c
	out.base = parent.base
	out.base.rules = slices.Clone(parent.base.rules)
	out.base.merge(c.base)
	out.exclude = append(slices.Clone(parent.exclude), c.exclude...)
	out.overrides = append(slices.Clone(parent.overrides), c.overrides...)
	if out.baseline == "" {
		out.baseline = parent.baseline
	}
	return &out
}

func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxSize {
		return nil, &Error{Path: path, Line: 1, Column: 1, Msg: fmt.Sprintf("the file is larger than %d bytes: a configuration is a few lines", MaxSize)}
	}
	return data, nil
}

// unwrapPath drops the path of a *os.PathError, which the caller states.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// extendsRef is an extends key, with its position.
type extendsRef struct {
	path      string
	line, col int
}

// Parse reads a configuration from data, the text of the file at path
// (which names the file in errors and anchors its globs). It reads no
// other file: an extends key is checked but not followed (Load follows it).
func Parse(path string, data []byte) (*Config, error) {
	c, _, err := parseFile(path, data)
	return c, err
}

// parseFile is Parse, also returning what an extends key names.
func parseFile(path string, data []byte) (*Config, *extendsRef, error) {
	if len(data) > MaxSize {
		return nil, nil, &Error{Path: path, Line: 1, Column: 1, Msg: fmt.Sprintf("the file is larger than %d bytes: a configuration is a few lines", MaxSize)}
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, nil, err
	}
	p := &parser{path: path, dir: filepath.Dir(abs)}
	c, err := p.parse(data)
	if err != nil {
		return nil, nil, err
	}
	return c, p.extends, nil
}

// parser turns the YAML nodes of one file into a Config.
type parser struct {
	path    string
	dir     string
	extends *extendsRef
}

// yamlLine reads the line out of a YAML error; compiled on first use (a
// broken file), not at every start.
var yamlLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: (?:line (\d+): )?`) })

func (p *parser) parse(data []byte) (*Config, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, p.yamlError(err)
	}
	c := &Config{path: p.path}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return c, nil // empty, or only comments: the defaults
	}
	if err := p.noAliases(&doc); err != nil {
		return nil, err
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, p.errAt(root, "the file must be a mapping of keys (target:, rules:, overrides: …), not a "+kindName(root))
	}
	err := p.eachKey(root, keysOf(topKeys), func(key string, k, v *yaml.Node) error {
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" && (key == "exclude" || key == "overrides" || key == "rules") {
			return nil // "rules:" with its entries commented out: none
		}
		switch key {
		case "exclude":
			globs, err := p.globs(v, false)
			c.exclude = globs
			return err
		case "overrides":
			return p.overrides(v, c)
		case "baseline":
			s, err := p.str(v)
			if err == nil && s != "" {
				c.baseline = s
				if !filepath.IsAbs(s) {
					c.baseline = filepath.Join(filepath.Dir(p.path), filepath.FromSlash(s))
				}
			}
			return err
		case "extends":
			s, err := p.str(v)
			if err == nil {
				p.extends = &extendsRef{path: filepath.FromSlash(s), line: v.Line, col: v.Column}
			}
			return err
		}
		return p.setting(&c.base, key, v)
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// yamlError positions a parser error: yaml.v3 names the line only.
func (p *parser) yamlError(err error) error {
	msg := err.Error()
	line := 1
	if m := yamlLine().FindStringSubmatch(msg); m != nil {
		if m[1] != "" {
			line, _ = strconv.Atoi(m[1])
		}
		msg = msg[len(m[0]):]
	}
	return &Error{Path: p.path, Line: line, Column: 1, Msg: "not valid YAML: " + msg}
}

// noAliases refuses anchors, aliases and merge keys anywhere in the tree.
// Walked with an explicit stack: the parser bounds the depth, this walk
// must not overflow either.
func (p *parser) noAliases(doc *yaml.Node) error {
	stack := []*yaml.Node{doc}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Kind == yaml.AliasNode || n.Anchor != "" {
			return p.errAt(n, "YAML anchors and aliases (&name, *name) are not accepted: write the value out")
		}
		if n.Tag == "!!merge" {
			return p.errAt(n, "YAML merge keys (<<) are not accepted: write the keys out")
		}
		for i := len(n.Content) - 1; i >= 0; i-- { // the first in the text is found first
			stack = append(stack, n.Content[i])
		}
	}
	return nil
}

func (p *parser) errAt(n *yaml.Node, msg string) *Error {
	return &Error{Path: p.path, Line: max(n.Line, 1), Column: max(n.Column, 1), Msg: msg}
}

// Keys allowed at the top level and in an override.
var (
	settingKeys  = []string{"target", "api", "method", "form", "fail-on", "max-findings", "drop-read-only", "markdown", "rules"}
	topKeys      = append(slices.Clone(settingKeys), "exclude", "overrides", "baseline", "extends")
	overrideKeys = append([]string{"files"}, settingKeys...)
)

// keySet is what a mapping's keys may be, and how eachKey's messages name
// them: noun in "unknown key", repeat in "key … is repeated", and where
// the known ones are listed.
type keySet struct {
	noun, repeat string
	known        []string
	listed       string
}

func keysOf(known []string) keySet {
	return keySet{"key", "key", known, "the keys are " + strings.Join(known, ", ")}
}

// eachKey calls fn for each key of mapping m, refusing unknown keys (with
// the nearest known one), duplicates and keys that are not strings.
func (p *parser) eachKey(m *yaml.Node, ks keySet, fn func(key string, k, v *yaml.Node) error) error {
	seen := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.Tag != "!!str" {
			return p.errAt(k, "a "+ks.noun+" must be a name, not a "+kindName(k))
		}
		if !slices.Contains(ks.known, k.Value) {
			msg := "unknown " + ks.noun + " " + quote(k.Value)
			if s := suggest.Nearest(k.Value, ks.known, suggest.Limit(k.Value)); s != "" {
				msg += " (did you mean " + quote(s) + "?)"
			}
			return p.errAt(k, msg+"; "+ks.listed)
		}
		if seen[k.Value] {
			return p.errAt(k, ks.repeat+" "+quote(k.Value)+" is repeated: keep one")
		}
		seen[k.Value] = true
		if err := fn(k.Value, k, v); err != nil {
			return err
		}
	}
	return nil
}

// setting reads one of settingKeys into s.
func (p *parser) setting(s *settings, key string, v *yaml.Node) error {
	switch key {
	case "rules":
		return p.rules(s, v)
	case "max-findings":
		if v.Kind != yaml.ScalarNode || v.Tag != "!!int" {
			return p.errAt(v, "max-findings wants a positive whole number, not a "+kindName(v))
		}
		n, err := strconv.Atoi(v.Value)
		if err != nil || n < 1 {
			return p.errAt(v, "max-findings wants a positive whole number, got "+quote(v.Value))
		}
		s.maxFind = &n
		return nil
	case "drop-read-only", "markdown":
		if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" {
			return p.errAt(v, key+" wants true or false, not a "+kindName(v))
		}
		b := v.Value == "true" || v.Value == "True" || v.Value == "TRUE"
		if key == "markdown" {
			s.markdown = &b
		} else {
			s.dropRO = &b
		}
		return nil
	}
	str, err := p.str(v)
	if err != nil {
		return err
	}
	return p.enumSetting(s, key, str, v)
}

// enumSetting reads a key whose value is one of a few names.
func (p *parser) enumSetting(s *settings, key, str string, v *yaml.Node) error {
	bad := func(want string) error {
		return p.errAt(v, fmt.Sprintf("%s: unknown value %s (want %s)", key, quote(str), want))
	}
	switch key {
	case "target":
		t, err := validate.ParseTarget(str)
		if err != nil {
			names := []string{string(validate.Auto)}
			for _, t := range validate.Targets() {
				names = append(names, string(t))
			}
			return bad(strings.Join(names, ", "))
		}
		s.target = &t
	case "api":
		a, err := validate.ParseAPI(str)
		if err != nil {
			var names []string
			for _, a := range validate.APIs() {
				names = append(names, string(a))
			}
			return bad(strings.Join(names, " or "))
		}
		s.api = &a
	case "method":
		m := strings.ToUpper(str)
		if m != "PATCH" && m != "POST" {
			return bad("patch or post")
		}
		s.method = &m
	case "form":
		f, err := validate.ParseForm(str)
		if err != nil {
			return bad("auto, json, http, http-file or markdown")
		}
		s.form = &f
	case "fail-on":
		sev, err := validate.ParseSeverity(str)
		if err != nil {
			return bad("error, warning or info")
		}
		s.failOn = &sev
	}
	return nil
}

// rules reads "rules: {<rule-id>: off|error|warning|info}".
func (p *parser) rules(s *settings, v *yaml.Node) error {
	if v.Kind != yaml.MappingNode {
		return p.errAt(v, "rules wants a mapping of rule IDs to off, error, warning or info, not a "+kindName(v))
	}
	var ids []string
	for _, r := range validate.Rules() {
		ids = append(ids, r.ID)
	}
	ruleIDs := keySet{"rule ID", "rule", ids, "'azconnlint --list-rules' lists them"}
	return p.eachKey(v, ruleIDs, func(id string, _, val *yaml.Node) error {
		r := ruleSetting{id: id}
		name := val.Value
		if val.Kind != yaml.ScalarNode || (val.Tag != "!!str" && !(val.Tag == "!!bool" && (name == "off" || name == "Off" || name == "OFF"))) {
			return p.errAt(val, "rule "+quote(id)+" wants off, error, warning or info, not a "+kindName(val))
		}
		if strings.EqualFold(name, "off") {
			r.off = true
		} else if sev, err := validate.ParseSeverity(name); err == nil {
			r.sev = sev
		} else {
			return p.errAt(val, "rule "+quote(id)+": unknown severity "+quote(name)+" (want off, error, warning or info)")
		}
		s.rules = append(s.rules, r)
		return nil
	})
}

// overrides reads "overrides: [{files: [globs], …settings}]".
func (p *parser) overrides(v *yaml.Node, c *Config) error {
	if v.Kind != yaml.SequenceNode {
		return p.errAt(v, "overrides wants a list of entries (- files: [...]), not a "+kindName(v))
	}
	for _, e := range v.Content {
		if e.Kind != yaml.MappingNode {
			return p.errAt(e, "an overrides entry wants a mapping with files: and the keys to change, not a "+kindName(e))
		}
		var o override
		var filesNode *yaml.Node
		var other *yaml.Node // a key besides files and rules
		err := p.eachKey(e, keysOf(overrideKeys), func(key string, k, val *yaml.Node) error {
			switch key {
			case "files":
				filesNode = k
				globs, err := p.globs(val, true)
				o.files = globs
				return err
			case "rules":
				if val.Tag == "!!null" {
					return nil
				}
			default:
				if other == nil {
					other = k
				}
			}
			return p.setting(&o.settings, key, val)
		})
		if err != nil {
			return err
		}
		if filesNode == nil {
			return p.errAt(e, "an overrides entry needs files: the globs it applies to")
		}
		if other != nil && slices.ContainsFunc(o.files, func(g pattern) bool { return g.scoped }) {
			return p.errAt(other, other.Value+" applies to whole files: a files entry with a #/pointer scopes rules only; put "+other.Value+" in an entry without a pointer")
		}
		c.overrides = append(c.overrides, o)
	}
	return nil
}

// globs reads a list of globs; with pointers, an entry may end in
// "#/json/pointer".
func (p *parser) globs(v *yaml.Node, pointers bool) ([]pattern, error) {
	if v.Kind != yaml.SequenceNode || len(v.Content) == 0 {
		if v.Kind == yaml.SequenceNode {
			return nil, p.errAt(v, "the list of globs is empty")
		}
		return nil, p.errAt(v, "want a list of globs ([\"legacy/**/*.json\"]), not a "+kindName(v))
	}
	var out []pattern
	for _, g := range v.Content {
		s, err := p.str(g)
		if err != nil {
			return nil, err
		}
		pt := pattern{dir: p.dir, glob: s}
		if i := strings.IndexByte(s, '#'); i >= 0 && pointers {
			pt.glob, pt.pointer, pt.scoped = s[:i], s[i+1:], true
			if pt.pointer != "" && pt.pointer[0] != '/' {
				return nil, p.errAt(g, "the JSON Pointer after # in "+quote(s)+" must start with / (e.g. legacy/*.json#/organizationalUnit)")
			}
			if bad := checkPointer(pt.pointer); bad != "" {
				return nil, p.errAt(g, bad)
			}
		}
		if bad := checkGlob(pt.glob); bad != "" {
			return nil, p.errAt(g, bad)
		}
		out = append(out, pt)
	}
	return out, nil
}

// checkPointer returns what is wrong with an RFC 6901 pointer, or "".
func checkPointer(ptr string) string {
	for i := 0; i < len(ptr); i++ {
		if ptr[i] == '~' && (i+1 == len(ptr) || ptr[i+1] != '0' && ptr[i+1] != '1') {
			return "JSON Pointer " + quote(ptr) + " has a ~ not followed by 0 or 1 (write ~0 for ~ and ~1 for /)"
		}
	}
	return ""
}

// str reads a string scalar.
func (p *parser) str(v *yaml.Node) (string, error) {
	if v.Kind != yaml.ScalarNode || v.Tag != "!!str" {
		return "", p.errAt(v, "want a string, not a "+kindName(v))
	}
	return v.Value, nil
}

// kindName names what a node holds, for messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!int", "!!float":
			return "number"
		case "!!bool":
			return "boolean"
		case "!!null":
			return "null"
		case "!!str":
			return "string"
		}
		return "value of type " + quote(n.Tag)
	}
	return "value"
}

func quote(s string) string { return strconv.Quote(s) }
