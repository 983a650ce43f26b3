//go:build unix

package output

import (
	"errors"
	"syscall"
)

// running reports whether a process with id pid exists. A process of
// another user still counts as running.
func running(pid int) bool {
	if pid <= 0 {
		return true // not a process id foilog wrote: leave it to the age rule
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
