package validate

import (
	"fmt"
	"slices"
	"testing"

	"github.com/azconn/azconn/internal/jsontext"
)

// recorder is a reporter that counts what a rule writes through it and
// hands every call on to the collector.
type recorder struct {
	*collector
	findings, claims, keys, fixes int
}

func (r *recorder) report(rule string, sev Severity, start, end int, ptr, msg string) *Finding {
	return r.count(r.collector.report(rule, sev, start, end, ptr, msg))
}

func (r *recorder) reportAt(rule string, sev Severity, start, end int, n *node, msg string) *Finding {
	return r.count(r.collector.reportAt(rule, sev, start, end, n, msg))
}

func (r *recorder) atKey(rule string, sev Severity, obj *node, i int, msg string) *Finding {
	r.keys++
	return r.count(r.collector.atKey(rule, sev, obj, i, msg))
}

func (r *recorder) atValue(rule string, sev Severity, n *node, msg string) *Finding {
	return r.count(r.collector.atValue(rule, sev, n, msg))
}

func (r *recorder) atPart(rule string, sev Severity, n *node, from, to int, msg string) *Finding {
	return r.count(r.collector.atPart(rule, sev, n, from, to, msg))
}

func (r *recorder) atOpen(rule string, sev Severity, n *node, msg string) *Finding {
	return r.count(r.collector.atOpen(rule, sev, n, msg))
}

func (r *recorder) count(f *Finding) *Finding {
	if f != nil {
		r.findings++
	}
	return f
}

func (r *recorder) claim(n *node)            { r.claims++; r.collector.claim(n) }
func (r *recorder) markKey(obj *node, i int) { r.keys++; r.collector.markKey(obj, i) }

func (r *recorder) fixTransform(f *Finding, n *node, order int, fn func(string) string) {
	r.fixes++
	r.collector.fixTransform(f, n, order, fn)
}

func (r *recorder) fixReplace(f *Finding, n *node, raw string) {
	r.fixes++
	r.collector.fixReplace(f, n, raw)
}

func (r *recorder) fixRename(f *Finding, obj *node, i int, newKey string) {
	r.fixes++
	r.collector.fixRename(f, obj, i, newKey)
}

func (r *recorder) fixRemove(f *Finding, obj *node, i int) {
	r.fixes++
	r.collector.fixRemove(f, obj, i)
}

// ruleView is what a rule may read and must leave as it found it: the
// context's fields but the facts and violations computed on first use,
// the tree's nodes and the binding, each written out shallowly.
func ruleView(rc *ruleContext) []string {
	out := []string{fmt.Sprintf("%p %p %p %p %p %p %+v %p %p", rc.src, rc.opts, rc.l, rc.tree, rc.root, rc.m, rc.det, rc.secrets, rc.marks)}
	for _, n := range rc.tree.Nodes {
		out = append(out, fmt.Sprintf("%+v", *n))
	}
	for _, bn := range rc.bound.nodes {
		out = append(out, fmt.Sprintf("%+v", bn))
	}
	for _, o := range rc.bound.objs {
		out = append(out, fmt.Sprintf("%+v", o))
	}
	return append(out, rc.bound.secrets...)
}

func countTrue(bs []bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}

// TestRulesWriteOnlyThroughReporter runs the rules of every golden JSON
// body with a reporter that counts what they write: the rules leave their
// context, the tree and the binding as they found them, and every
// finding, claim, marked key and fix they add came through the reporter.
func TestRulesWriteOnlyThroughReporter(t *testing.T) {
	ran := 0
	for _, c := range loadCases(t) {
		if Lint(c.in, c.opts).Form != FormJSON {
			continue
		}
		l, err := New(c.opts)
		if err != nil {
			continue
		}
		out := newCollector(c.in, l)
		var rc ruleContext
		if st := l.check(c.in, l.guard(c.in, FormJSON), out, &rc); !st.ready {
			continue
		}
		ran++
		before := ruleView(&rc)
		findings, claims, keys := len(out.findings), countTrue(out.claimed), countTrue(out.keysDone)
		fixes := out.fixes.owned() + out.held.owned()
		rec := &recorder{collector: out}
		l.runRules(&rc, rec)
		if after := ruleView(&rc); !slices.Equal(before, after) {
			t.Errorf("%s: the rules changed what they read", c.name)
		}
		if got := len(out.findings) - findings; got != rec.findings {
			t.Errorf("%s: %d findings added, %d through the reporter", c.name, got, rec.findings)
		}
		if got := countTrue(out.claimed) - claims; got > rec.claims {
			t.Errorf("%s: %d values claimed, %d claims through the reporter", c.name, got, rec.claims)
		}
		if got := countTrue(out.keysDone) - keys; got > rec.keys {
			t.Errorf("%s: %d keys marked, %d through the reporter", c.name, got, rec.keys)
		}
		if got := out.fixes.owned() + out.held.owned() - fixes; got > rec.fixes {
			t.Errorf("%s: %d fixes attached, %d through the reporter", c.name, got, rec.fixes)
		}
	}
	if ran < 50 {
		t.Fatalf("the rules ran on %d golden bodies; want at least 50", ran)
	}
}

