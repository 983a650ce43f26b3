package content_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/foilog/foilog/internal/content"
)

const bundle = "content/responses/b/index.md"

func TestAttachments(t *testing.T) {
	fm := "---\ntitle: T\nreference: FOI 2/23\ndate: 2023-06-14\noutcome: disclosed\nattachments:\n" +
		"  - figures.csv\n" + // 7
		"  - file: report.pdf\n" + // 8
		"    title: The  full report\n" +
		"  - file: notes.txt\n" + // 10
		"    titel: Notes\n" +
		"  - file: data.json\n" + // 12
		"    colour: red\n" +
		"  - ../x.csv\n" + // 14
		"  - /etc/passwd\n" +
		"  - sub/a.csv\n" +
		"  - ..\n" +
		"  - index.md\n" +
		"  - page.html\n" + // 19
		"  - drawing.SVG\n" +
		"  - app.js\n" +
		"  - figurs.csv\n" + // 22
		"  - nothing.pdf\n" +
		"  - folder\n" + // 24
		"---\nText.\n"
	fsys := fstest.MapFS{
		bundle:                               {Data: []byte(fm)},
		"content/responses/b/figures.csv":    {Data: []byte("year,count\n2022,4\n")},
		"content/responses/b/report.pdf":     {Data: make([]byte, 2048)},
		"content/responses/b/notes.txt":      {Data: []byte("n")},
		"content/responses/b/data.json":      {Data: []byte("{}")},
		"content/responses/b/page.html":      {Data: []byte("<script>")},
		"content/responses/b/extra.csv":      {Data: []byte("x")},
		"content/responses/b/.DS_Store":      {Data: []byte("x")},
		"content/responses/b/figures.csv~":   {Data: []byte("x")},
		"content/responses/b/folder/a.csv":   {Data: []byte("x")},
		"content/responses/other/index.md":   {Data: []byte("x")},
		"content/responses/other/secret.csv": {Data: []byte("x")},
	}
	r, list := content.LoadFile(fsys, bundle, siteConfig())
	const B = bundle
	checkDiags(t, diagStrings(list), []string{
		"content/responses/b/extra.csv: warning: this file is not listed in the response's attachments, so it is not published (add it under `attachments:` in content/responses/b/index.md to publish it)",
		"content/responses/b/page.html: warning: this file is not listed in the response's attachments, so it is not published (add it under `attachments:` in content/responses/b/index.md to publish it)",
		B + ":11:5: error: unknown attachment field `titel`; did you mean `title`?",
		B + ":13:5: error: unknown attachment field `colour` (attachments have `file` and `title`)",
		B + ":14:1: error: attachment \"../x.csv\" must be the name of a file beside index.md, with no folders",
		B + ":15:1: error: attachment \"/etc/passwd\" must be the name of a file beside index.md, with no folders",
		B + ":16:1: error: attachment \"sub/a.csv\" must be the name of a file beside index.md, with no folders",
		B + ":17:1: error: attachment \"..\" must be the name of a file beside index.md, with no folders",
		B + ":18:1: error: attachment \"index.md\" must be the name of a file beside index.md, with no folders",
		B + ":19:1: error: attachment \"page.html\" is a Web page, which would run as part of the website (publish it as PDF or plain text instead)",
		B + ":20:1: error: attachment \"drawing.SVG\" is a SVG image, which would run as part of the website (publish it as PDF or plain text instead)",
		B + ":21:1: error: attachment \"app.js\" is a JS file, which would run as part of the website (publish it as PDF or plain text instead)",
		B + ":22:1: error: attachment \"figurs.csv\" does not exist in content/responses/b/; did you mean \"figures.csv\"?",
		B + ":23:1: error: attachment \"nothing.pdf\" does not exist in content/responses/b/",
		B + ":24:1: error: attachment \"folder\" is not a regular file",
	})
	if r == nil || !r.Bundle {
		t.Fatalf("response %+v", r)
	}
	want := []content.Attachment{
		{Name: "figures.csv", Title: "figures.csv", Source: "content/responses/b/figures.csv", Size: 18, Type: "CSV spreadsheet", Line: 7},
		{Name: "report.pdf", Title: "The full report", Source: "content/responses/b/report.pdf", Size: 2048, Type: "PDF document", Line: 8},
		{Name: "notes.txt", Title: "notes.txt", Source: "content/responses/b/notes.txt", Size: 1, Type: "Plain text", Line: 10},
		{Name: "data.json", Title: "data.json", Source: "content/responses/b/data.json", Size: 2, Type: "JSON data", Line: 12},
	}
	for i, w := range want {
		if r.Attachments[i] != w {
			t.Errorf("Attachments[%d] = %+v, want %+v", i, r.Attachments[i], w)
		}
	}
	if len(r.Attachments) != 15 {
		t.Errorf("%d attachments, want every listed item kept (15)", len(r.Attachments))
	}
	for _, a := range r.Attachments[4:] {
		if a.Size != 0 || a.Type != "" {
			t.Errorf("attachment with an error has Size %d, Type %q", a.Size, a.Type)
		}
	}
}

