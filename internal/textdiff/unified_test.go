package textdiff

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// applyUnified applies a unified diff produced by Unified to a; it
// checks every context and deleted line, so a wrong diff fails loudly.
func applyUnified(t *testing.T, a []byte, diff []byte) []byte {
	t.Helper()
	if diff == nil {
		return a
	}
	al := splitLines(a)
	lines := splitLines(diff)
	if len(lines) < 2 || !bytes.HasPrefix(lines[0], []byte("--- ")) || !bytes.HasPrefix(lines[1], []byte("+++ ")) {
		t.Fatalf("bad headers:\n%s", diff)
	}
	hunkRe := regexp.MustCompile(`^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@\n$`)
	var out [][]byte
	ai := 0
	for i := 2; i < len(lines); {
		m := hunkRe.FindSubmatch(lines[i])
		if m == nil {
			t.Fatalf("line %d: not a hunk header: %q\n%s", i, lines[i], diff)
		}
		count := func(s []byte) int {
			if s == nil {
				return 1
			}
			n, _ := strconv.Atoi(string(s))
			return n
		}
		aStart, aN := mustAtoi(m[1]), count(m[2])
		bN := count(m[4])
		from := aStart - 1
		if aN == 0 {
			from = aStart
		}
		if from < ai {
			t.Fatalf("hunks overlap or go backwards:\n%s", diff)
		}
		out = append(out, al[ai:from]...)
		ai = from
		i++
		gotA, gotB := 0, 0
		for i < len(lines) && !bytes.HasPrefix(lines[i], []byte("@@")) {
			l := lines[i]
			i++
			var noNL bool
			if i < len(lines) && bytes.HasPrefix(lines[i], []byte(`\ No newline at end of file`)) {
				noNL = true
				i++
			}
			body := l[1:]
			if noNL {
				body = bytes.TrimSuffix(body, []byte("\n"))
			}
			switch l[0] {
			case ' ':
				if ai >= len(al) || !bytes.Equal(al[ai], body) {
					t.Fatalf("context mismatch at a line %d: %q\n%s", ai+1, body, diff)
				}
				out = append(out, body)
				ai++
				gotA++
				gotB++
			case '-':
				if ai >= len(al) || !bytes.Equal(al[ai], body) {
					t.Fatalf("deletion mismatch at a line %d: %q\n%s", ai+1, body, diff)
				}
				ai++
				gotA++
			case '+':
				out = append(out, body)
				gotB++
			default:
				t.Fatalf("bad diff line %q\n%s", l, diff)
			}
		}
		if gotA != aN || gotB != bN {
			t.Fatalf("hunk counts -%d +%d, header says -%d +%d\n%s", gotA, gotB, aN, bN, diff)
		}
	}
	out = append(out, al[ai:]...)
	return bytes.Join(out, nil)
}

// splitLines splits b after each '\n'; the last line may lack one.
func splitLines(b []byte) [][]byte {
	var lines [][]byte
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			lines = append(lines, b)
			break
		}
		lines = append(lines, b[:i+1])
		b = b[i+1:]
	}
	return lines
}

func mustAtoi(b []byte) int {
	n, err := strconv.Atoi(string(b))
	if err != nil {
		panic(err)
	}
	return n
}

func randomText(r *rand.Rand, n int) []byte {
	var b bytes.Buffer
	words := []string{"a", "b", "c", "{", "}", "  \"x\": 1,", "\t\"y\": 2", "a\r"}
	for i := 0; i < n; i++ {
		b.WriteString(words[r.Intn(len(words))])
		b.WriteByte('\n')
	}
	if r.Intn(3) == 0 && b.Len() > 0 {
		b.Truncate(b.Len() - 1) // no final newline
	}
	return b.Bytes()
}

