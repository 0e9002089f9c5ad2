package validate

import (
	"runtime/debug"
	"syscall"
	"testing"
)

// An input over MaxSize is refused in O(1): Lint reads none of its bytes
// past the first few. The input's memory past its first page is mapped
// without access, so a read of it faults (a panic under SetPanicOnFault,
// which Lint would turn into an internal finding).
func TestTooLargeUnread(t *testing.T) {
	page := syscall.Getpagesize()
	size := 64 << 20
	mem, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Munmap(mem)
	copy(mem, `{"displayName": "`)
	if err := syscall.Mprotect(mem[page:], syscall.PROT_NONE); err != nil {
		t.Fatal(err)
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	l, err := New(Options{MaxSize: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	for _, form := range []Form{"", FormJSON, FormHTTP, FormMarkdown} {
		for name, res := range map[string]Result{
			"Lint":        Lint(mem, Options{MaxSize: 1 << 20, Form: form}),
			"LintRequest": func() Result { r, _ := l.LintRequest("PATCH", liveItem, mem); return r }(),
		} {
			if len(res.Findings) != 1 || res.Findings[0].Rule != "too-large" || len(res.Requests) != 1 || res.Changed {
				t.Errorf("%s, form %q: %v", name, form, res.Findings)
			}
		}
	}
}
