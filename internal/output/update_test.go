package output

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// entry is what a snapshot records of one file or folder.
type entry struct {
	mode  fs.FileMode
	mtime time.Time
	data  string
}

// snapshot records every file and folder under dir, dir itself as ".".
func snapshot(t *testing.T, dir string) map[string]entry {
	t.Helper()
	got := map[string]entry{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := os.Lstat(p)
		if err != nil {
			return err
		}
		e := entry{mode: info.Mode(), mtime: info.ModTime()}
		if !d.IsDir() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			e.data = string(b)
		}
		rel, _ := filepath.Rel(dir, p)
		got[filepath.ToSlash(rel)] = e
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// sameSnapshot reports each difference between two snapshots.
func sameSnapshot(t *testing.T, got, want map[string]entry) {
	t.Helper()
	var paths []string
	for p := range want {
		paths = append(paths, p)
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	for _, p := range paths {
		g, gok := got[p]
		w, wok := want[p]
		switch {
		case !gok:
			t.Errorf("%s is missing", p)
		case !wok:
			t.Errorf("%s is extra", p)
		case g.mode != w.mode:
			t.Errorf("%s: mode %v, want %v", p, g.mode, w.mode)
		case !g.mtime.Equal(w.mtime):
			t.Errorf("%s: mtime %v, want %v", p, g.mtime, w.mtime)
		case g.data != w.data:
			t.Errorf("%s: %q, want %q", p, g.data, w.data)
		}
	}
}

// oldSite writes files (and the empty folders in dirs) to dir through
// Write and dates every entry a year back, so that any later change to a
// file or folder shows in its time.
func oldSite(t *testing.T, dir string, files map[string]string, dirs ...string) {
	t.Helper()
	if _, err := Write(dir, fileList(files)); err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	past := time.Now().Add(-365 * 24 * time.Hour).Truncate(time.Second)
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil {
			os.Chtimes(p, past, past)
		}
		return nil
	})
}

func fileList(files map[string]string) []File {
	var list []File
	for p, data := range files {
		list = append(list, File{p, []byte(data)})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Path < list[j].Path })
	return list
}

