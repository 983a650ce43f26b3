// Package check is the pre-publication safety gate behind `foilog check`
// and the warnings of `foilog serve`. It runs every validation of the build
// (drafts and embargoed responses included) and adds checks a build does
// not make: personal data in the text, implausible dates, placeholders and
// empty letters, images from other sites, internal links that lead nowhere
// or to a response that is not published, and attachments that should not
// be published as they are.
package check

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
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

// Codes of the findings of this package that are not personal data (lint)
// or attachments.
const (
	// CodeUnfinished is a placeholder (lint.Unfinished) left in a
	// response that is not a draft: an error, since nothing else stops it
	// being published (an embargoed response goes out on its own). Drafts
	// are not reported: they are unfinished by design.
	CodeUnfinished = lint.CodeUnfinished
	// CodeEmpty is a response, not a draft, with no letter at all: a
	// warning.
	CodeEmpty = "check.empty"
	// CodeRemoteImage is an image whose source is on another site: an
	// error, since every visitor's browser would fetch it from there and
	// the recommended Content-Security-Policy blocks it.
	CodeRemoteImage = "check.remote-image"
	// CodeLink is a link to a page or file of this site that does not
	// exist, or that the published site will not have: a draft, or a
	// response embargoed until after the linking one is published.
	CodeLink = "check.link"
)

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
	c := newChecker(opts.Source, cfg, markdown.New())
	targets := Targets{BasePath: cfg.BasePath(), Responses: content.NotPublished(responses, opts.Now), Now: opts.Now, Source: opts.Source}
	if res != nil {
		targets.Files = make(map[string]bool, len(res.Files))
		for _, f := range res.Files {
			targets.Files[f.Path] = true
		}
	}
	for _, r := range responses {
		l, doc := c.response(r, opts.Now)
		list = append(list, l...)
		if doc != nil {
			list = append(list, Links(r, doc.Links, targets)...)
		}
	}
	list = dedupe(list)
	list.Sort()
	return list
}

// Response runs the checks of one response that need nothing but the
// response and its files: personal data, dates, attachments, placeholders
// left in a response that is not a draft (CodeUnfinished), an empty letter
// (CodeEmpty) and images from other sites (CodeRemoteImage).
func Response(fsys fs.FS, cfg config.Site, r *content.Response, now time.Time) diag.List {
	list, _ := newChecker(fsys, cfg, markdown.New()).response(r, now)
	return list
}

// Inspector returns a site.Options.Inspect function for foilog serve: the
// checks of Response, every finding reported as a warning so that the
// preview keeps working while the author fixes them.
func Inspector(now func() time.Time) func(fs.FS, config.Site, *content.Response) diag.List {
	md := markdown.New()
	return func(fsys fs.FS, cfg config.Site, r *content.Response) diag.List {
		list, _ := newChecker(fsys, cfg, md).response(r, now())
		for i := range list {
			list[i].Severity = diag.Warning
		}
		return list
	}
}

// checker holds what the checks of one response need from the site.
type checker struct {
	fsys fs.FS
	lint lint.Options
	host string // the site's own host, lower case; "" when baseURL is a path
	md   *markdown.Renderer
}

func newChecker(fsys fs.FS, cfg config.Site, md *markdown.Renderer) *checker {
	c := &checker{fsys: fsys, lint: LintOptions(cfg), md: md}
	if u, err := url.Parse(cfg.BaseURL); err == nil {
		c.host = strings.ToLower(u.Host)
	}
	return c
}

