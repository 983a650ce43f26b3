// Package check is the pre-publication safety gate behind `foilog check`
// and the warnings of `foilog serve`. It runs every validation of the build
// (drafts and embargoed responses included) and adds checks a build does
// not make: personal data in the text, implausible dates, internal links
// that lead nowhere, and attachments that should not be published as they
// are.
package check

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"strings"
	"time"
	_ "time/tzdata" // "today" is the UK's day on any machine

	"github.com/foilog/foilog/internal/config"
	"github.com/foilog/foilog/internal/content"
	"github.com/foilog/foilog/internal/date"
	"github.com/foilog/foilog/internal/diag"
	"github.com/foilog/foilog/internal/lint"
	"github.com/foilog/foilog/internal/markdown"
	"github.com/foilog/foilog/internal/site"
)

// MaxAttachmentWarn is the size above which an attachment is reported as
// large (10 MB): people on phones pay for every byte.
const MaxAttachmentWarn = 10 << 20

// inForce is the day each regime's right of access began.
var inForce = map[string]date.Date{
	"FOIA": {Year: 2005, Month: time.January, Day: 1}, "FOISA": {Year: 2005, Month: time.January, Day: 1},
	"EIR": {Year: 2005, Month: time.January, Day: 1}, "EISR": {Year: 2005, Month: time.January, Day: 1},
}

// Run checks the site opts describes and returns every finding, sorted.
// opts.Drafts is forced on so that drafts and embargoed responses are
// checked before they are published.
func Run(opts site.Options) diag.List {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	opts.Drafts = true
	res, list := site.Build(opts)
	if res != nil {
		list = append(list, res.Warnings...)
	}
	cfg, _ := config.Load(opts.Source)
	responses, _ := content.Load(opts.Source, cfg)
	lintOpts := LintOptions(cfg)
	md := markdown.New()
	var files map[string]bool
	if res != nil {
		files = make(map[string]bool, len(res.Files))
		for _, f := range res.Files {
			files[f.Path] = true
		}
	}
	for _, r := range responses {
		list = append(list, response(opts.Source, lintOpts, r, opts.Now)...)
		if files != nil {
			if doc, err := md.Convert(r.Body); err == nil {
				list = append(list, Links(r, doc.Links, cfg.BasePath(), files)...)
			}
		}
	}
	list = dedupe(list)
	list.Sort()
	return list
}

// Response runs the checks of one response that need nothing but the
// response and its files: personal data, dates and attachments.
func Response(fsys fs.FS, cfg config.Site, r *content.Response, now time.Time) diag.List {
	return response(fsys, LintOptions(cfg), r, now)
}

// Inspector returns a site.Options.Inspect function for foilog serve: the
// checks of Response, every finding reported as a warning so that the
// preview keeps working while the author fixes them.
func Inspector(now func() time.Time) func(fs.FS, config.Site, *content.Response) diag.List {
	return func(fsys fs.FS, cfg config.Site, r *content.Response) diag.List {
		list := Response(fsys, cfg, r, now())
		for i := range list {
			list[i].Severity = diag.Warning
		}
		return list
	}
}

func response(fsys fs.FS, lintOpts lint.Options, r *content.Response, now time.Time) diag.List {
	var list diag.List
	if src, err := fs.ReadFile(fsys, r.Path); err == nil {
		for _, f := range lint.File(blankReference(src, r.Reference), lintOpts) {
			list.Add(f.Diagnostic(r.Path))
		}
	}
	list = append(list, Dates(r, now)...)
	return append(list, Attachments(fsys, r)...)
}

// blankReference replaces every occurrence of the response's own
// reference with spaces, keeping every other byte where it was: a
// reference such as "MP 0504-20A" can look like a National Insurance
// number, but it is never personal data.
func blankReference(src []byte, ref string) []byte {
	if len(ref) < 4 || !bytes.Contains(src, []byte(ref)) {
		return src
	}
	return bytes.ReplaceAll(src, []byte(ref), bytes.Repeat([]byte(" "), len(ref)))
}

