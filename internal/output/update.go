package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// putUpdate is Put in update mode: a file equal to the current site's is
// left alone; a new or changed one is written to a flat-named file in the
// stage, to be renamed into place by Commit.
func (s *Stage) putUpdate(p string, data []byte, wasOld bool) error {
	if wasOld {
		if _, ok := same(s.abs(p), data); ok {
			s.mu.Lock()
			s.st.Unchanged++
			s.mu.Unlock()
			return nil
		}
	}
	s.mu.Lock()
	s.n++
	name := filepath.Join(s.stage, "n"+strconv.Itoa(s.n))
	s.mu.Unlock()
	if err := os.WriteFile(name, data, 0o644); err != nil {
		return fmt.Errorf("write site: %w", err)
	}
	s.mu.Lock()
	s.staged[p] = name
	s.st.Written++
	s.mu.Unlock()
	return nil
}

// abs returns the path in dir of p, a slash path of the site.
func (s *Stage) abs(p string) string {
	return filepath.Join(s.dir, filepath.FromSlash(p))
}

// commitUpdate makes dir equal to the new site in update mode: it removes
// stale files and the folders they leave empty, then renames each staged
// file into place. Every file of dir it removes or replaces is kept in the
// stage first, so that a failure can undo all it did. The caller holds
// s.mu.
func (s *Stage) commitUpdate() error {
	c := &commit{s: s, times: map[string]time.Time{}, exists: map[string]bool{}, made: map[string]bool{}}
	err := c.run()
	if err == nil {
		if err := os.RemoveAll(s.stage); err != nil {
			return fmt.Errorf("write site: remove staging folder: %w", err)
		}
		return nil
	}
	if rerr := c.rollback(); rerr != nil {
		// The stage holds the only copies of the files not put back: keep
		// it, and say where it is.
		return fmt.Errorf("write site: %w; undoing the update failed, the files not restored are in %s: %v", err, s.stage, rerr)
	}
	s.dropStage()
	return fmt.Errorf("write site: %w", err)
}

// A commit is one update-mode Commit in progress, with what it needs to
// undo itself.
type commit struct {
	s    *Stage
	undo []step
	// times holds the modification time, before this commit, of every
	// folder of dir whose entries it changed ("." for dir).
	times map[string]time.Time
	// exists holds the folders known to exist while files are placed;
	// made those this commit made.
	exists, made map[string]bool
	backups      int
}

// A step is one change a commit made to dir, with how to undo it.
type step struct {
	kind   stepKind
	path   string      // slash path of the site
	backup string      // placed over an old file, or removed: the old file kept in the stage
	mode   fs.FileMode // removed folder: its mode
}

type stepKind int

const (
	placed  stepKind = iota // a file put where there was none: remove it
	moved                   // an old file removed or replaced: rename its backup back
	madeDir                 // a folder made: remove it
	removed                 // a folder removed: make it again
)

func (c *commit) run() error {
	s := c.s
	paths := sortedKeys(s.paths)
	if err := nested(paths); err != nil {
		return err
	}
	// The marker goes first, so that a build killed during the commit
	// leaves a folder the next build recognises as its own.
	if s.marker != "" {
		if err := c.place(MarkerName, s.marker); err != nil {
			return err
		}
	}
	stale := sortedKeys(s.old)
	for _, p := range stale {
		b := c.backupName()
		c.touch(path.Dir(p))
		if err := s.rename(s.abs(p), b); err != nil {
			return fmt.Errorf("remove old file: %w", err)
		}
		c.undo = append(c.undo, step{kind: moved, path: p, backup: b})
	}
	if err := c.removeEmptied(stale, paths); err != nil {
		return err
	}
	for _, p := range sortedKeys(s.staged) {
		if err := c.place(p, s.staged[p]); err != nil {
			return err
		}
	}
	return nil
}

// removeEmptied removes the folders that hold stale files and no file of
// the new site, deepest first, when removing the stale files left them
// empty. The site root stays.
func (c *commit) removeEmptied(stale, paths []string) error {
	if len(stale) == 0 {
		return nil
	}
	needed := map[string]bool{}
	for _, p := range paths {
		for d := path.Dir(p); d != "." && !needed[d]; d = path.Dir(d) {
			needed[d] = true
		}
	}
	seen := map[string]bool{}
	var folders []string
	for _, p := range stale {
		for d := path.Dir(p); d != "." && !needed[d] && !seen[d]; d = path.Dir(d) {
			seen[d] = true
			folders = append(folders, d)
		}
	}
	sort.Slice(folders, func(i, j int) bool {
		di, dj := strings.Count(folders[i], "/"), strings.Count(folders[j], "/")
		if di != dj {
			return di > dj
		}
		return folders[i] < folders[j]
	})
	for _, d := range folders {
		name := c.s.abs(d)
		info, err := os.Lstat(name)
		if err != nil {
			return fmt.Errorf("remove old folder: %w", err)
		}
		c.touch(d)
		c.touch(path.Dir(d))
		if err := c.s.removeEntry(name); err != nil {
			if entries, rerr := os.ReadDir(name); rerr == nil && len(entries) > 0 {
				continue // it holds more than stale files: keep it
			}
			return fmt.Errorf("remove old folder: %w", err)
		}
		c.undo = append(c.undo, step{kind: removed, path: d, mode: info.Mode()})
	}
	return nil
}

