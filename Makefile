# azconn — see README.md. `make run` and `make test` are the two commands.
SHELL := /bin/bash
GO    ?= go
BIN   := bin
ADDR  ?= 127.0.0.1:8080
FUZZTIME ?= 60s
SEED  := examples/seed-request.json

.PHONY: all build test run bench fuzz tools clean vet test-go test-wasm

all: build

## --- core (validate, schema) -------------------------------------------
build:
	$(GO) build ./...
	$(GO) build -trimpath -o $(BIN)/azconnlint ./cmd/azconnlint

vet:
	$(GO) vet ./...
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

test-go:
	$(GO) test -count=1 ./...

# The library under Node, as the page runs it.
test-wasm:
	GOOS=js GOARCH=wasm $(GO) test -count=1 -exec="$$($(GO) env GOROOT)/lib/wasm/go_js_wasm_exec" ./validate/... ./schema/...

bench:
	$(GO) test -run='^$$' -bench=. -benchmem -count=6 ./validate/ | tee bench.txt

fuzz:
	$(GO) test -run='^$$' -fuzz=FuzzLint -fuzztime=$(FUZZTIME) ./validate/

## --- tools: installs Debian packages the tests need, when root ----------
tools:
	@bash scripts/ensure-tools.sh

test: tools vet test-go test-wasm

run: build
	-$(BIN)/azconnlint $(SEED)

clean:
	rm -rf $(BIN) bench.txt
