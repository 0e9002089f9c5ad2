// Command azconnlint lints and normalizes the JSON body of a Microsoft Graph
// AzureConnection PATCH request (or, with --target onPremisesConnection, of
// its live successor cloudPcOnPremisesConnection).
//
// Usage:
//
//	azconnlint [flags] [path ...]
//	azconnlint lsp
//
// The lsp subcommand is the language server (LSP 3.17 on standard input
// and output, package internal/lsp) for any editor.
//
// Paths are files or directories (walked for *.json, *.http and *.rest, and
// *.md with --markdown, skipping .git and node_modules); none or "-" reads
// standard input, whose form (a JSON body, an HTTP request, a .http file,
// Markdown) is sniffed, or named by --stdin-filename or --form. Findings are printed as
// text (the default; azure under Azure Pipelines, github under GitHub
// Actions), compact, json, sarif (2.1.0), github (workflow commands), azure
// (logging commands), junit, gitlab (Code Quality) or checkstyle, and
// --output FORMAT=PATH writes more reports in the same run. Nothing taken
// from the input forms a pipeline command in any of them. --fix writes the
// normalized payload back, --diff shows what --fix would change.
//
// Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it;
// 2 usage error; 3 a path could not be read or written (the others are still
// linted).
//
// All knowledge about JSON lives in package validate; this command only
// parses flags, walks paths, runs files in parallel, formats and writes.
package main

import (
	"io"
	"os"
	"runtime/debug"
)

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		// A soft limit: the GC works harder near it, not a cap. A 4 MiB
		// .http file of 300,000 requests holds 170 MB live; the default
		// pacing let the heap reach twice that (350-380 MB RSS, 205-210
		// MB with this; TestJSONReportCap).
		debug.SetMemoryLimit(memoryLimit)
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// memoryLimit is the CLI's soft memory limit unless GOMEMLIMIT sets one.
const memoryLimit = 200 << 20

// Exit codes (SPEC §8).
const (
	exitOK       = 0
	exitFindings = 1
	exitUsage    = 2
	exitIO       = 3
)

// run is main without the process: it returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "lsp" {
		return runLSP(args[1:], stdin, stdout, stderr)
	}
	cfg, code, done := parseArgs(args, stdout, stderr)
	if done {
		return code
	}
	return lintAll(cfg, stdin, stdout, stderr)
}
