package site_test

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/foilog/foilog"
	"github.com/foilog/foilog/internal/config"
	"github.com/foilog/foilog/internal/content"
	"github.com/foilog/foilog/internal/diag"
	"github.com/foilog/foilog/internal/output"
	"github.com/foilog/foilog/internal/site"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/sites")

// fixedNow is the build time of every golden site: embargoes are decided
// against it, so golden output never depends on the clock.
var fixedNow = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)

func options(dir string) site.Options {
	return site.Options{Source: os.DirFS(dir), Layouts: foilog.Layouts, Static: foilog.Static, Now: fixedNow}
}

// readTree returns every file under dir by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return files
}

// compareTree reports missing, extra and different files with a line diff.
func compareTree(t *testing.T, want, got map[string][]byte) {
	t.Helper()
	var names []string
	for n := range want {
		names = append(names, n)
	}
	for n := range got {
		if _, ok := want[n]; !ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		w, inWant := want[n]
		g, inGot := got[n]
		switch {
		case !inGot:
			t.Errorf("missing file %s", n)
		case !inWant:
			t.Errorf("extra file %s", n)
		case !bytes.Equal(w, g):
			t.Errorf("file %s differs:\n%s", n, lineDiff(string(w), string(g)))
		}
	}
}

// lineDiff shows the first differing lines of two texts.
func lineDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, w, g)
		}
	}
	return "(no line differs)"
}

func TestGoldenSites(t *testing.T) {
	cases, _ := filepath.Glob("testdata/sites/*")
	if len(cases) == 0 {
		t.Fatal("no golden sites")
	}
	for _, dir := range cases {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			res, list := site.Build(options(filepath.Join(dir, "site")))
			wantDiag := filepath.Join(dir, "diagnostics.txt")
			var gotDiag string
			if res == nil {
				gotDiag = list.Error() + "\n"
			} else if len(res.Warnings) > 0 {
				gotDiag = res.Warnings.Error() + "\n"
			}
			out := filepath.Join(dir, "want")
			if *update {
				os.RemoveAll(out)
				if res != nil {
					var files []output.File
					for _, f := range res.Files {
						// Static assets are copied verbatim (TestStaticAssetsCopied);
						// keeping them out of the golden tree lets CSS change freely.
						if !strings.HasPrefix(f.Path, "assets/") {
							files = append(files, f)
						}
					}
					if _, err := output.Write(out, files); err != nil {
						t.Fatal(err)
					}
					// The marker is the output folder's, not the site's.
					if err := os.Remove(filepath.Join(out, output.MarkerName)); err != nil {
						t.Fatal(err)
					}
				}
				os.Remove(wantDiag)
				if gotDiag != "" {
					os.WriteFile(wantDiag, []byte(gotDiag), 0o644)
				}
				return
			}
			wd, _ := os.ReadFile(wantDiag)
			if string(wd) != gotDiag {
				t.Errorf("diagnostics differ:\n%s", lineDiff(string(wd), gotDiag))
			}
			got := map[string][]byte{}
			if res != nil {
				for _, f := range res.Files {
					if !strings.HasPrefix(f.Path, "assets/") {
						got[f.Path] = f.Data
					}
				}
			}
			compareTree(t, readTree(t, out), got)
		})
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	dir := "testdata/sites/basic/site"
	a, list := site.Build(options(dir))
	if a == nil {
		t.Fatal(list)
	}
	for i := 0; i < 3; i++ {
		opts := options(dir)
		opts.Workers = i + 1
		b, _ := site.Build(opts)
		if len(a.Files) != len(b.Files) {
			t.Fatalf("build %d has %d files, first had %d", i, len(b.Files), len(a.Files))
		}
		for j := range a.Files {
			if a.Files[j].Path != b.Files[j].Path || !bytes.Equal(a.Files[j].Data, b.Files[j].Data) {
				t.Fatalf("build %d differs at %s", i, a.Files[j].Path)
			}
		}
	}
}

