package check_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/foilog/foilog"
	"github.com/foilog/foilog/internal/check"
	"github.com/foilog/foilog/internal/config"
	"github.com/foilog/foilog/internal/content"
	"github.com/foilog/foilog/internal/date"
	"github.com/foilog/foilog/internal/diag"
	"github.com/foilog/foilog/internal/scaffold"
	"github.com/foilog/foilog/internal/site"
)

const unfinishedHint = " (replace it with the text, or keep `draft: true` until it is written)"

func TestUnfinished(t *testing.T) {
	const a, d, e = "content/responses/a.md", "content/responses/d.md", "content/responses/e.md"
	fsys := fstest.MapFS{
		a: {Data: []byte(front("FOI 1/23", "summary: \"[TO WRITE: summary]\"\n# [TO WRITE] in a YAML comment\n") + // body from line 9
			"[TO WRITE: one or two sentences saying what was asked for and what was decided.]\n" +
			"\n" +
			"> « [TO WRITE: the request as received.]\n" + // 11
			"<!-- [TO WRITE] in a comment is never published -->\n" +
			"Done. [TO WRITE]\n")}, // 13
		// A draft is unfinished by design: nothing is reported.
		d: {Data: []byte(front("FOI 2/23", "draft: true\n") + "[TO WRITE: the request as received.]\n")},
		// An embargoed response is published without anyone removing a
		// line: it is checked like a published one.
		e: {Data: []byte(front("FOI 3/23", "publish: 2099-01-01\n") + "Text. [TO WRITE]\n")},
	}
	checkDiags(t, run(fsys), []string{
		a + ":6:11: error: unfinished: the placeholder [TO WRITE: summary] would be published" + unfinishedHint,
		a + ":9:1: error: unfinished: the placeholder [TO WRITE: one or two sentences saying…] would be published" + unfinishedHint,
		a + ":11:5: error: unfinished: the placeholder [TO WRITE: the request as received.] would be published" + unfinishedHint,
		a + ":13:7: error: unfinished: the placeholder [TO WRITE] would be published" + unfinishedHint,
		e + ":8:7: error: unfinished: the placeholder [TO WRITE] would be published" + unfinishedHint,
	})
}

