package validate

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// TestHostileInputs feeds inputs built to break parsers: each must give a
// clear finding of the expected rule at a sane position, and no panic.
func TestHostileInputs(t *testing.T) {
	deep := func(n int, open, close string) []byte {
		return []byte(`{"x":` + strings.Repeat(open, n) + strings.Repeat(close, n) + `}`)
	}
	dupAt := func(depth int) []byte {
		return []byte(strings.Repeat(`{"a":`, depth) + `{"k":1,"k":2}` + strings.Repeat(`}`, depth))
	}
	for _, tc := range []struct {
		name string
		in   []byte
		rule string // a finding of this rule is expected ("" = no finding at all)
		line int    // its line, when > 0
		col  int
	}{
		{"empty file", nil, "syntax", 1, 1},
		{"whitespace only", []byte(" \n\t \r\n "), "syntax", 3, 2},
		{"null", []byte("null"), "not-object", 1, 1},
		{"top-level string", []byte(`"displayName"`), "not-object", 1, 1},
		{"top-level number", []byte(`42`), "not-object", 1, 1},
		{"top-level array", []byte(`[{"displayName":"a"}]`), "not-object", 1, 1},
		{"100000 levels of arrays", deep(100000, "[", "]"), "too-deep", 1, 69},
		{"100000 levels of objects", bytes.Repeat([]byte(`{"a":`), 100000), "too-deep", 1, 321},
		{"unclosed nesting", bytes.Repeat([]byte("["), 60), "syntax", 1, 61},
		{"invalid UTF-8", []byte("{\"displayName\": \"\xc3\x28\"}"), "encoding", 1, 18},
		{"overlong UTF-8", []byte("{\"displayName\": \"\xc0\xaf\"}"), "encoding", 1, 18},
		{"lone high surrogate", []byte(`{"displayName": "\ud800"}`), "encoding", 1, 18},
		{"lone low surrogate", []byte(`{"displayName": "a\udc00"}`), "encoding", 1, 19},
		{"reversed surrogate pair", []byte(`{"displayName": "\udc00\ud800"}`), "encoding", 1, 18},
		{"overlong number", []byte(`{"displayName": "a", "x": 1` + strings.Repeat("0", 5000) + `}`), "unknown-property", 1, 22},
		{"huge exponent", []byte(`{"displayName": "a", "inUse": 1e999999999}`), "type", 1, 31},
		{"NaN", []byte(`{"inUse": NaN}`), "syntax", 1, 11},
		{"-Infinity", []byte(`{"inUse": -Infinity}`), "syntax", 1, 11},
		{"line comment", []byte("{\n// c\n\"displayName\": \"a\"}"), "syntax", 2, 1},
		{"block comment", []byte("{\"displayName\": /* c */ \"a\"}"), "syntax", 1, 17},
		{"trailing comma in object", []byte(`{"displayName": "a",}`), "syntax", 1, 20},
		{"trailing comma in array", []byte(`{"scopeIds": ["a",]}`), "syntax", 1, 18},
		{"missing comma", []byte(`{"displayName": "a" "inUse": true}`), "syntax", 1, 21},
		{"duplicate at depth 1", dupAt(0), "duplicate-key", 1, 8},
		{"duplicate at depth 10", dupAt(10), "duplicate-key", 1, 58},
		{"keys differing by case", []byte(`{"displayName": "a", "DISPLAYNAME": "b"}`), "property-case", 1, 22},
		{"BOM", []byte("\xef\xbb\xbf{\"displayName\": \"a\"}"), "bom", 1, 1},
		{"BOM then error", []byte("\xef\xbb\xbf{\"displayName\": x}"), "syntax", 1, 17},
		{"UTF-16 LE BOM", []byte("\xff\xfe{\x00}\x00"), "encoding", 1, 1},
		{"CRLF", []byte("{\r\n\"displayName\": 1\r\n}"), "type", 2, 16},
		{"mixed line endings", []byte("{\r\n\"a\": 1,\n\"b\": 2,\r\"displayName\": 1}"), "type", 4, 16},
		{"control character in string", []byte("{\"displayName\": \"a\x01b\"}"), "syntax", 1, 19},
		{"raw newline in string", []byte("{\"displayName\": \"a\nb\"}"), "syntax", 1, 17},
		{"NUL byte outside strings", []byte("{\"displayName\": \"a\"}\x00"), "syntax", 1, 21},
		{"truncated", []byte(`{"displayName": "a`), "syntax", 1, 17},
		{"truncated escape", []byte(`{"displayName": "a\`), "syntax", 1, 17},
		{"bad escape", []byte(`{"displayName": "a\x"}`), "syntax", 1, 19},
		{"bad unicode escape", []byte(`{"displayName": "\u12G4"}`), "syntax", 1, 18},
		{"only a BOM", []byte("\xef\xbb\xbf"), "syntax", 1, 1},
		{"thousands of keys", manyKeys(20000), "unknown-property", 1, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := Lint(tc.in, Options{})
			var hit *Finding
			for i, f := range res.Findings {
				if f.Rule == "internal" {
					t.Fatalf("internal failure: %s", f.Message)
				}
				if f.Rule == tc.rule && hit == nil {
					hit = &res.Findings[i]
				}
			}
			if hit == nil {
				t.Fatalf("no %s finding; got %v", tc.rule, res.Findings)
			}
			if tc.line > 0 && (hit.Start.Line != tc.line || hit.Start.Column != tc.col) {
				t.Errorf("%s at %v, want %d:%d (%s)", tc.rule, hit.Start, tc.line, tc.col, hit.Message)
			}
			if hit.Message == "" {
				t.Errorf("empty message")
			}
			checkInvariants(t, tc.in, Options{}, res)
		})
	}
}

func manyKeys(n int) []byte {
	var b bytes.Buffer
	b.WriteString("{")
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `"k%d":%d`, i, i)
	}
	b.WriteString("}")
	return b.Bytes()
}

// TestTooLargeReadsNothing: past the limit nothing is parsed, whatever the
// bytes are.
func TestTooLargeReadsNothing(t *testing.T) {
	in := bytes.Repeat([]byte("\xff["), 1<<20)
	res := Lint(in, Options{MaxSize: 1 << 20})
	if len(res.Findings) != 1 || res.Findings[0].Rule != "too-large" || res.Changed {
		t.Fatalf("got %v", res.Findings)
	}
}

// historyPayload returns a body of about size bytes shaped like a GET
// response pasted as a body: a long health-check history, the realistic way
// for an AzureConnection document to grow big.
func historyPayload(size int) []byte {
	var b bytes.Buffer
	b.WriteString(`{
  "@odata.type": "#microsoft.graph.cloudPcOnPremisesConnection",
  "displayName": "Contoso ANC",
  "subscriptionId": "0ac520ee-14c0-480f-b6c9-0a90c585ffff",
  "adDomainName": "corp.contoso.com",
  "healthCheckStatusDetail": {
    "@odata.type": "microsoft.graph.cloudPcOnPremisesConnectionStatusDetail",
    "startDateTime": "2020-11-03T12:43:14Z",
    "endDateTime": "2020-11-03T12:43:32Z",
    "healthChecks": [`)
	for i := 0; b.Len() < size-512; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `
      {
        "@odata.type": "microsoft.graph.cloudPcOnPremisesConnectionHealthCheck",
        "status": "failed",
        "displayName": "Azure AD device sync check %d",
        "startDateTime": "2020-11-03T12:43:14Z",
        "endDateTime": "2020-11-03T12:43:15Z",
        "errorType": "dnsCheckFqdnNotFound",
        "recommendedAction": "We did not find the provided domain name; please re-enter",
        "additionalDetail": null,
        "correlationId": "992e64f0-231c-46b0-8918-c5aed0585f53"
      }`, i)
	}
	b.WriteString("\n    ]\n  }\n}\n")
	return b.Bytes()
}

// bigPayload returns a valid body of about size bytes: many tiny scope IDs,
// the shape that costs the most per byte.
func bigPayload(size int) []byte {
	var b bytes.Buffer
	b.WriteString("{\n  \"displayName\": \"Contoso ANC\",\n  \"scopeIds\": [")
	for i := 0; b.Len() < size-64; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "\"%d\"", i)
	}
	b.WriteString("]\n}\n")
	return b.Bytes()
}

// TestMemoryBounded: a 4 MiB payload is linted with less than 64 MiB of
// heap allocated in all.
func TestMemoryBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates a 4 MiB payload")
	}
	opts := Options{Target: OnPremisesConnection}
	for _, tc := range []struct {
		name   string
		in     []byte
		budget uint64
	}{
		{"health-check history", historyPayload(DefaultMaxSize), 64 << 20},
		// The adversarial shape, one value per 7 bytes: its figure is in
		// the README; the budget here only guards against regressions.
		{"tiny scope IDs", bigPayload(DefaultMaxSize), 256 << 20},
	} {
		Lint([]byte(`{}`), opts) // warm the schema cache
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		res := Lint(tc.in, opts)
		runtime.ReadMemStats(&after)
		total := after.TotalAlloc - before.TotalAlloc
		t.Logf("%s, %d bytes: %d findings, %.1f MiB allocated", tc.name, len(tc.in), len(res.Findings), float64(total)/(1<<20))
		if total > tc.budget {
			t.Errorf("%s: allocated %.1f MiB, budget %d MiB", tc.name, float64(total)/(1<<20), tc.budget>>20)
		}
	}
}