func TestDraftsAndEmbargoesNeverPublished(t *testing.T) {
	res, list := site.Build(options("testdata/sites/basic/site"))
	if res == nil {
		t.Fatal(list)
	}
	for _, f := range res.Files {
		for _, secret := range []string{"NEVERPUBLISHED", "FOI 9999/23", "EMBARGOEDTEXT", "FOI 8888/23", "foi-9999-23", "foi-8888-23"} {
			if bytes.Contains(f.Data, []byte(secret)) || strings.Contains(f.Path, secret) {
				t.Errorf("%s contains %q from a draft or embargoed response", f.Path, secret)
			}
		}
	}
	// After the embargo lifts, the response is published.
	opts := options("testdata/sites/basic/site")
	opts.Now = time.Date(2999, 1, 1, 9, 0, 1, 0, time.UTC)
	res, _ = site.Build(opts)
	if !hasFile(res, "responses/foi-8888-23/index.html") || hasFile(res, "responses/foi-9999-23/index.html") {
		t.Error("embargo did not lift, or the draft appeared")
	}
	// Preview shows drafts with a banner.
	opts = options("testdata/sites/basic/site")
	opts.Drafts = true
	res, _ = site.Build(opts)
	page := fileData(res, "responses/foi-9999-23/index.html")
	if !bytes.Contains(page, []byte("DRAFT")) {
		t.Error("preview of a draft has no DRAFT banner")
	}
}

