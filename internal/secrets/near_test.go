package secrets

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/azconn/azconn/internal/suggest"
)

// TestASCIIDistance agrees with suggest.Distance.
func TestASCIIDistance(t *testing.T) {
	for _, a := range []string{"", "adDomainPassword", "ADDOMAINPASWORD", "adDomainPasswrod", "x", "adDomianPassword!!", "displayName"} {
		d, ok := asciiDistance(a, "adDomainPassword")
		if !ok || d != suggest.Distance(a, "adDomainPassword") {
			t.Errorf("%q: %d, want %d", a, d, suggest.Distance(a, "adDomainPassword"))
		}
	}
	if _, ok := asciiDistance("adDomainPasswörd", "adDomainPassword"); ok {
		t.Errorf("non-ASCII accepted")
	}
	// Random names over a small alphabet in both cases, b up to the 64
	// characters of one machine word.
	r := rand.New(rand.NewPCG(3, 4))
	word := func(n int) string { return randomWord(r, "abcABC", n) }
	for range 5000 {
		a, b := word(r.IntN(70)), word(r.IntN(65))
		if d, ok := asciiDistance(a, b); !ok || d != suggest.Distance(a, b) {
			t.Fatalf("asciiDistance(%q, %q) = %d, %v; want %d", a, b, d, ok, suggest.Distance(a, b))
		}
	}
	if _, ok := asciiDistance("a", strings.Repeat("b", 65)); ok {
		t.Error("a name of 65 characters accepted")
	}
}

// randomWord returns n bytes drawn from alphabet.
func randomWord(r *rand.Rand, alphabet string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}
