package server

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/foilog/foilog/internal/config"
	"github.com/fsnotify/fsnotify"
)

// WatchedDirs are the folders of a site root that the Watcher follows,
// with every folder inside them. The site config file, config.FileName, is
// watched too.
var WatchedDirs = []string{"content", "layouts", "static"}

// Op is what happened to a path. A path may see several operations in one
// Change, so Op is a set.
type Op uint8

// The operations a Change reports.
const (
	// Created: a new file or folder appeared.
	Created Op = 1 << iota
	// Changed: an existing file was written to, or replaced by an editor
	// that saves into a temporary file and renames it over the original.
	Changed
	// Removed: the path was deleted.
	Removed
	// Renamed: the path was moved away; its new name, when it is inside
	// the site, arrives as Created.
	Renamed
)

// String returns the operations in words joined by "+": "created",
// "changed", "created+changed".
func (o Op) String() string {
	var parts []string
	for _, x := range []struct {
		op   Op
		name string
	}{{Created, "created"}, {Changed, "changed"}, {Removed, "removed"}, {Renamed, "renamed"}} {
		if o&x.op != 0 {
			parts = append(parts, x.name)
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, "+")
}

// Has reports whether o includes every operation of x.
func (o Op) Has(x Op) bool { return o&x == x && x != 0 }

// Event is what happened to one path during a Change.
type Event struct {
	// Path is slash-separated and relative to the site root
	// ("content/responses/cctv.md").
	Path string
	Op   Op
}

// Change is a burst of file-system events coalesced into one rebuild: one
// Event per path, sorted by Path. Temporary files that were created and
// gone again within the burst, editor swap and backup files, and events
// outside the watched folders are left out.
type Change []Event

// Op returns the operations seen on path p, or 0 when p did not change.
func (c Change) Op(p string) Op {
	i := sort.Search(len(c), func(i int) bool { return c[i].Path >= p })
	if i < len(c) && c[i].Path == p {
		return c[i].Op
	}
	return 0
}

// String describes the change for the terminal: "content/responses/a.md
// changed", or "3 files changed: a, b, c" (listing at most three).
func (c Change) String() string {
	switch len(c) {
	case 0:
		return "no change"
	case 1:
		return c[0].Path + " " + c[0].Op.String()
	}
	names := make([]string, 0, 3)
	for i := 0; i < len(c) && i < 3; i++ {
		names = append(names, c[i].Path)
	}
	more := ""
	if len(c) > 3 {
		more = ", …"
	}
	return fmt.Sprintf("%d paths changed: %s%s", len(c), strings.Join(names, ", "), more)
}

// Watcher follows a site's source files with fsnotify and reports bursts
// of changes. Create it with NewWatcher, then call Run once.
type Watcher struct {
	root  string // absolute, cleaned
	fw    *fsnotify.Watcher
	quiet time.Duration
	// maxWait bounds how long a continuous stream of events can delay a
	// rebuild.
	maxWait time.Duration
	// OnError, when set before Run, receives problems the watcher meets,
	// such as a folder it cannot watch. They do not stop it.
	OnError func(error)

	mu      sync.Mutex
	known   map[string]bool // relative paths of files and folders seen to exist
	pending map[string]Op
	last    time.Time // when the latest pending event arrived
	first   time.Time // when the oldest pending event arrived
}

// DefaultDebounce is the quiet time a Watcher waits after the last event
// of a burst before it reports the burst. Every save waits for it, so it
// is short: an editor's save (a write, or a temporary file renamed over
// the original) and the files of a checkout arrive well within it of one
// another. A burst it splits costs one more rebuild, nothing else.
const DefaultDebounce = 25 * time.Millisecond

// NewWatcher starts watching the site at root: the folders WatchedDirs
// (with every folder inside them, including ones created later) and the
// file config.FileName. Watches are in place when it returns, so changes
// made afterwards are seen. quiet is the time to wait after the last event
// of a burst before reporting it; 0 means DefaultDebounce.
func NewWatcher(root string, quiet time.Duration) (*Watcher, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, fmt.Errorf("watch %s: %w", root, err)
	}
	if quiet <= 0 {
		quiet = DefaultDebounce
	}
	fw, err := fsnotify.NewBufferedWatcher(4096)
	if err != nil {
		return nil, fmt.Errorf("watch %s: %w", root, watchHint(err))
	}
	w := &Watcher{root: filepath.Clean(abs), fw: fw, quiet: quiet, maxWait: 2 * time.Second,
		known: map[string]bool{}, pending: map[string]Op{}}
	// The root itself is watched (not recursively) to see foilog.yaml and
	// the watched folders appear, disappear or be replaced.
	if err := fw.Add(w.root); err != nil {
		fw.Close()
		return nil, fmt.Errorf("watch %s: %w", root, watchHint(err))
	}
	for _, d := range WatchedDirs {
		if err := w.addTree(d, false); err != nil {
			fw.Close()
			return nil, err
		}
	}
	if _, err := os.Lstat(filepath.Join(w.root, config.FileName)); err == nil {
		w.known[config.FileName] = true
	}
	return w, nil
}

