package content

import (
	"fmt"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/foilog/foilog/internal/date"
)

// LinkTarget returns the path in the site, relative to the base path and
// without a leading slash ("responses/foi-1-23/"), that a link written as
// dest in the letter of r leads to, with its query and fragment removed
// and its escapes decoded ("my%20file.csv" is the file "my file.csv").
// It reports false for a link that leaves the site (a scheme, "//host"),
// a fragment of the same page, or an empty destination.
func LinkTarget(r *Response, dest, basePath string) (string, bool) {
	if dest == "" || strings.HasPrefix(dest, "#") || strings.Contains(dest, ":") || strings.HasPrefix(dest, "//") {
		return "", false // external, mailto:, tel: or a fragment of this page
	}
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		dest = dest[:i]
	}
	if u, err := url.PathUnescape(dest); err == nil {
		dest = u
	}
	var p string
	if strings.HasPrefix(dest, "/") {
		p = strings.TrimPrefix(dest, "/")
		if bp := strings.TrimPrefix(basePath, "/"); bp != "" && strings.HasPrefix(p, bp) {
			p = strings.TrimPrefix(p, bp)
		}
	} else {
		p = path.Join(strings.TrimSuffix(r.URL(), "/"), dest)
		if strings.HasSuffix(dest, "/") {
			p += "/"
		}
	}
	return strings.TrimPrefix(p, "/"), true
}

// Unpublished returns the response of all whose page, attachment or alias
// is at site path p (as LinkTarget gives it) when it will not be published
// by the time r is, at now or at r's own embargo: a draft, with a zero
// time, or a response embargoed until the time returned. It returns nil
// when there is none, or when r is itself a draft. all may be cut down to
// NotPublished(all, now) first.
func Unpublished(r *Response, p string, all []*Response, now time.Time) (*Response, time.Time) {
	if r.Draft {
		return nil, time.Time{}
	}
	at := now // when r is published
	if r.Publish.After(at) {
		at = r.Publish
	}
	for _, h := range all {
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

// NotPublished returns the responses of all that are not published at
// now: drafts and those still embargoed. Unpublished needs only these,
// and there are few.
func NotPublished(all []*Response, now time.Time) []*Response {
	var out []*Response
	for _, r := range all {
		if r.Draft || r.Publish.After(now) {
			out = append(out, r)
		}
	}
	return out
}

// UnpublishedLink words the problem of a link written as dest that leads
// to h, which is a draft (until zero) or embargoed until until: the
// published page would have a dead link that gives away h's address.
func UnpublishedLink(dest string, h *Response, until time.Time) (message, hint string) {
	if until.IsZero() {
		return fmt.Sprintf("link %q leads to %s, a draft: the published page would have a dead link that gives away its address", dest, h.Path),
			"remove the link until that response is published"
	}
	t := until.In(london)
	return fmt.Sprintf("link %q leads to %s, embargoed until %s at %s: until then the published page has a dead link that gives away its address",
			dest, h.Path, date.Of(t).Long(), t.Format("15:04")),
		"remove the link until then, or set this response's `publish:` to the same time or later"
}
