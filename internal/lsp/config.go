package lsp

import (
	"fmt"

	"github.com/azconn/azconn/validate"
)

// Settings are what the project configuration says about one file.
type Settings struct {
	// Options are the engine's options for the file (the form is the
	// server's to set, from the file's name or language).
	Options validate.Options
	// Excluded files get no diagnostics at all.
	Excluded bool
	// Markdown says whether Markdown files are linted (markdown: true).
	Markdown bool
	// Named says a glob of the configuration names the file: for a .json
	// file that is evidence enough that it is a connection payload.
	Named bool
	// File is the configuration file that applies ("" when none): the
	// one "Turn off <rule> for this file" edits.
	File string
}

// Config gives each file its settings. The command wires the project's
// configuration package behind it; the server never reads a
// configuration file itself.
type Config interface {
	// Settings returns the settings for the file at path (absolute).
	// An error (a broken configuration file) is shown to the user; the
	// file is then linted with the settings returned beside it.
	Settings(path string) (Settings, error)
	// Reload forgets what was read, after a configuration file changed.
	Reload()
}

// ConfigError is a configuration error with its position, which the
// server shows as a diagnostic on the configuration file.
type ConfigError struct {
	Path         string
	Line, Column int // 1-based; zero when unknown
	Msg          string
}

func (e *ConfigError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Column, e.Msg)
	}
	return e.Path + ": " + e.Msg
}

// NoConfig is the Config of a project without configuration files: the
// engine's defaults for every file.
type NoConfig struct{}

// Settings returns the defaults.
func (NoConfig) Settings(string) (Settings, error) { return Settings{}, nil }

// Reload does nothing.
func (NoConfig) Reload() {}
