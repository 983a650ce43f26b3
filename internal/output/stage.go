package output

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Stage is a new site being written into a staging folder beside its
// destination. Put may be called from many goroutines; Commit puts the
// new site in place, Abort throws it away. Until Commit the destination
// is untouched. The package comment describes the two modes, fresh and
// update, that NewStage chooses between.
type Stage struct {
	dir, stage string
	lock       *os.File // held from NewStage to Commit or Abort
	// dirTime is dir's modification time before a stage was made inside
	// it (a mount point); zero for a stage beside it.
	dirTime time.Time
	// update is set when dir held files at NewStage: Put stages only new
	// and changed files, and Commit updates dir in place.
	update bool
	// rename, link, makeDir and removeEntry are os.Rename, os.Link,
	// os.Mkdir and os.Remove as an update-mode Commit calls them (undoing
	// calls the os functions themselves); tests replace them to make a
	// commit fail midway.
	rename, link func(oldname, newname string) error
	makeDir      func(name string, perm fs.FileMode) error
	removeEntry  func(name string) error

	mu     sync.Mutex
	old    map[string]bool    // files of the current site not yet matched
	paths  map[string]bool    // files put so far
	made   map[string]*folder // fresh mode: folders of the stage, made once each
	staged map[string]string  // update mode: path → name of its file in the stage
	marker string             // update mode: the staged marker file, "" when the current one is kept
	n      int                // update mode: files named in the stage so far
	st     Stats
	done   bool
	failed error // the first error of a Put

	// listed is closed when old holds every file of dir (update mode
	// lists them in the background); listErr says why the list failed.
	listed  chan struct{}
	listErr error
}

// NewStage starts a new site for dir, creating dir's parent if needed. It
// chooses update mode when dir holds at least one file, fresh mode
// otherwise. A dir that holds anything (hidden files count) but no marker
// file (MarkerName) left by an earlier build is refused with a
// *NotOutputError before anything is written; a symbolic link is judged
// by the folder it points to.
func NewStage(dir string) (*Stage, error) { return newStage(dir, mountPoint) }

// stagePrefix begins the name of a staging folder made inside a
// destination that is a mount point.
const stagePrefix = ".foilog-stage-"

// newStage is NewStage with the test of whether a folder is a mount point
// given, so that tests can take any folder for one.
func newStage(dir string, mounted func(dir string) bool) (*Stage, error) {
	dir = filepath.Clean(dir)
	if info, err := os.Lstat(dir); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		// A link to the folder a web server serves: update that folder,
		// with the stage beside it so that renames stay on its disk.
		real, err := filepath.EvalSymlinks(dir)
		if err != nil {
			return nil, fmt.Errorf("write site: %w", err)
		}
		dir = real
	}
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return nil, fmt.Errorf("write site: %s exists and is not a folder", dir)
	}
	// A build makes dir equal to the site: it must not take a folder of
	// someone else's files for an old site and delete them.
	inside := mounted(dir)
	if err := checkOwned(dir, inside); err != nil {
		return nil, err
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("write site: %w", err)
	}
	// One build at a time: two updating one site at once could each undo
	// part of the other.
	lock, err := lockSite(dir)
	if errors.Is(err, errBusy) {
		return nil, fmt.Errorf("write site: another build is writing %s; build again when it has finished", dir)
	} else if err != nil {
		return nil, fmt.Errorf("write site: %w", err)
	}
	// The stage goes beside dir, so that renames between the two stay on
	// one disk, unless dir is a mount point (a container's volume, say):
	// then it goes inside, hidden, and the site is updated in place even
	// when it is new, since a mount point cannot be renamed.
	at, prefix := parent, "."+filepath.Base(dir)+".new-"
	var dirTime time.Time
	if inside {
		at, prefix = dir, stagePrefix
		if info, err := os.Stat(dir); err == nil {
			dirTime = info.ModTime()
		}
	}
	removeStale(at, prefix)
	// The process id in the name tells a later build whether the build
	// that made the folder still runs.
	stage, err := os.MkdirTemp(at, prefix+strconv.Itoa(os.Getpid())+"-")
	if err == nil {
		err = os.Chmod(stage, 0o755)
	}
	if err != nil {
		os.RemoveAll(stage)
		unlock(lock)
		return nil, fmt.Errorf("write site: %w", err)
	}
	s := &Stage{dir: dir, stage: stage, dirTime: dirTime, lock: lock, rename: os.Rename, link: os.Link, makeDir: os.Mkdir, removeEntry: os.Remove,
		old: map[string]bool{}, paths: map[string]bool{}, made: map[string]*folder{}, staged: map[string]string{},
		listed: make(chan struct{})}
	s.update = inside || hasFile(dir)
	if !s.update {
		close(s.listed)
		return s, nil
	}
	// Listing a large site takes a while (14,834 folders: 0.3 to 0.8 s);
	// the build renders its first pages meanwhile, and the first Put
	// waits for the list.
	go func() {
		defer close(s.listed)
		s.listErr = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if p == stage {
				return fs.SkipDir // the stage inside a mount point
			}
			if !d.IsDir() && p != dir {
				rel, _ := filepath.Rel(dir, p)
				s.old[filepath.ToSlash(rel)] = true
			}
			return nil
		})
		if s.listErr != nil {
			// Files that cannot be listed could be neither compared nor
			// removed.
			s.listErr = fmt.Errorf("write site: read current site: %w", s.listErr)
		}
	}()
	return s, nil
}

// hasFile reports whether folder dir holds a file, at any depth.
func hasFile(dir string) bool {
	found := false
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			found = true
			return fs.SkipAll
		}
		return nil // a missing or unreadable folder holds no file we can see
	})
	return found
}

// folder is a folder of the stage, made by the first Put into it.
type folder struct {
	once sync.Once
	err  error
}

