package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync"

	cfgfile "github.com/azconn/azconn/config"
)

// configs resolves each input's configuration file once per folder:
// --config's for all, none with --no-config, else the closest one.
type configs struct {
	fixed *cfgfile.Config // --config
	none  bool            // --no-config
	load  cfgfile.Loader

	mu   sync.Mutex
	errs []error // each distinct error once, in the order met
	seen map[string]bool
}

// newConfigs loads --config, when given.
func newConfigs(cfg *config) (*configs, error) {
	cs := &configs{none: cfg.noConfig}
	if cfg.configPath != "" {
		c, err := cfgfile.Load(cfg.configPath)
		if err != nil {
			return nil, err
		}
		cs.fixed = c
	}
	return cs, nil
}

// forName returns the configuration for the input named name ("" for
// standard input without --stdin-filename); an error is kept for
// errorsSeen and nil returned.
func (cs *configs) forName(name string) *cfgfile.Config {
	switch {
	case cs.none:
		return nil
	case cs.fixed != nil:
		return cs.fixed
	}
	c, err := cs.load.ForFile(name)
	if err != nil {
		cs.mu.Lock()
		defer cs.mu.Unlock()
		if msg := err.Error(); !cs.seen[msg] {
			if cs.seen == nil {
				cs.seen = map[string]bool{}
			}
			cs.seen[msg] = true
			cs.errs = append(cs.errs, err)
		}
		return nil
	}
	return c
}

// forJob is forName for a job.
func (cs *configs) forJob(cfg *config, j job) *cfgfile.Config {
	return cs.forName(cfg.nameOf(j))
}

// printErrors prints the configuration errors met; it reports whether
// there were any.
func (cs *configs) printErrors(stderr io.Writer) bool {
	for _, err := range cs.errs {
		fmt.Fprintf(stderr, "azconnlint: %s\n", configErrorText(err))
	}
	return len(cs.errs) > 0
}

// configErrorText is a configuration error as path:line:col: message, or
// path: cause for a file that could not be read.
func configErrorText(err error) string {
	var pe *fs.PathError
	var ce *cfgfile.Error
	if !errors.As(err, &ce) && errors.As(err, &pe) {
		return fmt.Sprintf("%s: %s: %v", shownName(pe.Path), pe.Op, pe.Err)
	}
	// A configuration file is input too (a pull request can change it):
	// the keys and values its errors quote must not form pipeline
	// commands (neutral.go).
	return neutralText(oneLine(err.Error()))
}

// writeStarter writes the starter configuration to .azconnlint.yaml in
// the current directory, refusing to replace any configuration file there.
func writeStarter(stdout, stderr io.Writer) int {
	for _, n := range cfgfile.Names {
		if _, err := os.Lstat(n); err == nil {
			fmt.Fprintf(stderr, "azconnlint: --init: %s already exists; it is left as it is\n", n)
			return exitUsage
		}
	}
	f, err := os.OpenFile(cfgfile.Names[0], os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		fmt.Fprintf(stderr, "azconnlint: --init: %v\n", err)
		return exitIO
	}
	_, err = f.Write(cfgfile.Starter())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintf(stderr, "azconnlint: --init: %v\n", err)
		return exitIO
	}
	fmt.Fprintf(stdout, "wrote %s: edit it, then run azconnlint\n", cfgfile.Names[0])
	return exitOK
}
