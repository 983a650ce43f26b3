package site

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/foilog/foilog"
)

// A heading in a response body never takes an id the page around it
// uses, so the skip link, the "About this response" landmark and links to
// the heading all keep working; and responsePageIDs lists every id the
// default response page has outside the body.
func TestHeadingIDsAvoidPageIDs(t *testing.T) {
	dir := t.TempDir()
	write := func(p, s string) {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, p), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/responses/a/index.md", "---\ntitle: A\nreference: FOI 1/23\ndate: 2023-01-02\noutcome: disclosed\nattachments: [data.csv]\n---\n"+
		"## Main\n\nText.\n\n## Related heading\n\nText.\n\n## About this response\n\nText.\n")
	write("content/responses/a/data.csv", "a,b\n1,2\n")
	write("content/responses/b.md", "---\ntitle: B\nreference: FOI 2/23\ndate: 2023-01-03\noutcome: disclosed\n---\nText.\n")
	res, list := Build(Options{Source: os.DirFS(dir), Layouts: foilog.Layouts, Static: foilog.Static, Now: time.Now()})
	if res == nil {
		t.Fatal(list)
	}
	var page string
	for _, f := range res.Files {
		if f.Path == "responses/foi-1-23/index.html" {
			page = string(f.Data)
		}
	}
	start, end := strings.Index(page, `<div class="response-body">`), strings.Index(page, `<section class="attachments"`)
	if start < 0 || end < start {
		t.Fatalf("no body in the page:\n%s", page)
	}
	body, around := page[start:end], page[:start]+page[end:]
	idAttr := regexp.MustCompile(`\sid="([^"]*)"`)
	seen := map[string]bool{}
	for _, m := range idAttr.FindAllStringSubmatch(page, -1) {
		if seen[m[1]] {
			t.Errorf("id %q appears twice on the page", m[1])
		}
		seen[m[1]] = true
	}
	for _, m := range idAttr.FindAllStringSubmatch(around, -1) {
		if !slices.Contains(responsePageIDs, m[1]) {
			t.Errorf("the response layout uses id %q, which responsePageIDs does not reserve", m[1])
		}
	}
	for _, want := range []string{`id="main-1"`, `id="related-heading-1"`, `id="about-this-response-1"`} {
		if !strings.Contains(body, want) {
			t.Errorf("body has no %s:\n%s", want, body)
		}
	}
}
