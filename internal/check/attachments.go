package check

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"

	"github.com/foilog/foilog/internal/content"
	"github.com/foilog/foilog/internal/diag"
)

// Attachments reports attachments that should not be published as they
// are: very large files, office documents that still carry tracked
// changes, comments, hidden sheets or an author's name, and formats that
// are hard to open without paid software.
func Attachments(fsys fs.FS, r *content.Response) diag.List {
	var list diag.List
	for _, a := range r.Attachments {
		if a.Source == "" || a.Size == 0 && a.Type == "" {
			continue // already reported as missing or invalid
		}
		warn := func(code, format string, args ...any) *diag.Diagnostic {
			list.Add(diag.Diagnostic{Path: r.Path, Line: a.Line, Col: 1, Severity: diag.Warning, Code: code,
				Message: fmt.Sprintf("attachment %q ", a.Name) + fmt.Sprintf(format, args...)})
			return &list[len(list)-1]
		}
		if a.Size > MaxAttachmentWarn {
			warn("check.attachment-size", "is %s; large files are slow and costly to download on a phone", content.HumanSize(a.Size)).Hint =
				"split it, or publish a compressed CSV or PDF"
		}
		ext := strings.ToLower(path.Ext(a.Name))
		switch ext {
		case ".docx", ".xlsx", ".pptx", ".odt", ".ods":
			data, err := fs.ReadFile(fsys, a.Source)
			if err != nil {
				continue
			}
			for _, f := range OfficeFindings(data) {
				warn("check.attachment-"+f.Code, "%s", f.Message).Hint = f.Hint
			}
		case ".doc", ".xls", ".ppt":
			warn("check.attachment-format", "is an old binary Office format that can hide tracked changes and metadata foilog cannot inspect").Hint =
				"save it as PDF, CSV or OpenDocument before publishing"
		}
	}
	return list
}

// OfficeFinding is one problem found inside an Office Open XML or
// OpenDocument file.
type OfficeFinding struct{ Code, Message, Hint string }

// OfficeFindings inspects a .docx, .xlsx, .pptx, .odt or .ods file for
// tracked changes, comments, hidden sheets and personal metadata. It
// returns nothing for a file that is not a ZIP archive.
func OfficeFindings(data []byte) []OfficeFinding {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil
	}
	var out []OfficeFinding
	read := func(name string) string {
		for _, f := range zr.File {
			if f.Name == name {
				rc, err := f.Open()
				if err != nil {
					return ""
				}
				defer rc.Close()
				b, _ := io.ReadAll(io.LimitReader(rc, 32<<20))
				return string(b)
			}
		}
		return ""
	}
	has := func(name string) bool {
		for _, f := range zr.File {
			if f.Name == name || strings.HasPrefix(f.Name, name) {
				return true
			}
		}
		return false
	}
	doc := read("word/document.xml")
	odf := read("content.xml") // OpenDocument text or spreadsheet
	if strings.Contains(doc, "<w:ins ") || strings.Contains(doc, "<w:del ") || strings.Contains(doc, "<w:moveFrom") ||
		strings.Contains(odf, "<text:changed-region") {
		out = append(out, OfficeFinding{"tracked-changes", "still contains tracked changes; deleted text can be read by anyone who opens it",
			"accept or reject every change (Review, Accept All Changes) and save again"})
	}
	if has("word/comments.xml") || has("xl/comments") || has("ppt/comments") || strings.Contains(odf, "<office:annotation") {
		out = append(out, OfficeFinding{"comments", "contains comments, which may name staff or discuss the request",
			"delete every comment before publishing"})
	}
	if wb := read("xl/workbook.xml"); strings.Contains(wb, `state="hidden"`) || strings.Contains(wb, `state="veryHidden"`) {
		out = append(out, OfficeFinding{"hidden-sheet", "has hidden worksheets, whose data is published with the file",
			"delete hidden sheets, or publish the visible data as CSV"})
	}
	core := read("docProps/core.xml") + read("meta.xml")
	for _, tag := range []string{"dc:creator>", "cp:lastModifiedBy>", "meta:initial-creator>"} {
		if i := strings.Index(core, "<"+tag); i >= 0 {
			rest := core[i+len(tag)+1:]
			if j := strings.Index(rest, "<"); j > 0 && strings.TrimSpace(rest[:j]) != "" {
				out = append(out, OfficeFinding{"metadata", "records who wrote or last edited it in its document properties",
					"remove personal information (File, Info, Inspect Document) before publishing"})
				break
			}
		}
	}
	return out
}
