package output

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// MarkerName is the name of the file every Commit leaves at the root of
// the destination, saying that a build made the folder. NewStage writes
// only into a folder that is missing, empty or holds this file, since a
// build makes its folder equal to the site and removes everything else.
// The marker is not a file of the site: Put refuses its name, and Stats
// do not count it.
const MarkerName = ".foilog"

// markerText is the content of the marker file. It starts with
// markerPrefix, which never changes: a marker written by any version of
// foilog is known by it.
const markerText = "This folder is the output of `foilog build`. Each build makes it equal to the site,\n" +
	"removing every other file in it: keep nothing else here.\n"

// NotOutputError is the error of NewStage for a destination that holds
// something and has no marker file, so that a build would delete files it
// did not write. Nothing has been written when it is returned.
type NotOutputError struct {
	// Dir is the folder refused: the destination, or the folder it
	// points to when it is a symbolic link.
	Dir string
}

func (e *NotOutputError) Error() string {
	return fmt.Sprintf("write site: %s is not empty and was not made by foilog build (it has no %s file); a build makes its folder equal to the site and would delete everything else in it", e.Dir, MarkerName)
}

// markerPrefix begins every marker file foilog writes.
const markerPrefix = "This folder is the output of `foilog build`."

// isMarker reports whether the file at p is a marker a build wrote: it
// starts with markerPrefix. Another tool's file of the same name does not
// make a folder foilog's to empty.
func isMarker(p string) bool {
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	buf := make([]byte, len(markerPrefix))
	_, err = io.ReadFull(f, buf)
	return err == nil && string(buf) == markerPrefix
}

// checkOwned returns nil when a build may write into folder dir: dir is
// missing, holds the marker file, or holds nothing but staging folders of
// earlier builds (and, on a mount point, the file system's lost+found).
// Hidden files count. Otherwise it returns a *NotOutputError, or the
// error of reading dir.
func checkOwned(dir string, mounted bool) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("write site: %w", err)
	}
	empty := true
	for _, e := range entries {
		switch name := e.Name(); {
		case name == MarkerName && e.Type().IsRegular() && isMarker(filepath.Join(dir, name)):
			return nil
		case e.IsDir() && strings.HasPrefix(name, stagePrefix):
			// The stage of a build killed while writing a mount point.
		case e.IsDir() && mounted && name == "lost+found":
			// Made with the file system; a build never removes it.
		default:
			empty = false
		}
	}
	if !empty {
		return &NotOutputError{Dir: dir}
	}
	return nil
}