func TestUnifiedDiffRoundTrip(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 3000; i++ {
		a := randomText(r, r.Intn(30))
		var b []byte
		switch r.Intn(3) {
		case 0:
			b = randomText(r, r.Intn(30))
		default: // small edits of a
			lines := splitLines(a)
			for k := 0; k < 1+r.Intn(3) && len(lines) > 0; k++ {
				j := r.Intn(len(lines))
				switch r.Intn(3) {
				case 0:
					lines = append(lines[:j], lines[j+1:]...)
				case 1:
					lines[j] = []byte("changed\n")
				default:
					lines = append(lines[:j], append([][]byte{[]byte("new\n")}, lines[j:]...)...)
				}
			}
			b = bytes.Join(lines, nil)
		}
		d := Unified("x", "x", a, b)
		if bytes.Equal(a, b) != (d == nil) {
			t.Fatalf("equal=%v but diff=%q", bytes.Equal(a, b), d)
		}
		if got := applyUnified(t, a, d); !bytes.Equal(got, b) {
			t.Fatalf("applying the diff gives\n%q\nwant\n%q\ndiff:\n%s", got, b, d)
		}
	}
}

// TestUnifiedDiffBounded: unrelated long inputs (every line differs) give
// a correct diff in memory linear in the input (the hand-written Myers
// diff this replaced kept a snapshot per step: 150 MB here).
func TestUnifiedDiffBounded(t *testing.T) {
	var a, b bytes.Buffer
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&a, "a%d\n", i)
		fmt.Fprintf(&b, "b%d\n", i)
	}
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	d := Unified("x", "x", a.Bytes(), b.Bytes())
	runtime.ReadMemStats(&m1)
	if got := applyUnified(t, a.Bytes(), d); !bytes.Equal(got, b.Bytes()) {
		t.Fatal("diff does not apply")
	}
	in := a.Len() + b.Len()
	t.Logf("%d input bytes: %d allocated", in, m1.TotalAlloc-m0.TotalAlloc)
	if alloc := m1.TotalAlloc - m0.TotalAlloc; alloc > uint64(80*in) {
		t.Errorf("diff of %d input bytes allocated %d bytes (%.0f per input byte)", in, alloc, float64(alloc)/float64(in))
	}
}

func TestUnifiedDiffGolden(t *testing.T) {
	a := "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n"
	b := "1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen"
	want := "--- a/f\n+++ b/f\n" +
		"@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n" +
		"@@ -12,4 +12,4 @@\n 12\n 13\n 14\n-15\n+fifteen\n\\ No newline at end of file\n"
	if got := string(Unified("f", "f", []byte(a), []byte(b))); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// Insertion into an empty file, deletion of everything.
	if got, want := string(Unified("f", "f", nil, []byte("x\n"))), "--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+x\n"; got != want {
		t.Errorf("from empty: got\n%s\nwant\n%s", got, want)
	}
	if got, want := string(Unified("f", "f", []byte("x\n"), nil)), "--- a/f\n+++ b/f\n@@ -1 +0,0 @@\n-x\n"; got != want {
		t.Errorf("to empty: got\n%s\nwant\n%s", got, want)
	}
}

// TestUnifiedDiffMatchesGNU: GNU patch applies our diffs to random inputs
// and gets the new text. Where every line is unique (as in most payloads)
// the anchored diff is minimal, so it changes as many lines as GNU diff -u.
// Under CI=true the tools must be present.
func TestUnifiedDiffMatchesGNU(t *testing.T) {
	patchBin, err1 := exec.LookPath("patch")
	diffBin, err2 := exec.LookPath("diff")
	if err1 != nil || err2 != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true: patch and diff (Debian diffutils, patch) are required")
		}
		t.Skip("patch or diff not installed")
	}
	dir := t.TempDir()
	r := rand.New(rand.NewSource(2))
	for i := 0; i < 200; i++ {
		unique := i%2 == 1
		var a, b []byte
		if unique {
			a, b = uniqueText(r, 5+r.Intn(30)), uniqueText(r, 5+r.Intn(30))
		} else {
			a, b = randomText(r, 5+r.Intn(20)), randomText(r, 5+r.Intn(20))
		}
		pa, pb := filepath.Join(dir, "a"), filepath.Join(dir, "b")
		os.WriteFile(pa, a, 0o644)
		os.WriteFile(pb, b, 0o644)
		d := Unified("a", "a", a, b)
		if d == nil {
			continue
		}
		cmd := exec.Command(patchBin, "-s", "-o", filepath.Join(dir, "out"), pa)
		cmd.Stdin = bytes.NewReader(d)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("patch rejects our diff: %v\n%s\n%s", err, out, d)
		}
		got, _ := os.ReadFile(filepath.Join(dir, "out"))
		if !bytes.Equal(got, b) {
			t.Fatalf("patch result differs:\n%q\nwant\n%q", got, b)
		}
		if !unique {
			continue
		}
		gnu, _ := exec.Command(diffBin, "-u", pa, pb).Output()
		if c1, c2 := countChanges(gnu), countChanges(d); c1 != c2 {
			t.Fatalf("GNU diff changes %d lines, ours %d\nGNU:\n%s\nours:\n%s", c1, c2, gnu, d)
		}
	}
}

