//go:build unix

package main

import "syscall"

// interruptSelf sends this process SIGINT, as Ctrl-C in a terminal does.
func interruptSelf() error { return syscall.Kill(syscall.Getpid(), syscall.SIGINT) }
