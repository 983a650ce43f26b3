package check_test

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/foilog/foilog/internal/check"
)

// zipOf returns a ZIP archive holding files, in the order given as name,
// text pairs.
func zipOf(t testing.TB, files ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for i := 0; i+1 < len(files); i += 2 {
		f, err := w.Create(files[i])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write([]byte(files[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const (
	wordNS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`
	wordEnd = `</w:body></w:document>`
	// cleanWord has a table whose inside borders (<w:insideH …>) start
	// like an insertion (<w:ins …>) but are not one.
	cleanWord = wordNS + `<w:p><w:r><w:t>The force holds no drones.</w:t></w:r></w:p>` +
		`<w:tbl><w:tblPr><w:tblBorders><w:insideH w:val="single"/><w:insideV w:val="single"/></w:tblBorders></w:tblPr></w:tbl>` + wordEnd
	coreNS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties ` +
		`xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">`
	coreEnd   = `</cp:coreProperties>`
	cleanCore = coreNS + `<dc:title>Drones</dc:title><dc:creator></dc:creator><cp:lastModifiedBy/>` + coreEnd
	workbook  = `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets>` +
		`<sheet name="Figures" sheetId="1" r:id="rId1"/>%s</sheets></workbook>`
	odfContent = `<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ` +
		`xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>%s</office:text></office:body></office:document-content>`
	odfMeta = `<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ` +
		`xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta>%s</office:meta></office:document-meta>`
)

func sheet(hidden string) string { return strings.Replace(workbook, "%s", hidden, 1) }
func odt(body string) string     { return strings.Replace(odfContent, "%s", body, 1) }
func meta(m string) string       { return strings.Replace(odfMeta, "%s", m, 1) }

func TestOfficeFindings(t *testing.T) {
	tests := []struct {
		name  string
		files []string
		want  string // codes, space-separated, in the order reported
	}{
		{"clean Word document", []string{"[Content_Types].xml", "<Types/>", "word/document.xml", cleanWord, "docProps/core.xml", cleanCore}, ""},
		{"Word insertion", []string{"word/document.xml", wordNS + `<w:ins w:id="1" w:author="Jane Smith" w:date="2023-06-01T10:00:00Z"><w:r><w:t>new</w:t></w:r></w:ins>` + wordEnd}, "tracked-changes"},
		{"Word deletion", []string{"word/document.xml", wordNS + `<w:del w:id="2" w:author="J"><w:r><w:delText>the officer's name</w:delText></w:r></w:del>` + wordEnd}, "tracked-changes"},
		{"Word moved text", []string{"word/document.xml", wordNS + `<w:moveFrom w:id="3" w:author="J"/>` + wordEnd}, "tracked-changes"},
		{"Word comments", []string{"word/document.xml", cleanWord, "word/comments.xml", `<w:comments/>`}, "comments"},
		{"Word author", []string{"word/document.xml", cleanWord, "docProps/core.xml", coreNS + `<dc:creator>Jane Smith</dc:creator>` + coreEnd}, "metadata"},
		{"Word last editor", []string{"word/document.xml", cleanWord, "docProps/core.xml", coreNS + `<cp:lastModifiedBy>J. Smith</cp:lastModifiedBy>` + coreEnd}, "metadata"},
		{"blank author", []string{"docProps/core.xml", coreNS + `<dc:creator>  </dc:creator>` + coreEnd}, ""},
		{"Excel clean", []string{"xl/workbook.xml", sheet(""), "docProps/core.xml", cleanCore}, ""},
		{"Excel hidden sheet", []string{"xl/workbook.xml", sheet(`<sheet name="Names" sheetId="2" state="hidden" r:id="rId2"/>`)}, "hidden-sheet"},
		{"Excel very hidden sheet", []string{"xl/workbook.xml", sheet(`<sheet name="Names" sheetId="2" state="veryHidden" r:id="rId2"/>`)}, "hidden-sheet"},
		{"Excel comments", []string{"xl/workbook.xml", sheet(""), "xl/comments1.xml", `<comments/>`}, "comments"},
		{"PowerPoint comments", []string{"ppt/presentation.xml", `<p:presentation/>`, "ppt/comments/comment1.xml", `<p:cmLst/>`}, "comments"},
		{"OpenDocument clean", []string{"mimetype", "application/vnd.oasis.opendocument.text", "content.xml", odt(`<text:p>No drones.</text:p>`),
			"meta.xml", meta(`<meta:generator>LibreOffice</meta:generator>`)}, ""},
		{"OpenDocument comment", []string{"content.xml", odt(`<text:p>No drones.<office:annotation><dc:creator>J</dc:creator><text:p>check</text:p></office:annotation></text:p>`)}, "comments"},
		{"OpenDocument author", []string{"content.xml", odt(""), "meta.xml", meta(`<meta:initial-creator>Jane Smith</meta:initial-creator>`)}, "metadata"},
		{"OpenDocument last editor", []string{"content.xml", odt(""), "meta.xml", meta(`<dc:creator>Jane Smith</dc:creator>`)}, "metadata"},
		{"OpenDocument tracked changes", []string{"content.xml", odt(`<text:tracked-changes><text:changed-region xml:id="ct1" text:id="ct1">` +
			`<text:deletion><office:change-info><dc:creator>J</dc:creator></office:change-info><text:p>the officer's name</text:p></text:deletion>` +
			`</text:changed-region></text:tracked-changes><text:p>No drones.</text:p>`)}, "tracked-changes"},
		{"OpenDocument with change tracking on but no changes", []string{"content.xml", odt(`<text:tracked-changes text:track-changes="true"/><text:p>x</text:p>`)}, ""},
		{"everything at once", []string{
			"word/document.xml", wordNS + `<w:ins w:id="1" w:author="J"/>` + wordEnd, "word/comments.xml", "<w:comments/>",
			"xl/workbook.xml", sheet(`<sheet name="x" state="hidden"/>`), "docProps/core.xml", coreNS + `<dc:creator>J</dc:creator>` + coreEnd,
		}, "tracked-changes comments hidden-sheet metadata"},
		{"ZIP of something else", []string{"readme.txt", "hello"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var codes []string
			for _, f := range check.OfficeFindings(zipOf(t, tt.files...)) {
				codes = append(codes, f.Code)
				if f.Message == "" || f.Hint == "" {
					t.Errorf("finding without message or hint: %+v", f)
				}
			}
			if got := strings.Join(codes, " "); got != tt.want {
				t.Errorf("findings %q, want %q", got, tt.want)
			}
		})
	}
}

func TestOfficeFindingsText(t *testing.T) {
	fs := check.OfficeFindings(zipOf(t, "word/document.xml", wordNS+`<w:del w:id="2" w:author="J"/>`+wordEnd))
	want := check.OfficeFinding{Code: "tracked-changes",
		Message: "still contains tracked changes; deleted text can be read by anyone who opens it",
		Hint:    "accept or reject every change (Review, Accept All Changes) and save again"}
	if len(fs) != 1 || fs[0] != want {
		t.Errorf("got %+v, want %+v", fs, want)
	}
}

func TestOfficeFindingsNotZip(t *testing.T) {
	for _, data := range [][]byte{nil, {}, []byte("PK\x03\x04 not really a zip"), []byte("%PDF-1.7\n"), bytes.Repeat([]byte{0xd0, 0xcf, 0x11, 0xe0}, 64)} {
		if fs := check.OfficeFindings(data); fs != nil {
			t.Errorf("OfficeFindings(%q) = %+v, want nothing", data[:min(len(data), 16)], fs)
		}
	}
}