// writeFile writes text to the slash path p under dir, making its folders.
func writeFile(t *testing.T, dir, p, text string) {
	t.Helper()
	full := filepath.Join(dir, filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func hasFile(res *site.Result, p string) bool { return fileData(res, p) != nil }

func fileData(res *site.Result, p string) []byte {
	if res == nil {
		return nil
	}
	for _, f := range res.Files {
		if f.Path == p {
			return f.Data
		}
	}
	return nil
}

func TestCacheGivesSameSite(t *testing.T) {
	dir := "testdata/sites/basic/site"
	plain, _ := site.Build(options(dir))
	opts := options(dir)
	opts.Cache = site.NewCache()
	for i := 0; i < 2; i++ {
		cached, list := site.Build(opts)
		if cached == nil {
			t.Fatal(list)
		}
		for j := range plain.Files {
			if !bytes.Equal(plain.Files[j].Data, cached.Files[j].Data) {
				t.Fatalf("cached build %d differs at %s", i, plain.Files[j].Path)
			}
		}
	}
}

func TestStaticAssetsCopied(t *testing.T) {
	res, list := site.Build(options("testdata/sites/basic/site"))
	if res == nil {
		t.Fatal(list)
	}
	err := fs.WalkDir(foilog.Static, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		want, _ := fs.ReadFile(foilog.Static, p)
		if got := fileData(res, strings.TrimPrefix(p, "static/")); !bytes.Equal(got, want) {
			t.Errorf("%s not copied verbatim to %s", p, strings.TrimPrefix(p, "static/"))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if css := fileData(res, "assets/syntax.css"); !bytes.Contains(css, []byte(".chroma")) {
		t.Error("syntax highlighting stylesheet missing")
	}
}

// TestCacheFollowsEdits edits, adds and removes responses between cached
// builds and checks each result equals a build from scratch.
func TestCacheFollowsEdits(t *testing.T) {
	dir := t.TempDir()
	src := "testdata/sites/basic/site"
	filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		b, _ := os.ReadFile(p)
		return os.WriteFile(filepath.Join(dir, rel), b, 0o644)
	})
	cached := options(dir)
	cached.Cache = site.NewCache()
	same := func(step string) {
		t.Helper()
		got, list := site.Build(cached)
		want, _ := site.Build(options(dir))
		if got == nil || want == nil {
			t.Fatalf("%s: %v", step, list)
		}
		if len(got.Files) != len(want.Files) {
			t.Fatalf("%s: cached build has %d files, fresh build %d", step, len(got.Files), len(want.Files))
		}
		for i := range want.Files {
			if got.Files[i].Path != want.Files[i].Path || !bytes.Equal(got.Files[i].Data, want.Files[i].Data) {
				t.Fatalf("%s: cached build differs at %s", step, want.Files[i].Path)
			}
		}
	}
	same("first build")
	resp := filepath.Join(dir, "content/responses/not-held.md")
	b, _ := os.ReadFile(resp)
	os.WriteFile(resp, bytes.Replace(b, []byte("Facial recognition vans"), []byte("Facial recognition cameras on vans"), 1), 0o644)
	same("title edit")
	b, _ = os.ReadFile(resp)
	os.WriteFile(resp, bytes.Replace(b, []byte(`exemptions: ["Section 1(1)(a)"]`), []byte(`exemptions: ["Section 40(5B)"]`), 1), 0o644)
	same("exemption edit")
	os.WriteFile(filepath.Join(dir, "content/responses/drone-use/flights.csv"), []byte("month,flights\nJan,4\nFeb,5\n"), 0o644)
	same("attachment edit")
	os.WriteFile(filepath.Join(dir, "content/responses/new.md"), []byte("---\ntitle: New\nreference: FOI 5/24\ndate: 2024-01-05\noutcome: disclosed\n---\nNew body.\n"), 0o644)
	same("new response")
	os.Remove(resp)
	same("deleted response")
	os.WriteFile(filepath.Join(dir, "foilog.yaml"), []byte("title: Renamed log\nbaseURL: /logs/\nauthority: Another Police\n"), 0o644)
	same("config edit")
}

func TestInspectRunsOnPublishedResponses(t *testing.T) {
	var seen []string
	var mu sync.Mutex
	opts := options("testdata/sites/basic/site")
	opts.Inspect = func(fsys fs.FS, cfg config.Site, r *content.Response) diag.List {
		mu.Lock()
		seen = append(seen, r.Path)
		mu.Unlock()
		return diag.List{{Path: r.Path, Line: 1, Severity: diag.Warning, Code: "test.inspect", Message: "inspected " + cfg.Title}}
	}
	res, list := site.Build(opts)
	if res == nil {
		t.Fatal(list)
	}
	sort.Strings(seen)
	if strings.Join(seen, " ") != "content/responses/cyber-software.md content/responses/drone-use/index.md content/responses/not-held.md" {
		t.Errorf("inspected %v; want the three published responses", seen)
	}
	n := 0
	for _, d := range res.Warnings {
		if d.Code == "test.inspect" && d.Message == "inspected Test disclosure log" {
			n++
		}
	}
	if n != 3 {
		t.Errorf("%d inspection warnings in the result, want 3", n)
	}
}

// TestLayoutExecutionErrorAtItsLine: a layout that fails while rendering a
// page is reported at the layout's file, line and column, naming the page.
func TestLayoutExecutionErrorAtItsLine(t *testing.T) {
	dir := t.TempDir()
	write := func(p, s string) { writeFile(t, dir, p, s) }
	write("content/responses/a.md", "---\ntitle: A\nreference: FOI 1/23\ndate: 2023-01-02\noutcome: disclosed\n---\nBody.\n")
	write("layouts/response.html", "{{define \"main\"}}\n<p>{{.Response.Nope}}</p>\n{{end}}\n")
	res, list := site.Build(options(dir))
	if res != nil {
		t.Fatal("built with a broken layout")
	}
	want := `layouts/response.html:2:15: error: rendering responses/foi-1-23/index.html: executing "main" at <.Response.Nope>: can't evaluate field Nope in type *site.ResponseView` +
		" (check the names the layout uses against the page data in internal/site/view.go, as the README explains under Changing the design)"
	if got := list.Error(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
}

// The default layouts render the header once per page kind and navigation
// link (partialCached): every page must still get the header of its own
// kind, with the right link marked current, and a broken cached partial
// must stop the build at the page that called it.
func TestPartialCachedVariants(t *testing.T) {
	dir := t.TempDir()
	write := func(p, s string) { writeFile(t, dir, p, s) }
	write("content/responses/a.md", "---\ntitle: A\nreference: FOI 1/23\ndate: 2023-01-02\noutcome: disclosed\ntopics: [Drones]\n---\nBody.\n")
	write("content/responses/b.md", "---\ntitle: B\nreference: FOI 2/23\ndate: 2023-01-03\noutcome: refused\nexemptions: [s31(1)(a)]\n---\nBody.\n")
	write("layouts/partials/header.html", `<header data-kind="{{.Kind}}" data-nav="{{.NavPath}}"></header>`)
	res, list := site.Build(options(dir))
	if res == nil {
		t.Fatal(list)
	}
	for file, want := range map[string]string{
		"index.html":                     `data-kind="home" data-nav=""`,
		"responses/index.html":           `data-kind="responses" data-nav="responses/"`,
		"responses/foi-1-23/index.html":  `data-kind="response" data-nav=""`,
		"responses/foi-2-23/index.html":  `data-kind="response" data-nav=""`,
		"topics/index.html":              `data-kind="taxonomy" data-nav="topics/"`,
		"forces/index.html":              `data-kind="taxonomy" data-nav="forces/"`,
		"topics/drones/index.html":       `data-kind="term" data-nav=""`,
		"exemptions/index.html":          `data-kind="exemptions" data-nav="exemptions/"`,
		"exemptions/foia-s31/index.html": `data-kind="exemption" data-nav=""`,
		"search/index.html":              `data-kind="search" data-nav="search/"`,
	} {
		if got := string(fileData(res, file)); !strings.Contains(got, want) {
			t.Errorf("%s: header is not %s:\n%.300s", file, want, got)
		}
	}

	write("layouts/partials/footer.html", `<footer>{{.Nope}}</footer>`)
	if res, list = site.Build(options(dir)); res != nil {
		t.Fatal("built with a broken cached partial")
	}
	if got := list.Error(); !strings.Contains(got, "partials/footer.html") || !strings.Contains(got, "Nope") {
		t.Errorf("diagnostics do not name the partial and the field:\n%s", got)
	}
}

// A static file may not take the place of a page or an attachment: the
// error names the static file. The site's own robots.txt replaces the one
// foilog writes.
func TestStaticFileClashes(t *testing.T) {
	dir := t.TempDir()
	write := func(p, s string) { writeFile(t, dir, p, s) }
	write("content/responses/a/index.md", "---\ntitle: A\nreference: FOI 1/23\ndate: 2023-01-02\noutcome: disclosed\nattachments: [data.csv]\n---\nBody.\n")
	write("content/responses/a/data.csv", "a,b\n1,2\n")
	write("static/robots.txt", "User-agent: *\nDisallow: /drafts/\n")
	res, list := site.Build(options(dir))
	if res == nil {
		t.Fatal(list)
	}
	if got := string(fileData(res, "robots.txt")); got != "User-agent: *\nDisallow: /drafts/\n" {
		t.Errorf("robots.txt = %q, want the site's own", got)
	}

	write("static/forces/index.html", "<p>mine</p>")
	write("static/responses/foi-1-23/data.csv", "x")
	res, list = site.Build(options(dir))
	if res != nil {
		t.Fatal("built with static files in the place of a page and an attachment")
	}
	want := "static/forces/index.html:1:1: error: static file static/forces/index.html would replace the page /forces/ (rename or move the static file)\n" +
		"static/responses/foi-1-23/data.csv:1:1: error: static file static/responses/foi-1-23/data.csv would replace the attachment content/responses/a/data.csv (rename or move the static file)"
	if got := list.Error(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
}

// A preview shows an embargoed response with a banner; once the embargo
// has ended the rebuilt page loses it, although the file did not change
// and the page would otherwise come from the cache.
func TestCachedPageFollowsTheEmbargo(t *testing.T) {
	dir := t.TempDir()
	write := func(p, s string) { writeFile(t, dir, p, s) }
	write("content/responses/a.md", "---\ntitle: A\nreference: FOI 1/23\ndate: 2023-01-02\noutcome: disclosed\npublish: 2026-11-01T13:00:00Z\n---\nBody.\n")
	opts := options(dir)
	opts.Drafts, opts.Cache = true, site.NewCache()
	res, list := site.Build(opts)
	if res == nil {
		t.Fatal(list)
	}
	if page := string(fileData(res, "responses/foi-1-23/index.html")); !strings.Contains(page, "EMBARGOED") {
		t.Fatalf("no embargo banner before the embargo ends:\n%s", page)
	}
	if want := time.Date(2026, 11, 1, 13, 0, 0, 0, time.UTC); !res.NextEmbargo.Equal(want) {
		t.Errorf("NextEmbargo = %v, want %v", res.NextEmbargo, want)
	}
	opts.Now = fixedNow.Add(2 * time.Hour)
	if res, list = site.Build(opts); res == nil {
		t.Fatal(list)
	}
	if page := string(fileData(res, "responses/foi-1-23/index.html")); strings.Contains(page, "EMBARGOED") {
		t.Errorf("the embargo banner stays after the embargo ended")
	}
	if !res.NextEmbargo.IsZero() {
		t.Errorf("NextEmbargo = %v after the last embargo ended", res.NextEmbargo)
	}
}

func TestMemoryLimit(t *testing.T) {
	for _, tc := range []struct {
		responses int
		want      int64
	}{
		{0, 420 << 20},
		{14, 420 << 20},
		{10000, 420 << 20}, // the 10k benchmark's limit: peak near 440 MB
		{20000, 20000 * 42 << 10},
		{100000, 100000 * 42 << 10}, // about 4 GiB: never below the live heap
	} {
		if got := site.MemoryLimit(tc.responses); got != tc.want {
			t.Errorf("MemoryLimit(%d) = %d MiB, want %d MiB", tc.responses, got>>20, tc.want>>20)
		}
	}
}
