package site_test

import (
	"bytes"
	"path"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/foilog/foilog"
	"github.com/foilog/foilog/internal/site"
)

// termSite returns a site whose foilog.yaml is config and whose responses
// are files: name → front-matter lines (the --- lines and a body are added).
func termSite(config string, files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{"foilog.yaml": {Data: []byte(config)}}
	for name, fm := range files {
		fsys[path.Join("content/responses", name)] = &fstest.MapFile{Data: []byte("---\n" + fm + "---\nYou asked about computers.\n")}
	}
	return fsys
}

func buildTerms(t *testing.T, fsys fstest.MapFS) (*site.Result, []string) {
	t.Helper()
	res, list := site.Build(site.Options{Source: fsys, Layouts: foilog.Layouts, Static: foilog.Static, Now: fixedNow})
	if res != nil {
		list = res.Warnings
	}
	var out []string
	for _, d := range list {
		out = append(out, d.String())
	}
	return res, out
}

func contains(t *testing.T, res *site.Result, file string, want ...string) {
	t.Helper()
	data := fileData(res, file)
	if data == nil {
		t.Fatalf("no file %s", file)
	}
	for _, w := range want {
		if !bytes.Contains(data, []byte(w)) {
			t.Errorf("%s does not contain %q", file, w)
		}
	}
}

func lacks(t *testing.T, res *site.Result, file string, unwanted ...string) {
	t.Helper()
	data := fileData(res, file)
	for _, w := range unwanted {
		if bytes.Contains(data, []byte(w)) {
			t.Errorf("%s contains %q", file, w)
		}
	}
}

func sameLines(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestTermSpellings checks that spellings of a force or topic that share an
// address get one label everywhere, chosen by count, then by first use,
// and for a force the authority's own spelling; and that each response
// spelling it otherwise is warned at its line.
func TestTermSpellings(t *testing.T) {
	const cfg = "authority: West Midlands Police\nbaseURL: https://foi.example/\n"
	fsys := termSite(cfg, map[string]string{
		"a.md": "title: Old\nreference: FOI 1/23\ndate: 2023-01-10\noutcome: disclosed\ntopics: [Cyber security]\n",
		"b.md": "title: Middle\nreference: FOI 2/23\ndate: 2023-02-10\noutcome: disclosed\ntopics: [Cyber security, Technology]\n",
		"c.md": "title: New\nreference: FOI 3/24\ndate: 2024-01-10\noutcome: disclosed\nforce: west midlands police\n" +
			"topics:\n  - Cyber-security\n  - technology\n",
	})
	res, got := buildTerms(t, fsys)
	sameLines(t, got, []string{
		`content/responses/c.md:6:1: warning: force "west midlands police" is also written "West Midlands Police" (in 2 responses); use one spelling (the site shows "West Midlands Police" everywhere: the authority in foilog.yaml)`,
		`content/responses/c.md:7:1: warning: topic "Cyber-security" is also written "Cyber security" (in 2 responses); use one spelling (the site shows "Cyber security" everywhere: the spelling most responses use)`,
		`content/responses/c.md:7:1: warning: topic "technology" is also written "Technology" (in 1 response); use one spelling (the site shows "Technology" everywhere: the spelling used first)`,
	})
	if res == nil {
		t.Fatal("no site")
	}
	contains(t, res, "topics/cyber-security/index.html", "<h1>Cyber security", "<title>Cyber security")
	contains(t, res, "topics/technology/index.html", "<h1>Technology", "<title>Technology")
	contains(t, res, "forces/west-midlands-police/index.html", "<h1>West Midlands Police")
	for _, f := range []string{"responses/foi-3-24/index.html", "index.html", "topics/index.html", "forces/index.html",
		"topics/cyber-security/index.html", "responses/foi-1-23/index.html", "years/2024/index.html"} {
		lacks(t, res, f, "Cyber-security", ">technology<", "west midlands police")
	}
	contains(t, res, "responses/foi-3-24/index.html", ">Cyber security</a>", ">Technology</a>", ">West Midlands Police</a>")
	for _, f := range res.Files {
		if strings.HasPrefix(f.Path, "search/") {
			lacks(t, res, f.Path, `"label": "Cyber-security"`, `"label": "technology"`, `"label": "west midlands police"`)
			if strings.HasPrefix(f.Path, "search/index/entry.") {
				contains(t, res, f.Path, `"label": "Cyber security"`, `"label": "Technology"`, `"label": "West Midlands Police"`)
			}
		}
	}

	// A fourth response with the newest spelling makes it the most used:
	// the label follows, and the others are warned.
	fsys["content/responses/d.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Newer\nreference: FOI 4/24\ndate: 2024-02-10\noutcome: disclosed\ntopics: [Cyber-security]\n---\nBody.\n")}
	fsys["content/responses/e.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Newest\nreference: FOI 5/24\ndate: 2024-03-10\noutcome: disclosed\ntopics: [Cyber-security]\n---\nBody.\n")}
	res, got = buildTerms(t, fsys)
	sameLines(t, got, []string{
		`content/responses/a.md:6:1: warning: topic "Cyber security" is also written "Cyber-security" (in 3 responses); use one spelling (the site shows "Cyber-security" everywhere: the spelling most responses use)`,
		`content/responses/b.md:6:1: warning: topic "Cyber security" is also written "Cyber-security" (in 3 responses); use one spelling (the site shows "Cyber-security" everywhere: the spelling most responses use)`,
		`content/responses/c.md:6:1: warning: force "west midlands police" is also written "West Midlands Police" (in 4 responses); use one spelling (the site shows "West Midlands Police" everywhere: the authority in foilog.yaml)`,
		`content/responses/c.md:7:1: warning: topic "technology" is also written "Technology" (in 1 response); use one spelling (the site shows "Technology" everywhere: the spelling used first)`,
	})
	contains(t, res, "topics/cyber-security/index.html", "<h1>Cyber-security")
	lacks(t, res, "responses/foi-1-23/index.html", ">Cyber security<")
}

