//go:build !unix

package exemption_test

import "time"

func cpuTime() (time.Duration, bool) { return 0, false }
