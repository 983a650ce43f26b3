package content_test

import (
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/foilog/foilog/internal/content"
)

const bundle = "content/responses/b/index.md"

// convert is the hint of an attachment of a type foilog does not publish.
const convert = " (convert it to a PDF, a CSV table or a PNG picture and list that file instead; foilog publishes " +
	"PDF, RTF, TXT, CSV, TSV, ODT, ODS, ODP, DOCX, XLSX, PPTX, DOC, XLS, PPT, PNG, JPEG, GIF, WebP, ZIP and JSON files)"

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
		"  - folder.csv\n" + // 24
		"---\nText.\n"
	fsys := fstest.MapFS{
		bundle:                                 {Data: []byte(fm)},
		"content/responses/b/figures.csv":      {Data: []byte("year,count\n2022,4\n")},
		"content/responses/b/report.pdf":       {Data: make([]byte, 2048)},
		"content/responses/b/notes.txt":        {Data: []byte("n")},
		"content/responses/b/data.json":        {Data: []byte("{}")},
		"content/responses/b/page.html":        {Data: []byte("<script>")},
		"content/responses/b/extra.csv":        {Data: []byte("x")},
		"content/responses/b/.DS_Store":        {Data: []byte("x")},
		"content/responses/b/figures.csv~":     {Data: []byte("x")},
		"content/responses/b/folder.csv/a.csv": {Data: []byte("x")},
		"content/responses/other/index.md":     {Data: []byte("x")},
		"content/responses/other/secret.csv":   {Data: []byte("x")},
	}
	r, list := content.LoadFile(fsys, bundle, siteConfig())
	const B = bundle
	checkDiags(t, diagStrings(t, list), []string{
		"content/responses/b/extra.csv: warning: this file is not listed in the response's attachments, so it is not published (add it under `attachments:` in content/responses/b/index.md to publish it)",
		B + ":11:5: error: unknown attachment field `titel`; did you mean `title`? (attachments have `file` and `title`)",
		B + ":13:5: error: unknown attachment field `colour` (attachments have `file` and `title`)",
		B + ":14:5: error: attachment \"../x.csv\" must be the name of a file beside index.md, with no folders (put the file in the response's folder beside index.md and list its name only)",
		B + ":15:5: error: attachment \"/etc/passwd\" must be the name of a file beside index.md, with no folders (put the file in the response's folder beside index.md and list its name only)",
		B + ":16:5: error: attachment \"sub/a.csv\" must be the name of a file beside index.md, with no folders (put the file in the response's folder beside index.md and list its name only)",
		B + ":17:5: error: attachment \"..\" must be the name of a file beside index.md, with no folders (put the file in the response's folder beside index.md and list its name only)",
		B + ":18:5: error: attachment \"index.md\" must be the name of a file beside index.md, with no folders (list the files beside index.md, not index.md itself)",
		B + ":19:5: error: attachment \"page.html\" is an HTML web page, which foilog does not publish: a browser or web server could run it as part of the website" + convert,
		B + ":20:5: error: attachment \"drawing.SVG\" is an SVG image, which foilog does not publish: a browser or web server could run it as part of the website" + convert,
		B + ":21:5: error: attachment \"app.js\" is a JavaScript file, which foilog does not publish: a browser or web server could run it as part of the website" + convert,
		B + ":22:5: error: attachment \"figurs.csv\" does not exist in content/responses/b/; did you mean \"figures.csv\"? (put the file in content/responses/b/ beside index.md, or correct its name here)",
		B + ":23:5: error: attachment \"nothing.pdf\" does not exist in content/responses/b/ (put the file in content/responses/b/ beside index.md, or correct its name here)",
		B + ":24:5: error: attachment \"folder.csv\" is not a regular file (list the files themselves, each beside index.md, not a folder or a link)",
	})
	if r == nil || !r.Bundle {
		t.Fatalf("response %+v", r)
	}
	want := []content.Attachment{
		{Name: "figures.csv", Title: "figures.csv", Source: "content/responses/b/figures.csv", Size: 18, Type: "CSV spreadsheet", Line: 7, Col: 5},
		{Name: "report.pdf", Title: "The full report", Source: "content/responses/b/report.pdf", Size: 2048, Type: "PDF document", Line: 8, Col: 11},
		{Name: "notes.txt", Title: "notes.txt", Source: "content/responses/b/notes.txt", Size: 1, Type: "Plain text", Line: 10, Col: 11},
		{Name: "data.json", Title: "data.json", Source: "content/responses/b/data.json", Size: 2, Type: "JSON data", Line: 12, Col: 11},
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
	checkDiags(t, diagStrings(t, list), []string{
		file + ":7:5: error: attachment \"figures.csv\" needs the response to be a folder (move this file to content/responses/a/index.md and put figures.csv beside it)",
		file + ":8:11: error: attachment \"../etc/passwd\" must be the name of a file beside index.md, with no folders (put the file in the response's folder beside index.md and list its name only)",
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
	checkDiags(t, diagStrings(t, list), []string{
		bundle + ":6:15: error: attachment \"video.zip\" is 50.0 MB; the largest foilog publishes is 50.0 MB (split it into smaller files, or publish the data as CSV)",
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
	checkDiags(t, diagStrings(t, list), []string{
		bundle + ":7:5: error: attachment has no `file` (add `file:` with the name of the file beside index.md, such as `file: figures.csv`)",
		bundle + ":8:5: error: field `attachments` is empty (write a value on the empty line, or delete it)",
		bundle + ":9:5: error: field `attachments` is empty (write a value on the empty line, or delete it)",
		bundle + ":10:4: error: field `attachments` is empty (write a value on the empty line, or delete it)",
		bundle + ":11:5: error: each attachment must be a file name or `file:` and `title:` (write `- figures.csv`, or `- file: figures.csv` with `title: Figures` on the next line, indented under `file`)",
		bundle + ":12:12: error: field `file` is empty (write the name of the file beside index.md, such as `file: figures.csv`)",
		bundle + ":13:5: error: attachment has no `file` (add `file:` with the name of the file beside index.md, such as `file: figures.csv`)",
		bundle + ":14:12: error: field `file` must be text, not a list (write the value on the same line as `file:`, not as a list of - lines)",
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
	checkDiags(t, diagStrings(t, list), []string{
		bundle + ":8:11: error: attachment \"f.csv\" is listed twice (remove one of the two)",
		bundle + ":10:5: error: attachment \"g.csv\" does not exist in content/responses/b/; did you mean \"f.csv\"? (put the file in content/responses/b/ beside index.md, or correct its name here)",
		bundle + ":11:5: error: attachment \"g.csv\" is listed twice (remove one of the two)",
	})
	if r.Attachments[0].Source == "" || r.Attachments[1].Source != "" {
		t.Errorf("only the first of two entries may be published: %+v", r.Attachments)
	}
}

func TestAttachmentTypes(t *testing.T) {
	const active = ": a browser or web server could run it as part of the website"
	tests := []struct {
		name string
		want string // the error after `attachment "NAME" `; empty when published
		typ  string // the Type of a published attachment
	}{
		{name: "report.pdf", typ: "PDF document"},
		{name: "Report.PDF", typ: "PDF document"},
		{name: "figures.2023.csv", typ: "CSV spreadsheet"},
		{name: "a#b.TSV", typ: "TSV spreadsheet"},
		{name: "letter.rtf", typ: "Rich Text document"},
		{name: "notes.txt", typ: "Plain text"},
		{name: "a.odt", typ: "OpenDocument text"},
		{name: "a.ods", typ: "OpenDocument spreadsheet"},
		{name: "a.odp", typ: "OpenDocument presentation"},
		{name: "a.docx", typ: "Word document"},
		{name: "a.xlsx", typ: "Excel spreadsheet"},
		{name: "a.pptx", typ: "PowerPoint presentation"},
		{name: "a.doc", typ: "Word document"},
		{name: "a.xls", typ: "Excel spreadsheet"},
		{name: "a.ppt", typ: "PowerPoint presentation"},
		{name: "map.png", typ: "PNG image"},
		{name: "photo.JPG", typ: "JPEG image"},
		{name: "photo.jpeg", typ: "JPEG image"},
		{name: "chart.gif", typ: "GIF image"},
		{name: "chart.webp", typ: "WebP image"},
		{name: "all.zip", typ: "ZIP archive"},
		{name: "data.json", typ: "JSON data"},

		{name: "a.html", want: "is an HTML web page, which foilog does not publish" + active},
		{name: "a.HTM", want: "is an HTML web page, which foilog does not publish" + active},
		{name: "a.shtml", want: "is an HTML web page, which foilog does not publish" + active},
		{name: "a.xhtml", want: "is an XHTML web page, which foilog does not publish" + active},
		{name: "a.xht", want: "is an XHTML web page, which foilog does not publish" + active},
		{name: "a.svg", want: "is an SVG image, which foilog does not publish" + active},
		{name: "a.svgz", want: "is an SVG image, which foilog does not publish" + active},
		{name: "a.xml", want: "is an XML file, which foilog does not publish" + active},
		{name: "a.xsl", want: "is an XSL file, which foilog does not publish" + active},
		{name: "a.js", want: "is a JavaScript file, which foilog does not publish" + active},
		{name: "a.mjs", want: "is a JavaScript file, which foilog does not publish" + active},
		{name: "a.cjs", want: "is a JavaScript file, which foilog does not publish" + active},
		{name: "a.hta", want: "is an HTA file, which foilog does not publish" + active},
		{name: "a.php", want: "is a PHP file, which foilog does not publish" + active},
		{name: "a.vbs", want: "is a VBS file, which foilog does not publish" + active},
		{name: "a.ps1", want: "is a PS1 file, which foilog does not publish" + active},
		{name: "a.exe", want: "is an EXE file, which foilog does not publish" + active},
		{name: "notes.md", want: "is a Markdown file, which foilog does not publish"},
		{name: "mail.eml", want: "is an email message, which foilog does not publish (save the email as a PDF with the personal data removed, and list that file instead)"},
		{name: "mail.msg", want: "is an Outlook email message, which foilog does not publish (save the email as a PDF with the personal data removed, and list that file instead)"},
		{name: "scan.tiff", want: "is a TIFF image, which foilog does not publish"},
		{name: "data.parquet", want: "is a PARQUET file, which foilog does not publish"},
		{name: "clip.mp4", want: "is an MP4 file, which foilog does not publish"},
		{name: "a.php.pdf", want: "has .php inside its name, and some web servers run such files as programs or web pages (rename it without .php)"},
		{name: "a.HTML.csv", want: "has .html inside its name, and some web servers run such files as programs or web pages (rename it without .html)"},
		{name: ".htaccess", want: "is a hidden file (its name starts with a dot); web servers hide such files or read them as their own settings (rename it without the leading dot)"},
		{name: ".report.pdf", want: "is a hidden file (its name starts with a dot); web servers hide such files or read them as their own settings (rename it without the leading dot)"},
		{name: "README", want: "has no extension, such as .pdf, that tells its type (add the extension of its format to its name; foilog publishes " +
			"PDF, RTF, TXT, CSV, TSV, ODT, ODS, ODP, DOCX, XLSX, PPTX, DOC, XLS, PPT, PNG, JPEG, GIF, WebP, ZIP and JSON files)"},
		{name: "report.", want: "has no extension, such as .pdf, that tells its type (add the extension of its format to its name; foilog publishes " +
			"PDF, RTF, TXT, CSV, TSV, ODT, ODS, ODP, DOCX, XLSX, PPTX, DOC, XLS, PPT, PNG, JPEG, GIF, WebP, ZIP and JSON files)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				bundle:                           response("FOI 2/23", "attachments:\n  - "+strconv.Quote(tt.name)+"\n"),
				"content/responses/b/" + tt.name: {Data: []byte("x")},
			}
			r, list := content.LoadFile(fsys, bundle, siteConfig())
			var want []string
			if tt.want != "" {
				want = []string{bundle + ":7:5: error: attachment " + strconv.Quote(tt.name) + " " + tt.want}
				if !strings.Contains(tt.want, " (") {
					want[0] += convert
				}
			}
			// A listed file is never also reported as not listed.
			checkDiags(t, diagStrings(t, list), want)
			a := r.Attachments[0]
			if tt.want == "" && (a.Type != tt.typ || a.Source == "") || tt.want != "" && (a.Type != "" || a.Source != "") {
				t.Errorf("attachment %+v", a)
			}
			if tt.want != "" && list[0].Code != "attachment.type" {
				t.Errorf("code %q", list[0].Code)
			}
		})
	}
}

func TestAttachmentsNotListed(t *testing.T) {
	fsys := fstest.MapFS{
		bundle:                          response("FOI 2/23", "attachments: [a.csv]\n"),
		"content/responses/b/a.csv":     {Data: []byte("x")},
		"content/responses/b/b.pdf":     {Data: []byte("x")},
		"content/responses/b/page.html": {Data: []byte("x")},
		"content/responses/b/notes.md":  {Data: []byte("x")}, // Sources reports it
		"content/responses/b/NOTES.MD":  {Data: []byte("x")},
		"content/responses/b/.DS_Store": {Data: []byte("x")},
		"content/responses/b/a.csv~":    {Data: []byte("x")},
	}
	_, list := content.LoadFile(fsys, bundle, siteConfig())
	checkDiags(t, diagStrings(t, list), []string{
		"content/responses/b/b.pdf: warning: this file is not listed in the response's attachments, so it is not published (add it under `attachments:` in " + bundle + " to publish it)",
		"content/responses/b/page.html: warning: this file is not listed in the response's attachments, so it is not published (foilog does not publish an HTML web page; to publish it, convert it to a PDF, a CSV table or a PNG picture and list that file under `attachments:` in " + bundle + ")",
	})
}

func TestAttachmentURL(t *testing.T) {
	r := &content.Response{Slug: "foi-2-24"}
	for name, want := range map[string]string{
		"figures.csv":       "responses/foi-2-24/figures.csv",
		"a#b.csv":           "responses/foi-2-24/a%23b.csv",
		"q?x.csv":           "responses/foi-2-24/q%3Fx.csv",
		"100%.csv":          "responses/foi-2-24/100%25.csv",
		"my file (1).csv":   "responses/foi-2-24/my%20file%20%281%29.csv",
		"café.pdf":          "responses/foi-2-24/caf%C3%A9.pdf",
		"a;b,c.csv":         "responses/foi-2-24/a%3Bb%2Cc.csv",
		"Q&A+notes=1@x.pdf": "responses/foi-2-24/Q&A+notes=1@x.pdf",
	} {
		if got := r.AttachmentURL(name); got != want {
			t.Errorf("AttachmentURL(%q) = %q, want %q", name, got, want)
		}
	}
}