// TestTermSpellingsWithoutAuthority checks a force written two ways when
// the site names no authority: the spelling most responses use wins, on a
// tie the oldest response's.
func TestTermSpellingsWithoutAuthority(t *testing.T) {
	fsys := termSite("", map[string]string{
		"a.md": "title: A\nreference: FOI 1/23\ndate: 2023-01-10\noutcome: disclosed\nforce: Heddlu Gwent Police\n",
		"b.md": "title: B\nreference: FOI 2/23\ndate: 2023-02-10\noutcome: disclosed\nforce: Heddlu Gwent police\n",
	})
	res, got := buildTerms(t, fsys)
	sameLines(t, got, []string{
		`content/responses/b.md:6:1: warning: force "Heddlu Gwent police" is also written "Heddlu Gwent Police" (in 1 response); use one spelling (the site shows "Heddlu Gwent Police" everywhere: the spelling used first)`,
	})
	contains(t, res, "forces/heddlu-gwent-police/index.html", "<h1>Heddlu Gwent Police")
	lacks(t, res, "responses/foi-2-23/index.html", "Heddlu Gwent police")
}

// TestTermSpellingsCached checks that a cached build follows a label that
// changes because another response changed: the pages of responses that
// did not change show the new label.
func TestTermSpellingsCached(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "content/responses/a.md", "---\ntitle: A\nreference: FOI 1/23\ndate: 2023-01-10\noutcome: disclosed\ntopics: [Cyber security]\n---\nBody.\n")
	writeFile(t, dir, "content/responses/b.md", "---\ntitle: B\nreference: FOI 2/23\ndate: 2023-02-10\noutcome: disclosed\ntopics: [Cyber-security]\n---\nBody.\n")
	opts := options(dir)
	opts.Cache = site.NewCache()
	sameAsFresh(t, "first build", opts)
	writeFile(t, dir, "content/responses/c.md", "---\ntitle: C\nreference: FOI 3/23\ndate: 2023-03-10\noutcome: disclosed\ntopics: [Cyber-security]\n---\nBody.\n")
	sameAsFresh(t, "a spelling becomes the most used", opts)
	writeFile(t, dir, "content/responses/c.md", "---\ntitle: C\nreference: FOI 3/23\ndate: 2023-03-10\noutcome: disclosed\ntopics: [Cyber security]\n---\nBody.\n")
	sameAsFresh(t, "and stops being", opts)
}

// TestTermsInOtherScripts builds a site whose force, topics and reference
// are written in other scripts: each gets its pages, under a UTF-8 path,
// linked with a percent-encoded address.
func TestTermsInOtherScripts(t *testing.T) {
	fsys := termSite("baseURL: https://foi.example/\n", map[string]string{
		"a.md": "title: Дорожные камеры\nreference: ФОИ 12/23\ndate: 2023-01-10\noutcome: disclosed\nforce: Дорожная полиция\n" +
			"topics: [Дороги, Ελληνικά, عربي, 警察, Camerâu]\n",
		"b.md": "title: B\nreference: FOI 2/23\ndate: 2023-02-10\noutcome: disclosed\nforce: شرطة\ntopics: [דרכים, дороги]\n",
	})
	res, got := buildTerms(t, fsys)
	sameLines(t, got, []string{
		`content/responses/b.md:7:1: warning: topic "дороги" is also written "Дороги" (in 1 response); use one spelling (the site shows "Дороги" everywhere: the spelling used first)`,
	})
	if res == nil {
		t.Fatal("no site")
	}
	for _, f := range []string{"forces/дорожная-полиция/index.html", "forces/شرطة/index.html", "topics/дороги/index.html",
		"topics/ελληνικά/index.html", "topics/عربي/index.html", "topics/警察/index.html", "topics/camerau/index.html",
		"topics/דרכים/index.html", "responses/фои-12-23/index.html"} {
		if !hasFile(res, f) {
			t.Errorf("no page %s", f)
		}
	}
	contains(t, res, "responses/фои-12-23/index.html",
		`href="/forces/%d0%b4%d0%be%d1%80%d0%be%d0%b6%d0%bd%d0%b0%d1%8f-%d0%bf%d0%be%d0%bb%d0%b8%d1%86%d0%b8%d1%8f/">Дорожная полиция</a>`,
		`href="/topics/%e8%ad%a6%e5%af%9f/">警察</a>`)
	contains(t, res, "forces/index.html", ">Дорожная полиция</a>", ">شرطة</a>")
	contains(t, res, "topics/index.html", ">Дороги</a>", ">דרכים</a>")
	contains(t, res, "responses/index.html", `href="/responses/%d1%84%d0%be%d0%b8-12-23/"`)
	contains(t, res, "sitemap.xml", "https://foi.example/forces/")
}
