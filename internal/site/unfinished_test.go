package site_test

import (
	"testing"
	"testing/fstest"

	"github.com/foilog/foilog"
	"github.com/foilog/foilog/internal/site"
)

// A response that is not a draft but still holds the placeholders
// `foilog new` wrote is refused by the build, at each placeholder, as
// `foilog check` reports it; a preview with drafts shows it.
func TestBuildRefusesPlaceholders(t *testing.T) {
	src := fstest.MapFS{
		"content/responses/done.md": {Data: []byte("---\ntitle: Done\nreference: FOI 1/24\ndate: 2024-03-01\noutcome: disclosed\n---\nAll written.\n")},
		"content/responses/half.md": {Data: []byte("---\ntitle: Half written\nreference: FOI 2/24\ndate: 2024-03-01\noutcome: disclosed\n" +
			"summary: \"[TO WRITE: one or two sentences]\"\n---\nWe hold the figures.\n\n## Response\n\n[TO WRITE: what was released]\n")},
	}
	opts := site.Options{Source: src, Layouts: foilog.Layouts, Static: foilog.Static, Now: fixedNow}
	res, list := site.Build(opts)
	if res != nil {
		t.Fatal("the build published a response with placeholders")
	}
	want := "content/responses/half.md:6:11: error: unfinished: the placeholder [TO WRITE: one or two sentences] would be published (replace it with the text, or keep `draft: true` until it is written)\n" +
		"content/responses/half.md:12:1: error: unfinished: the placeholder [TO WRITE: what was released] would be published (replace it with the text, or keep `draft: true` until it is written)"
	if got := list.Error(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	// Placeholders in the force, topics or an attachment's title are
	// published too: the force and topic get pages of their own.
	src["content/responses/half.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Half written\nreference: FOI 2/24\ndate: 2024-03-01\noutcome: disclosed\n" +
		"force: \"[TO WRITE: force]\"\ntopics: [\"[TO WRITE]\", Roads]\n---\nWe hold the figures.\n")}
	res, list = site.Build(opts)
	want = "content/responses/half.md:6:9: error: unfinished: the placeholder [TO WRITE: force] would be published (replace it with the text, or keep `draft: true` until it is written)\n" +
		"content/responses/half.md:7:11: error: unfinished: the placeholder [TO WRITE] would be published (replace it with the text, or keep `draft: true` until it is written)"
	if got := list.Error(); res != nil || got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	opts.Drafts = true
	if res, list := site.Build(opts); res == nil {
		t.Errorf("the preview with drafts failed: %v", list)
	}
}
