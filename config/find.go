package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Names are the configuration file names, in lookup order within a folder.
var Names = []string{".azconnlint.yaml", ".azconnlint.yml", ".azconnlint.json"}

// Find returns the configuration file closest to file: in file's folder,
// else in each parent up to the project root (the folder holding the
// nearest .git; without one, the current directory when file is under it,
// else file's own folder). It returns "" when there is none. Two
// configuration files in one folder are an error. file "" or "-" (standard
// input) starts from the current directory.
func Find(file string) (path string, err error) {
	dir, err := startDir(file)
	if err != nil {
		return "", err
	}
	root := projectRoot(dir)
	for d := dir; ; d = filepath.Dir(d) {
		found, err := inFolder(d)
		if found != "" || err != nil {
			return fromWorkingDir(found), err
		}
		if d == root || filepath.Dir(d) == d {
			return "", nil
		}
	}
}

// fromWorkingDir returns path relative to the current directory when it
// is under it, for messages that read well; else path itself.
func fromWorkingDir(path string) string {
	wd, err := os.Getwd()
	if err != nil || path == "" {
		return path
	}
	if rel, err := filepath.Rel(wd, path); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return rel
	}
	return path
}

// startDir is the absolute folder the lookup for file starts in.
func startDir(file string) (string, error) {
	if file == "" || file == "-" {
		return os.Getwd()
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return "", err
	}
	if fi, err := os.Stat(abs); err == nil && fi.IsDir() {
		return abs, nil
	}
	return filepath.Dir(abs), nil
}

// inFolder returns the configuration file in dir, "" when none.
func inFolder(dir string) (string, error) {
	var found []string
	for _, n := range Names {
		p := filepath.Join(dir, n)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			found = append(found, fromWorkingDir(p))
		} else if err != nil && !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, fs.ErrPermission) {
			return "", err
		}
	}
	switch len(found) {
	case 0:
		return "", nil
	case 1:
		return found[0], nil
	}
	return "", &Error{Path: found[1], Line: 1, Column: 1,
		Msg: "two configuration files in one folder (" + strings.Join(baseNames(found), ", ") + "): keep one"}
}

func baseNames(paths []string) []string {
	var out []string
	for _, p := range paths {
		out = append(out, filepath.Base(p))
	}
	return out
}

// projectRoot is the lookup's last folder for a file in dir (absolute).
func projectRoot(dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, dir); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return wd
		}
	}
	return dir
}

// Loader finds and loads configurations, caching them per folder: a run
// over many files reads each configuration once. Its zero value is ready;
// it is safe for concurrent use.
type Loader struct {
	mu     sync.Mutex
	byDir  map[string]string // folder → its configuration's path ("" when none)
	byPath map[string]loaded // configuration path → what Load gave
}

type loaded struct {
	c   *Config
	err error
}

var defaultLoader Loader

// ForFile returns the configuration for file (Find, then Load), nil when
// there is none. Results are cached per folder for the life of the
// process; a long-running program (the language server) uses its own
// Loader and Forget.
func ForFile(file string) (*Config, error) { return defaultLoader.ForFile(file) }

// ForFile is the package's ForFile with this loader's cache.
func (l *Loader) ForFile(file string) (*Config, error) {
	dir, err := startDir(file)
	if err != nil {
		return nil, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	path, ok := l.byDir[dir]
	if !ok {
		if path, err = Find(file); err != nil {
			return nil, err
		}
		if l.byDir == nil {
			l.byDir, l.byPath = map[string]string{}, map[string]loaded{}
		}
		l.byDir[dir] = path
	}
	if path == "" {
		return nil, nil
	}
	r, ok := l.byPath[path]
	if !ok {
		r.c, r.err = Load(path)
		l.byPath[path] = r
	}
	return r.c, r.err
}

// Forget empties the cache, so that the next ForFile reads the files
// again (after a configuration changed on disk).
func (l *Loader) Forget() {
	l.mu.Lock()
	l.byDir, l.byPath = nil, nil
	l.mu.Unlock()
}
