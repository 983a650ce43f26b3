// Package cputime reads the CPU time the process has used, for benchmarks
// that report CPU time beside wall time: on a shared machine CPU time is
// disturbed far less by other work.
package cputime

import "time"

// Used returns the CPU time (user and system) the process has used so
// far, and whether the platform reports it.
func Used() (time.Duration, bool) { return used() }
