//go:build !unix

package site_test

// syncDisk does nothing where there is no sync(2): benchmark runs may then
// pay for writing back the files of the one before.
func syncDisk() {}
