package content_test

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/foilog/foilog/internal/content"
)

// response returns a valid response file with the given reference and
// extra front-matter lines (from line 6).
func response(ref, extra string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("---\ntitle: T\nreference: " + ref + "\ndate: 2023-06-14\noutcome: disclosed\n" + extra + "---\nText.\n")}
}

func TestSources(t *testing.T) {
	fsys := fstest.MapFS{
		"content/responses/a.md":              response("R1", ""),
		"content/responses/Z.md":              response("R2", ""),
		"content/responses/b/index.md":        response("R3", ""),
		"content/responses/b/figures.csv":     {Data: []byte("x\n")},
		"content/responses/b/notes.md":        {Data: []byte("notes\n")},
		"content/responses/b/.DS_Store":       {Data: []byte("x")},
		"content/responses/b/.notes.md":       {Data: []byte("x")},
		"content/responses/b/index.md~":       {Data: []byte("backup")},
		"content/responses/readme.txt":        {Data: []byte("x\n")},
		"content/responses/c/d/deep.md":       response("R4", ""),
		"content/responses/.hidden.md":        response("R5", ""),
		"content/responses/.#a.md":            {Data: []byte("x")}, // Emacs's lock
		"content/responses/._a.md":            {Data: []byte("x")}, // macOS's AppleDouble file
		"content/responses/.a.md.swp":         {Data: []byte("x")}, // Vim's swap file
		"content/responses/.git/config":       {Data: []byte("x")},
		"content/responses/.git/HEAD.md":      {Data: []byte("x")},
		"content/responses/.x/index.md":       response("R8", ""),
		"content/responses/a.md~":             {Data: []byte("backup")},
		"content/responses/link.md":           {Data: []byte("a.md"), Mode: fs.ModeSymlink},
		"content/other.md":                    response("R6", ""),
		"content/drafts/old.MD":               response("R9", ""),
		"content/.notes.md":                   {Data: []byte("x")},
		"content/readme.txt":                  {Data: []byte("x")},
		"content/responses/e/index.markdown~": {Data: []byte("x")},
		"content/responses/f/index.txt":       {Data: []byte("---\ntitle: T\n---\n")},
		"content/responses/f/figures.csv":     {Data: []byte("x")},
		"content/responses/g/Index.md":        response("R7", ""),
		"content/responses/g/figures.csv":     {Data: []byte("x")},
		"content/responses/h/index.markdown":  response("R10", ""),
		"content/responses/Response.MD":       response("R11", ""),
		"content/responses/i/notes.md":        response("R13", ""),
		"content/responses/old.markdown":      response("R12", ""),
	}
	paths, list := content.Sources(fsys)
	want := []string{"content/responses/Z.md", "content/responses/a.md", "content/responses/b/index.md"}
	if strings.Join(paths, "\n") != strings.Join(want, "\n") {
		t.Errorf("Sources = %q, want %q", paths, want)
	}
	checkDiags(t, diagStrings(t, list), []string{
		"content/drafts/old.MD: warning: this Markdown file is not in content/responses/, so it is not published (move it into content/responses/)",
		"content/other.md: warning: this Markdown file is not in content/responses/, so it is not published (move it into content/responses/)",
		"content/responses/.hidden.md: warning: this file's name starts with a dot, so it is hidden and not published (rename it hidden.md to publish it)",
		"content/responses/.x: warning: this folder's name starts with a dot, so it is hidden and its response is not published (rename it x to publish it)",
		"content/responses/Response.MD: warning: only files ending in .md (lower case) are read as responses, so this one is not published (rename it Response.md)",
		"content/responses/b/notes.md: warning: this Markdown file is inside a response folder but is not its index.md, so it is not published (if it is a response of its own, move it to content/responses/)",
		"content/responses/i/notes.md: warning: this Markdown file is inside a response folder but is not its index.md, so it is not published (rename it index.md, or move it to content/responses/)",
		"content/responses/c/d/deep.md: warning: files nested more than one folder deep are not published (put the file directly in its response's folder, beside index.md)",
		"content/responses/f: warning: this folder has no index.md, so nothing in it is published (name the response's Markdown file index.md)",
		"content/responses/g/Index.md: warning: a response folder's Markdown file must be named index.md (lower case), so this one is not published (rename it index.md)",
		"content/responses/h/index.markdown: warning: a response folder's Markdown file must be named index.md (lower case), so this one is not published (rename it index.md)",
		"content/responses/link.md: error: symbolic links are not followed (copy the file or folder itself here instead of a link to it)",
		"content/responses/old.markdown: warning: only files ending in .md (lower case) are read as responses, so this one is not published (rename it old.md)",
		"content/responses/readme.txt: warning: only .md files are published from content/responses/ (put attachments in a response folder beside its index.md)",
	})
}

