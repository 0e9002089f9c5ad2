package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/azconn/azconn/validate"
)

// TestGenerated fails when wasm/info_gen.go is not what geninfo writes
// from today's catalogue: run go generate ./wasm/geninfo/.
func TestGenerated(t *testing.T) {
	want, err := generate()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../info_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("wasm/info_gen.go is stale (%d bytes, %d expected): run go generate ./wasm/geninfo/", len(got), len(want))
	}
}

// TestInfo: the constant holds every target and rule and the size limit.
func TestInfo(t *testing.T) {
	src, err := generate()
	if err != nil {
		t.Fatal(err)
	}
	_, lit, _ := strings.Cut(string(src), "const infoJSON = ")
	s, err := strconv.Unquote(strings.TrimSpace(lit))
	if err != nil {
		t.Fatal(err)
	}
	var got info
	if err := json.Unmarshal([]byte(s), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Targets) != len(validate.Targets()) || len(got.Rules) != len(validate.Rules()) || got.MaxSize != validate.DefaultMaxSize {
		t.Errorf("info = %d targets, %d rules, maxSize %d; want %d, %d, %d", len(got.Targets), len(got.Rules), got.MaxSize,
			len(validate.Targets()), len(validate.Rules()), validate.DefaultMaxSize)
	}
}
