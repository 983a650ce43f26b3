package cputime

import (
	"runtime"
	"testing"
	"time"
)

// Busy work shows as CPU time, however busy the machine is: the loop
// runs until 20 ms of CPU time have passed, or fails after 10 s of wall
// time.
func TestUsedGrowsWithWork(t *testing.T) {
	before, ok := Used()
	if !ok {
		if runtime.GOOS != "windows" && runtime.GOOS != "plan9" {
			t.Fatalf("no CPU time on %s", runtime.GOOS)
		}
		return
	}
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if now, _ := Used(); now-before >= 20*time.Millisecond {
			return
		}
	}
	now, _ := Used()
	t.Errorf("10 s of busy work used %v of CPU time", now-before)
}