func TestAttachmentsOfAFile(t *testing.T) {
	fsys := fstest.MapFS{
		file:                            response("FOI 1/23", "attachments:\n  - figures.csv\n  - file: ../etc/passwd\n"),
		"content/responses/figures.csv": {Data: []byte("x")},
	}
	_, list := content.LoadFile(fsys, file, siteConfig())
	checkDiags(t, diagStrings(list), []string{
		file + ":7:1: error: attachment \"figures.csv\" needs the response to be a folder (move this file to content/responses/a/index.md and put figures.csv beside it)",
		file + ":8:1: error: attachment \"../etc/passwd\" must be the name of a file beside index.md, with no folders",
	})
}

func TestAttachmentsHashFollowsSizes(t *testing.T) {
	load := func(csv string) string {
		fsys := fstest.MapFS{bundle: response("FOI 2/23", "attachments: [f.csv]\n"), "content/responses/b/f.csv": {Data: []byte(csv)}}
		r, list := content.LoadFile(fsys, bundle, siteConfig())
		if len(list) != 0 {
			t.Fatal(list)
		}
		return r.Hash
	}
	if load("1,2\n") == load("1,2,3\n") {
		t.Error("an attachment changed size but the response hash did not change")
	}
	if load("1,2\n") != load("3,4\n") {
		t.Error("the hash changed though no byte of the response and no size changed")
	}
}

func TestAttachmentTooLarge(t *testing.T) {
	fsys := fstest.MapFS{
		bundle:                          response("FOI 2/23", "attachments: [video.zip]\n"),
		"content/responses/b/video.zip": {Data: make([]byte, content.MaxAttachmentSize+1)},
	}
	_, list := content.LoadFile(fsys, bundle, siteConfig())
	checkDiags(t, diagStrings(list), []string{
		bundle + ":6:1: error: attachment \"video.zip\" is 50.0 MB; the largest foilog publishes is 50.0 MB",
	})
	if !strings.Contains(list[0].Code, "too-large") {
		t.Errorf("code %q", list[0].Code)
	}
}

func TestAttachmentItemsWithoutAFile(t *testing.T) {
	fm := "attachments:\n" +
		"  - {title: No file}\n" + // 7
		"  - ''\n" +
		"  - ~\n" +
		"  -\n" + // 10
		"  - [a.csv]\n" +
		"  - {file: '', title: Empty}\n" +
		"  - {file: ~}\n" +
		"  - {file: [a.csv]}\n"
	fsys := fstest.MapFS{bundle: response("FOI 2/23", fm)}
	r, list := content.LoadFile(fsys, bundle, siteConfig())
	// One error for each item, where it is.
	checkDiags(t, diagStrings(list), []string{
		bundle + ":7:5: error: attachment has no `file`",
		bundle + ":8:5: error: field `attachments` is empty",
		bundle + ":9:5: error: field `attachments` is empty",
		bundle + ":10:4: error: field `attachments` is empty",
		bundle + ":11:5: error: each attachment must be a file name or `file:` and `title:`",
		bundle + ":12:12: error: field `file` is empty",
		bundle + ":13:5: error: attachment has no `file`",
		bundle + ":14:12: error: field `file` must be text, not a list",
	})
	if len(r.Attachments) != 8 {
		t.Errorf("%d attachments", len(r.Attachments))
	}
}

func TestAttachmentListedTwice(t *testing.T) {
	fsys := fstest.MapFS{
		bundle:                      response("FOI 2/23", "attachments:\n  - f.csv\n  - file: f.csv\n    title: Again\n  - g.csv\n  - g.csv\n"),
		"content/responses/b/f.csv": {Data: []byte("a,b\n")},
	}
	r, list := content.LoadFile(fsys, bundle, siteConfig())
	checkDiags(t, diagStrings(list), []string{
		bundle + ":8:1: error: attachment \"f.csv\" is listed twice (remove one of the two)",
		bundle + ":10:1: error: attachment \"g.csv\" does not exist in content/responses/b/; did you mean \"f.csv\"?",
		bundle + ":11:1: error: attachment \"g.csv\" is listed twice (remove one of the two)",
	})
	if r.Attachments[0].Source == "" || r.Attachments[1].Source != "" {
		t.Errorf("only the first of two entries may be published: %+v", r.Attachments)
	}
}
