// Fingerprint is not built for GOOS=js (see fingerprint.go).

//go:build !js

package validate

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"
)

func TestFingerprintIsSHA256OfFieldsJoinedByNUL(t *testing.T) {
	id := Identity{Rule: "enum-case", Path: "p/a.json", Request: 2, Pointer: "/healthCheckStatus", Occurrence: 11}
	sum := sha256.Sum256([]byte("enum-case\x00p/a.json\x002\x00/healthCheckStatus\x0011"))
	if got, want := id.Fingerprint(), hex.EncodeToString(sum[:]); got != want {
		t.Fatalf("Fingerprint = %s, want %s", got, want)
	}
	if fp := id.Fingerprint(); len(fp) != 64 || strings.ToLower(fp) != fp {
		t.Fatalf("Fingerprint %q is not lowercase hex SHA-256", fp)
	}
	// Each field takes part: changing any one changes the fingerprint.
	variants := []Identity{
		{Rule: "enum", Path: id.Path, Request: id.Request, Pointer: id.Pointer, Occurrence: id.Occurrence},
		{Rule: id.Rule, Path: "p/b.json", Request: id.Request, Pointer: id.Pointer, Occurrence: id.Occurrence},
		{Rule: id.Rule, Path: id.Path, Request: 3, Pointer: id.Pointer, Occurrence: id.Occurrence},
		{Rule: id.Rule, Path: id.Path, Request: id.Request, Pointer: "/type", Occurrence: id.Occurrence},
		{Rule: id.Rule, Path: id.Path, Request: id.Request, Pointer: id.Pointer, Occurrence: 1},
	}
	for _, v := range variants {
		if v.Fingerprint() == id.Fingerprint() {
			t.Errorf("%+v has the same fingerprint as %+v", v, id)
		}
	}
}

// TestIdentitiesIgnoreLineMoves lints a payload, then the same payload with
// blank lines above it: positions move, identities do not.
func TestIdentitiesIgnoreLineMoves(t *testing.T) {
	body := `{"displayName": " x ", "healthCheckStatus": "Passed", "displayName": "y"}`
	a := Lint([]byte(body), Options{})
	b := Lint([]byte("\n\n\n"+body), Options{})
	if len(a.Findings) == 0 {
		t.Fatal("the payload has no findings; the test proves nothing")
	}
	ia, ib := Identities("a.json", a.Findings), Identities("a.json", b.Findings)
	if len(ia) != len(ib) {
		t.Fatalf("%d vs %d findings", len(ia), len(ib))
	}
	for i := range ia {
		if a.Findings[i].Start.Line == b.Findings[i].Start.Line {
			t.Fatalf("finding %d did not move; the test proves nothing", i)
		}
		if ia[i].Fingerprint() != ib[i].Fingerprint() {
			t.Errorf("finding %d: fingerprint changed when lines moved: %+v vs %+v", i, ia[i], ib[i])
		}
	}
}

// The identity of each finding, for a baseline or a CI report's
// fingerprint: the path is relative to the project root.
func ExampleIdentities() {
	res := Lint([]byte(`{"displayName": "a", "displayName": "b", "displayName": "c"}`), Options{})
	for _, id := range Identities("payloads/conn.json", res.Findings) {
		fmt.Println(id.Rule, id.Path, id.Request, id.Pointer, id.Occurrence, id.Fingerprint()[:12])
	}
	// Output:
	// duplicate-key payloads/conn.json 0 /displayName 0 a1ebf331208e
	// duplicate-key payloads/conn.json 0 /displayName 1 d0fd1c89b638
}
