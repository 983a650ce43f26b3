package site_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/foilog/foilog/internal/site"
)

// copySite copies the site folder src into a new temporary folder and
// dates every file an hour back, so that a cache trusts their times.
func copySite(t *testing.T, src string) string {
	t.Helper()
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		to := filepath.Join(dir, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.WriteFile(to, b, 0o644); err != nil {
			return err
		}
		return os.Chtimes(to, old, old)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// siteEditor edits files of a site copy as an editor does, stamping each
// write with a new time a minute or more in the past, so that the cache
// would trust a file's size and time were it not told it changed.
type siteEditor struct {
	t     *testing.T
	dir   string
	stamp time.Time
}

func (e *siteEditor) write(rel string, data []byte) {
	e.t.Helper()
	p := filepath.Join(e.dir, filepath.FromSlash(rel))
	if err := os.WriteFile(p, data, 0o644); err != nil {
		e.t.Fatal(err)
	}
	e.stamp = e.stamp.Add(time.Second)
	if err := os.Chtimes(p, e.stamp, e.stamp); err != nil {
		e.t.Fatal(err)
	}
}

func (e *siteEditor) replace(rel, old, new string) {
	e.t.Helper()
	b, err := os.ReadFile(filepath.Join(e.dir, filepath.FromSlash(rel)))
	if err != nil {
		e.t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		e.t.Fatalf("%s has no %q", rel, old)
	}
	e.write(rel, bytes.Replace(b, []byte(old), []byte(new), 1))
}

// sameAsFresh fails unless a build with opts gives the files of a build
// from scratch.
func sameAsFresh(t *testing.T, step string, opts site.Options) {
	t.Helper()
	got, list := site.Build(opts)
	fresh := opts
	fresh.Cache, fresh.Changed = nil, nil
	want, wantList := site.Build(fresh)
	if got == nil || want == nil {
		t.Fatalf("%s: %v / %v", step, list, wantList)
	}
	if !reflect.DeepEqual(got.Warnings, want.Warnings) {
		t.Errorf("%s: warnings %v, fresh build %v", step, got.Warnings, want.Warnings)
	}
	if len(got.Files) != len(want.Files) {
		t.Fatalf("%s: %d files, fresh build %d", step, len(got.Files), len(want.Files))
	}
	for i := range want.Files {
		if got.Files[i].Path != want.Files[i].Path || !bytes.Equal(got.Files[i].Data, want.Files[i].Data) {
			t.Fatalf("%s: differs from a fresh build at %s", step, want.Files[i].Path)
		}
	}
}

// TestChangedListGivesSameSite edits a site between cached builds told
// which files changed (Options.Changed, as foilog serve passes what the
// watcher saw) and checks each build equals a build from scratch: edits
// of a body, a title, the exemptions, an attachment and the layouts; and
// changes the list cannot vouch for (a new response, a deleted one, a new
// folder, an unknown path), for which every file is looked at.
func TestChangedListGivesSameSite(t *testing.T) {
	dir := copySite(t, "testdata/sites/basic/site")
	ed := &siteEditor{t: t, dir: dir, stamp: time.Now().Add(-30 * time.Minute)}
	opts := options(dir)
	opts.Cache = site.NewCache()
	sameAsFresh(t, "first build", opts)

	steps := []struct {
		what    string
		edit    func()
		changed []string
	}{
		{"body edit", func() {
			ed.replace("content/responses/not-held.md", "We do not hold", "We do not hold or keep")
		}, []string{"content/responses/not-held.md"}},
		{"title edit", func() {
			ed.replace("content/responses/not-held.md", "Facial recognition vans", "Facial recognition cameras on vans")
		}, []string{"content/responses/not-held.md"}},
		{"exemption edit", func() {
			ed.replace("content/responses/not-held.md", `["Section 1(1)(a)"]`, `["Section 1(1)(a)", "Section 38(1)(a)"]`)
		}, []string{"content/responses/not-held.md"}},
		{"exemption edit undone", func() {
			ed.replace("content/responses/not-held.md", `, "Section 38(1)(a)"]`, `]`)
		}, []string{"content/responses/not-held.md"}},
		{"attachment edit", func() {
			ed.write("content/responses/drone-use/flights.csv", []byte("month,flights\nJan,4\nFeb,5\nMar,6\n"))
		}, []string{"content/responses/drone-use/flights.csv"}},
		{"bundle edit", func() {
			ed.replace("content/responses/drone-use/index.md", "\n---\n", "\n---\nA first line.\n\n")
		}, []string{"content/responses/drone-use/index.md"}},
		{"layout and config files listed, no response", func() {}, []string{"layouts/partials/x.html", "foilog.yaml"}},
		{"new response", func() {
			ed.write("content/responses/new.md", []byte("---\ntitle: New\nreference: FOI 5/24\ndate: 2024-01-05\noutcome: disclosed\n---\nNew body.\n"))
		}, []string{"content/responses/new.md"}},
		{"deleted response", func() {
			if err := os.Remove(filepath.Join(dir, "content/responses/not-held.md")); err != nil {
				t.Fatal(err)
			}
		}, []string{"content/responses/not-held.md"}},
		{"new folder", func() {
			os.Mkdir(filepath.Join(dir, "content/responses/folder"), 0o755)
			ed.write("content/responses/folder/index.md", []byte("---\ntitle: Folder\nreference: FOI 6/24\ndate: 2024-01-06\noutcome: disclosed\n---\nIn a folder.\n"))
		}, []string{"content/responses/folder"}},
		{"events lost", func() {
			ed.replace("content/responses/new.md", "New body.", "New body, edited.")
		}, []string{"."}},
		{"config edit", func() {
			ed.write("foilog.yaml", []byte("title: Renamed log\nbaseURL: /logs/\nauthority: Another Police\n"))
		}, []string{"foilog.yaml"}},
		{"edit after config edit", func() {
			ed.replace("content/responses/new.md", "New body, edited.", "New body, edited twice.")
		}, []string{"content/responses/new.md"}},
	}
	for _, s := range steps {
		s.edit()
		opts.Changed = s.changed
		sameAsFresh(t, s.what, opts)
		if stale := opts.Cache.Stale(opts.Source); stale != nil {
			t.Errorf("%s: Stale reports %v after a build told every change", s.what, stale)
		}
	}
}

// TestStaleFindsUnlistedChanges changes files without listing them in
// Options.Changed, as when a watcher misses events: the build given the
// incomplete list may show the old files, but Stale names every file that
// changed, and a build given those equals a build from scratch.
func TestStaleFindsUnlistedChanges(t *testing.T) {
	dir := copySite(t, "testdata/sites/basic/site")
	ed := &siteEditor{t: t, dir: dir, stamp: time.Now().Add(-30 * time.Minute)}
	opts := options(dir)
	opts.Cache = site.NewCache()
	if res, list := site.Build(opts); res == nil {
		t.Fatal(list)
	}
	if stale := opts.Cache.Stale(opts.Source); stale != nil {
		t.Fatalf("Stale reports %v after a full build", stale)
	}

	ed.replace("content/responses/not-held.md", "We do not hold", "We do not hold or keep")
	ed.replace("content/responses/cyber-software.md", "\n---\n", "\n---\nMissed.\n\n")
	ed.write("content/responses/drone-use/flights.csv", []byte("month,flights\nJan,9\n"))
	ed.write("content/responses/new.md", []byte("---\ntitle: New\nreference: FOI 5/24\ndate: 2024-01-05\noutcome: disclosed\n---\nNew body.\n"))
	opts.Changed = []string{"content/responses/not-held.md"} // the others were missed
	if res, list := site.Build(opts); res == nil {
		t.Fatal(list)
	}
	stale := opts.Cache.Stale(opts.Source)
	want := []string{"content/responses/cyber-software.md", "content/responses/drone-use/index.md", "content/responses/new.md"}
	if !slices.Equal(stale, want) {
		t.Fatalf("Stale = %v, want %v", stale, want)
	}
	opts.Changed = stale
	sameAsFresh(t, "build of the stale files", opts)
	if stale := opts.Cache.Stale(opts.Source); stale != nil {
		t.Errorf("Stale reports %v after building them", stale)
	}

	if err := os.Remove(filepath.Join(dir, "content/responses/new.md")); err != nil {
		t.Fatal(err)
	}
	if stale := opts.Cache.Stale(opts.Source); !slices.Equal(stale, []string{"content/responses/new.md"}) {
		t.Errorf("after a missed delete, Stale = %v, want the deleted file", stale)
	}
}

// TestChangedFileTooRecentIsReadAgain edits a file twice within the time
// a file system may not tell apart, listing it only the first time: the
// second build must still read it, since its first read is not trusted.
func TestChangedFileTooRecentIsReadAgain(t *testing.T) {
	dir := copySite(t, "testdata/sites/basic/site")
	opts := options(dir)
	opts.Cache = site.NewCache()
	if res, list := site.Build(opts); res == nil {
		t.Fatal(list)
	}
	p := filepath.Join(dir, "content/responses/not-held.md")
	b, _ := os.ReadFile(p)
	os.WriteFile(p, bytes.Replace(b, []byte("We do not hold"), []byte("We do not hold or keep"), 1), 0o644)
	opts.Changed = []string{"content/responses/not-held.md"}
	sameAsFresh(t, "first edit", opts)
	mod := time.Now()
	os.WriteFile(p, bytes.Replace(b, []byte("We do not hold"), []byte("We do not keep"), 1), 0o644)
	os.Chtimes(p, mod, mod)
	opts.Changed = []string{} // the second write was not reported
	sameAsFresh(t, "second edit, unreported", opts)
}