func TestSourcesWithoutResponsesFolder(t *testing.T) {
	const hint = " (is --source the site's folder? To start a new log, create the folder content/responses/)"
	tests := []struct {
		name  string
		fsys  fstest.MapFS
		want  []string
		paths int
	}{
		{"empty folder", fstest.MapFS{}, []string{"content/responses: error: there is no content/responses folder here, so there is nothing to publish" + hint}, 0},
		{"content but no responses", fstest.MapFS{"content/misplaced.md": response("R1", "")}, []string{
			"content/misplaced.md: warning: this Markdown file is not in content/responses/, so it is not published (move it into content/responses/)",
			"content/responses: error: there is no content/responses folder here, so there is nothing to publish" + hint,
		}, 0},
		{"content is a file", fstest.MapFS{"content": {Data: []byte("x")}}, []string{
			"content/responses: error: there is no content/responses folder here, so there is nothing to publish" + hint,
		}, 0},
		{"responses is a file", fstest.MapFS{"content/responses": {Data: []byte("x")}, "content/x.md": {Data: []byte("x")}}, []string{
			"content/responses: error: content/responses is a file, but it must be the folder that holds the responses (rename or remove the file, and put the responses in a folder content/responses/)",
			"content/x.md: warning: this Markdown file is not in content/responses/, so it is not published (move it into content/responses/)",
		}, 0},
		{"empty responses folder: a new log", fstest.MapFS{"content/responses": {Mode: fs.ModeDir}}, nil, 0},
		{"only a .gitkeep", fstest.MapFS{"content/responses/.gitkeep": {}}, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			paths, list := content.Sources(tt.fsys)
			checkDiags(t, diagStrings(t, list), tt.want)
			if len(paths) != tt.paths {
				t.Errorf("paths %q", paths)
			}
			for _, d := range list {
				if d.Path == content.Dir && d.Code != "content.missing" {
					t.Errorf("code %q", d.Code)
				}
			}
		})
	}
}

func TestLoadFileNotUTF8(t *testing.T) {
	const hint = " (save it again with the encoding UTF-8; in Notepad or Word that is in the Save As dialogue)"
	tests := []struct {
		name string
		src  string
		pos  string
	}{
		{"Latin-1 in a title", "---\ntitle: Caf\xe9\n---\n", "2:11"},
		{"columns count characters", "---\ntitle: Ça café — caf\xe9\n---\n", "2:21"},
		{"first byte", "\xff---\n", "1:1"},
		{"in the body", "---\ntitle: T\n---\nline one\n\nsix \x80\n", "6:5"},
		{"cut-off character at the end", "---\ntitle: T\n---\n\xe2\x82", "4:1"},
		{"after a CRLF line", "---\r\ntitle: T\r\n\xc3(\r\n", "3:1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{file: {Data: []byte(tt.src)}}
			r, list := content.LoadFile(fsys, file, siteConfig())
			checkDiags(t, diagStrings(t, list), []string{file + ":" + tt.pos + ": error: file is not valid UTF-8 text" + hint})
			if r != nil {
				t.Errorf("LoadFile returned a response: %+v", r)
			}
		})
	}
}

