package check_test

import (
	"testing"

	"github.com/foilog/foilog/internal/check"
)

// FuzzOfficeFindings feeds arbitrary bytes, seeded with small Office and
// OpenDocument archives, to OfficeFindings: it must never panic, and every
// finding has a code, a message and a hint.
func FuzzOfficeFindings(f *testing.F) {
	f.Add([]byte("not a zip"))
	f.Add(zipOf(f, "word/document.xml", wordNS+`<w:ins w:id="1"/>`+wordEnd, "docProps/core.xml", coreNS+`<dc:creator>J`+coreEnd))
	f.Add(zipOf(f, "xl/workbook.xml", sheet(`<sheet state="hidden"/>`), "xl/comments1.xml", ""))
	f.Add(zipOf(f, "content.xml", odt(`<text:changed-region/><office:annotation/>`), "meta.xml", meta(`<meta:initial-creator>`)))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, fd := range check.OfficeFindings(data) {
			if fd.Code == "" || fd.Message == "" || fd.Hint == "" {
				t.Fatalf("incomplete finding %+v", fd)
			}
		}
	})
}
