# azconn — see README.md. `make run` and `make test` are the two commands.
SHELL := /bin/bash
GO    ?= go
BIN   := bin
ADDR  ?= 127.0.0.1:8080
FUZZTIME ?= 60s
SEED  := examples/seed-request.json

.PHONY: all build test run bench fuzz tools clean vet test-go test-wasm test-race

all: build

## --- core (validate, schema) -------------------------------------------
build:
	$(GO) build ./...
	$(GO) build -buildvcs=auto -trimpath -o $(BIN)/azconnlint ./cmd/azconnlint

vet:
	$(GO) vet ./...
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

test-go:
	$(GO) test -count=1 ./...

# The engine from many goroutines under the race detector.
test-race:
	$(GO) test -count=1 -race -run 'TestConcurrentLint|TestGolden' ./validate/

# The library under Node, as the page runs it.
test-wasm:
	GOOS=js GOARCH=wasm $(GO) test -count=1 -exec="$$($(GO) env GOROOT)/lib/wasm/go_js_wasm_exec" ./validate/... ./schema/...

# Lint beside json.Unmarshal of the same bytes, in one run, compared by
# benchstat (pinned; fetched through the Go module proxy on first use).
BENCHSTAT := golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da
BENCHCOUNT ?= 10
bench:
	$(GO) test -run='^$$' -bench=. -benchmem -count=$(BENCHCOUNT) ./validate/ | tee bench.txt
	$(GO) run $(BENCHSTAT) -col .name -row /payload bench.txt

# Each fuzz target for FUZZTIME (default 60s); crashers land in
# validate/testdata/fuzz/<target>/ and then run as regression tests.
FUZZ_TARGETS ?= FuzzLint FuzzNormalize FuzzSecrets FuzzDomainValues FuzzForms FuzzFormSecrets
fuzz:
	@for f in $(FUZZ_TARGETS); do \
	  echo "== $$f ($(FUZZTIME))"; \
	  $(GO) test -run='^$$' -fuzz="^$$f\$$" -fuzztime=$(FUZZTIME) ./validate/ || exit 1; \
	done

## --- web: the WebAssembly playground (wasm/, web/) ----------------------
.PHONY: web test-web
WEB_DIST := web/dist
# main.wasm after gzip -9, in bytes (1.8 MB).
WASM_GZ_BUDGET := 1800000

web/node_modules/.azconn-stamp: web/package.json web/package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing; run: apt-get install -y npm" >&2; exit 1; }
	cd web && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

web: web/node_modules/.azconn-stamp
	cd web && node build.mjs
	GOOS=js GOARCH=wasm $(GO) build -buildvcs=auto -trimpath -ldflags="-s -w" -o $(WEB_DIST)/main.wasm ./wasm
	cp "$$($(GO) env GOROOT)/lib/wasm/wasm_exec.js" $(WEB_DIST)/

# The page in headless Chromium (chromedp), and the wasm size budget.
test-web: web
	@raw=$$(wc -c < $(WEB_DIST)/main.wasm); gz=$$(gzip -9 -c $(WEB_DIST)/main.wasm | wc -c); \
	echo "main.wasm: $$raw bytes, $$gz bytes after gzip -9 (budget $(WASM_GZ_BUDGET))"; \
	if [ $$gz -gt $(WASM_GZ_BUDGET) ]; then echo "main.wasm is over its size budget" >&2; exit 1; fi
	GOOS=js GOARCH=wasm $(GO) vet ./wasm/
	GOOS=js GOARCH=wasm $(GO) test -count=1 -exec="$$($(GO) env GOROOT)/lib/wasm/go_js_wasm_exec" ./wasm/
	cd web && node --test test/
	$(GO) vet -tags browser ./web/
	$(GO) test -tags browser -count=1 -v -run '^TestPlayground$$' ./web/

## --- CLI: cmd/azconnlint, pre-commit hooks, speed ---------------------
.PHONY: test-cli test-precommit bench-cli
# The CLI end to end (testscript suite on the built command) and its units.
test-cli:
	$(GO) vet ./cmd/azconnlint/
	$(GO) test -count=1 ./cmd/azconnlint/

# `pre-commit try-repo` of .pre-commit-hooks.yaml on a scratch repository.
test-precommit:
	bash scripts/test-precommit.sh

# azconnlint vs ajv-cli (npm, pinned in bench/) under hyperfine, 1 and 1,000 files.
bench-cli: build
	bash bench/bench-cli.sh $(BIN)/azconnlint

## --- tools: installs Debian packages the tests need, when root ----------
tools:
	@bash scripts/ensure-tools.sh

test: tools vet test-go test-race test-wasm test-web test-cli test-precommit

run: build web
	-$(BIN)/azconnlint $(SEED)
	@echo "--- normalized payload: $(BIN)/azconnlint --fix - < $(SEED)"
	-@$(BIN)/azconnlint --fix - < $(SEED) 2>/dev/null
	$(GO) run ./web/serve.go -addr $(ADDR) -dir $(WEB_DIST)

clean:
	rm -rf $(BIN) bench.txt $(WEB_DIST)