// uniqueText is n distinct lines drawn from a small pool in order, so two
// texts share some lines and differ in others.
func uniqueText(r *rand.Rand, n int) []byte {
	var b bytes.Buffer
	for i := 0; i < 60 && n > 0; i++ {
		if r.Intn(2) == 0 {
			fmt.Fprintf(&b, "  \"k%d\": %d,\n", i, i)
			n--
		}
	}
	return b.Bytes()
}

func countChanges(d []byte) int {
	n := 0
	for _, l := range strings.Split(string(d), "\n") {
		if (strings.HasPrefix(l, "+") && !strings.HasPrefix(l, "+++")) || (strings.HasPrefix(l, "-") && !strings.HasPrefix(l, "---")) {
			n++
		}
	}
	return n
}

// TestDiffLoneCR: a file whose lines end in a lone CR diffs line by line,
// as positions count its lines (issue 24), not as one line.
func TestDiffLoneCR(t *testing.T) {
	a := []byte("{\r  \"displayName\": \" Contoso \",\r  \"inUse\": true\r}\r")
	b := []byte("{\r  \"displayName\": \"Contoso\",\r  \"inUse\": true\r}\r")
	got := string(Unified("x.json", "x.json", a, b))
	want := "--- a/x.json\n+++ b/x.json\n@@ -1,4 +1,4 @@\n {\n-  \"displayName\": \" Contoso \",\n+  \"displayName\": \"Contoso\",\n   \"inUse\": true\n }\n"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// TestUnifiedDiffRepeatedBlock: a page whose request and response bodies
// share their lines, with two lines of the request changed (the seed
// migrated to the live API). The anchored diff finds no unique line to
// anchor on between the two changes and replaced the 14 lines between
// them; the diff now removes and adds only the two lines, and applies.
func TestUnifiedDiffRepeatedBlock(t *testing.T) {
	body := "{\n  \"@odata.type\": \"#microsoft.graph.AzureConnection\",\n"
	for _, k := range []string{"displayName", "subscriptionId", "adDomainName", "adDomainUsername", "organizationalUnit", "resourceGroupId", "virtualNetworkId"} {
		body += "  \"" + k + "\": \"String\",\n"
	}
	body += "  \"subNetId\": \"String\"\n}\n"
	page := func(req string) []byte {
		return []byte("# Update\n\n```http\nPATCH https://graph.microsoft.com/beta/x\n\n" + req + "```\n\n```http\nHTTP/1.1 200 OK\n\n" + body + "```\n")
	}
	migrated := strings.Replace(strings.Replace(body, "#microsoft.graph.AzureConnection", "#microsoft.graph.cloudPcOnPremisesConnection", 1), "subNetId", "subnetId", 1)
	a, b := page(body), page(migrated)
	d := Unified("p.md", "p.md", a, b)
	var del, add int
	for _, l := range splitLines(d)[2:] {
		switch l[0] {
		case '-':
			del++
		case '+':
			add++
		}
	}
	if del != 2 || add != 2 {
		t.Errorf("%d lines removed and %d added, want 2 and 2:\n%s", del, add, d)
	}
	if got := applyUnified(t, a, d); !bytes.Equal(got, b) {
		t.Errorf("applying the diff gives\n%s\nwant\n%s", got, b)
	}
}
