package check_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/foilog/foilog/internal/check"
	"github.com/foilog/foilog/internal/config"
	"github.com/foilog/foilog/internal/content"
)

func TestAttachments(t *testing.T) {
	const B = "content/responses/b/index.md"
	fm := "---\ntitle: T\nreference: FOI 2/23\ndate: 2023-06-14\noutcome: disclosed\nattachments:\n" +
		"  - big.csv\n" + // 7
		"  - edge.csv\n" +
		"  - old.doc\n" +
		"  - Old.XLS\n" + // 10
		"  - deck.ppt\n" +
		"  - report.docx\n" +
		"  - REPORT2.DOCX\n" +
		"  - sheet.xlsx\n" +
		"  - letter.odt\n" + // 15
		"  - broken.docx\n" +
		"  - missing.docx\n" +
		"  - page.html\n" +
		"  - empty.csv\n" +
		"  - big.doc\n" + // 20
		"  - clean.docx\n" +
		"---\nText.\n"
	fsys := fstest.MapFS{
		B:                                  {Data: []byte(fm)},
		"content/responses/b/big.csv":      {Data: make([]byte, 12<<20)},
		"content/responses/b/edge.csv":     {Data: make([]byte, check.MaxAttachmentWarn)},
		"content/responses/b/old.doc":      {Data: []byte{0xd0, 0xcf, 0x11, 0xe0}},
		"content/responses/b/Old.XLS":      {Data: []byte{0xd0, 0xcf, 0x11, 0xe0}},
		"content/responses/b/deck.ppt":     {Data: []byte{0xd0, 0xcf, 0x11, 0xe0}},
		"content/responses/b/report.docx":  {Data: zipOf(t, "word/document.xml", wordNS+`<w:del w:id="2" w:author="J"/>`+wordEnd)},
		"content/responses/b/REPORT2.DOCX": {Data: zipOf(t, "word/document.xml", cleanWord, "word/comments.xml", "<w:comments/>")},
		"content/responses/b/sheet.xlsx":   {Data: zipOf(t, "xl/workbook.xml", sheet(`<sheet name="x" state="hidden"/>`))},
		"content/responses/b/letter.odt":   {Data: zipOf(t, "content.xml", odt(""), "meta.xml", meta(`<meta:initial-creator>Jane Smith</meta:initial-creator>`))},
		"content/responses/b/broken.docx":  {Data: []byte("not a zip")},
		"content/responses/b/page.html":    {Data: []byte("<p>")},
		"content/responses/b/empty.csv":    {Data: nil},
		"content/responses/b/big.doc":      {Data: make([]byte, 11<<20)},
		"content/responses/b/clean.docx":   {Data: zipOf(t, "word/document.xml", cleanWord, "docProps/core.xml", cleanCore)},
	}
	r, loadList := content.LoadFile(fsys, B, config.Default())
	// Content reports the missing and the blocked file; check must not
	// report them again.
	if len(loadList) != 2 {
		t.Fatalf("content diagnostics: %v", loadList)
	}
	list := check.Attachments(fsys, r)
	const format = "is an old binary Office format that can hide tracked changes and metadata foilog cannot inspect (save it as PDF, CSV or OpenDocument before publishing)"
	checkDiags(t, list, []string{
		B + ":7:1: warning: attachment \"big.csv\" is 12.0 MB; large files are slow and costly to download on a phone (split it, or publish a compressed CSV or PDF)",
		B + ":9:1: warning: attachment \"old.doc\" " + format,
		B + ":10:1: warning: attachment \"Old.XLS\" " + format,
		B + ":11:1: warning: attachment \"deck.ppt\" " + format,
		B + ":12:1: warning: attachment \"report.docx\" still contains tracked changes; deleted text can be read by anyone who opens it (accept or reject every change (Review, Accept All Changes) and save again)",
		B + ":13:1: warning: attachment \"REPORT2.DOCX\" contains comments, which may name staff or discuss the request (delete every comment before publishing)",
		B + ":14:1: warning: attachment \"sheet.xlsx\" has hidden worksheets, whose data is published with the file (delete hidden sheets, or publish the visible data as CSV)",
		B + ":15:1: warning: attachment \"letter.odt\" records who wrote or last edited it in its document properties (remove personal information (File, Info, Inspect Document) before publishing)",
		B + ":20:1: warning: attachment \"big.doc\" is 11.0 MB; large files are slow and costly to download on a phone (split it, or publish a compressed CSV or PDF)",
		B + ":20:1: warning: attachment \"big.doc\" " + format,
	})
	codes := map[string]bool{}
	for _, d := range list {
		codes[d.Code] = true
	}
	for _, c := range []string{"check.attachment-size", "check.attachment-format", "check.attachment-tracked-changes",
		"check.attachment-comments", "check.attachment-hidden-sheet", "check.attachment-metadata"} {
		if !codes[c] {
			t.Errorf("no finding with code %s", c)
		}
	}
}

func TestAttachmentsNone(t *testing.T) {
	r := &content.Response{Path: P}
	if list := check.Attachments(fstest.MapFS{}, r); len(list) != 0 {
		t.Errorf("got %v", list)
	}
	// An attachment content could not stat (no Source) is skipped.
	r.Attachments = []content.Attachment{{Name: "x.docx", Line: 7}}
	if list := check.Attachments(fstest.MapFS{}, r); len(list) != 0 {
		t.Errorf("got %v", list)
	}
	// A file that vanished after loading is skipped, not a crash.
	r.Attachments = []content.Attachment{{Name: "x.docx", Source: "content/responses/b/x.docx", Size: 10, Type: "Word document", Line: 7}}
	if list := check.Attachments(fstest.MapFS{}, r); len(list) != 0 {
		t.Errorf("got %v", strings.Join(diagStrings(list), "\n"))
	}
}