// stageOnly reports the entries of root other than public: staging
// folders left behind.
func stageOnly(t *testing.T, root string) {
	t.Helper()
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		if e.Name() != "public" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func TestUpdateMode(t *testing.T) {
	for _, tc := range []struct {
		name     string
		old      map[string]string
		oldDirs  []string // empty folders of the old site
		new      map[string]string
		stats    Stats
		keepDirs []string // folders that stay though no new file is in them
	}{{
		name:  "unchanged",
		old:   map[string]string{"index.html": "home", "a/b/index.html": "ab"},
		new:   map[string]string{"index.html": "home", "a/b/index.html": "ab"},
		stats: Stats{Unchanged: 2},
	}, {
		name:  "changed",
		old:   map[string]string{"index.html": "home", "a/index.html": "A"},
		new:   map[string]string{"index.html": "home", "a/index.html": "A2"},
		stats: Stats{Written: 1, Unchanged: 1},
	}, {
		name:  "same size, other bytes",
		old:   map[string]string{"index.html": "home"},
		new:   map[string]string{"index.html": "hone"},
		stats: Stats{Written: 1},
	}, {
		name:  "new files in new folders",
		old:   map[string]string{"index.html": "home"},
		new:   map[string]string{"index.html": "home", "x/y/z/index.html": "xyz", "x/y/w.css": "w"},
		stats: Stats{Written: 2, Unchanged: 1},
	}, {
		name: "stale files and the folders they leave empty",
		old: map[string]string{
			"index.html": "home", "gone/index.html": "g", "gone/deep/er/x.html": "x",
			"half/stale.html": "s", "half/kept.html": "k", "other/stale.html": "o",
		},
		oldDirs:  []string{"empty", "other/empty"},
		new:      map[string]string{"index.html": "home", "half/kept.html": "k"},
		stats:    Stats{Unchanged: 2, Removed: 4},
		keepDirs: []string{"empty", "other", "other/empty"},
	}, {
		name:  "file to folder",
		old:   map[string]string{"index.html": "home", "a": "file a", "b/c": "file c"},
		new:   map[string]string{"index.html": "home", "a/index.html": "folder a", "b/c/d/index.html": "folder c"},
		stats: Stats{Written: 2, Unchanged: 1, Removed: 2},
	}, {
		name:  "folder to file",
		old:   map[string]string{"index.html": "home", "a/index.html": "folder a", "a/b/x.html": "x", "c/d/e.html": "e"},
		new:   map[string]string{"index.html": "home", "a": "file a", "c/d": "file d"},
		stats: Stats{Written: 2, Unchanged: 1, Removed: 3},
	}, {
		name:    "folder of empty folders to file",
		old:     map[string]string{"index.html": "home", "a/x.html": "x"},
		oldDirs: []string{"a/empty/er", "b"},
		new:     map[string]string{"index.html": "home", "a": "file a", "b": "file b"},
		stats:   Stats{Written: 2, Unchanged: 1, Removed: 1},
	}, {
		name:  "everything gone",
		old:   map[string]string{"index.html": "home", "a/b.html": "b"},
		new:   map[string]string{},
		stats: Stats{Removed: 2},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, "public")
			oldSite(t, dir, tc.old, tc.oldDirs...)
			before := snapshot(t, dir)
			infos := map[string]os.FileInfo{}
			for p := range tc.old {
				infos[p], _ = os.Stat(filepath.Join(dir, p))
			}

			s, err := NewStage(dir)
			if err != nil {
				t.Fatal(err)
			}
			if !s.update {
				t.Fatal("a folder with files was not updated in place")
			}
			for _, f := range fileList(tc.new) {
				if err := s.Put(f.Path, f.Data); err != nil {
					t.Fatal(err)
				}
			}
			st, err := s.Commit()
			if err != nil {
				t.Fatal(err)
			}
			if st != tc.stats {
				t.Errorf("stats = %+v, want %+v", st, tc.stats)
			}

			after := snapshot(t, dir)
			wantDirs := map[string]bool{".": true}
			for _, d := range tc.keepDirs {
				wantDirs[d] = true
			}
			for p, data := range tc.new {
				for d := path.Dir(p); d != "."; d = path.Dir(d) {
					wantDirs[d] = true
				}
				e, ok := after[p]
				switch {
				case !ok || e.mode.IsDir():
					t.Errorf("%s: no file", p)
					continue
				case e.data != data:
					t.Errorf("%s = %q, want %q", p, e.data, data)
				case e.mode.Perm() != 0o644&^umask(t):
					t.Errorf("%s: mode %v", p, e.mode)
				}
				info, _ := os.Stat(filepath.Join(dir, p))
				if tc.old[p] == data {
					if !e.mtime.Equal(before[p].mtime) || !os.SameFile(info, infos[p]) {
						t.Errorf("%s: unchanged file was touched", p)
					}
				} else if e.mtime.Equal(before[p].mtime) || infos[p] != nil && os.SameFile(info, infos[p]) {
					t.Errorf("%s: changed file kept its old time or inode", p)
				}
			}
			for p, e := range after {
				if e.mode.IsDir() && !wantDirs[p] {
					t.Errorf("folder %s is left", p)
				}
				if !e.mode.IsDir() && tc.new[p] == "" && p != MarkerName {
					t.Errorf("file %s is left", p)
				}
			}
			if e := after[MarkerName]; e.data != markerText || !e.mtime.Equal(before[MarkerName].mtime) {
				t.Errorf("marker file = %q, %v; want it kept as it was", e.data, e.mtime)
			}
			for d := range wantDirs {
				if !after[d].mode.IsDir() {
					t.Errorf("folder %s is gone", d)
				}
			}
			stageOnly(t, root)
		})
	}
}

