//go:build !unix

package output

// running reports whether a process with id pid exists. Where that cannot
// be asked cheaply, every process counts as running and staging folders
// are removed by age alone.
func running(pid int) bool { return true }