func TestLoadFileBOMAndCRLF(t *testing.T) {
	src := "\ufeff---\r\ntitle: Use of drones\r\nreference: FOI 1/23\r\ndate: 31/02/2023\r\noutcome: disclosed\r\n" +
		"colour: blue\r\nsummary: \"None held.\"\r\n---\r\nYou asked.\r\n"
	fsys := fstest.MapFS{file: {Data: []byte(src)}}
	r, list := content.LoadFile(fsys, file, siteConfig())
	checkDiags(t, diagStrings(t, list), []string{
		file + ":4:7: error: field `date`: \"31/02/2023\" does not exist: February 2023 has 28 days (write the date as 28/02/2023 or check the day)",
		file + ":6:1: error: unknown field `colour` (fields are title, reference, slug, date, received, force, regime, exemptions, outcome, topics, summary, attachments, draft, publish, aliases)",
	})
	if r == nil {
		t.Fatal("no response")
	}
	if r.Title != "Use of drones" || r.Reference != "FOI 1/23" || r.Summary != "None held." || r.Outcome != content.Disclosed {
		t.Errorf("fields carry a \\r or the BOM: %q %q %q %q", r.Title, r.Reference, r.Summary, r.Outcome)
	}
	if r.BodyLine != 9 || string(r.Body) != "You asked.\r\n" {
		t.Errorf("Body, BodyLine = %q, %d", r.Body, r.BodyLine)
	}
}

func TestLoadFileSize(t *testing.T) {
	big := make([]byte, content.MaxFileSize+1)
	r, list := content.LoadFile(fstest.MapFS{file: {Data: big}}, file, siteConfig())
	checkDiags(t, diagStrings(t, list), []string{
		file + ": error: file is 4.0 MB; the largest response foilog reads is 4.0 MB (shorten the letter: put long tables in a CSV attachment, and check nothing was pasted in by mistake)",
	})
	if r != nil || list[0].Code != "content.too-large" {
		t.Errorf("response %v, code %q", r, list[0].Code)
	}

	// Exactly MaxFileSize is read.
	head := "---\n" + required + "---\n"
	limit := []byte(head + strings.Repeat("x", content.MaxFileSize-len(head)))
	r, list = content.LoadFile(fstest.MapFS{file: {Data: limit}}, file, siteConfig())
	if r == nil || len(list) != 0 || len(r.Body) != content.MaxFileSize-len(head) {
		t.Errorf("file of MaxFileSize bytes: response %v, diagnostics %v", r != nil, list)
	}
}

func TestLoadFileUnreadable(t *testing.T) {
	r, list := content.LoadFile(fstest.MapFS{}, file, siteConfig())
	if r != nil || len(list) != 1 || list[0].Code != "content.read" || list[0].Path != file ||
		!strings.HasPrefix(list[0].Message, "cannot read: ") {
		t.Errorf("got %v, %v", r, list)
	}
}

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"content/responses/b.md":       response("FOI 2/23", "draft: true\n"),
		"content/responses/a.md":       response("FOI 1/23", "publish: 2099-01-01\n"),
		"content/responses/c/index.md": response("FOI 3/23", "attachments: [f.csv]\n"),
		"content/responses/c/f.csv":    {Data: []byte("a,b\n")},
		"content/responses/d.md":       {Data: []byte("no front-matter\n")},
		"content/responses/e.md":       response("foi 1/23", ""),
		"content/responses/notes.txt":  {Data: []byte("x")},
	}
	rs, list := content.Load(fsys, siteConfig())
	var paths []string
	for _, r := range rs {
		paths = append(paths, r.Path)
	}
	// Drafts and embargoed responses are returned; so is a response with
	// errors, but not a file that could not be read as one.
	if got := strings.Join(paths, " "); got != "content/responses/a.md content/responses/b.md content/responses/c/index.md content/responses/e.md" {
		t.Errorf("Load returned %s", got)
	}
	checkDiags(t, diagStrings(t, list), []string{
		"content/responses/d.md:1:1: error: response has no front-matter (start the file with a line ---, the fields (title, reference, date, outcome), and another ---)",
		"content/responses/e.md:3:1: error: reference \"foi 1/23\" is already used by content/responses/a.md (every response needs its own reference)\n\tcontent/responses/a.md:3: first used here",
		"content/responses/e.md:3:1: error: the page address /responses/foi-1-23/ is also the address of content/responses/a.md (set a different `slug:` or alias in one of the two files)\n\tcontent/responses/a.md:3: also uses /responses/foi-1-23/",
		"content/responses/notes.txt: warning: only .md files are published from content/responses/ (put attachments in a response folder beside its index.md)",
	})
}

