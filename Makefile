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

# web/ is a module of its own (web/go.mod: the browser test's chromedp and
# cdproto stay out of the library's module graph), so it is named apart.
vet:
	$(GO) vet ./...
	$(GO) vet -C web ./...
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

test-go:
	$(GO) test -count=1 ./...
	$(GO) test -C web -count=1 ./...

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
# Then the scaling shapes (validate/scaling_test.go) at three sizes each,
# through Lint and Redact, and their growth per doubling of the input
# (scripts/doubling.awk: 2.0 is linear).
SCALECOUNT ?= 3
bench:
	$(GO) test -run='^$$' -bench='^Benchmark(Lint|Unmarshal)$$' -benchmem -count=$(BENCHCOUNT) ./validate/ | tee bench.txt
	$(GO) run $(BENCHSTAT) -col .name -row /payload bench.txt
	$(GO) test -run='^$$' -bench='Scaling' -benchmem -benchtime=3x -count=$(SCALECOUNT) -timeout=30m ./validate/ | tee bench-scaling.txt
	$(GO) run $(BENCHSTAT) bench-scaling.txt
	awk -f scripts/doubling.awk bench-scaling.txt

# Each fuzz target for FUZZTIME (default 60s); crashers land in
# validate/testdata/fuzz/<target>/ (internal/schemaengine/testdata/fuzz/
# for FuzzOracle, config/testdata/fuzz/ for FuzzParse,
# internal/jsontext/testdata/fuzz/ for FuzzTree) and then run as
# regression tests. scripts/fuzz.sh tells
# a failing input from Go 1.26's deadline race at the end of -fuzztime.
FUZZ_TARGETS ?= FuzzLint FuzzNormalize FuzzSecrets FuzzDomainValues FuzzForms FuzzFormSecrets FuzzLintRequest
fuzz:
	@for f in $(FUZZ_TARGETS); do \
	  echo "== $$f ($(FUZZTIME))"; \
	  bash scripts/fuzz.sh validate $$f $(FUZZTIME) || exit 1; \
	done
	@echo "== FuzzOracle ($(FUZZTIME)): the schema engine against the general one"
	bash scripts/fuzz.sh internal/schemaengine FuzzOracle $(FUZZTIME)
	@echo "== FuzzParse ($(FUZZTIME)): the configuration loader"
	bash scripts/fuzz.sh config FuzzParse $(FUZZTIME)
	@echo "== FuzzTree ($(FUZZTIME)): the JSON parser against encoding/json"
	bash scripts/fuzz.sh internal/jsontext FuzzTree $(FUZZTIME)

## --- web: the WebAssembly playground (wasm/, web/) ----------------------
.PHONY: web test-web
WEB_DIST := web/dist
# Every file of the page as a browser transfers it (brotli), together, in
# bytes (1.3 MB; 1.28 MB after the merges of issue 22's round).
WEB_BR_BUDGET := 1300000
# main.wasm's size in brotli bytes (Go 1.26). Since the schema validator is
# azconn's own (internal/schemaengine) rather than santhosh-tekuri/jsonschema
# with golang.org/x/text and math/big: 1,115,062 with GOWASM=satconv,signext
# (sign extension and saturating conversions, in every browser since 2021),
# 1,093,700 with fmt and reflect (messages, the bridge's JSON) not inlined
# either, against 1,354,852 the same way with the general engine (and
# 1,102,346 at the end of that round). No
# inlining in encoding/json would save 4 KB more; no inlining anywhere
# made the 100 KB lint 1.5-2x slower, so the engine (validate) keeps it.
# The features of issues 17, 19, 20, 23 and 24 took it to 1,189,408
# (raw 6,091,023; the page 1,325,162, over budget): context.Context in the
# engine linked the time package (its Deadline returns a time.Time), 30 KB.
# The engine now keeps only an Err() interface: 1,158,998. Identity's
# Fingerprint (crypto/sha256 and the FIPS 140 self-tests) is not built for
# GOOS=js: 1,119,616 (raw 5,764,605; 1,116,443 as make web writes it), the page
# 1,250,966. Issues 19 and 23 (the layers, the allocation bound) left it at
# 1,118,535 (raw 5,723,569) against 1,118,786 (raw 5,765,218) before them,
# after validate's sorts left slices' generic instantiations (about 27 KB
# raw). To find what grew: build without -s -w and sum the wasm name
# section's function sizes per package.
WASM_GOWASM := satconv,signext
WASM_GCFLAGS := -gcflags=fmt=-l -gcflags=reflect=-l

web/node_modules/.azconn-stamp: web/package.json web/package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing; run: apt-get install -y npm" >&2; exit 1; }
	cd web && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# main.wasm first (build.mjs puts its size in boot.js for the progress
