package forms

import (
	"slices"
	"strings"
	"testing"
)

func TestSniff(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Form
	}{
		{"", JSON},
		{"  {\"a\": 1}", JSON},
		{"\ufeff[1]", JSON},
		{`"s"`, JSON},
		{"garbage", JSON},
		{"PATCH https://graph.microsoft.com/beta/x\n\n{}", HTTP},
		{"patch\t/beta/x HTTP/1.1\n", HTTP},
		{"\ufeffPOST /beta/x\n", HTTP},
		{"# a comment\nPATCH /beta/x\n", HTTPFile},
		{"// a comment\nPATCH /beta/x\n", HTTPFile},
		{"@host = graph.microsoft.com\nPATCH https://{{host}}/beta/x\n", HTTPFile},
		{"PATCH /beta/x\n\n{}\n###\nPATCH /beta/y\n", HTTPFile},
		{"< {%\n request.variables.set('a', 1)\n%}\nPATCH /beta/x\n", HTTPFile},
		{"```http\nPATCH /beta/x\n```\n", Markdown},
		{"# Title\n\nSome text.\n\n```json\n{}\n```\n", Markdown},
		{"PATCH not-a-url\n", JSON},
	} {
		if got := Sniff([]byte(tt.in)); got != tt.want {
			t.Errorf("Sniff(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestForName(t *testing.T) {
	for name, want := range map[string]Form{
		"a.json": JSON, "b.JSON": JSON, "c.http": HTTPFile, "d.rest": HTTPFile, "e.md": Markdown,
		"f.markdown": Markdown, "g.txt": "", "h": "",
	} {
		if got := ForName(name); got != want {
			t.Errorf("ForName(%q) = %q, want %q", name, got, want)
		}
	}
}

// texts returns what each span of data says.
func texts(data string, spans ...Span) []string {
	var out []string
	for _, s := range spans {
		out = append(out, data[s.Start:s.End])
	}
	return out
}

func TestParseHTTP(t *testing.T) {
	in := "@host = graph.microsoft.com\n" +
		"# first\n" +
		"PATCH https://{{host}}/beta/x/1 HTTP/1.1\n" +
		"Content-Type:  application/json \n" +
		"// a comment among the headers\n" +
		"Host: example\n" +
		"\n" +
		"{\"a\": 1}\n" +
		"\n" +
		"> {% client.test() %}\n" +
		"###\n" +
		"POST /beta/x\n" +
		"    ?$select=id\n" +
		"    &$top=1 HTTP/2\n" +
		"\n" +
		"< ./body.json\n" +
		"###\n" +
		"not a request\n" +
		"###\n" +
		"GET /beta/x\n"
	reqs := ParseHTTP([]byte(in), 0)
	if len(reqs) != 3 {
		t.Fatalf("ParseHTTP found %d requests, want 3: %+v", len(reqs), reqs)
	}
	r := reqs[0]
	if got, want := texts(in, r.Method, r.Target, r.Version), []string{"PATCH", "https://{{host}}/beta/x/1", "HTTP/1.1"}; !slices.Equal(got, want) {
		t.Errorf("request line = %q, want %q", got, want)
	}
	var hs []string
	for _, h := range r.Headers {
		hs = append(hs, texts(in, h.Name, h.Value)...)
	}
	if want := []string{"Content-Type", "application/json", "Host", "example"}; !slices.Equal(hs, want) {
		t.Errorf("headers = %q, want %q", hs, want)
	}
	if h, ok := r.Header([]byte(in), "content-type"); !ok || texts(in, h.Value)[0] != "application/json" {
		t.Errorf("Header(content-type) = %v, %v", h, ok)
	}
	if !r.HasBody || r.BodyFile || texts(in, r.Body)[0] != "{\"a\": 1}\n" {
		t.Errorf("body = %v %q (file %v), want the JSON line with its break", r.HasBody, texts(in, r.Body), r.BodyFile)
	}
	if r.Start != strings.Index(in, "PATCH") || r.End != r.Body.End {
		t.Errorf("request span = [%d, %d), want [%d, %d)", r.Start, r.End, strings.Index(in, "PATCH"), r.Body.End)
	}
	if r.Vars["host"] != "graph.microsoft.com" {
		t.Errorf("Vars = %v", r.Vars)
	}
	r = reqs[1]
	if got, want := texts(in, append([]Span{r.Target, r.Version}, r.Query...)...), []string{"/beta/x", "HTTP/2", "?$select=id", "&$top=1"}; !slices.Equal(got, want) {
		t.Errorf("continued request line = %q, want %q", got, want)
	}
	if !r.HasBody || !r.BodyFile {
		t.Errorf("a < ./file body: HasBody %v, BodyFile %v", r.HasBody, r.BodyFile)
	}
	if r = reqs[2]; r.HasBody || texts(in, r.Method)[0] != "GET" || len(r.Headers) != 0 {
		t.Errorf("GET request = %+v", r)
	}
	if n := len(ParseHTTP([]byte("\ufeffPATCH /beta/x\n"), 3)); n != 1 {
		t.Errorf("after a byte order mark: %d requests, want 1", n)
	}
}

func TestParseMarkdown(t *testing.T) {
	in := "# Example\n\n" +
		"<!-- { \"blockType\": \"ignored\" } -->\n" +
		"```http\nPATCH /beta/x/ignored\n```\n\n" +
		"```http\nPATCH /beta/x/1\nContent-Type: application/json\n```\n\n" +
		"  ```json\n  {\"a\": 1}\n  ```\n\n" +
		"```http\nHTTP/1.1 200 OK\n```\n" +
		"```http\nPOST /beta/x/1/runHealthChecks\n```\n" +
		"```json\n{\"response\": 1}\n```\n"
	reqs := ParseMarkdown([]byte(in), 0)
	if len(reqs) != 2 {
		t.Fatalf("ParseMarkdown found %d requests, want 2: %+v", len(reqs), reqs)
	}
	r := reqs[0]
	if texts(in, r.Target)[0] != "/beta/x/1" || !r.HasBody || texts(in, r.Body)[0] != "  {\"a\": 1}\n" || r.Indent != 2 {
		t.Errorf("request with a json block as body: target %q, body %q, indent %d", texts(in, r.Target), texts(in, r.Body), r.Indent)
	}
	if r.End != r.Body.End {
		t.Errorf("the request ends at %d, its body at %d", r.End, r.Body.End)
	}
	if r = reqs[1]; r.HasBody {
		t.Errorf("runHealthChecks took the json block after it as its body: %q", texts(in, r.Body))
	}
	if got := Parse([]byte(in), Markdown, 0); len(got) != 2 {
		t.Errorf("Parse(Markdown) found %d requests, want 2", len(got))
	}
	if got := Parse([]byte(in), HTTPFile, 0); len(got) != 0 {
		t.Errorf("Parse(HTTPFile) of Markdown found %d requests, want none", len(got))
	}
}

func TestSubstituteTemplates(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		spans    []Span
	}{
		{`{"a": 1}`, `{"a": 1}`, nil},
		{`{"a": {{x}}, "b": "{{y}}"}`, `{"a": "{x}", "b": "{{y}}"}`, []Span{{Start: 6, End: 11}}},
		{`{"a": {{ my var }}}`, `{"a": "{ my var }"}`, []Span{{Start: 6, End: 18}}},
		{`{"a": "\"{{y}}", "b":{{z}}}`, `{"a": "\"{{y}}", "b":"{z}"}`, []Span{{Start: 21, End: 26}}},
		{`{"a": {{x}`, `{"a": {{x}`, nil},
		{`{"a": {{x"y}}}`, `{"a": {{x"y}}}`, nil},
	} {
		got, spans := SubstituteTemplates([]byte(tt.in))
		if string(got) != tt.want || !slices.Equal(spans, tt.spans) {
			t.Errorf("SubstituteTemplates(%s) = %s %v, want %s %v", tt.in, got, spans, tt.want, tt.spans)
		}
		if len(got) != len(tt.in) {
			t.Errorf("SubstituteTemplates(%s) changed the length", tt.in)
		}
	}
}

func TestBlankComments(t *testing.T) {
	in := "{\n# one\n  // two\r\n\"a\": 1 // not a line comment\n}"
	got, any := BlankComments([]byte(in))
	want := "{\n     \n        \r\n\"a\": 1 // not a line comment\n}"
	if string(got) != want || !any {
		t.Errorf("BlankComments = %q, %v, want %q, true", got, any, want)
	}
	if got, any := BlankComments([]byte("{}\n")); string(got) != "{}\n" || any {
		t.Errorf("BlankComments of no comment = %q, %v", got, any)
	}
}

func TestStripIndent(t *testing.T) {
	for _, tt := range []struct {
		in   string
		n    int
		want string
	}{
		{"  {\n    \"a\": 1\n  }\n", 2, "{\n  \"a\": 1\n}\n"},
		{" {\r\n\"a\": 1\r\n   }", 2, "{\r\n\"a\": 1\r\n }"},
		{"  x", 0, "  x"},
	} {
		if got := StripIndent([]byte(tt.in), tt.n); string(got) != tt.want {
			t.Errorf("StripIndent(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}
