//go:build unix

package site_test

import "syscall"

// syncDisk writes every dirty file system buffer to disk.
func syncDisk() { syscall.Sync() }
