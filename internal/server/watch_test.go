package server

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// watchSite creates a small site in a temporary folder, watches it and
// returns the folder and a channel of the changes reported.
func watchSite(t *testing.T, build func(Change)) (string, <-chan Change) {
	t.Helper()
	root := t.TempDir()
	writeFile(t, root, "foilog.yaml", "title: Test log\n")
	writeFile(t, root, "content/responses/a.md", "---\ntitle: A\n---\nBody\n")
	writeFile(t, root, "layouts/partials/footer.html", "<footer></footer>\n")
	writeFile(t, root, "public/index.html", "old output\n")
	w, err := NewWatcher(root, 0)
	if err != nil {
		t.Fatal(err)
	}
	ch := make(chan Change, 100)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = w.Run(ctx, func(c Change) {
			if build != nil {
				build(c)
			}
			ch <- c
		})
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	return root, ch
}

func writeFile(t *testing.T, root, rel, text string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// next waits for the next change.
func next(t *testing.T, ch <-chan Change) Change {
	t.Helper()
	select {
	case c := <-ch:
		return c
	case <-time.After(3 * time.Second):
		t.Fatal("no rebuild within 3s")
		return nil
	}
}

// settle merges the changes reported until none arrives for 300ms: for
// operations that take several system calls (mkdir -p, rm -r), which a
// busy machine may spread over more than one debounce period.
func settle(t *testing.T, ch <-chan Change) Change {
	t.Helper()
	ops := map[string]Op{}
	for _, e := range next(t, ch) {
		ops[e.Path] |= e.Op
	}
	for {
		select {
		case c := <-ch:
			for _, e := range c {
				ops[e.Path] |= e.Op
			}
		case <-time.After(300 * time.Millisecond):
			var c Change
			for p, op := range ops {
				c = append(c, Event{p, op})
			}
			slices.SortFunc(c, func(a, b Event) int { return strings.Compare(a.Path, b.Path) })
			return c
		}
	}
}

// quietFor asserts that no change is reported for d.
func quietFor(t *testing.T, ch <-chan Change, d time.Duration) {
	t.Helper()
	select {
	case c := <-ch:
		t.Fatalf("unexpected rebuild for %v", c)
	case <-time.After(d):
	}
}

func events(pairs ...any) Change {
	var c Change
	for i := 0; i < len(pairs); i += 2 {
		c = append(c, Event{Path: pairs[i].(string), Op: pairs[i+1].(Op)})
	}
	return c
}

func sameChange(t *testing.T, got, want Change) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("change = %v, want %v", fmt.Sprint(got), fmt.Sprint(want))
	}
}

func TestWatchCreateEditDelete(t *testing.T) {
	root, ch := watchSite(t, nil)

	writeFile(t, root, "content/responses/new.md", "---\ntitle: New\n---\n")
	sameChange(t, next(t, ch), events("content/responses/new.md", Created))

	writeFile(t, root, "content/responses/a.md", "---\ntitle: A edited\n---\n")
	sameChange(t, next(t, ch), events("content/responses/a.md", Changed))

	if err := os.Remove(filepath.Join(root, "content/responses/new.md")); err != nil {
		t.Fatal(err)
	}
	sameChange(t, next(t, ch), events("content/responses/new.md", Removed))

	writeFile(t, root, "foilog.yaml", "title: Renamed log\n")
	sameChange(t, next(t, ch), events("foilog.yaml", Changed))

	writeFile(t, root, "layouts/partials/footer.html", "<footer>new</footer>\n")
	sameChange(t, next(t, ch), events("layouts/partials/footer.html", Changed))
}

func TestWatchRename(t *testing.T) {
	root, ch := watchSite(t, nil)
	if err := os.Rename(filepath.Join(root, "content/responses/a.md"), filepath.Join(root, "content/responses/b.md")); err != nil {
		t.Fatal(err)
	}
	sameChange(t, next(t, ch), events("content/responses/a.md", Renamed, "content/responses/b.md", Created))
}

func TestWatchNewFolderThenFile(t *testing.T) {
	root, ch := watchSite(t, nil)
	if err := os.Mkdir(filepath.Join(root, "content/responses/bundle"), 0o755); err != nil {
		t.Fatal(err)
	}
	sameChange(t, next(t, ch), events("content/responses/bundle", Created))

	// The new folder is watched: a file written in it later is seen.
	writeFile(t, root, "content/responses/bundle/index.md", "---\ntitle: Bundle\n---\n")
	sameChange(t, next(t, ch), events("content/responses/bundle/index.md", Created))
	writeFile(t, root, "content/responses/bundle/figures.csv", "a,b\n")
	sameChange(t, next(t, ch), events("content/responses/bundle/figures.csv", Created))
}

func TestWatchNestedFoldersAtOnce(t *testing.T) {
	// Folders and files created faster than watches can be added (an
	// unzip, a git checkout) are all reported.
	root, ch := watchSite(t, nil)
	writeFile(t, root, "static/assets/img/deep/logo.png", "png")
	got := settle(t, ch)
	for _, p := range []string{"static", "static/assets", "static/assets/img", "static/assets/img/deep", "static/assets/img/deep/logo.png"} {
		if !got.Op(p).Has(Created) {
			t.Errorf("%s not reported as created in %v", p, got)
		}
	}
	writeFile(t, root, "static/assets/img/deep/more.png", "png")
	sameChange(t, next(t, ch), events("static/assets/img/deep/more.png", Created))
}

