package output

import (
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		if !d.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			got[filepath.ToSlash(rel)] = string(b)
		}
		return nil
	})
	return got
}

// withMarker returns files with the marker file every build leaves.
func withMarker(files map[string]string) map[string]string {
	m := maps.Clone(files)
	if m == nil {
		m = map[string]string{}
	}
	m[MarkerName] = markerText
	return m
}

func TestWriteReplacesPrunesAndKeepsTimes(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	st, err := Write(dir, []File{{"index.html", []byte("home")}, {"a/index.html", []byte("A")}, {"old/index.html", []byte("gone soon")}})
	if err != nil || st.Written != 3 {
		t.Fatalf("first write: %+v, %v", st, err)
	}
	past := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, p := range []string{"index.html", "a/index.html"} {
		os.Chtimes(filepath.Join(dir, p), past, past)
	}
	st, err = Write(dir, []File{{"index.html", []byte("home")}, {"a/index.html", []byte("A changed")}, {"b/x.css", []byte("x")}})
	if err != nil {
		t.Fatal(err)
	}
	if st != (Stats{Written: 2, Unchanged: 1, Removed: 1}) {
		t.Errorf("stats = %+v", st)
	}
	want := withMarker(map[string]string{"index.html": "home", "a/index.html": "A changed", "b/x.css": "x"})
	got := tree(t, dir)
	if len(got) != len(want) {
		t.Errorf("tree = %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	if info, _ := os.Stat(filepath.Join(dir, "index.html")); !info.ModTime().Equal(past) {
		t.Errorf("unchanged file was rewritten: mtime %v", info.ModTime())
	}
	if info, _ := os.Stat(filepath.Join(dir, "a/index.html")); info.ModTime().Equal(past) {
		t.Error("changed file kept its old time")
	}
	stageOnly(t, root)
}

func TestWriteRejectsBadPathsAndLeavesSite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if _, err := Write(dir, []File{{"index.html", []byte("v1")}}); err != nil {
		t.Fatal(err)
	}
	for _, files := range [][]File{
		{{"../escape.html", nil}},
		{{"/abs", nil}},
		{{"a", nil}, {"a/b", nil}},
		{{"x", nil}, {"x", nil}},
		{{MarkerName, []byte("a site's own file")}},
	} {
		if _, err := Write(dir, files); err == nil || !strings.Contains(err.Error(), "write site") {
			t.Errorf("Write(%v) err = %v", files, err)
		}
	}
	if got := tree(t, dir); len(got) != 2 || got["index.html"] != "v1" || got[MarkerName] != markerText {
		t.Errorf("site changed after failed writes: %v", got)
	}
}

func TestWriteRefusesFileAsDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	os.WriteFile(dir, []byte("not a folder"), 0o644)
	if _, err := Write(dir, []File{{"index.html", nil}}); err == nil {
		t.Fatal("wrote over a file")
	}
}

// TestStagePutConcurrentSameFolder puts many files of the same new folders
// from many goroutines at once, as the site's render workers do: a Put must
// never find its folder still being made by another.
func TestStagePutConcurrentSameFolder(t *testing.T) {
	for round := 0; round < 5; round++ {
		s, err := NewStage(filepath.Join(t.TempDir(), "public"))
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		errs := make(chan error, 64*8)
		for w := 0; w < 8; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for d := 0; d < 64; d++ {
					p := fmt.Sprintf("a/b/c/d%d/e/%d.html", d, w)
					if err := s.Put(p, []byte(p)); err != nil {
						errs <- err
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatalf("round %d: %v", round, err)
		}
		if _, err := s.Commit(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestStaleStagesAreRemoved(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	old := filepath.Join(root, ".public.new-123")
	recent := filepath.Join(root, ".public.new-456")
	other := filepath.Join(root, ".other.new-1")
	for _, d := range []string{old, recent, other} {
		os.MkdirAll(filepath.Join(d, "x"), 0o755)
	}
	past := time.Now().Add(-2 * time.Hour)
	os.Chtimes(old, past, past)
	os.Chtimes(other, past, past)
	if _, err := Write(dir, []File{{"index.html", []byte("x")}}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Error("a staging folder left by a killed build two hours ago is still there")
	}
	for _, d := range []string{recent, other} {
		if _, err := os.Stat(d); err != nil {
			t.Errorf("%s was removed: it may belong to a build still running, or to another site", d)
		}
	}
}

// A staging folder names the process that made it: a later build removes
// it at once when that process has ended, and keeps it while it runs.
func TestStagesOfEndedBuildsAreRemovedAtOnce(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("process ids are not checked on Windows: staging folders go by age alone")
	}
	ended := exec.Command("true")
	if err := ended.Run(); err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	dead := filepath.Join(root, fmt.Sprintf(".public.new-%d-123", ended.Process.Pid))
	live := filepath.Join(root, fmt.Sprintf(".public.new-%d-456", os.Getppid()))
	for _, d := range []string{dead, live} {
		os.MkdirAll(filepath.Join(d, "x"), 0o755)
	}
	s, err := NewStage(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	if _, err := os.Stat(dead); !os.IsNotExist(err) {
		t.Error("the staging folder of a build that has ended is still there")
	}
	if _, err := os.Stat(live); err != nil {
		t.Error("the staging folder of a running build was removed")
	}
	if want := fmt.Sprintf(".public.new-%d-", os.Getpid()); !strings.HasPrefix(filepath.Base(s.stage), want) {
		t.Errorf("staging folder %s does not start with %s", filepath.Base(s.stage), want)
	}
}

// A file that is also a folder of another is refused even when a third
// path sorts between them ("a-b" sorts between "a" and "a/b").
func TestWriteRefusesFileAlsoFolderAcrossNeighbours(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	_, err := Write(dir, []File{{"a", nil}, {"a-b", nil}, {"a/b", nil}})
	if err == nil || err.Error() != "write site: a is a file and also a folder of a/b" {
		t.Errorf("err = %v", err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Error("something was written")
	}
}
