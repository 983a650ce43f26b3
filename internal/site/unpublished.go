package site

import (
	"time"

	"github.com/foilog/foilog/internal/content"
	"github.com/foilog/foilog/internal/diag"
	"github.com/foilog/foilog/internal/markdown"
)

// unpublishedLinks reports links in the published responses to a response
// this build does not publish (a draft, or one still embargoed when the
// linking one is published): the page would have a dead link that gives
// away the other's address, and so its reference. These are the errors
// `foilog check` gives for such links (content.UnpublishedLink). docs
// holds the Markdown of published, in order.
func unpublishedLinks(published, all []*content.Response, docs []*markdown.Document, basePath string, now time.Time) diag.List {
	hidden := content.NotPublished(all, now)
	if len(hidden) == 0 {
		return nil
	}
	var list diag.List
	for i, r := range published {
		if docs[i] == nil {
			continue
		}
		links := docs[i].Links
		var cols []int
		for j, l := range links {
			p, ok := content.LinkTarget(r, l.Destination, basePath)
			if !ok {
				continue
			}
			h, until := content.Unpublished(r, p, hidden, now)
			if h == nil {
				continue
			}
			if cols == nil {
				cols = markdown.LinkColumns(r.Body, links)
			}
			msg, hint := content.UnpublishedLink(l.Destination, h, until)
			list.Add(diag.Diagnostic{Path: r.Path, Line: r.BodyLine + l.Line - 1, Col: cols[j], Severity: diag.Error,
				Code: "content.link-unpublished", Message: msg, Hint: hint})
		}
	}
	return list
}
