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
// body or published fields hold a placeholder are read again, for its
// position.
func unfinished(fsys fs.FS, published []*content.Response) diag.List {
	var list diag.List
	for _, r := range published {
		if !bytes.Contains(r.Body, []byte(lint.ToWrite)) && !strings.Contains(strings.Join(fields(r), "\x00"), lint.ToWrite) {
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

// fields returns the front-matter text of r that the site publishes.
func fields(r *content.Response) []string {
	f := []string{r.Title, r.Summary, r.Reference, r.Slug, r.Force.Name}
	for _, t := range r.Topics {
		f = append(f, t.Name)
	}
	for _, a := range r.Attachments {
		f = append(f, a.Name, a.Title)
	}
	for _, c := range r.Citations {
		f = append(f, c.Text)
	}
	return f
}
