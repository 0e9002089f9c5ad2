//go:build !unix

package main

import (
	"io/fs"
	"os"
	"path/filepath"
)

func keepOwner(*os.File, fs.FileInfo) {}

func fileID(_ fs.FileInfo, path string) string {
	if abs, err := filepath.EvalSymlinks(path); err == nil {
		if abs, err = filepath.Abs(abs); err == nil {
			return abs
		}
	}
	return filepath.Clean(path)
}