// watchHint explains the errors inotify gives when its limits are reached.
func watchHint(err error) error {
	if errors.Is(err, syscall.ENOSPC) {
		return fmt.Errorf("%w (the system limit on watched folders is reached; raise it with `sudo sysctl fs.inotify.max_user_watches=524288`)", err)
	}
	if errors.Is(err, syscall.EMFILE) {
		return fmt.Errorf("%w (too many watchers are open; raise `fs.inotify.max_user_instances`)", err)
	}
	return err
}

// addTree watches the folder rel and every folder inside it, and records
// the files in it. When report is true, files and folders not seen before
// are added to the pending change as Created: they may have been written
// before the watch was in place.
func (w *Watcher) addTree(rel string, report bool) error {
	top := filepath.Join(w.root, filepath.FromSlash(rel))
	err := filepath.WalkDir(top, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // gone again, or never there
			}
			w.reportError(fmt.Errorf("watch %s: %w", p, err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		r := w.relative(p)
		if p != top && ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			return nil // the site does not follow links; neither does the watcher
		}
		w.mu.Lock()
		if report && !w.known[r] {
			w.addPending(r, Created)
		}
		w.known[r] = true
		w.mu.Unlock()
		if d.IsDir() {
			if err := w.fw.Add(p); err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					return fs.SkipDir
				}
				return fmt.Errorf("watch %s: %w", p, watchHint(err))
			}
		}
		return nil
	})
	return err
}

// relative returns the slash path of the absolute path p under the root.
func (w *Watcher) relative(p string) string {
	r, err := filepath.Rel(w.root, p)
	if err != nil {
		return filepath.ToSlash(p)
	}
	return filepath.ToSlash(r)
}

func (w *Watcher) reportError(err error) {
	if w.OnError != nil {
		w.OnError(err)
	}
}

// ignored reports whether a file name belongs to an editor's scratch files
// (swap files, backups, lock files), hidden files, or a version-control
// folder: none of them is part of the site.
func ignored(name string) bool {
	switch {
	case name == "" || strings.HasPrefix(name, "."), // hidden, .git, vim .x.swp, atomic writers' .x.tmp
		strings.HasSuffix(name, "~"),                                 // backups
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"), // emacs autosave
		strings.HasPrefix(name, ".#"),                                // emacs lock
		strings.HasSuffix(name, ".swp"), strings.HasSuffix(name, ".swx"), strings.HasSuffix(name, ".swo"),
		strings.HasSuffix(name, ".kate-swp"),
		name == "4913": // vim's test of whether it may write in a folder
		return true
	}
	return false
}

// watched reports whether the slash path rel is part of the site sources
// the watcher follows.
func watched(rel string) bool {
	if rel == config.FileName {
		return true
	}
	top, _, _ := strings.Cut(rel, "/")
	for _, d := range WatchedDirs {
		if top == d {
			return true
		}
	}
	return false
}

// addPending records op on rel. The caller holds w.mu.
func (w *Watcher) addPending(rel string, op Op) {
	now := time.Now()
	if len(w.pending) == 0 {
		w.first = now
	}
	w.last = now
	w.pending[rel] |= op
}

