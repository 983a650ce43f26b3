//go:build !unix

package output

import "os"

// lockSite does nothing where flock is not available: two builds of one
// site at once are then not stopped.
func lockSite(dir string) (*os.File, error) { return nil, nil }

// mountPoint reports false where the system does not say which file
// system a folder is on.
func mountPoint(dir string) bool { return false }
