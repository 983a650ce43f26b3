package site_test

import (
	"testing"
	"testing/fstest"

	"github.com/foilog/foilog"
	"github.com/foilog/foilog/internal/site"
)

// A published response that links to a draft or to a response still
// embargoed would publish a dead link that gives away the other's address:
// the build refuses it at the link, as `foilog check` does; a preview with
// drafts shows all three.
func TestBuildRefusesLinksToUnpublished(t *testing.T) {
	src := fstest.MapFS{
		"content/responses/live.md": {Data: []byte("---\ntitle: Live\nreference: FOI 1/24\ndate: 2024-03-01\noutcome: disclosed\n---\n" +
			"See [the draft](/responses/foi-2-24/) and [the other](../foi-3-24/) and [an earlier one](/responses/foi-4-24/).\n")},
		"content/responses/draft.md": {Data: []byte("---\ntitle: Draft\nreference: FOI 2/24\ndate: 2024-03-01\noutcome: disclosed\ndraft: true\n---\nText.\n")},
		"content/responses/later.md": {Data: []byte("---\ntitle: Later\nreference: FOI 3/24\ndate: 2024-03-01\noutcome: disclosed\npublish: 2099-01-01 09:00\n---\nText.\n")},
		"content/responses/older.md": {Data: []byte("---\ntitle: Older\nreference: FOI 4/24\ndate: 2024-02-01\noutcome: disclosed\n---\nText.\n")},
	}
	opts := site.Options{Source: src, Layouts: foilog.Layouts, Static: foilog.Static, Now: fixedNow}
	res, list := site.Build(opts)
	if res != nil {
		t.Fatal("the build published links to unpublished responses")
	}
	want := "content/responses/live.md:7:17: error: link \"/responses/foi-2-24/\" leads to content/responses/draft.md, a draft: the published page would have a dead link that gives away its address (remove the link until that response is published)\n" +
		"content/responses/live.md:7:55: error: link \"../foi-3-24/\" leads to content/responses/later.md, embargoed until 1 January 2099 at 09:00: until then the published page has a dead link that gives away its address (remove the link until then, or set this response's `publish:` to the same time or later)"
	if got := list.Error(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	opts.Drafts = true
	if res, list := site.Build(opts); res == nil {
		t.Errorf("the preview with drafts failed: %v", list)
	}
}
