//go:build unix

package output

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// lockSite locks folder dir with flock, when it exists, and returns the
// open folder that holds the lock. No file is made for it, and the system
// lets go of the lock when the process ends, however it ends, so a killed
// build never leaves a site locked. It returns errBusy at once when
// another process holds the lock.
func lockSite(dir string) (*os.File, error) {
	f, err := os.Open(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil // fresh mode: the last build to finish wins whole
	}
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, errBusy
		}
		return nil, err
	}
	return f, nil
}

// mountPoint reports whether folder dir is on another file system than
// the folder holding it.
func mountPoint(dir string) bool {
	info, err := os.Stat(dir)
	if err != nil {
		return false
	}
	up, err := os.Stat(filepath.Dir(dir))
	if err != nil {
		return false
	}
	a, ok1 := info.Sys().(*syscall.Stat_t)
	b, ok2 := up.Sys().(*syscall.Stat_t)
	return ok1 && ok2 && a.Dev != b.Dev
}
