package main

import (
	"errors"
	"path/filepath"

	cfgfile "github.com/azconn/azconn/config"
	"github.com/azconn/azconn/internal/lsp"
)

// projectConfig gives the language server each file's settings from its
// closest configuration file, read once per folder until Reload.
type projectConfig struct{ load cfgfile.Loader }

// Settings returns the settings for the file at path; a broken
// configuration is an *lsp.ConfigError at its position (the file is then
// linted with the defaults).
func (p *projectConfig) Settings(path string) (lsp.Settings, error) {
	c, err := p.load.ForFile(path)
	if err != nil {
		var ce *cfgfile.Error
		if errors.As(err, &ce) {
			return lsp.Settings{}, &lsp.ConfigError{Path: absPath(ce.Path), Line: ce.Line, Column: ce.Column, Msg: ce.Msg}
		}
		return lsp.Settings{}, err
	}
	opts, excluded := c.Options(path)
	s := lsp.Settings{Options: opts, Excluded: excluded, Markdown: c.Markdown(path), Named: c.Named(path)}
	if c != nil {
		s.File = absPath(c.Path())
	}
	return s, nil
}

// Reload forgets the configurations read, after one changed.
func (p *projectConfig) Reload() { p.load.Forget() }

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}