func umask(t *testing.T) fs.FileMode {
	t.Helper()
	p := filepath.Join(t.TempDir(), "probe")
	if err := os.WriteFile(p, nil, 0o777); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(p)
	return 0o777 &^ info.Mode().Perm()
}

// The old and new sites of the rollback tests: a file changed, one new
// in new folders, stale files leaving folders empty, a file becoming a
// folder and folders becoming files, one of them holding an empty folder
// (rollbackDirs) besides its stale file.
var (
	rollbackOld = map[string]string{
		"index.html": "home", "same/index.html": "same", "changed/index.html": "v1",
		"stale/deep/x.html": "stale", "stale/y.html": "stale too",
		"f": "file f", "g/index.html": "folder g", "g/h/i.html": "i", "k/x.html": "x",
	}
	rollbackDirs = []string{"empty", "k/e"}
	rollbackNew  = map[string]string{
		"index.html": "home", "same/index.html": "same", "changed/index.html": "v2",
		"new/a/b/index.html": "new", "f/index.html": "folder f", "g": "file g", "k": "file k",
	}
)

// commitWith builds the old site in a new folder, then commits the new
// site with the given stage set up by prepare, and returns the folder,
// the old site's snapshot and Commit's error.
func commitWith(t *testing.T, prepare func(s *Stage)) (string, map[string]entry, error) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "public")
	oldSite(t, dir, rollbackOld, rollbackDirs...)
	before := snapshot(t, dir)
	s, err := NewStage(dir)
	if err != nil {
		t.Fatal(err)
	}
	prepare(s)
	for _, f := range fileList(rollbackNew) {
		if err := s.Put(f.Path, f.Data); err != nil {
			t.Fatal(err)
		}
	}
	_, err = s.Commit()
	return dir, before, err
}

// failAfter makes every change s's Commit makes to the folder (renames,
// new folders, removals) count in *n, and fail once more than fail have
// been made; fail < 0 never fails.
func failAfter(s *Stage, n *int, fail int) {
	check := func() error {
		if *n++; fail >= 0 && *n > fail {
			return errors.New("injected failure")
		}
		return nil
	}
	s.rename = func(o, nn string) error {
		if err := check(); err != nil {
			return err
		}
		return os.Rename(o, nn)
	}
	s.makeDir = func(name string, perm fs.FileMode) error {
		if err := check(); err != nil {
			return err
		}
		return os.Mkdir(name, perm)
	}
	s.removeEntry = func(name string) error {
		if err := check(); err != nil {
			return err
		}
		return os.Remove(name)
	}
}

// TestUpdateCommitFailureRollsBack fails each change of a commit in turn
// (each rename, new folder and removal), with backups linked and with
// backups copied: every time, the folder must be as before, to the
// modification times, with no staging folder left, and the next build
// must work.
func TestUpdateCommitFailureRollsBack(t *testing.T) {
	changes := 0
	dir, _, err := commitWith(t, func(s *Stage) { failAfter(s, &changes, -1) })
	if err != nil {
		t.Fatal(err)
	}
	if got, want := tree(t, dir), withMarker(rollbackNew); !maps.Equal(got, want) {
		t.Fatalf("tree = %v, want %v", got, want)
	}
	if changes < 15 {
		t.Fatalf("only %d changes: the sites do not exercise the commit", changes)
	}
	for _, copyBackups := range []bool{false, true} {
		for fail := 0; fail < changes; fail++ {
			t.Run(fmt.Sprintf("copy=%v/change%d", copyBackups, fail), func(t *testing.T) {
				n := 0
				dir, before, err := commitWith(t, func(s *Stage) {
					failAfter(s, &n, fail)
					if copyBackups {
						s.link = func(string, string) error { return errors.New("no links here") }
					}
				})
				if err == nil || !strings.HasPrefix(err.Error(), "write site: ") || !strings.Contains(err.Error(), "injected failure") {
					t.Fatalf("err = %v", err)
				}
				sameSnapshot(t, snapshot(t, dir), before)
				stageOnly(t, filepath.Dir(dir))

				if _, err := Write(dir, fileList(rollbackNew)); err != nil {
					t.Fatal(err)
				}
				if got := tree(t, dir); !maps.Equal(got, withMarker(rollbackNew)) {
					t.Errorf("next build: tree = %v, want %v", got, rollbackNew)
				}
				stageOnly(t, filepath.Dir(dir))
			})
		}
	}
}