// handle turns one fsnotify event into pending operations.
func (w *Watcher) handle(ev fsnotify.Event) {
	rel := w.relative(ev.Name)
	if rel == "." || strings.HasPrefix(rel, "../") || !watched(rel) {
		return
	}
	for _, part := range strings.Split(rel, "/") {
		if ignored(part) {
			return
		}
	}
	switch {
	case ev.Has(fsnotify.Create), ev.Has(fsnotify.Write):
		info, err := os.Lstat(ev.Name)
		if err != nil {
			// Gone again already: a temporary file, or a delete that
			// follows. The Remove or Rename event reports it.
			w.mu.Lock()
			if w.known[rel] {
				w.addPending(rel, Removed)
				w.forget(rel)
			} else {
				w.addPending(rel, Created) // take drops it unless it reappears
			}
			w.mu.Unlock()
			return
		}
		if info.IsDir() {
			if ev.Has(fsnotify.Create) {
				if err := w.addTree(rel, true); err != nil {
					w.reportError(err)
				}
			}
			return
		}
		w.mu.Lock()
		op := Changed
		if ev.Has(fsnotify.Create) && !w.known[rel] {
			op = Created
		}
		w.known[rel] = true
		w.addPending(rel, op)
		w.mu.Unlock()
	case ev.Has(fsnotify.Remove), ev.Has(fsnotify.Rename):
		op := Removed
		if ev.Has(fsnotify.Rename) {
			op = Renamed
		}
		w.mu.Lock()
		w.addPending(rel, op)
		w.forget(rel)
		w.mu.Unlock()
		// A folder that moved keeps inotify watches on its inner folders
		// under their old names: drop them; the new name is added afresh.
		prefix := ev.Name + string(filepath.Separator)
		for _, p := range w.fw.WatchList() {
			if p == ev.Name || strings.HasPrefix(p, prefix) {
				_ = w.fw.Remove(p)
			}
		}
	}
	// Chmod alone changes nothing the site reads.
}

// forget drops rel and everything under it from the known paths. The
// caller holds w.mu.
func (w *Watcher) forget(rel string) {
	delete(w.known, rel)
	prefix := rel + "/"
	for k := range w.known {
		if strings.HasPrefix(k, prefix) {
			delete(w.known, k)
		}
	}
}

// take returns the pending change and clears it. Paths that were created
// and no longer exist (temporary files) are dropped, and so is a
// change made only of them.
func (w *Watcher) take() Change {
	w.mu.Lock()
	pending := w.pending
	w.pending = map[string]Op{}
	w.mu.Unlock()
	c := make(Change, 0, len(pending))
	for p, op := range pending {
		if op&Created != 0 {
			op &^= Changed // the writes that filled a new file are part of its creation
		}
		if op&Created != 0 {
			if _, err := os.Lstat(filepath.Join(w.root, filepath.FromSlash(p))); err != nil {
				continue // created and gone within the burst
			}
		}
		c = append(c, Event{Path: p, Op: op})
	}
	sort.Slice(c, func(i, j int) bool { return c[i].Path < c[j].Path })
	return c
}

// idle reports whether no change is pending.
func (w *Watcher) idle() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.pending) == 0
}

// due returns how long to wait before the pending change should be
// reported, and whether anything is pending.
func (w *Watcher) due() (time.Duration, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.pending) == 0 {
		return 0, false
	}
	at := w.last.Add(w.quiet)
	if limit := w.first.Add(w.maxWait); limit.Before(at) {
		at = limit
	}
	return max(0, time.Until(at)), true
}

// Run reports bursts of changes to rebuild until ctx is done, then closes
// the watcher. A burst is reported once no event has arrived for the quiet
// time (or after two seconds of continuous events). rebuild runs on one
// goroutine at a time; events that arrive while it runs are collected and
// reported in one more call after it returns. Run returns after the last
// call to rebuild has returned.
func (w *Watcher) Run(ctx context.Context, rebuild func(Change)) error {
	defer w.fw.Close()
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	building := false
	done := make(chan struct{})
	schedule := func() {
		if building {
			return
		}
		if d, ok := w.due(); ok {
			timer.Reset(d)
		}
	}
	for {
		select {
		case <-ctx.Done():
			timer.Stop()
			if building {
				<-done
			}
			return nil
		case ev, ok := <-w.fw.Events:
			if !ok {
				return nil
			}
			w.handle(ev)
			schedule()
		case err, ok := <-w.fw.Errors:
			if !ok {
				return nil
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// Events were lost: rebuild everything to be safe.
				w.mu.Lock()
				w.addPending(".", Changed)
				w.mu.Unlock()
				schedule()
				err = fmt.Errorf("%w: too many changes at once, rebuilding everything", err)
			}
			w.reportError(err)
		case <-timer.C:
			if d, ok := w.due(); !ok {
				continue
			} else if d > 0 {
				timer.Reset(d)
				continue
			}
			c := w.take()
			if len(c) == 0 {
				continue
			}
			building = true
			go func() {
				defer func() { done <- struct{}{} }()
				rebuild(c)
			}()
		case <-done:
			building = false
			schedule()
		}
	}
}

// Close stops watching. Run returns when it notices.
func (w *Watcher) Close() error { return w.fw.Close() }