// response returns the findings of Response and the rendered body (nil
// when it cannot be rendered).
func (c *checker) response(r *content.Response, now time.Time) (diag.List, *markdown.Document) {
	var list diag.List
	src, err := fs.ReadFile(c.fsys, r.Path)
	if err == nil {
		for _, f := range lint.File(blankReference(src, r.Reference), c.lint) {
			list.Add(f.Diagnostic(r.Path))
		}
		if !r.Draft {
			for _, f := range lint.Unfinished(src, r.BodyLine) {
				list.Add(f.Diagnostic(r.Path))
			}
		}
	}
	list = append(list, Dates(r, src, now)...)
	list = append(list, Attachments(c.fsys, r)...)
	doc, err := c.md.Convert(r.Body)
	if err != nil {
		return list, nil
	}
	if !r.Draft && strings.TrimSpace(doc.Text) == "" && len(doc.Links) == 0 {
		list.Add(diag.Diagnostic{Path: r.Path, Line: max(r.BodyLine-1, 1), Col: 1, Severity: diag.Warning, Code: CodeEmpty,
			Message: "the response has no letter: its page would show the front-matter's fields and nothing else",
			Hint:    "write the letter below the front-matter's closing `---`, or add `draft: true` until it is written"})
	}
	list = append(list, c.remoteImages(r, doc.Links)...)
	return list, doc
}

// remoteImages reports images of r whose source is on another site.
func (c *checker) remoteImages(r *content.Response, links []markdown.Link) diag.List {
	var list diag.List
	cols := markdown.LinkColumns(r.Body, links)
	for i, l := range links {
		if !l.Image || !external(l.Destination) {
			continue
		}
		host := ""
		if u, err := url.Parse(l.Destination); err == nil {
			host = strings.ToLower(u.Host)
		}
		if host != "" && host == c.host {
			continue // the site's own address, written in full
		}
		where := "another site"
		if host != "" {
			where = host
		}
		list.Add(diag.Diagnostic{Path: r.Path, Line: r.BodyLine + l.Line - 1, Col: cols[i], Severity: diag.Error, Code: CodeRemoteImage,
			Message: fmt.Sprintf("image %q is on %s: every visitor's browser would fetch it from there, "+
				"and the recommended Content-Security-Policy blocks it", l.Destination, where),
			Hint: "download it, put it in the response's folder, list it under `attachments:` and show it by its file name"})
	}
	return list
}

// Dates reports a received date after the response date, dates in the
// future (after today in the UK at instant now), and dates before the
// regime's right of access began, each at its value's column in src, the
// file of r (column 1 when src is nil).
func Dates(r *content.Response, src []byte, now time.Time) diag.List {
	var list diag.List
	today := date.Of(now.In(london))
	at := func(key string) (int, int) { return r.Lines[key], valueCol(src, r.Lines[key], key) }
	if !r.Received.IsZero() && !r.Date.IsZero() && r.Received.After(r.Date) {
		line, col := at("received")
		list.Add(diag.Diagnostic{Path: r.Path, Line: line, Col: col, Severity: diag.Error, Code: "check.date-order",
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
		line, col := at(f.key)
		if f.d.After(today) {
			list.Add(diag.Diagnostic{Path: r.Path, Line: line, Col: col, Severity: diag.Error, Code: "check.date-future",
				Message: fmt.Sprintf("`%s` %s is in the future", f.key, f.d.Long()),
				Hint:    "to publish later, keep the real date and set `publish:` to the embargo time"})
		}
		if start, ok := inForce[string(r.Regime)]; ok && f.d.Before(start) {
			list.Add(diag.Diagnostic{Path: r.Path, Line: line, Col: col, Severity: diag.Error, Code: "check.date-before-act",
				Message: fmt.Sprintf("`%s` %s is before the %s right of access began on %s", f.key, f.d.Long(), r.Regime, start.Long()),
				Hint:    "check the year: the Act gives no right of access to a request made before then"})
		}
	}
	return list
}

// valueCol returns the column (1-based, in characters) where the value of
// key begins on line n of src: after "key:" and the blanks that follow.
// It is 1 when line n does not start with "key:" or holds no value.
func valueCol(src []byte, n int, key string) int {
	if n < 1 {
		return 1
	}
	for i := 1; i < n && len(src) > 0; i++ {
		_, src, _ = bytes.Cut(src, []byte("\n"))
	}
	line, _, _ := bytes.Cut(src, []byte("\n"))
	rest, ok := bytes.CutPrefix(line, []byte(key+":"))
	value := bytes.TrimLeft(rest, " \t")
	if !ok || len(bytes.TrimSpace(value)) == 0 {
		return 1
	}
	return len(key) + 1 + len(rest) - len(value) + 1 // the key and blanks are ASCII
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