// LintOptions returns the personal-data allow-lists of a site: its lint
// settings plus its own contact email and phone.
func LintOptions(cfg config.Site) lint.Options {
	o := lint.Options{AllowEmails: cfg.Lint.AllowEmails, AllowDomains: cfg.Lint.AllowDomains,
		AllowPhones: cfg.Lint.AllowPhones, AllowPostcodes: cfg.Lint.AllowPostcodes}
	if cfg.Contact.Email != "" {
		o.AllowEmails = append(o.AllowEmails, cfg.Contact.Email)
	}
	if cfg.Contact.Phone != "" {
		o.AllowPhones = append(o.AllowPhones, cfg.Contact.Phone)
	}
	return o
}

// london is the zone whose calendar decides what "today" is.
var london = func() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		panic(err) // tzdata is embedded: cannot happen
	}
	return loc
}()

// Dates reports a received date after the response date, dates in the
// future (after today in the UK at instant now), and dates before the
// regime's right of access began.
func Dates(r *content.Response, now time.Time) diag.List {
	var list diag.List
	today := date.Of(now.In(london))
	if !r.Received.IsZero() && !r.Date.IsZero() && r.Received.After(r.Date) {
		list.Add(diag.Diagnostic{Path: r.Path, Line: r.Lines["received"], Col: 1, Severity: diag.Error, Code: "check.date-order",
			Message: fmt.Sprintf("request received %s, after the response date %s", r.Received.Long(), r.Date.Long()),
			Hint:    "check the two dates are not swapped"})
	}
	for _, f := range []struct {
		key string
		d   date.Date
	}{{"date", r.Date}, {"received", r.Received}} {
		if f.d.IsZero() {
			continue
		}
		if f.d.After(today) {
			list.Add(diag.Diagnostic{Path: r.Path, Line: r.Lines[f.key], Col: 1, Severity: diag.Error, Code: "check.date-future",
				Message: fmt.Sprintf("`%s` %s is in the future", f.key, f.d.Long()),
				Hint:    "to publish later, keep the real date and set `publish:` to the embargo time"})
		}
		if start, ok := inForce[string(r.Regime)]; ok && f.d.Before(start) {
			list.Add(diag.Diagnostic{Path: r.Path, Line: r.Lines[f.key], Col: 1, Severity: diag.Error, Code: "check.date-before-act",
				Message: fmt.Sprintf("`%s` %s is before the %s right of access began on %s", f.key, f.d.Long(), r.Regime, start.Long())})
		}
	}
	return list
}

// Links reports root-relative and relative links in a response body that
// lead to no page or file of the built site.
func Links(r *content.Response, links []markdown.Link, basePath string, files map[string]bool) diag.List {
	var list diag.List
	for _, l := range links {
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
			if bp := strings.TrimPrefix(basePath, "/"); bp != "" && strings.HasPrefix(p, bp) {
				p = strings.TrimPrefix(p, bp)
			}
		} else {
			p = path.Join(strings.TrimSuffix(r.URL(), "/"), dest)
			if strings.HasSuffix(dest, "/") {
				p += "/"
			}
		}
		p = strings.TrimPrefix(p, "/")
		if files[p] || files[strings.TrimSuffix(p, "/")+"/index.html"] || (p == "" && files["index.html"]) {
			continue
		}
		d := diag.Diagnostic{Path: r.Path, Line: r.BodyLine + l.Line - 1, Col: 1, Severity: diag.Error, Code: "check.link",
			Message: fmt.Sprintf("link %q leads to no page of this site", l.Destination)}
		if strings.HasPrefix(p, "responses/") {
			d.Hint = "response addresses are /responses/SLUG/, with the slug made from the reference"
		}
		list.Add(d)
	}
	return list
}

func dedupe(list diag.List) diag.List {
	seen := map[string]bool{}
	out := list[:0]
	for _, d := range list {
		k := d.String()
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, d)
	}
	return out
}
