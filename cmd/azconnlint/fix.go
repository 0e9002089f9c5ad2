package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// writeBack replaces the file at path with data, safely:
//   - a symbolic link is resolved and its target written; the link stays;
//   - the bytes go to a temporary file in the target's directory, which is
//     synced, given the original mode (and, best effort, owner), and renamed
//     over the target, so a reader sees the old or the new file, never half;
//   - the file is left alone if it changed since it was read (read is the
//     FileInfo taken when it was read) or is not a regular file.
func writeBack(path string, data []byte, read fs.FileInfo) (err error) {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return writeErr("cannot resolve the path", err)
	}
	fi, err := os.Stat(real)
	if err != nil {
		return writeErr("cannot stat the file", err)
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("not written: not a regular file (%s)", fi.Mode().Type())
	}
	if read == nil || !os.SameFile(fi, read) || fi.Size() != read.Size() || !fi.ModTime().Equal(read.ModTime()) {
		return errors.New("not written: the file changed while it was being linted")
	}
	tmp, err := os.CreateTemp(filepath.Dir(real), ".azconnlint-*.tmp")
	if err != nil {
		return writeErr("cannot create a temporary file beside it", err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return writeErr("cannot write", err)
	}
	keepOwner(tmp, fi) // before chmod: chown clears set-id bits
	if err = tmp.Chmod(fi.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)); err != nil {
		return writeErr("cannot keep the file mode", err)
	}
	if err = tmp.Sync(); err != nil {
		return writeErr("cannot sync", err)
	}
	if err = tmp.Close(); err != nil {
		return writeErr("cannot write", err)
	}
	if err = os.Rename(tmp.Name(), real); err != nil {
		return writeErr("cannot replace the file", err)
	}
	return nil
}

// writeErr words a failed write: the cause without the temporary file's
// name, which would only confuse.
func writeErr(what string, err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		err = pe.Err
	case errors.As(err, &le):
		err = le.Err
	}
	return fmt.Errorf("not written: %s: %w", what, err)
}
