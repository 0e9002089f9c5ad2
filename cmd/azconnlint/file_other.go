//go:build !unix

package main

import (
	"io/fs"
	"os"
	"path/filepath"
)

const openNoBlock = 0

func keepOwner(*os.File, fs.FileInfo) {}

func fileID(_ fs.FileInfo, path string) string {
	if abs, err := filepath.EvalSymlinks(path); err == nil {
		if abs, err = filepath.Abs(abs); err == nil {
			return abs
		}
	}
	return filepath.Clean(path)
}

// linkCount is 1 where hard links are not counted.
func linkCount(fs.FileInfo) uint64 { return 1 }

// mayWrite reports whether the owner's write bit is set (Windows' read-only
// attribute clears it).
func mayWrite(_ string, fi fs.FileInfo) bool { return fi.Mode().Perm()&0o200 != 0 }

func resignal(os.Signal) {}