func TestWatchBurstIsOneRebuild(t *testing.T) {
	root, ch := watchSite(t, nil)
	for i := 0; i < 50; i++ {
		writeFile(t, root, fmt.Sprintf("content/responses/r%02d.md", i%10), fmt.Sprintf("---\ntitle: R%d\n---\n", i))
	}
	first := next(t, ch)
	builds, paths := 1, map[string]bool{}
	for _, e := range first {
		paths[e.Path] = true
	}
	deadline := time.After(400 * time.Millisecond)
loop:
	for {
		select {
		case c := <-ch:
			builds++
			for _, e := range c {
				paths[e.Path] = true
			}
		case <-deadline:
			break loop
		}
	}
	if builds > 2 {
		t.Errorf("50 writes caused %d rebuilds, want 1 or 2", builds)
	}
	if len(paths) != 10 {
		t.Errorf("rebuilds reported %d paths, want the 10 files written", len(paths))
	}
}

func TestWatchEditorSaveByRename(t *testing.T) {
	root, ch := watchSite(t, nil)
	dir := filepath.Join(root, "content/responses")
	// Like vim with backupcopy=no, or VS Code and JetBrains "safe write":
	// write a temporary file, then rename it over the original.
	for _, tmp := range []string{".a.md.swp.tmp", "a.md.tmp.12345", "a.md~"} {
		if err := os.WriteFile(filepath.Join(dir, tmp), []byte("---\ntitle: A saved\n---\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(filepath.Join(dir, tmp), filepath.Join(dir, "a.md")); err != nil {
			t.Fatal(err)
		}
		sameChange(t, next(t, ch), events("content/responses/a.md", Changed))
	}
	// The file is still watched after being replaced.
	writeFile(t, root, "content/responses/a.md", "---\ntitle: A again\n---\n")
	sameChange(t, next(t, ch), events("content/responses/a.md", Changed))
}

func TestWatchIgnoresOutputAndScratchFiles(t *testing.T) {
	root, ch := watchSite(t, nil)
	writeFile(t, root, "public/index.html", "new output\n")
	writeFile(t, root, "README.md", "notes\n")
	writeFile(t, root, "content/responses/.a.md.swp", "swap")
	writeFile(t, root, "content/responses/4913", "")
	writeFile(t, root, ".git/index", "x")
	quietFor(t, ch, 300*time.Millisecond)
}

func TestWatchRebuildsAgainAfterEventsDuringBuild(t *testing.T) {
	started, release := make(chan struct{}), make(chan struct{})
	calls := 0
	root, ch := watchSite(t, func(c Change) {
		calls++
		if calls == 1 {
			close(started)
			<-release // a slow build
		}
	})
	writeFile(t, root, "content/responses/a.md", "one")
	<-started
	writeFile(t, root, "content/responses/b.md", "two")
	writeFile(t, root, "content/responses/c.md", "three")
	time.Sleep(300 * time.Millisecond) // more than the debounce: no build starts meanwhile
	close(release)
	sameChange(t, next(t, ch), events("content/responses/a.md", Changed))
	sameChange(t, next(t, ch), events("content/responses/b.md", Created, "content/responses/c.md", Created))
	quietFor(t, ch, 200*time.Millisecond)
}

func TestWatchFolderRenamedAndDeleted(t *testing.T) {
	root, ch := watchSite(t, nil)
	writeFile(t, root, "content/responses/old/index.md", "x")
	settle(t, ch)
	if err := os.Rename(filepath.Join(root, "content/responses/old"), filepath.Join(root, "content/responses/new")); err != nil {
		t.Fatal(err)
	}
	got := settle(t, ch)
	if !got.Op("content/responses/old").Has(Renamed) || !got.Op("content/responses/new").Has(Created) ||
		!got.Op("content/responses/new/index.md").Has(Created) {
		t.Errorf("folder rename reported as %v", got)
	}
	writeFile(t, root, "content/responses/new/index.md", "edited")
	sameChange(t, next(t, ch), events("content/responses/new/index.md", Changed))
	if err := os.RemoveAll(filepath.Join(root, "content/responses/new")); err != nil {
		t.Fatal(err)
	}
	got = settle(t, ch)
	if !got.Op("content/responses/new").Has(Removed) || !got.Op("content/responses/new/index.md").Has(Removed) {
		t.Errorf("folder delete reported as %v", got)
	}
}

func TestWatchFolderCreatedAtRoot(t *testing.T) {
	// layouts/ is optional; a site that adds one later gets it watched.
	root := t.TempDir()
	writeFile(t, root, "content/responses/a.md", "x")
	w, err := NewWatcher(root, 0)
	if err != nil {
		t.Fatal(err)
	}
	ch := make(chan Change, 10)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go w.Run(ctx, func(c Change) { ch <- c })
	writeFile(t, root, "layouts/home.html", "x")
	if got := settle(t, ch); !got.Op("layouts/home.html").Has(Created) {
		t.Errorf("change = %v, want layouts/home.html created", got)
	}
	writeFile(t, root, "foilog.yaml", "title: x\n")
	sameChange(t, next(t, ch), events("foilog.yaml", Created))
}

func TestChangeString(t *testing.T) {
	for _, tc := range []struct {
		c    Change
		want string
	}{
		{nil, "no change"},
		{events("content/responses/a.md", Changed), "content/responses/a.md changed"},
		{events("a", Renamed, "b", Created|Changed), "2 paths changed: a, b"},
		{events("a", Removed, "b", Created, "c", Created, "d", Created), "4 paths changed: a, b, c, …"},
	} {
		if got := tc.c.String(); got != tc.want {
			t.Errorf("%v.String() = %q, want %q", []Event(tc.c), got, tc.want)
		}
	}
}
