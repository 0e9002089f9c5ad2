//go:build unix

package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// keepOwner gives f the owner and group of the file it replaces, when the
// process may (as root, or for the group when a member); failures are
// ignored: the file then belongs to whoever ran the fix, as with any editor.
func keepOwner(f *os.File, fi fs.FileInfo) {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		_ = f.Chown(int(st.Uid), int(st.Gid))
	}
}

// fileID identifies the file behind fi (device and inode), so that two
// names of one file are recognized.
func fileID(fi fs.FileInfo, path string) string {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return fmt.Sprintf("%d:%d", st.Dev, st.Ino)
	}
	if abs, err := filepath.EvalSymlinks(path); err == nil {
		return abs
	}
	return filepath.Clean(path)
}
