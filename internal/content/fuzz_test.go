package content_test

import (
	"path"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/foilog/foilog/internal/content"
)

// FuzzLoadFile loads arbitrary bytes as a response, either a plain file or
// a bundle's index.md with one attachment beside it. LoadFile must never
// panic, every diagnostic must name a file of the response with a
// position that is not negative, and a response without errors must have
// every required field.
func FuzzLoadFile(f *testing.F) {
	for _, s := range []string{
		"---\n" + required + "---\nText.\n",
		"\ufeff---\r\ntitle: T\r\nreference: 1234\r\ndate: 14 June 2023\r\noutcome: NCND\r\n---\r\n",
		"---\n" + required + "exemptions:\n  - Section 31(3) Law Enforcement\n  - \"Sections 23(5) and 46\"\n---\n",
		"---\n" + required + "topics: [a, A, '!!']\nslug: x-y\nregime: foisa\ndraft: True\npublish: 2026-07-01 09:00\n---\n",
		"---\n" + required + "attachments:\n  - figures.csv\n  - {file: ../x, title: y}\naliases: [/a/, //b, /c.html]\n---\n",
		"---\ntitle: &a x\nreference: *a\ndate: [1]\noutcome: {a: b}\n<<: *a\n---\n",
		"---\ntitle: T\ntitle: U\n---\n",
		"---\n---\n", "---\n", "", "\xff", "---\n- a\n---\n", "---\n: :\n---\n",
	} {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	f.Fuzz(func(t *testing.T, data []byte, isBundle bool) {
		p := file
		fsys := fstest.MapFS{}
		if isBundle {
			p = "content/responses/b/index.md"
			fsys["content/responses/b/figures.csv"] = &fstest.MapFile{Data: []byte("a,b\n")}
		}
		fsys[p] = &fstest.MapFile{Data: data}
		r, list := content.LoadFile(fsys, p, siteConfig())
		for _, d := range list {
			if d.Path != p && !strings.HasPrefix(d.Path, path.Dir(p)+"/") {
				t.Fatalf("diagnostic names another file: %s", d)
			}
			if d.Line < 0 || d.Col < 0 || d.Message == "" || d.Code == "" || d.Hint == "" {
				t.Fatalf("diagnostic without position, message, code or hint: %#v", d)
			}
		}
		if r == nil {
			if !list.HasErrors() {
				t.Fatalf("no response and no error for %q", data)
			}
			return
		}
		if r.Path != p {
			t.Fatalf("Path = %q", r.Path)
		}
		if list.HasErrors() {
			return
		}
		if r.Title == "" || r.Reference == "" || !content.ValidSlug(r.Slug) || r.Date.IsZero() {
			t.Fatalf("response without errors lacks a required field: %+v\n%s", r, data)
		}
		valid := false
		for _, o := range content.Outcomes() {
			valid = valid || r.Outcome == o
		}
		if !valid {
			t.Fatalf("response without errors has outcome %q", r.Outcome)
		}
		for _, a := range r.Attachments {
			if a.Name == "" || a.Source != path.Dir(p)+"/"+a.Name {
				t.Fatalf("attachment %+v outside the bundle", a)
			}
		}
		for _, a := range r.Aliases {
			if a == "" || strings.HasPrefix(a, "/") || strings.Contains(a, "..") || strings.Contains(a, "//") {
				t.Fatalf("alias %q is not a site path", a)
			}
		}
	})
}
