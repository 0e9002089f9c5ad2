package main

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// readFile is what readInput learnt of a named file: its identity when it
// was opened and the hash of the bytes read, against which writeBack checks
// that nobody changed it in the meantime.
type readFile struct {
	info fs.FileInfo
	sum  [sha256.Size]byte
}

// errChanged is the refusal to overwrite someone else's edit.
var errChanged = errors.New("not written: the file changed while it was being linted")

// beforeReplace, when set (by tests), runs just before writeBack checks the
// file for changes and replaces it: the last moment an edit can be made.
var beforeReplace func(path string)

// writeBack replaces the file at path with data, safely:
//   - a symbolic link is resolved and its target written; the link stays;
//   - a file that is not regular, that the caller may not write (its write
//     bits are honoured even for root), or whose content no longer hashes
//     to what was read, is left alone;
//   - the bytes go to a temporary file in the target's directory, which is
//     synced, given the original mode (and, best effort, owner), and renamed
//     over the target, so a reader sees the old or the new file, never half;
//   - a file with more than one hard link is instead rewritten in place,
//     through the same inode, so that every name keeps seeing it (not
//     atomic: a reader may see it half-written).
func writeBack(path string, data []byte, read readFile) (err error) {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return writeErr("cannot resolve the path", err)
	}
	fi, err := os.Stat(real)
	if err != nil {
		return writeErr("cannot stat the file", err)
	}
	if err := regular(fi); err != nil {
		return fmt.Errorf("not written: %w", err)
	}
	if read.info == nil || !os.SameFile(fi, read.info) {
		return errChanged
	}
	if !mayWrite(real, fi) {
		return fmt.Errorf("not written: the file is not writable (%v)", fi.Mode().Perm())
	}
	if linkCount(fi) > 1 {
		return writeInPlace(real, data, read)
	}
	tmp, err := temps.create(filepath.Dir(real))
	if err != nil {
		return writeErr("cannot create a temporary file beside it", err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			temps.remove(tmp.Name())
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
	if beforeReplace != nil {
		beforeReplace(real)
	}
	old, err := unchanged(real, read)
	if err != nil {
		return err
	}
	defer old.Close()
	if err = temps.rename(tmp.Name(), real); err != nil {
		return writeErr("cannot replace the file", err)
	}
	// A writer that opened the file before the rename (an editor saving,
	// an append) may have written to the old inode after the hash: its
	// bytes would be lost with it. Look once more through the inode still
	// open, and if it moved on, put its content back.
	if after, serr := old.Stat(); serr == nil && (after.Size() != read.info.Size() || !after.ModTime().Equal(read.info.ModTime())) {
		return restore(real, old)
	}
	return nil
}

// restore puts the content of the replaced inode old back at real, when it
// changed during the rename, and reports the file as changed.
func restore(real string, old *os.File) error {
	content, err := io.ReadAll(io.NewSectionReader(old, 0, 1<<62))
	if err != nil {
		return writeErr("the file changed while it was being fixed, and its new content could not be read back", err)
	}
	fi, err := old.Stat()
	if err != nil {
		return writeErr("cannot stat the file", err)
	}
	tmp, err := temps.create(filepath.Dir(real))
	if err != nil {
		return writeErr("the file changed while it was being fixed, and could not be restored", err)
	}
	_, werr := tmp.Write(content)
	keepOwner(tmp, fi)
	if werr == nil {
		werr = tmp.Chmod(fi.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky))
	}
	if werr == nil {
		werr = tmp.Sync()
	}
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = temps.rename(tmp.Name(), real)
	} else {
		temps.remove(tmp.Name())
	}
	if werr != nil {
		return writeErr("the file changed while it was being fixed, and could not be restored", werr)
	}
	return errChanged
}

// writeInPlace rewrites a hard-linked file through its inode, after the
// same checks as the rename path, made on the open file itself.
func writeInPlace(real string, data []byte, read readFile) error {
	f, err := os.OpenFile(real, os.O_RDWR|openNoBlock, 0)
	if err != nil {
		return writeErr("cannot open the file for writing", err)
	}
	defer f.Close()
	if beforeReplace != nil {
		beforeReplace(real)
	}
	if err := sameContent(f, read); err != nil {
		return err
	}
	if _, err := f.WriteAt(data, 0); err != nil {
		return writeErr("cannot write", err)
	}
	if err := f.Truncate(int64(len(data))); err != nil {
		return writeErr("cannot write", err)
	}
	if err := f.Sync(); err != nil {
		return writeErr("cannot sync", err)
	}
	return f.Close()
}

// unchanged checks that the file at path is still the regular file that was
// read, with the same content, and returns it open (the caller closes it).
func unchanged(path string, read readFile) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|openNoBlock, 0)
	if err != nil {
		return nil, writeErr("cannot read the file again", err)
	}
	if err := sameContent(f, read); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// sameContent checks, through the open file f, that it is the file that was
// read and that its content hashes to the same sum.
func sameContent(f *os.File, read readFile) error {
	fi, err := f.Stat()
	if err != nil {
		return writeErr("cannot stat the file", err)
	}
	if regular(fi) != nil || !os.SameFile(fi, read.info) {
		return errChanged
	}
	h := sha256.New()
	if _, err := io.Copy(h, io.NewSectionReader(f, 0, 1<<62)); err != nil {
		return writeErr("cannot read the file again", err)
	}
	if !bytes.Equal(h.Sum(nil), read.sum[:]) {
		return errChanged
	}
	return nil
}

// regular refuses anything but a regular file, naming what it is.
func regular(fi fs.FileInfo) error {
	m := fi.Mode()
	if m.IsRegular() {
		return nil
	}
	what := "not a regular file"
	switch {
	case m.IsDir():
		return errors.New("is a directory")
	case m&fs.ModeNamedPipe != 0:
		what += " (a named pipe)"
	case m&fs.ModeSocket != 0:
		what += " (a socket)"
	case m&fs.ModeCharDevice != 0:
		what += " (a character device)"
	case m&fs.ModeDevice != 0:
		what += " (a device)"
	}
	return errors.New(what)
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

// tempFiles tracks the temporary files --fix has created and not yet
// renamed, so that an interrupt removes them. Renames hold the lock, so a
// temporary file is either removed by the interrupt or already in place.
type tempFiles struct {
	mu      sync.Mutex
	live    map[string]bool
	stopped bool
}

var temps = &tempFiles{live: map[string]bool{}}

var errStopped = errors.New("interrupted")

func (t *tempFiles) create(dir string) (*os.File, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return nil, errStopped
	}
	f, err := os.CreateTemp(dir, ".azconnlint-*.tmp")
	if err == nil {
		t.live[f.Name()] = true
	}
	return f, err
}

func (t *tempFiles) rename(tmp, dst string) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return errStopped
	}
	delete(t.live, tmp)
	if err := os.Rename(tmp, dst); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

func (t *tempFiles) remove(tmp string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.live, tmp)
	os.Remove(tmp)
}

// stop removes every live temporary file and refuses new ones and renames.
func (t *tempFiles) stop() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.stopped = true
	for name := range t.live {
		os.Remove(name)
		delete(t.live, name)
	}
}