// Put adds one file to the new site. A file whose bytes equal the
// current site's file at the same path is left alone, with its
// modification time. Two files at one path, an invalid path and a Put
// after Commit or Abort are errors, and so is any failure to write: after
// one, Commit refuses to put the incomplete site in place.
func (s *Stage) Put(p string, data []byte) error {
	err := s.put(p, data)
	if err != nil {
		s.mu.Lock()
		if s.failed == nil {
			s.failed = err
		}
		s.mu.Unlock()
	}
	return err
}

func (s *Stage) put(p string, data []byte) error {
	if err := checkPath(p); err != nil {
		return err
	}
	<-s.listed
	if s.listErr != nil {
		return s.listErr
	}
	s.mu.Lock()
	if s.done {
		s.mu.Unlock()
		return errors.New("write site: stage already finished")
	}
	if s.paths[p] {
		s.mu.Unlock()
		return fmt.Errorf("write site: two files at %s", p)
	}
	s.paths[p] = true
	wasOld := s.old[p]
	delete(s.old, p)
	s.mu.Unlock()

	if s.update {
		return s.putUpdate(p, data, wasOld)
	}
	// Fresh mode: there is no old file to compare with.
	target := filepath.Join(s.stage, filepath.FromSlash(p))
	if err := s.mkdir(path.Dir(p)); err != nil {
		return fmt.Errorf("write site: %w", err)
	}
	if err := os.WriteFile(target, data, 0o644); err != nil {
		return fmt.Errorf("write site: %w", err)
	}
	s.mu.Lock()
	s.st.Written++
	s.mu.Unlock()
	return nil
}

// staleAfter is how old a staging folder must be before a later build
// takes it for the leftover of a build that was killed, and removes it,
// when it cannot tell from the process id in its name.
const staleAfter = time.Hour

// removeStale removes staging folders (and old sites being removed) that
// killed builds left in parent: at once when the process that made one
// has ended, otherwise when it is older than staleAfter.
func removeStale(parent, prefix string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		if pid, _, ok := strings.Cut(strings.TrimPrefix(e.Name(), prefix), "-"); ok {
			if n, err := strconv.Atoi(pid); err == nil && n != os.Getpid() && !running(n) {
				os.RemoveAll(filepath.Join(parent, e.Name()))
				continue
			}
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleAfter {
			os.RemoveAll(filepath.Join(parent, e.Name()))
		}
	}
}

// mkdir makes folder d of the stage (a slash path, "." for the root) and
// its parents, each once: every Put into a folder waits until the first
// has made it. Parents are made first, so each folder costs one mkdir call.
func (s *Stage) mkdir(d string) error {
	if d == "." {
		return nil
	}
	s.mu.Lock()
	f := s.made[d]
	if f == nil {
		f = &folder{}
		s.made[d] = f
	}
	s.mu.Unlock()
	f.once.Do(func() {
		if f.err = s.mkdir(path.Dir(d)); f.err != nil {
			return
		}
		f.err = os.Mkdir(filepath.Join(s.stage, filepath.FromSlash(d)), 0o755)
		if errors.Is(f.err, fs.ErrExist) {
			f.err = nil
		}
	})
	return f.err
}

// Commit puts the new site in place of the old one, with the marker file
// (MarkerName), and returns what changed; the marker is not counted.
// Files of the old site that were not put are gone. After a Put
// failed, Commit removes the staging folder and returns that failure. When Commit
// fails the destination is as it was before and the staging folder is
// gone, with one exception: an error that says removing the old site or
// the staging folder failed comes after the new site is in place.
func (s *Stage) Commit() (Stats, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.done {
		return s.st, errors.New("write site: stage already finished")
	}
	s.done = true
	defer unlock(s.lock)
	<-s.listed
	if err := cmp.Or(s.failed, s.listErr); err != nil {
		s.dropStage()
		return s.st, fmt.Errorf("write site: not committed: %w", err)
	}
	if err := s.putMarker(); err != nil {
		s.dropStage()
		return s.st, fmt.Errorf("write site: not committed: %w", err)
	}
	s.st.Removed = len(s.old)
	if s.update {
		return s.st, s.commitUpdate()
	}
	if err := swap(s.dir, s.stage); err != nil {
		os.RemoveAll(s.stage)
		return s.st, err
	}
	return s.st, nil
}

// putMarker stages the marker file, unless the current site has it with
// the same bytes, and takes it off the list of stale files. The caller
// holds s.mu and the listing is done.
func (s *Stage) putMarker() error {
	delete(s.old, MarkerName)
	if !s.update {
		return os.WriteFile(filepath.Join(s.stage, MarkerName), []byte(markerText), 0o644)
	}
	if _, ok := same(s.abs(MarkerName), []byte(markerText)); ok {
		return nil
	}
	name := filepath.Join(s.stage, "marker")
	if err := os.WriteFile(name, []byte(markerText), 0o644); err != nil {
		return err
	}
	s.marker = name
	return nil
}

// Abort removes the staging folder and leaves the destination as it was.
// It does nothing after Commit.
func (s *Stage) Abort() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.done {
		s.done = true
		s.dropStage()
		unlock(s.lock)
	}
}

// dropStage removes the staging folder of a site that is to stay as it
// was; a stage inside the destination (a mount point) also puts back the
// destination's modification time, which making the stage changed.
func (s *Stage) dropStage() {
	os.RemoveAll(s.stage)
	if !s.dirTime.IsZero() {
		os.Chtimes(s.dir, time.Time{}, s.dirTime)
	}
}

// errBusy says that another process holds the lock of a site.
var errBusy = errors.New("site locked")

// unlock lets go of a lock lockSite took.
func unlock(f *os.File) {
	if f != nil {
		f.Close()
	}
}
