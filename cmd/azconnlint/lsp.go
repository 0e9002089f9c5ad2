package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/azconn/azconn/internal/lsp"
)

// runLSP is `azconnlint lsp`: the language server on standard input and
// output until the client says exit. Its exit code is the protocol's: 0
// after shutdown, 1 without.
func runLSP(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("azconnlint lsp", flag.ContinueOnError)
	fs.SetOutput(stderr)
	// Clients such as vscode-languageclient pass --stdio; it is the only
	// transport, so the flag is accepted and changes nothing.
	fs.Bool("stdio", true, "speak LSP on standard input and output (the only transport)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: azconnlint lsp [--stdio]\n\nThe azconnlint language server (LSP 3.17) on standard input and output.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "azconnlint lsp: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	return lsp.New(lspConfig()).Serve(stdin, stdout)
}

// lspConfig is the project configuration as the server takes it: each
// file's closest configuration file (package config).
func lspConfig() lsp.Config { return &projectConfig{} }