// TestCheckStopsAtEachStage lints bodies that each stop the stages at a
// different one and checks what check hands on: whether the rules run,
// whether a blocking finding forbids changes, the entity, the detection
// and the secrets, each stage's typed value or its zero.
func TestCheckStopsAtEachStage(t *testing.T) {
	for _, c := range []struct {
		name, in       string
		opts           Options
		ready, blocked bool
		wrapped        bool   // the entity is inside a GET response
		from           string // the detection's origin
		secrets        bool   // findSecrets returned a set
	}{
		{name: "guard: too large", in: `{"displayName": "x"}`, opts: Options{MaxSize: 8}, blocked: true},
		{name: "guard: invalid UTF-8", in: "{\"displayName\": \"\xff\"}", blocked: true},
		{name: "parse: syntax error", in: `{"displayName": "x",}`, blocked: true},
		{name: "parse: duplicate key", in: `{"displayName": "a", "displayName": "b"}`, ready: true, blocked: true, from: "default"},
		{name: "entity: not an object", in: `["a"]`},
		{name: "entity: a GET list", in: `{"value": [{"displayName": "x"}]}`},
		{name: "entity: a GET response", in: `{"value": {"displayName": "x"}}`, ready: true, wrapped: true, from: "default"},
		{name: "detect: explicit target", in: `{"displayName": "x"}`, opts: Options{Target: AzureConnection}, ready: true, from: "flag"},
		{name: "detect: a key only one target has", in: `{"connectionType": "hybridAzureADJoin"}`, ready: true, from: "property connectionType"},
		{name: "secrets: a password", in: `{"adDomainPassword": "Secret123!"}`, ready: true, from: "default", secrets: true},
	} {
		t.Run(c.name, func(t *testing.T) {
			l, err := New(c.opts)
			if err != nil {
				t.Fatal(err)
			}
			in := []byte(c.in)
			var rc ruleContext
			st := l.check(in, l.guard(in, FormJSON), newCollector(in, l), &rc)
			if st.ready != c.ready || st.blocked != c.blocked {
				t.Errorf("ready, blocked = %v, %v; want %v, %v", st.ready, st.blocked, c.ready, c.blocked)
			}
			if got := st.ent.wrapper != nil; got != c.wrapped {
				t.Errorf("wrapped = %v, want %v", got, c.wrapped)
			}
			if st.ready && st.det.from != c.from {
				t.Errorf("detected from %q, want %q", st.det.from, c.from)
			}
			if got := st.secrets != nil; got != c.secrets {
				t.Errorf("secrets = %v, want %v", got, c.secrets)
			}
			if st.ready && (rc.bound == nil || rc.root != st.ent.root || rc.m != st.det.model) {
				t.Error("the rules' context does not hold the stages' values")
			}
			if !st.ready && rc.tree != nil {
				t.Error("the rules' context was filled though the rules do not run")
			}
		})
	}
}

// TestFindSecretsLeavesBinding checks that the secrets stage does not
// write into the binding bind returned: a near-miss key's value (and what
// is under it) is marked secret in the binding it returns, a copy, while
// bind's binding marks only the exact property's value; without a near-miss
// key the binding comes back as it went in.
func TestFindSecretsLeavesBinding(t *testing.T) {
	all, err := models()
	if err != nil {
		t.Fatal(err)
	}
	m := all[string(OnPremisesConnection)]
	var l Linter
	for _, c := range []struct {
		src  string
		near bool
	}{
		{`{"adDomainPassword": "Exact123!", "adDomainPasword": {"inner": "Near123!"}, "displayName": "x"}`, true},
		{`{"adDomainPassword": "Exact123!", "displayName": "x"}`, false},
	} {
		src := []byte(c.src)
		tree := jsontext.Parse(src, jsontext.ParseOptions{MaxDepth: DefaultMaxDepth})
		b := bindAlone(src, tree, m, "flag")
		before := slices.Clone(b.nodes)
		set, got := findSecrets(src, tree, m, b, nil, newCollector(src, &l))
		if !slices.Equal(b.nodes, before) {
			t.Errorf("%s: findSecrets wrote into the binding bind returned", c.src)
		}
		if (got != b) != c.near {
			t.Errorf("%s: a copy of the binding = %v, want %v", c.src, got != b, c.near)
		}
		if set == nil || !set.Token("Exact123!") || c.near && !set.Token("Near123!") {
			t.Fatalf("%s: the set misses a secret", c.src)
		}
		for _, n := range tree.Nodes {
			exact := n.Kind == kindString && n.Str == "Exact123!"
			near := n.Kind == kindString && n.Str == "Near123!" || n.Kind == kindObject && n.Parent != nil
			if b.isSecret(n) != exact {
				t.Errorf("%s: bind's isSecret(%s) = %v, want %v", c.src, pointerOf(n), !exact, exact)
			}
			if want := exact || near; got.isSecret(n) != want {
				t.Errorf("%s: isSecret(%s) = %v, want %v", c.src, pointerOf(n), !want, want)
			}
		}
	}
}