// TestNewResponseIsUnfinished follows the review's steps: a response made
// by foilog new passes check as a draft; with `draft: true` deleted, check
// reports every placeholder.
func TestNewResponseIsUnfinished(t *testing.T) {
	root := t.TempDir()
	p, err := scaffold.Create(root, scaffold.Options{Title: "Body worn video retention", Today: date.Of(now)})
	if err != nil {
		t.Fatal(err)
	}
	opts := site.Options{Source: os.DirFS(root), Layouts: foilog.Layouts, Static: foilog.Static, Now: now}
	if list := check.Run(opts); list.HasErrors() {
		t.Errorf("a new draft has errors:\n%s", strings.Join(diagStrings(list), "\n"))
	}
	file := filepath.Join(root, filepath.FromSlash(p))
	data, _ := os.ReadFile(file)
	var kept []string
	for _, l := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(l, "draft:") {
			kept = append(kept, l)
		}
	}
	if err := os.WriteFile(file, []byte(strings.Join(kept, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range check.Run(opts) {
		if d.Code == check.CodeUnfinished && d.Severity == diag.Error {
			n++
		}
	}
	if want := strings.Count(string(data), "[TO WRITE"); n != want || n == 0 {
		t.Errorf("%d unfinished errors, want %d", n, want)
	}
}

func TestEmptyLetter(t *testing.T) {
	const a, b, c, d = "content/responses/a.md", "content/responses/b.md", "content/responses/c.md", "content/responses/d.md"
	fsys := fstest.MapFS{
		a: {Data: []byte(front("FOI 1/23", ""))},
		b: {Data: []byte(front("FOI 2/23", "") + "\n<!-- only a comment -->\n\n")},
		c: {Data: []byte(front("FOI 3/23", "draft: true\n"))},      // a draft may be empty
		d: {Data: []byte(front("FOI 4/23", "") + "## Response\n")}, // not empty, if short
	}
	const hint = " (write the letter below the front-matter's closing `---`, or add `draft: true` until it is written)"
	checkDiags(t, run(fsys), []string{
		a + ":6:1: warning: the response has no letter: its page would show the front-matter's fields and nothing else" + hint,
		b + ":6:1: warning: the response has no letter: its page would show the front-matter's fields and nothing else" + hint,
	})
}

func TestRemoteImages(t *testing.T) {
	const a, d = "content/responses/a.md", "content/responses/d.md"
	fsys := fstest.MapFS{
		"foilog.yaml": {Data: []byte("title: Log\nbaseURL: https://foi.example.org/\n")},
		a: {Data: []byte(front("FOI 1/23", "") + // body from line 7
			"![pixel](https://tracker.example/pixel.gif) and ![c](//cdn.example.net/c.png)\n" +
			"[a link is not fetched](https://example.net/x.png) ![own site](https://FOI.example.org/responses/foi-1-23/)\n" +
			"![ref][logo]\n\n[logo]: http://example.com/logo.png\n")},
		d: {Data: []byte(front("FOI 2/23", "draft: true\n") + "![x](https://tracker.example/d.gif)\n")},
	}
	const hint = " (download it, put it in the response's folder, list it under `attachments:` and show it by its file name)"
	const csp = ": every visitor's browser would fetch it from there, and the recommended Content-Security-Policy blocks it"
	checkDiags(t, run(fsys), []string{
		a + `:7:10: error: image "https://tracker.example/pixel.gif" is on tracker.example` + csp + hint,
		a + `:7:54: error: image "//cdn.example.net/c.png" is on cdn.example.net` + csp + hint,
		a + `:9:1: error: image "http://example.com/logo.png" is on example.com` + csp + hint,
		// Drafts too: the image is fetched in the preview as well.
		d + `:8:6: error: image "https://tracker.example/d.gif" is on tracker.example` + csp + hint,
	})
}

func TestLinksToUnpublishedResponses(t *testing.T) {
	const pub, draft, emb, later, bundle = "content/responses/pub.md", "content/responses/draft.md", "content/responses/emb.md",
		"content/responses/later.md", "content/responses/bundle/index.md"
	fsys := fstest.MapFS{
		"foilog.yaml": {Data: []byte(siteYAML)},
		pub: {Data: []byte(front("FOI 1/23", "") + // body from line 7
			"See [the draft](/foi/responses/draftref-777-24/) and [the embargoed](/responses/embref-888-24/).\n" +
			"[Its file](/responses/draftref-777-24/figures.csv), [its old address](/old/draft/) and [no slash](../embref-888-24).\n" +
			"[Embargoed until 2098](/responses/foi-3-23/)\n")},
		draft: {Data: []byte(front("DRAFTREF 777/24", "draft: true\naliases: [/old/draft/]\n") +
			"A draft may link to [another unpublished one](../embref-888-24/).\n")},
		emb: {Data: []byte(front("EMBREF 888/24", "publish: 2099-01-01T09:00:00\n") + "Embargoed.\n")},
		// Published before the one it links to, also under embargo.
		later: {Data: []byte(front("FOI 3/23", "publish: 2098-01-01\n") + "[x](/responses/embref-888-24/) [pub](/responses/foi-1-23/)\n")},
		// A later embargo may link to an earlier one.
		bundle: {Data: []byte(front("FOI 4/23", "publish: 2100-01-01\n") + "[x](/responses/embref-888-24/)\n")},
	}
	const draftMsg = " leads to content/responses/draft.md, a draft: the published page would have a dead link that gives away its address (remove the link until that response is published)"
	const embMsg = " leads to content/responses/emb.md, embargoed until 1 January 2099 at 09:00: until then the published page has a dead link that gives away its address (remove the link until then, or set this response's `publish:` to the same time or later)"
	checkDiags(t, run(fsys), []string{
		pub + `:7:17: error: link "/foi/responses/draftref-777-24/"` + draftMsg,
		pub + `:7:70: error: link "/responses/embref-888-24/"` + embMsg,
		pub + `:8:12: error: link "/responses/draftref-777-24/figures.csv"` + draftMsg,
		pub + `:8:71: error: link "/old/draft/"` + draftMsg,
		pub + `:8:99: error: link "../embref-888-24"` + embMsg,
		later + `:8:5: error: link "/responses/embref-888-24/"` + embMsg,
		pub + `:9:24: error: link "/responses/foi-3-23/" leads to content/responses/later.md, embargoed until 1 January 2098 at 00:00: ` +
			"until then the published page has a dead link that gives away its address (remove the link until then, or set this response's `publish:` to the same time or later)",
	})
}

func TestUnlistedFileHint(t *testing.T) {
	const b = "content/responses/b/index.md"
	fsys := fstest.MapFS{
		b:                               {Data: []byte(front("FOI 1/23", "") + "![chart](chart.png) [data](sub/x.csv) [gone](gone.csv)\n")},
		"content/responses/b/chart.png": {Data: []byte("png")},
	}
	list := run(fsys)
	var got []string
	for _, d := range list {
		if d.Code == check.CodeLink {
			got = append(got, d.String())
		}
	}
	want := []string{
		b + `:7:10: error: link "chart.png" leads to no page of this site (add chart.png under ` + "`attachments:`" + `; only listed files are published)`,
		b + `:7:28: error: link "sub/x.csv" leads to no page of this site (response addresses are /responses/SLUG/, with the slug made from the reference)`,
		b + `:7:46: error: link "gone.csv" leads to no page of this site (response addresses are /responses/SLUG/, with the slug made from the reference)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Every finding of check has a code and a hint, as the README promises
// for the JSON output.
func TestEveryFindingHasAHint(t *testing.T) {
	fsys := fstest.MapFS{
		"foilog.yaml": {Data: []byte(siteYAML)},
		"content/responses/a.md": {Data: []byte(strings.Replace(front("FOI 1/23", "received: 2023-06-20\n"), "2023-06-14", "2004-06-14", 1) +
			"Dear Mr Smith, [TO WRITE] [x](/nowhere/) [y](/responses/nowhere/) ![r](https://x.example/p.gif) " +
			"[d](/responses/foi-2-23/) a@gmail.com 07700 900123 QQ 12 34 56 C B4 6NQ\n")},
		"content/responses/d.md": {Data: []byte(front("FOI 2/23", "draft: true\n") + "x\n")},
		"content/responses/e.md": {Data: []byte(front("FOI 3/23", ""))},
	}
	list := run(fsys)
	codes := map[string]bool{}
	for _, d := range list {
		codes[d.Code] = true
		if d.Hint == "" || d.Code == "" {
			t.Errorf("finding without a code or hint: %s", d)
		}
	}
	for _, c := range []string{"check.date-before-act", "check.date-order", check.CodeUnfinished, check.CodeEmpty,
		check.CodeRemoteImage, check.CodeLink, "lint.email"} {
		if !codes[c] {
			t.Errorf("no %s finding in:\n%s", c, strings.Join(diagStrings(list), "\n"))
		}
	}
}

func TestInspectorReportsWarnings(t *testing.T) {
	fsys := fstest.MapFS{"content/responses/a.md": {Data: []byte(front("FOI 1/23", "") + "[TO WRITE] ![r](https://x.example/p.gif)\n")}}
	r, _ := content.LoadFile(fsys, "content/responses/a.md", config.Default())
	list := check.Inspector(func() time.Time { return now })(fsys, config.Default(), r)
	if len(list) != 2 || list.HasErrors() {
		t.Errorf("serve's findings: %v", list)
	}
}
