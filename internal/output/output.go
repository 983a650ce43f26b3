// Package output writes a rendered site to a folder, so that a failed
// build leaves the previous site as it was.
//
// A Stage works in one of two modes, chosen when it is made:
//
// Fresh mode, when the destination is missing or empty: the new
// site is built in full in a staging folder beside the destination and
// swapped in with two renames, so a reader (or a web server) sees either
// no site or the new one. It is the fastest way to make a site from
// nothing.
//
// Update mode, when the destination holds an earlier build's files (and
// its marker, below): only new and changed files are written, to
// flat-named files in the staging folder; files whose bytes did not change are not touched at all, so they keep their
// modification time and inode. Commit then removes the old site's files
// that were not put and the folders that leaves empty (folders that were
// empty before stay), and renames each new or changed file into place.
// Each file is replaced whole by one rename, so a reader never sees a
// half-written file, but the site is updated file by file, over the
// milliseconds the renames take, rather than all at once. Every file
// Commit removes or replaces is first kept in the staging folder; when a
// step fails, Commit undoes every change it made, last first, down to the
// folders' modification times, and the destination is as it was. The
// exceptions: a build killed during Commit leaves a mix of old and new
// files, each whole, which the next build corrects; and should undoing
// fail too, the files it could not put back stay in the staging folder,
// which the error names.
//
// Every Commit leaves a marker file, MarkerName, at the root of the
// destination. NewStage refuses a destination that holds anything but has
// no marker: a build makes its folder equal to the site, and would delete
// every file there that it did not write.
//
// A destination that is a symbolic link to a folder is updated where the
// link points. A destination that is a mount point (a container's volume)
// can be neither renamed nor reached by a rename from beside it: its stage
// is made inside it, hidden (".foilog-stage-…"), and it is always updated
// in place. While a Stage updates a folder it holds a lock on it
// (flock, where the system has it), and a second Stage for that folder is
// refused rather than let the two interleave. In both modes tools that sync by modification time upload
// only what changed, and nothing in the destination changes before
// Commit.
package output

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
)

// File is one file of a rendered site.
type File struct {
	// Path is slash-separated and relative to the site root
	// ("responses/foi-1648a-23/index.html").
	Path string
	Data []byte
}

// Stats says what Write did.
type Stats struct {
	// Written counts files whose bytes are new or changed.
	Written int
	// Unchanged counts files kept as they were.
	Unchanged int
	// Removed counts files of the old site no longer in the new one.
	Removed int
}

// Write makes dir hold exactly files and the marker file, through a
// Stage: the files of dir that are not among them are removed, with the
// folders that leaves empty (folders that were empty before stay). dir is
// created when missing; a dir NewStage refuses is an error. Paths must be
// valid fs.ValidPath paths naming files, other than MarkerName; two files
// with one path, or a file whose path is also a folder of another, are an
// error and nothing is written.
func Write(dir string, files []File) (Stats, error) {
	if err := checkPaths(files); err != nil {
		return Stats{}, err
	}
	s, err := NewStage(dir)
	if err != nil {
		return Stats{}, err
	}
	for _, f := range files {
		if err := s.Put(f.Path, f.Data); err != nil {
			s.Abort()
			return Stats{}, err
		}
	}
	return s.Commit()
}

// same reports whether oldPath is a regular file (or a link to one)
// holding exactly data, comparing sizes before bytes, and returns its
// information.
func same(oldPath string, data []byte) (fs.FileInfo, bool) {
	info, err := os.Stat(oldPath)
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(data)) {
		return nil, false
	}
	b, err := os.ReadFile(oldPath)
	if err != nil || !bytes.Equal(b, data) {
		return nil, false
	}
	return info, true
}

// swap puts stage in place of dir.
func swap(dir, stage string) error {
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(stage, dir); err != nil {
			return fmt.Errorf("write site: %w", err)
		}
		return nil
	}
	trash := stage + ".old"
	if err := os.Rename(dir, trash); err != nil {
		return fmt.Errorf("write site: %w", err)
	}
	if err := os.Rename(stage, dir); err != nil {
		_ = os.Rename(trash, dir) // put the old site back
		return fmt.Errorf("write site: %w", err)
	}
	if err := os.RemoveAll(trash); err != nil {
		return fmt.Errorf("write site: remove old site: %w", err)
	}
	return nil
}

func checkPaths(files []File) error {
	paths := make([]string, len(files))
	for i, f := range files {
		if err := checkPath(f.Path); err != nil {
			return err
		}
		paths[i] = f.Path
	}
	sort.Strings(paths)
	for i := 1; i < len(paths); i++ {
		if paths[i] == paths[i-1] {
			return fmt.Errorf("write site: two files at %s", paths[i])
		}
	}
	if err := nested(paths); err != nil {
		return fmt.Errorf("write site: %w", err)
	}
	return nil
}

// checkPath reports a path that names no file of a site: an invalid
// fs.ValidPath path, the root, a path ending in a slash, or the marker
// file, which Commit writes itself.
func checkPath(p string) error {
	if !fs.ValidPath(p) || p == "." || strings.HasSuffix(p, "/") {
		return fmt.Errorf("write site: invalid file path %q", p)
	}
	if p == MarkerName {
		return fmt.Errorf("write site: %s is the name of the marker file a build writes itself", p)
	}
	return nil
}

// nested reports the first path of sorted, distinct paths that is also a
// folder of another. Neighbours alone do not tell: "a-b" sorts between
// "a" and "a/b".
func nested(paths []string) error {
	files := make(map[string]bool, len(paths))
	for _, p := range paths {
		files[p] = true
	}
	for _, p := range paths {
		for d := path.Dir(p); d != "."; d = path.Dir(d) {
			if files[d] {
				return fmt.Errorf("%s is a file and also a folder of %s", d, p)
			}
		}
	}
	return nil
}