func TestCheckLog(t *testing.T) {
	const a, b = "content/responses/a.md", "content/responses/b.md"
	tests := []struct {
		name   string
		fa, fb *fstest.MapFile
		want   []string
	}{
		{"distinct", response("FOI 1/23", "aliases: [/old/1/]\n"), response("FOI 2/23", "aliases: [/old/2/]\n"), nil},
		{"reference case and spaces", response("FOI 3/23", ""), response("\"foi  3/23 \"", ""), []string{
			b + ":3:1: error: reference \"foi 3/23\" is already used by " + a + " (every response needs its own reference)\n\t" + a + ":3: first used here",
			b + ":3:1: error: the page address /responses/foi-3-23/ is also the address of " + a + " (set a different `slug:` or alias in one of the two files)\n\t" + a + ":3: also uses /responses/foi-3-23/",
		}},
		{"different references, one slug", response("FOI 3/23", ""), response("FOI-3-23", ""), []string{
			b + ":3:1: error: the page address /responses/foi-3-23/ is also the address of " + a + " (set a different `slug:` or alias in one of the two files)\n\t" + a + ":3: also uses /responses/foi-3-23/",
		}},
		{"one slug override", response("FOI 1/23", "slug: drones\n"), response("FOI 2/23", "\nslug: drones\n"), []string{
			b + ":7:1: error: the page address /responses/drones/ is also the address of " + a + " (set a different `slug:` or alias in one of the two files)\n\t" + a + ":6: also uses /responses/drones/",
		}},
		{"slug override takes the other's address", response("FOI 1/23", ""), response("FOI 2/23", "slug: foi-1-23\n"), []string{
			b + ":6:1: error: the page address /responses/foi-1-23/ is also the address of " + a + " (set a different `slug:` or alias in one of the two files)\n\t" + a + ":3: also uses /responses/foi-1-23/",
		}},
		{"alias is another response's page", response("FOI 1/23", "aliases: [/responses/foi-2-23/]\n"), response("FOI 2/23", ""), []string{
			a + ":6:11: error: alias /responses/foi-2-23/ is also the address of " + b + " (remove the alias from one of the two files: an old address can lead to one page only)\n\t" + b + ":3: also uses /responses/foi-2-23/",
		}},
		{"alias is another response's page file", response("FOI 1/23", "aliases: [/responses/foi-2-23/index.html]\n"), response("FOI 2/23", ""), []string{
			a + ":6:11: error: alias /responses/foi-2-23/ is also the address of " + b + " (remove the alias from one of the two files: an old address can lead to one page only)\n\t" + b + ":3: also uses /responses/foi-2-23/",
		}},
		{"alias used twice", response("FOI 1/23", "aliases: [/old/x/]\n"), response("FOI 2/23", "\n\naliases: [/old/x]\n"), []string{
			b + ":8:11: error: alias /old/x/ is also the address of " + a + " (remove the alias from one of the two files: an old address can lead to one page only)\n\t" + a + ":6: also uses /old/x/",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{a: tt.fa, b: tt.fb}
			rs, list := content.Load(fsys, siteConfig())
			if len(rs) != 2 {
				t.Fatalf("loaded %d responses", len(rs))
			}
			checkDiags(t, diagStrings(t, list), tt.want)
			// CheckLog alone gives the same cross-file findings.
			checkDiags(t, diagStrings(t, content.CheckLog(rs)), tt.want)
		})
	}
}

func TestHumanSizeAndFileType(t *testing.T) {
	for n, want := range map[int64]string{0: "0 bytes", 900: "900 bytes", 1023: "1023 bytes", 1024: "1 KB", 1536: "2 KB",
		1 << 20: "1.0 MB", 1468006: "1.4 MB"} {
		if got := content.HumanSize(n); got != want {
			t.Errorf("HumanSize(%d) = %q, want %q", n, got, want)
		}
	}
	for name, want := range map[string]string{"figures.csv": "CSV spreadsheet", "Report.PDF": "PDF document",
		"data.parquet": "PARQUET file", "README": "File", "a.docx": "Word document"} {
		if got := content.FileType(name); got != want {
			t.Errorf("FileType(%q) = %q, want %q", name, got, want)
		}
	}
}