// A folder the build may not write into makes the commit fail as a real
// file system does. Permissions do not bind root, so this runs only as
// another user; TestUpdateCommitFailureRollsBack covers the rest.
func TestUpdateCommitReadOnlyFolderRollsBack(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("folder permissions do not stop this user")
	}
	var ro string
	dir, before, err := commitWith(t, func(s *Stage) {
		ro = filepath.Join(s.dir, "changed")
		if err := os.Chmod(ro, 0o555); err != nil {
			t.Fatal(err)
		}
	})
	defer os.Chmod(ro, 0o755)
	if err == nil || !strings.HasPrefix(err.Error(), "write site: ") {
		t.Fatalf("err = %v", err)
	}
	// The snapshot was taken before the chmod.
	after := snapshot(t, dir)
	if e := after["changed"]; e.mode.Perm() == 0o555 {
		e.mode = before["changed"].mode
		after["changed"] = e
	}
	sameSnapshot(t, after, before)
	stageOnly(t, filepath.Dir(dir))
}

func TestUpdateAbortLeavesDir(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	oldSite(t, dir, rollbackOld, "empty")
	before := snapshot(t, dir)
	s, err := NewStage(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fileList(rollbackNew) {
		if err := s.Put(f.Path, f.Data); err != nil {
			t.Fatal(err)
		}
	}
	s.Abort()
	sameSnapshot(t, snapshot(t, dir), before)
	stageOnly(t, root)
	if _, err := s.Commit(); err == nil {
		t.Error("Commit after Abort succeeded")
	}
}

// Put does not see a file that is also a folder of another; Commit
// refuses it before changing anything.
func TestUpdateRefusesFileAlsoFolder(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	oldSite(t, dir, map[string]string{"index.html": "home", "a": "a"})
	before := snapshot(t, dir)
	s, err := NewStage(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"index.html", "a", "a-b", "a/b"} {
		if err := s.Put(p, []byte("new")); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Commit(); err == nil || err.Error() != "write site: a is a file and also a folder of a/b" {
		t.Errorf("err = %v", err)
	}
	sameSnapshot(t, snapshot(t, dir), before)
	stageOnly(t, root)
}

// A missing or empty folder is written in fresh mode, an earlier build's
// in update mode.
func TestStageModes(t *testing.T) {
	root := t.TempDir()
	marked := func(dir string) {
		os.MkdirAll(dir, 0o755)
		os.WriteFile(filepath.Join(dir, MarkerName), []byte(markerText), 0o644)
	}
	for _, tc := range []struct {
		name   string
		setup  func(dir string)
		update bool
	}{
		{"missing", func(string) {}, false},
		{"empty", func(dir string) { os.Mkdir(dir, 0o755) }, false},
		{"marker only", marked, true},
		{"marker and folders", func(dir string) { marked(dir); os.MkdirAll(filepath.Join(dir, "a/b"), 0o755) }, true},
		{"marker and a file", func(dir string) { marked(dir); os.WriteFile(filepath.Join(dir, "x"), nil, 0o644) }, true},
	} {
		dir := filepath.Join(root, tc.name)
		tc.setup(dir)
		s, err := NewStage(dir)
		if err != nil {
			t.Fatal(err)
		}
		if s.update != tc.update {
			t.Errorf("%s: update = %v, want %v", tc.name, s.update, tc.update)
		}
		if err := s.Put("index.html", []byte("home")); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Commit(); err != nil {
			t.Fatal(err)
		}
		if got, want := tree(t, dir), withMarker(map[string]string{"index.html": "home"}); !maps.Equal(got, want) {
			t.Errorf("%s: tree = %v, want %v", tc.name, got, want)
		}
	}
}

// A folder that holds anything but no marker file is refused before
// anything is written, hidden files and lone folders too; a link to one
// is judged by the folder it points to.
func TestRefusesFolderNotMadeByBuild(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(dir string)
	}{
		{"a home folder", func(dir string) {
			os.MkdirAll(filepath.Join(dir, "Documents"), 0o755)
			os.WriteFile(filepath.Join(dir, "Documents", "cv.docx"), []byte("cv"), 0o644)
			os.MkdirAll(filepath.Join(dir, ".ssh"), 0o700)
			os.WriteFile(filepath.Join(dir, ".ssh", "id_rsa"), []byte("key"), 0o600)
		}},
		{"a hidden file only", func(dir string) { os.WriteFile(filepath.Join(dir, ".profile"), []byte("x"), 0o644) }},
		{"a hidden folder only", func(dir string) { os.Mkdir(filepath.Join(dir, ".git"), 0o755) }},
		{"an empty folder only", func(dir string) { os.Mkdir(filepath.Join(dir, "photos"), 0o755) }},
		{"a marker that is a folder", func(dir string) { os.MkdirAll(filepath.Join(dir, MarkerName, "x"), 0o755) }},
		{"a stage-like file", func(dir string) { os.WriteFile(filepath.Join(dir, stagePrefix+"1-2"), nil, 0o644) }},
	} {
		for _, viaLink := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/link=%v", tc.name, viaLink), func(t *testing.T) {
				root := t.TempDir()
				dir := filepath.Join(root, "home")
				os.Mkdir(dir, 0o755)
				tc.setup(dir)
				dest := dir
				if viaLink {
					dest = filepath.Join(root, "public")
					if err := os.Symlink("home", dest); err != nil {
						t.Fatal(err)
					}
				}
				before := snapshot(t, dir)
				for _, mounted := range []bool{false, true} {
					s, err := newStage(dest, func(string) bool { return mounted })
					var nerr *NotOutputError
					if !errors.As(err, &nerr) || nerr.Dir != dir {
						if s != nil {
							s.Abort()
						}
						t.Fatalf("mounted=%v: err = %v, want a NotOutputError for %s", mounted, err, dir)
					}
					if _, err := Write(dest, []File{{"index.html", []byte("home")}}); !errors.As(err, &nerr) {
						t.Errorf("Write: err = %v", err)
					}
				}
				sameSnapshot(t, snapshot(t, dir), before)
				if entries, _ := os.ReadDir(root); len(entries) != map[bool]int{false: 1, true: 2}[viaLink] {
					t.Errorf("%s holds %v: something was written beside the folder", root, entries)
				}
			})
		}
	}
}

