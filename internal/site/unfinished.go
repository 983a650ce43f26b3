package site

import (
	"bytes"
	"io/fs"
	"strings"

	"github.com/foilog/foilog/internal/content"
	"github.com/foilog/foilog/internal/diag"
	"github.com/foilog/foilog/internal/lint"
)

// unfinished reports the placeholders `foilog new` writes ("[TO WRITE: …]")
// that are still in responses about to be published: a published page
// must not ask for its own text. These are the errors `foilog check`
// gives (lint.Unfinished), so that build and check agree. Only files whose
// body or fields hold a placeholder are read again, for its position.
func unfinished(fsys fs.FS, published []*content.Response) diag.List {
	var list diag.List
	for _, r := range published {
		if !bytes.Contains(r.Body, []byte(lint.ToWrite)) && !strings.Contains(r.Title+"\x00"+r.Summary+"\x00"+r.Reference, lint.ToWrite) {
			continue
		}
		src, err := fs.ReadFile(fsys, r.Path)
		if err != nil {
			continue // it was read a moment ago; the next build reports what changed
		}
		for _, f := range lint.Unfinished(src, r.BodyLine) {
			list.Add(f.Diagnostic(r.Path))
		}
	}
	return list
}