// place renames the staged file into place at p, making p's folders and
// keeping the file it replaces.
func (c *commit) place(p, staged string) error {
	s := c.s
	if err := c.mkdirs(path.Dir(p)); err != nil {
		return err
	}
	target := s.abs(p)
	info, err := os.Lstat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		c.touch(path.Dir(p))
		if err := s.rename(staged, target); err != nil {
			return fmt.Errorf("place file: %w", err)
		}
		c.undo = append(c.undo, step{kind: placed, path: p})
		return nil
	case err != nil:
		return fmt.Errorf("place file: %w", err)
	case info.IsDir():
		// Only folders can be left there (stale files went first), all
		// empty when none of the new site's files is in them.
		if err := c.removeFolders(p); err != nil {
			return err
		}
		return c.place(p, staged)
	}
	b, err := c.backup(target, info)
	if err != nil {
		return err
	}
	c.touch(path.Dir(p))
	if err := s.rename(staged, target); err != nil {
		return fmt.Errorf("place file: %w", err)
	}
	c.undo = append(c.undo, step{kind: moved, path: p, backup: b})
	return nil
}

// removeFolders removes folder d of dir, a slash path, where the new site
// has a file: it must hold nothing but empty folders, which go too,
// deepest first.
func (c *commit) removeFolders(d string) error {
	var folders []string
	err := filepath.WalkDir(c.s.abs(d), func(name string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() {
			return fmt.Errorf("%s is a folder that holds more than the old site's files", c.s.abs(d))
		}
		rel, _ := filepath.Rel(c.s.dir, name)
		folders = append(folders, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		return fmt.Errorf("place file: %w", err)
	}
	for i := len(folders) - 1; i >= 0; i-- { // WalkDir lists parents first
		f := folders[i]
		info, err := os.Lstat(c.s.abs(f))
		if err != nil {
			return fmt.Errorf("place file: %w", err)
		}
		c.touch(f)
		c.touch(path.Dir(f))
		if err := c.s.removeEntry(c.s.abs(f)); err != nil {
			return fmt.Errorf("place file: %w", err)
		}
		c.undo = append(c.undo, step{kind: removed, path: f, mode: info.Mode()})
		delete(c.exists, f)
	}
	return nil
}

// mkdirs makes folder d of dir (a slash path) and its missing parents.
func (c *commit) mkdirs(d string) error {
	if d == "." || c.exists[d] {
		return nil
	}
	name := c.s.abs(d)
	info, err := os.Lstat(name)
	if err == nil {
		if !info.IsDir() {
			return fmt.Errorf("make folder: %s is not a folder", name)
		}
		c.exists[d] = true
		return nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("make folder: %w", err)
	}
	if err := c.mkdirs(path.Dir(d)); err != nil {
		return err
	}
	c.touch(path.Dir(d))
	if err := c.s.makeDir(name, 0o755); err != nil {
		return fmt.Errorf("make folder: %w", err)
	}
	c.exists[d] = true
	c.made[d] = true
	c.undo = append(c.undo, step{kind: madeDir, path: d})
	return nil
}

// backup hard-links the file of dir at name into the stage, or copies it
// with its mode and modification time when linking fails, and returns the
// copy's name.
func (c *commit) backup(name string, info fs.FileInfo) (string, error) {
	b := c.backupName()
	lerr := c.s.link(name, b)
	if lerr == nil {
		return b, nil
	}
	if !info.Mode().IsRegular() {
		return "", fmt.Errorf("keep old file: %w", lerr)
	}
	data, err := os.ReadFile(name)
	if err == nil {
		err = os.WriteFile(b, data, 0o600)
	}
	if err == nil {
		err = os.Chmod(b, info.Mode().Perm())
	}
	if err == nil {
		err = os.Chtimes(b, time.Time{}, info.ModTime())
	}
	if err != nil {
		return "", fmt.Errorf("keep old file: %w", err)
	}
	return b, nil
}

func (c *commit) backupName() string {
	c.backups++
	return filepath.Join(c.s.stage, "b"+strconv.Itoa(c.backups))
}

// touch notes the modification time of folder d of dir before this commit
// first changes its entries, so that rollback can set it back.
func (c *commit) touch(d string) {
	if _, ok := c.times[d]; ok || c.made[d] {
		return
	}
	if info, err := os.Lstat(c.s.abs(d)); err == nil {
		c.times[d] = info.ModTime()
	}
}

// rollback undoes the steps of the commit, last first, then sets back the
// modification times of the folders it changed. It returns the errors of
// the steps it could not undo.
func (c *commit) rollback() error {
	var errs []error
	for i := len(c.undo) - 1; i >= 0; i-- {
		st := c.undo[i]
		name := c.s.abs(st.path)
		var err error
		switch st.kind {
		case placed, madeDir:
			err = os.Remove(name)
		case moved:
			err = os.Rename(st.backup, name)
		case removed:
			if err = os.Mkdir(name, 0o700); err == nil {
				err = os.Chmod(name, st.mode&(fs.ModePerm|fs.ModeSetuid|fs.ModeSetgid|fs.ModeSticky))
			}
		}
		if err != nil {
			errs = append(errs, err)
		}
	}
	for d, t := range c.times {
		if err := os.Chtimes(c.s.abs(d), time.Time{}, t); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