# line), replaced only when it changed; then the bundle; then a .br
# (Debian's brotli) and a .gz beside each file that is newer than them.
web: web/node_modules/.azconn-stamp
	@command -v brotli >/dev/null || { echo "brotli is missing; run: make tools (or apt-get install -y brotli)" >&2; exit 1; }
	@mkdir -p $(WEB_DIST)
	GOOS=js GOARCH=wasm GOWASM=$(WASM_GOWASM) $(GO) build -buildvcs=auto -trimpath $(WASM_GCFLAGS) -ldflags="-s -w" -o $(WEB_DIST)/main.wasm.new ./wasm
	@if cmp -s $(WEB_DIST)/main.wasm.new $(WEB_DIST)/main.wasm; then rm $(WEB_DIST)/main.wasm.new; else mv $(WEB_DIST)/main.wasm.new $(WEB_DIST)/main.wasm; fi
	@rm -f $(WEB_DIST)/wasm_exec.js $(WEB_DIST)/wasm_exec.js.br $(WEB_DIST)/wasm_exec.js.gz
	cd web && node build.mjs
	@for f in $(WEB_DIST)/*; do \
	  case $$f in *.br|*.gz) continue;; esac; \
	  [ $$f.br -nt $$f ] || { echo "brotli $$f"; brotli -f -q 11 -o $$f.br $$f; }; \
	  [ $$f.gz -nt $$f ] || gzip -9 -n -k -f $$f; \
	done

# The page in headless Chromium (chromedp), and the transfer budget.
test-web: web
	@total=0; for f in $(WEB_DIST)/*.br; do n=$$(wc -c < $$f); total=$$((total + n)); printf '%-28s %9d bytes (brotli), %9d raw\n' $${f#$(WEB_DIST)/} $$n $$(wc -c < $${f%.br}); done; \
	echo "all files over the wire (brotli): $$total bytes (budget $(WEB_BR_BUDGET))"; \
	if [ $$total -gt $(WEB_BR_BUDGET) ]; then echo "the page is over its transfer budget" >&2; exit 1; fi
	GOOS=js GOARCH=wasm $(GO) vet ./wasm/
	GOOS=js GOARCH=wasm $(GO) test -count=1 -exec="$$($(GO) env GOROOT)/lib/wasm/go_js_wasm_exec" ./wasm/
	cd web && node --test test/
	$(GO) vet -C web -tags browser ./...
	$(GO) test -C web -tags browser -count=1 -v -run '^TestPlayground$$' .

## --- CLI: cmd/azconnlint, pre-commit hooks, speed ---------------------
.PHONY: test-cli test-precommit bench-cli
# The CLI end to end (testscript suite on the built command: its own
# module, cmd/azconnlint/e2e, for testscript and gjson) and its units.
test-cli:
	$(GO) vet ./cmd/azconnlint/
	$(GO) test -count=1 ./cmd/azconnlint/
	$(GO) vet -C cmd/azconnlint/e2e ./...
	$(GO) test -C cmd/azconnlint/e2e -count=1 ./...

# `pre-commit try-repo` of .pre-commit-hooks.yaml on a scratch repository.
test-precommit:
	bash scripts/test-precommit.sh

# azconnlint vs ajv-cli (npm, pinned in bench/) under hyperfine, 1 and 1,000 files.
bench-cli: build
	bash bench/bench-cli.sh $(BIN)/azconnlint

## --- the language server: internal/lsp, `azconnlint lsp` ---------------
.PHONY: test-lsp bench-lsp
# The protocol harness (transcript goldens) under the race detector (-short:
# the 10,000 edits run without it in test-go, 0.7 s against 23 s), then
# the real client: headless Neovim (Debian's neovim; CI=true requires it).
test-lsp:
	$(GO) vet ./internal/lsp/
	$(GO) test -count=1 -race -short ./internal/lsp/
	$(GO) test -count=1 -v -run '^TestNeovim$$' ./cmd/azconnlint/

# didChange of a 20 KB payload to its diagnostics, over the framed pipes.
bench-lsp:
	$(GO) test -run='^$$' -bench='^BenchmarkDidChange' -benchmem -count=5 ./internal/lsp/

## --- tools: installs Debian packages the tests need, when root ----------
tools:
	@bash scripts/ensure-tools.sh

test: tools vet test-go test-race test-wasm test-web test-cli test-precommit test-lsp

run: build web
	-$(BIN)/azconnlint $(SEED)
	@echo "--- normalized payload: $(BIN)/azconnlint --fix - < $(SEED)"
	-@$(BIN)/azconnlint --fix - < $(SEED) 2>/dev/null
	$(GO) run -C web ./serve.go -addr $(ADDR) -dir $(CURDIR)/$(WEB_DIST)

clean:
	rm -rf $(BIN) bench.txt bench-scaling.txt $(WEB_DIST)
