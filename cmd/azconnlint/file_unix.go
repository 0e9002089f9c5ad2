//go:build unix

package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// openNoBlock is added to every open of a named file: a name that became a
// FIFO or a device after it was checked does not block the open, and the
// fstat that follows refuses it.
const openNoBlock = syscall.O_NONBLOCK

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

// linkCount returns the number of hard links to the file behind fi.
func linkCount(fi fs.FileInfo) uint64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}

// mayWrite reports whether the caller may write the file at path. The
// kernel answers for ordinary users (ACLs included); root may write
// anything, so for root the write bits decide, as they decide execution:
// a file no one may write is not written.
func mayWrite(path string, fi fs.FileInfo) bool {
	if os.Geteuid() == 0 {
		return fi.Mode().Perm()&0o222 != 0
	}
	const wOK = 2
	return syscall.Access(path, wOK) == nil
}

// resignal ends the process by sig, as if no handler had caught it, so
// that the caller sees the usual "killed by SIGINT" status.
func resignal(sig os.Signal) {
	if s, ok := sig.(syscall.Signal); ok {
		_ = syscall.Kill(os.Getpid(), s)
	}
}
