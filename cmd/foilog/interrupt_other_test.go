//go:build !unix

package main

import "os"

// interruptSelf asks this process to stop as Ctrl-C does, where the
// system lets a process signal itself (Windows does not: the serve tests
// then fail with its error).
func interruptSelf() error {
	p, err := os.FindProcess(os.Getpid())
	if err != nil {
		return err
	}
	return p.Signal(os.Interrupt)
}
