package check

import (
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/foilog/foilog/internal/content"
	"github.com/foilog/foilog/internal/date"
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
	// Responses are every response of the log, drafts and embargoed ones
	// included, to tell a link to one the published site will not have.
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
	cols := linkColumns(r.Body, links)
	for i, l := range links {
		dest := l.Destination
		if dest == "" || strings.HasPrefix(dest, "#") || strings.Contains(dest, ":") || strings.HasPrefix(dest, "//") {
			continue // external, mailto:, tel: or a fragment of this page
		}
		if i := strings.IndexAny(dest, "?#"); i >= 0 {
			dest = dest[:i]
		}
		if u, err := url.PathUnescape(dest); err == nil {
			dest = u // my%20file.csv is the file "my file.csv"
		}
		var p string
		if strings.HasPrefix(dest, "/") {
			p = strings.TrimPrefix(dest, "/")
			if bp := strings.TrimPrefix(t.BasePath, "/"); bp != "" && strings.HasPrefix(p, bp) {
				p = strings.TrimPrefix(p, bp)
			}
		} else {
			p = path.Join(strings.TrimSuffix(r.URL(), "/"), dest)
			if strings.HasSuffix(dest, "/") {
				p += "/"
			}
		}
		p = strings.TrimPrefix(p, "/")
		d := diag.Diagnostic{Path: r.Path, Line: r.BodyLine + l.Line - 1, Col: cols[i], Severity: diag.Error, Code: CodeLink}
		if h, until := unpublishedTarget(r, p, t); h != nil {
			if until.IsZero() {
				d.Message = fmt.Sprintf("link %q leads to %s, a draft: the published page would have a dead link that gives away its address",
					l.Destination, h.Path)
				d.Hint = "remove the link until that response is published"
			} else {
				d.Message = fmt.Sprintf("link %q leads to %s, embargoed until %s: until then the published page has a dead link that gives away its address",
					l.Destination, h.Path, longTime(until))
				d.Hint = "remove the link until then, or set this response's `publish:` to the same time or later"
			}
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

// unpublishedTarget returns the response whose page, attachment or alias
// is at site path p when it will not be published by the time r is, with
// the end of its embargo (zero for a draft). It returns nil when there is
// none, or when r is itself a draft.
func unpublishedTarget(r *content.Response, p string, t Targets) (*content.Response, time.Time) {
	if r.Draft {
		return nil, time.Time{}
	}
	at := t.Now // when r is published
	if r.Publish.After(at) {
		at = r.Publish
	}
	for _, h := range t.Responses {
		if h == r || h.Slug == "" || !h.Draft && !h.Publish.After(at) {
			continue
		}
		match := strings.HasPrefix(p, h.URL()) || p+"/" == h.URL()
		for _, a := range h.Aliases {
			match = match || strings.TrimSuffix(p, "/") == strings.TrimSuffix(a, "/") || p == a+"index.html"
		}
		if !match {
			continue
		}
		if h.Draft {
			return h, time.Time{}
		}
		return h, h.Publish
	}
	return nil, time.Time{}
}

// longTime returns instant t as the UK reads it: "1 January 2099 at 09:00".
func longTime(t time.Time) string {
	t = t.In(london)
	return date.Of(t).Long() + " at " + t.Format("15:04")
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

// linkColumns returns the column (1-based, in characters) of each of
// links in body, the Markdown they were found in: where the destination
// is written on the link's line, after the previous link's on that line.
// It is 1 when the destination is not written there as decoded (defined
// on another line, as in a reference link, or with entities).
func linkColumns(body []byte, links []markdown.Link) []int {
	lines := strings.Split(string(body), "\n")
	cols := make([]int, len(links))
	after := map[int]int{} // line → byte offset just past its last match
	for i, l := range links {
		cols[i] = 1
		if l.Line < 1 || l.Line > len(lines) || l.Destination == "" {
			continue
		}
		text, from := lines[l.Line-1], after[l.Line]
		if j := strings.Index(text[from:], l.Destination); j >= 0 {
			cols[i] = utf8.RuneCountInString(text[:from+j]) + 1
			after[l.Line] = from + j + len(l.Destination)
		}
	}
	return cols
}