// A refused folder's error says what would happen and names the folder.
func TestNotOutputErrorMessage(t *testing.T) {
	err := (&NotOutputError{Dir: "/home/jo"}).Error()
	want := "write site: /home/jo is not empty and was not made by foilog build (it has no .foilog file); a build makes its folder equal to the site and would delete everything else in it"
	if err != want {
		t.Errorf("error = %q, want %q", err, want)
	}
}

// Staging folders that killed builds left in a mount point, and its
// lost+found, do not make it a folder of someone else's files; the marker
// is in place after the first build, and after later ones.
func TestMountPointLeftoversAndMarker(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	os.MkdirAll(filepath.Join(dir, stagePrefix+"1-2", "x"), 0o755)
	os.WriteFile(filepath.Join(dir, stagePrefix+"1-2", "x", "n1"), []byte("half"), 0o644)
	os.Mkdir(filepath.Join(dir, "lost+found"), 0o700)
	old := time.Now().Add(-2 * time.Hour)
	os.Chtimes(filepath.Join(dir, stagePrefix+"1-2"), old, old)
	inside := func(string) bool { return true }
	for i, site := range []map[string]string{{"index.html": "v1"}, {"index.html": "v2", "a.css": "a"}} {
		s, err := newStage(dir, inside)
		if err != nil {
			t.Fatalf("build %d: %v", i+1, err)
		}
		for _, f := range fileList(site) {
			if err := s.Put(f.Path, f.Data); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.Commit(); err != nil {
			t.Fatalf("build %d: %v", i+1, err)
		}
		if got := tree(t, dir); !maps.Equal(got, withMarker(site)) {
			t.Errorf("build %d: tree = %v, want %v", i+1, got, withMarker(site))
		}
	}
	if info, err := os.Stat(filepath.Join(dir, "lost+found")); err != nil || !info.IsDir() {
		t.Errorf("lost+found: %v", err)
	}
	// Off a mount point, lost+found is a folder like any other.
	other := filepath.Join(root, "other")
	os.MkdirAll(filepath.Join(other, "lost+found"), 0o700)
	if _, err := NewStage(other); err == nil {
		t.Error("a folder holding lost+found that is not a mount point was taken")
	}
}

// The marker is in place after a first build, whether the folder was
// missing or empty, and stays, with its time, through update builds; a
// marker with other bytes is replaced, and counted in no Stats.
func TestMarker(t *testing.T) {
	root := t.TempDir()
	for _, existing := range []bool{false, true} {
		dir := filepath.Join(root, fmt.Sprint(existing))
		if existing {
			os.Mkdir(dir, 0o755)
		}
		st, err := Write(dir, []File{{"index.html", []byte("v1")}})
		if err != nil {
			t.Fatal(err)
		}
		if st != (Stats{Written: 1}) {
			t.Errorf("first build: stats = %+v", st)
		}
		if b, err := os.ReadFile(filepath.Join(dir, MarkerName)); err != nil || string(b) != markerText {
			t.Fatalf("first build: marker %q, %v", b, err)
		}
		past := time.Now().Add(-time.Hour).Truncate(time.Second)
		os.Chtimes(filepath.Join(dir, MarkerName), past, past)
		st, err = Write(dir, []File{{"index.html", []byte("v2")}})
		if err != nil || st != (Stats{Written: 1}) {
			t.Errorf("update build: stats = %+v, %v", st, err)
		}
		if info, err := os.Stat(filepath.Join(dir, MarkerName)); err != nil || !info.ModTime().Equal(past) {
			t.Errorf("update build: marker %v, %v; want it untouched", info, err)
		}
		// A marker of another wording, from an older foilog, is known by
		// its first words and rewritten.
		os.WriteFile(filepath.Join(dir, MarkerName), []byte(markerPrefix+" Older wording.\n"), 0o644)
		st, err = Write(dir, []File{{"index.html", []byte("v2")}})
		if err != nil || st != (Stats{Unchanged: 1}) {
			t.Errorf("build over an old marker: stats = %+v, %v", st, err)
		}
		if got := tree(t, dir); !maps.Equal(got, withMarker(map[string]string{"index.html": "v2"})) {
			t.Errorf("tree = %v", got)
		}
		// Another tool's file of that name does not make the folder
		// foilog's: nothing is written or removed.
		os.WriteFile(filepath.Join(dir, MarkerName), []byte("colour = blue\n"), 0o644)
		os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
		var nerr *NotOutputError
		if _, err := Write(dir, []File{{"index.html", []byte("v3")}}); !errors.As(err, &nerr) {
			t.Errorf("build over another tool's .foilog: %v, want a NotOutputError", err)
		}
		if got := tree(t, dir); !maps.Equal(got, map[string]string{".foilog": "colour = blue\n", "index.html": "v2", "notes.txt": "mine"}) {
			t.Errorf("after the refusal: tree = %v", got)
		}
		os.Remove(filepath.Join(dir, "notes.txt"))
	}
	if left, _ := filepath.Glob(filepath.Join(root, ".*")); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}

// Puts from many goroutines in update mode name distinct staged files.
func TestUpdatePutConcurrent(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	oldSite(t, dir, map[string]string{"index.html": "home", "a/0/0.html": "old"})
	s, err := NewStage(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"index.html": "home"}
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		for d := 0; d < 32; d++ {
			p := fmt.Sprintf("a/%d/%d.html", d, w)
			want[p] = p
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if w == 0 {
				s.Put("index.html", []byte("home"))
			}
			for d := 0; d < 32; d++ {
				p := fmt.Sprintf("a/%d/%d.html", d, w)
				if err := s.Put(p, []byte(p)); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	st, err := s.Commit()
	if err != nil {
		t.Fatal(err)
	}
	if st != (Stats{Written: 256, Unchanged: 1}) {
		t.Errorf("stats = %+v", st)
	}
	if got := tree(t, dir); !maps.Equal(got, withMarker(want)) {
		t.Errorf("tree = %v", got)
	}
}

// A caller that commits after a Put failed gets an error, not a site
// without that file, in both modes.
func TestCommitAfterFailedPutRefuses(t *testing.T) {
	for _, withOld := range []bool{false, true} {
		root := t.TempDir()
		dir := filepath.Join(root, "public")
		if withOld {
			oldSite(t, dir, rollbackOld, "empty")
		}
		var before map[string]entry
		if withOld {
			before = snapshot(t, dir)
		}
		s, err := NewStage(dir)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Put("a/index.html", []byte("new")); err != nil {
			t.Fatal(err)
		}
		if err := s.Put("a/index.html", []byte("again")); err == nil {
			t.Fatal("second Put at one path succeeded")
		}
		if _, err := s.Commit(); err == nil || !strings.Contains(err.Error(), "two files at a/index.html") {
			t.Errorf("update=%v: Commit after a failed Put = %v, want the Put's error", withOld, err)
		}
		if withOld {
			sameSnapshot(t, snapshot(t, dir), before)
		} else if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("fresh: %s exists after a refused Commit (%v)", dir, err)
		}
		stageOnly(t, root)
	}
}

// A destination that links to the folder a web server serves is updated
// where it points, and the link stays.
func TestUpdateThroughSymlink(t *testing.T) {
	root := t.TempDir()
	real := filepath.Join(root, "www")
	oldSite(t, real, map[string]string{"index.html": "old", "sub/a.html": "a", "gone.html": "g"})
	link := filepath.Join(root, "public")
	if err := os.Symlink("www", link); err != nil {
		t.Fatal(err)
	}
	st, err := Write(link, fileList(map[string]string{"index.html": "new", "sub/a.html": "a"}))
	if err != nil {
		t.Fatal(err)
	}
	if want := (Stats{Written: 1, Unchanged: 1, Removed: 1}); st != want {
		t.Errorf("stats = %+v, want %+v", st, want)
	}
	if target, err := os.Readlink(link); err != nil || target != "www" {
		t.Errorf("the link now reads %q, %v; want www", target, err)
	}
	if got, want := tree(t, real), withMarker(map[string]string{"index.html": "new", "sub/a.html": "a"}); !maps.Equal(got, want) {
		t.Errorf("the linked folder holds %v, want %v", got, want)
	}
}

// A Stage takes no file once it is finished.
func TestPutAfterAbortFails(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	oldSite(t, dir, map[string]string{"index.html": "home"})
	s, err := NewStage(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.Abort()
	if err := s.Put("index.html", []byte("home")); err == nil {
		t.Error("Put of an unchanged file after Abort succeeded")
	}
}

// Two builds of one site at once are refused: each could undo part of the
// other. The lock goes with the build that held it, however it ends.
func TestOneBuildAtATime(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no flock: builds are not serialised on Windows")
	}
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	oldSite(t, dir, map[string]string{"index.html": "home"})
	first, err := NewStage(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewStage(dir); err == nil || !strings.Contains(err.Error(), "another build is writing") {
		t.Errorf("second stage while the first runs: err = %v", err)
	}
	if stages, _ := filepath.Glob(filepath.Join(root, ".public.new-*")); len(stages) != 1 {
		t.Errorf("staging folders %v: want the first build's only", stages)
	}
	first.Abort()
	second, err := NewStage(dir)
	if err != nil {
		t.Fatalf("a stage after the first was aborted: %v", err)
	}
	if err := second.Put("index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	if _, err := second.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(dir, fileList(map[string]string{"index.html": "newer"})); err != nil {
		t.Errorf("a build after a commit: %v", err)
	}
}

// A destination that is a mount point (a container's volume) cannot be
// renamed, and a stage beside it is on another disk: the stage goes
// inside it, hidden, and the site is updated in place, new or not.
func TestMountPointDestination(t *testing.T) {
	inside := func(string) bool { return true }
	for _, withOld := range []bool{false, true} {
		root := t.TempDir()
		dir := filepath.Join(root, "public")
		if withOld {
			oldSite(t, dir, map[string]string{"index.html": "home", "gone/index.html": "g", "same.css": "s"})
		} else if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		var sameBefore os.FileInfo
		if withOld {
			sameBefore, _ = os.Stat(filepath.Join(dir, "same.css"))
		}
		s, err := newStage(dir, inside)
		if err != nil {
			t.Fatal(err)
		}
		newSite := map[string]string{"index.html": "new home", "a/b/index.html": "ab", "same.css": "s"}
		for _, f := range fileList(newSite) {
			if err := s.Put(f.Path, f.Data); err != nil {
				t.Fatal(err)
			}
		}
		if stages, _ := filepath.Glob(filepath.Join(dir, stagePrefix+"*")); len(stages) != 1 {
			t.Errorf("old=%v: stages inside the mount point before Commit: %v, want one", withOld, stages)
		}
		stageOnly(t, root) // and none beside it
		if _, err := s.Commit(); err != nil {
			t.Fatalf("old=%v: %v", withOld, err)
		}
		if got := tree(t, dir); !maps.Equal(got, withMarker(newSite)) {
			t.Errorf("old=%v: site = %v, want %v", withOld, got, newSite)
		}
		if withOld {
			if after, _ := os.Stat(filepath.Join(dir, "same.css")); !os.SameFile(sameBefore, after) {
				t.Errorf("an unchanged file was replaced")
			}
		}
	}

	// A failed commit leaves the mount point as it was, stage gone.
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	oldSite(t, dir, rollbackOld, rollbackDirs...)
	before := snapshot(t, dir)
	s, err := newStage(dir, inside)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	failAfter(s, &n, 5)
	for _, f := range fileList(rollbackNew) {
		if err := s.Put(f.Path, f.Data); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Commit(); err == nil {
		t.Fatal("a commit with a failing rename succeeded")
	}
	sameSnapshot(t, snapshot(t, dir), before)
}

func TestMountPoint(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("/proc is a mount point on Linux")
	}
	if !mountPoint("/proc") {
		t.Error("/proc is not taken for a mount point")
	}
	if dir := t.TempDir(); mountPoint(dir) {
		t.Errorf("%s is taken for a mount point", dir)
	}
}

// The marker a first build places in a mount point is undone with the
// rest of a commit that fails.
func TestMountPointFailedFirstBuildTakesMarkerBack(t *testing.T) {
	for fail := 0; fail < 3; fail++ {
		dir := filepath.Join(t.TempDir(), "public")
		os.Mkdir(dir, 0o755)
		before := snapshot(t, dir)
		s, err := newStage(dir, func(string) bool { return true })
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		failAfter(s, &n, fail)
		for _, f := range fileList(map[string]string{"index.html": "home", "a/b.html": "b"}) {
			if err := s.Put(f.Path, f.Data); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.Commit(); err == nil || !strings.Contains(err.Error(), "injected failure") {
			t.Fatalf("fail=%d: err = %v", fail, err)
		}
		sameSnapshot(t, snapshot(t, dir), before)
	}
}
