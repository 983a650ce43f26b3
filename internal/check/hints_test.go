package check_test

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/foilog/foilog"
	"github.com/foilog/foilog/internal/check"
	"github.com/foilog/foilog/internal/diag"
	"github.com/foilog/foilog/internal/site"
)

// requireHints fails the test for every diagnostic in list without a hint:
// the README promises that each finding says what to do about it, and
// `foilog check --format json` prints it as `hint`.
func requireHints(t *testing.T, list diag.List) {
	t.Helper()
	for _, d := range list {
		if d.Hint == "" {
			t.Errorf("no hint: %s", d)
		}
	}
}

// TestEveryBuildFindingHasAHint runs foilog check over the golden test sites
// that have diagnostics, and over a site with many mistakes at once, and
// requires a hint on every finding, from the build as well as from the
// publication-safety rules (see also TestEveryFindingHasAHint).
func TestEveryBuildFindingHasAHint(t *testing.T) {
	sites, err := filepath.Glob("../site/testdata/sites/*/diagnostics.txt")
	if err != nil || len(sites) == 0 {
		t.Fatalf("no golden sites with diagnostics: %v", err)
	}
	for _, p := range sites {
		dir := filepath.Join(filepath.Dir(p), "site")
		t.Run(filepath.Base(filepath.Dir(p)), func(t *testing.T) {
			list := check.Run(site.Options{Source: os.DirFS(dir), Layouts: foilog.Layouts, Static: foilog.Static, Now: now})
			if len(list) == 0 {
				t.Fatal("no findings")
			}
			requireHints(t, list)
		})
	}
	t.Run("many mistakes", func(t *testing.T) {
		list := run(manyMistakes())
		if len(list) < 30 {
			t.Errorf("only %d findings:\n%s", len(list), list)
		}
		requireHints(t, list)
	})
	t.Run("config mistakes", func(t *testing.T) {
		list := run(fstest.MapFS{
			"foilog.yaml": {Data: []byte("titel: X\nbaseURL: ftp://x/\nregime: GDPR\npageSize: 0\n" +
				"accessibility:\n  status: some\ncontact:\n  emial: a@b.uk\nlint: []\n")},
			"content/responses/a.md": {Data: []byte(front("FOI 1/23", "") + "Text.\n")},
		})
		if len(list) < 6 {
			t.Errorf("only %d findings:\n%s", len(list), list)
		}
		requireHints(t, list)
	})
	t.Run("warnings of a site that builds", func(t *testing.T) {
		list := run(fstest.MapFS{
			"foilog.yaml": {Data: []byte(siteYAML)},
			"content/responses/a.md": {Data: []byte(front("FOI 1/23", "force: Example police\nexemptions: [s31(1)(a)]\naliases: [/responses/foi-1-23/]\n") +
				"<div>raw</div>\n\nWe hold <b>some</b> of it. [x](javascript:alert(1)) Section 40(2) applies.\n" +
				"## Harm\nThe harm is clear and\n\nthe rest of the sentence.\n<!-- foilog-allow: email -->\n")},
			"content/responses/b.md": {Data: []byte(front("FOI 2/23", "force: Example Police\n") + "Text.\n")},
			"content/responses/c.md": {Data: []byte(front("FOI 3/23", "force: Example Police\n") + "Text.\n")},
		})
		if len(list) < 6 {
			t.Errorf("only %d findings:\n%s", len(list), list)
		}
		requireHints(t, list)
	})
}

// manyMistakes returns a site with mistakes of most kinds the build and
// the checks report.
func manyMistakes() fstest.MapFS {
	return fstest.MapFS{
		"foilog.yaml": {Data: []byte(siteYAML)},
		"content/responses/fields.md": {Data: []byte("---\ntitle: \"\"\nreference: FOI 1/23\ndate: 31/02/2023\n" +
			"received: 12/05/23\noutcome: maybe\nregime: GDPR\nforce: \"🚓\"\ntopics: [\"!!\", \"\"]\ndraft: \"yes\"\n" +
			"publish: soon\naliases: [\"http://example.org/old/\", /, /a/../b/]\nexemptions: [FOIA s99, Section]\ncolour: blue\n" +
			"title: Again\n---\nDear Jane Smith, call 07700 900123. <script>x</script>\n[x](/nowhere/) ![y](https://tracker.example/p.gif)\n")},
		"content/responses/bundle/index.md": {Data: []byte("---\ntitle: B\nreference: FOI 2/23\ndate: 2099-01-01\noutcome: ncnd\n" +
			"attachments:\n  - ../x.csv\n  - index.md\n  - nothing.pdf\n  - folder\n  - file: []\n  - {titel: x}\n  - run.exe\n  - \n" +
			"---\nSee [the draft](/responses/foi-3-23/).\n")},
		"content/responses/bundle/folder/a.csv": {Data: []byte("a\n")},
		"content/responses/bundle/stray.csv":    {Data: []byte("a\n")},
		"content/responses/draft.md":            {Data: []byte("---\ntitle: D\nreference: FOI 3/23\ndate: 2023-01-01\noutcome: disclosed\ndraft: true\n---\nText.\n")},
		"content/responses/empty.md":            {Data: []byte("---\ntitle: E\nreference: FOI 4/23\ndate: 2004-01-01\noutcome: refused\n---\n")},
		"content/responses/broken.md":           {Data: []byte("---\ntitle: A\nsummary: it is: broken\n---\n")},
		"content/responses/none.md":             {Data: []byte("No front-matter.\n")},
		"content/responses/a/b/deep.md":         {Data: []byte("x")},
		"content/stray.md":                      {Data: []byte("x")},
	}
}
