package check

import (
	"fmt"
	"io/fs"
	"path"
	"strings"
	"time"

	"github.com/foilog/foilog/internal/content"
	"github.com/foilog/foilog/internal/diag"
	"github.com/foilog/foilog/internal/markdown"
)

// Targets is what links in a response can lead to.
type Targets struct {
	// BasePath is the site's base path: "/" or "/foi/".
	BasePath string
	// Files are the paths of the site built with drafts, relative to the
	// base path ("responses/foi-1-23/index.html"). Nil when the site did
	// not build: links are then not checked against it.
	Files map[string]bool
	// Responses are the responses of the log that the published site
	// will not have at Now (content.NotPublished), or all of them, to tell
	// a link to one of those.
	Responses []*content.Response
	// Now decides embargoes.
	Now time.Time
	// Source is the site, to tell a file beside a response's index.md
	// that is not listed as an attachment; nil not to tell.
	Source fs.FS
}

// Links reports root-relative and relative links in the body of r that
// lead to no page or file of the built site (t.Files), and links from a
// response that is not a draft to a response (its page, an attachment or
// an alias) that will not be published when r is: a draft, or one
// embargoed until after r's own embargo or t.Now. Each finding is at the
// line and column where the link's destination is written, with a hint.
func Links(r *content.Response, links []markdown.Link, t Targets) diag.List {
	var list diag.List
	cols := markdown.LinkColumns(r.Body, links)
	for i, l := range links {
		p, ok := content.LinkTarget(r, l.Destination, t.BasePath)
		if !ok {
			continue
		}
		d := diag.Diagnostic{Path: r.Path, Line: r.BodyLine + l.Line - 1, Col: cols[i], Severity: diag.Error, Code: CodeLink}
		if h, until := content.Unpublished(r, p, t.Responses, t.Now); h != nil {
			d.Message, d.Hint = content.UnpublishedLink(l.Destination, h, until)
			list.Add(d)
			continue
		}
		if t.Files == nil || t.Files[p] || t.Files[strings.TrimSuffix(p, "/")+"/index.html"] || (p == "" && t.Files["index.html"]) {
			continue
		}
		d.Message = fmt.Sprintf("link %q leads to no page of this site", l.Destination)
		name := strings.TrimPrefix(p, r.URL())
		switch {
		case r.Bundle && t.Source != nil && strings.HasPrefix(p, r.URL()) && name != "" && !strings.Contains(name, "/") &&
			isFile(t.Source, path.Dir(r.Path)+"/"+name):
			d.Hint = fmt.Sprintf("add %s under `attachments:`; only listed files are published", name)
		case strings.HasPrefix(p, "responses/"):
			d.Hint = "response addresses are /responses/SLUG/, with the slug made from the reference"
		default:
			d.Hint = "check the address against the site in `foilog serve`"
		}
		list.Add(d)
	}
	return list
}

// isFile reports whether name is a regular file in fsys.
func isFile(fsys fs.FS, name string) bool {
	info, err := fs.Stat(fsys, name)
	return err == nil && info.Mode().IsRegular()
}

// external reports whether dest names a scheme ("https:", "ftp:") or is
// protocol-relative ("//cdn.example.org/x"), rather than a path of this
// site.
func external(dest string) bool {
	if strings.HasPrefix(dest, "//") {
		return true
	}
	i := strings.IndexAny(dest, ":/?#")
	return i > 0 && dest[i] == ':'
}
