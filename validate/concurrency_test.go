package validate

import (
	"bytes"
	"sync"
	"testing"
)

// TestConcurrentLint lints every golden input from many goroutines with
// both targets at once and expects each result to equal the sequential
// one. Run under -race in make test.
func TestConcurrentLint(t *testing.T) {
	cases := loadCases(t)
	targets := []Target{AzureConnection, OnPremisesConnection}
	type key struct {
		i int
		t Target
	}
	want := map[key]Result{}
	for i, c := range cases {
		for _, tg := range targets {
			want[key{i, tg}] = Lint(c.in, Options{Target: tg, DropReadOnly: c.opts.DropReadOnly})
		}
	}
	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i, c := range cases {
				tg := targets[(i+g)%2]
				got := Lint(c.in, Options{Target: tg, DropReadOnly: c.opts.DropReadOnly})
				w := want[key{i, tg}]
				if !bytes.Equal(got.Normalized, w.Normalized) || len(got.Findings) != len(w.Findings) {
					select {
					case errs <- c.name + " " + string(tg):
					default:
					}
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("concurrent result differs: %s", e)
	}
}
