package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/foilog/foilog/internal/content"
	"github.com/foilog/foilog/internal/diag"
	"github.com/foilog/foilog/internal/exemption"
	"github.com/foilog/foilog/internal/markdown"
	"github.com/foilog/foilog/internal/output"
)

// homeLatest is how many responses the home page lists.
const homeLatest = 8

// pageSpec is one HTML page to render: its file, template and data, and a
// key that changes whenever anything the page shows changes.
type pageSpec struct {
	file string
	kind string
	data *Page
	key  string
	// source is the response whose alias this page is; nil otherwise.
	source *content.Response
}

func bodyHTML(d *markdown.Document) template.HTML {
	return template.HTML(d.HTML) // the only value marked safe: goldmark output without raw HTML
}

func keyOf(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// memberKey combines the keys of the listed responses.
func (b *builder) memberKey(members []int) string {
	h := sha256.New()
	for _, i := range members {
		h.Write([]byte(b.keys[i]))
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

func (b *builder) page(kind, path, title string, crumbs ...Crumb) *Page {
	p := &Page{Site: b.site, Kind: kind, Title: title, Path: path, Search: b.searchView}
	if path != "" {
		p.Breadcrumbs = append([]Crumb{{Title: "Home", Path: ""}}, crumbs...)
		p.Breadcrumbs = append(p.Breadcrumbs, Crumb{Title: title, Path: path})
	}
	return p
}

func fileOf(path string) string {
	if path == "" {
		return "index.html"
	}
	return path + "index.html"
}

// files renders every page and gathers every other file of the site,
// handing each to out as soon as it is ready.
func (b *builder) files(out Sink) error {
	// The search index is still being built in the background: its files
	// are written as soon as it is done, while every page but the search
	// page renders.
	var indexErr error
	indexWritten := make(chan struct{})
	go func() {
		defer close(indexWritten)
		<-b.indexDone
		if indexErr = b.indexErr; indexErr != nil {
			return
		}
		for _, f := range b.index.Files {
			if indexErr = out.Put(f.Path, f.Data); indexErr != nil {
				return
			}
		}
	}()
	defer func() { <-indexWritten }()
	if b.opts.Cache == nil {
		// Without a cache nothing reads the Markdown output again (the
		// search documents hold the text they need): let the collector
		// have it before the pages are rendered.
		for i := range b.docs {
			b.docs[i] = nil
		}
		for _, r := range b.responses {
			r.Body = nil
		}
	}
	specs := b.plan()
	if list, err := b.aliasConflicts(specs); err != nil {
		return err
	} else if len(list) > 0 {
		return list
	}
	b.pageCount = len(specs)
	var searchPage, rest []pageSpec
	for _, s := range specs {
		if s.kind == "search" {
			searchPage = append(searchPage, s)
		} else {
			rest = append(rest, s)
		}
	}
	if err := b.render(rest, out); err != nil {
		return err
	}
	<-indexWritten
	if indexErr != nil {
		return indexErr
	}
	idx := b.index
	b.index = nil
	b.searchView = SearchView{EntryURL: b.site.BasePath + idx.EntryPath}
	for i := range searchPage {
		searchPage[i].data.Search = b.searchView
		searchPage[i].key += b.searchView.EntryURL
	}
	if err := b.render(searchPage, out); err != nil {
		return err
	}
	// Every file foilog makes, so that a static file that would take the
	// place of one is reported at the static file.
	made := make(map[string]string, len(specs)+len(idx.Files))
	for _, s := range specs {
		made[s.file] = "the page /" + strings.TrimSuffix(s.file, "index.html")
	}
	for _, f := range idx.Files {
		made[f.Path] = "a file of the search index"
	}
	for _, r := range b.responses {
		for _, a := range r.Attachments {
			data, err := fs.ReadFile(b.opts.Source, a.Source)
			if err != nil {
				return fmt.Errorf("read attachment %s: %w", a.Source, err)
			}
			if err := out.Put(r.URL()+a.Name, data); err != nil {
				return err
			}
			made[r.URL()+a.Name] = "the attachment " + a.Source
		}
	}
	if b.site.Sitemap {
		if err := out.Put("sitemap.xml", b.sitemap(specs)); err != nil {
			return err
		}
		made["sitemap.xml"] = "the sitemap"
	}
	own, err := b.statics(out, made)
	if err != nil {
		return err
	}
	if own["robots.txt"] {
		return nil // the site's own static/robots.txt replaces foilog's
	}
	robots := "User-agent: *\nAllow: /\n"
	if b.site.Sitemap {
		robots += "Sitemap: " + b.cfg.AbsURL("sitemap.xml") + "\n"
	}
	return out.Put("robots.txt", []byte(robots))
}

// render executes the page templates on all workers, reusing cached
// bytes for pages whose key did not change, and hands each page to out.
// When pages fail it reports the first of them in plan order, whichever
// worker met it: each worker stops at its own first failure, so every
// page before the first failure was rendered.
func (b *builder) render(specs []pageSpec, out Sink) error {
	type failure struct {
		at  int
		err error
	}
	errs := make([]failure, b.opts.Workers)
	var wg sync.WaitGroup
	next := make(chan int, 64)
	for w := 0; w < b.opts.Workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := range next {
				if errs[w].err != nil {
					continue // drain
				}
				s := specs[i]
				key := b.tpl.key + s.key
				data, ok := b.opts.Cache.page(s.file, key)
				if !ok {
					var err error
					data, err = b.tpl.execute(s.kind, s.data)
					if err != nil {
						errs[w] = failure{i, diag.List{layoutError(err, s.file)}}
						continue
					}
					b.opts.Cache.putPage(s.file, key, data)
					if s.kind == "response" && b.opts.Cache == nil {
						// Only its own page shows a response's body: let the
						// collector have it.
						s.data.Response.Body = ""
					}
				}
				if err := out.Put(s.file, data); err != nil {
					errs[w] = failure{i, err}
				}
			}
		}(w)
	}
	for i := range specs {
		next <- i
	}
	close(next)
	wg.Wait()
	first := failure{at: len(specs)}
	for _, f := range errs {
		if f.err != nil && f.at < first.at {
			first = f
		}
	}
	return first.err
}

// plan lists every HTML page of the site: the home page, the response
// pages (planned on another goroutine meanwhile) and every list.
func (b *builder) plan() []pageSpec {
	var responses []pageSpec
	done := make(chan struct{})
	go func() {
		defer close(done)
		responses = b.planResponses()
	}()
	lists := b.planLists()
	<-done
	specs := make([]pageSpec, 0, len(lists)+len(responses))
	specs = append(specs, lists[0]) // the home page
	specs = append(specs, responses...)
	return append(specs, lists[1:]...)
}

// planResponses lists the response pages and their aliases.
func (b *builder) planResponses() []pageSpec {
	specs := make([]pageSpec, 0, len(b.responses))
	for i, r := range b.responses {
		v := b.views[i]
		p := b.page("response", v.Path, v.Title, Crumb{"Responses", "responses/"})
		p.Response = v
		p.Description = v.Summary
		p.NoIndex = v.Draft || v.Embargoed
		rk := make([]string, 0, 2*len(v.Related)+1)
		rk = append(rk, b.keys[i])
		for _, rv := range v.Related {
			rk = append(rk, rv.Path, b.keyByPath[rv.Path])
		}
		specs = append(specs, pageSpec{file: fileOf(p.Path), kind: p.Kind, data: p,
			key: p.Kind + "|" + p.Path + "|" + strings.Join(rk, ",")})
		for _, a := range r.Aliases {
			file := a
			if strings.HasSuffix(a, "/") {
				file += "index.html"
			}
			specs = append(specs, pageSpec{file: file, kind: "alias", key: "alias|" + v.Path, source: r,
				data: &Page{Site: b.site, Kind: "alias", Title: v.Title, Path: v.Path}})
		}
	}
	return specs
}

// planLists lists the home page first, then every other page but the
// response pages.
func (b *builder) planLists() []pageSpec {
	var specs []pageSpec
	add := func(p *Page, key string) {
		specs = append(specs, pageSpec{file: fileOf(p.Path), kind: p.Kind, data: p, key: p.Kind + "|" + p.Path + "|" + key})
	}
	all := make([]int, len(b.responses))
	for i := range all {
		all[i] = i
	}
	allKey := b.memberKey(all)

	// Home.
	home := b.page("home", "", b.site.Title)
	home.Description = b.site.Description
	home.Responses = b.viewsOf(all[:min(homeLatest, len(all))])
	home.Outcomes = termCounts(b.outcomes)
	home.Years = termCounts(b.years)
	home.Regimes = b.regimeGroups()
	add(home, allKey)

	// The list of responses.
	b.paginate(all, "responses/", "All responses", nil, func(p *Page) {
		p.Description = "Every published response, newest first."
	}, add)

	// Exemptions.
	ex := b.page("exemptions", "exemptions/", "Exemptions")
	ex.Description = "Every exemption cited in this log, grouped by Act and section, with the number of responses that relied on it."
	ex.Regimes = b.regimeGroups()
	add(ex, allKey)
	ref := b.page("provisions", "exemptions/all/", "All provisions", Crumb{"Exemptions", "exemptions/"})
	ref.Description = "Every exemption and provision of the information access laws foilog knows, cited in this log or not."
	ref.Regimes = b.registryGroups()
	add(ref, allKey)
	for _, sg := range b.sections {
		sv := b.sectionView(sg)
		b.paginate(sg.members, sv.Path, sv.Canonical+" "+sv.Title, []Crumb{{"Exemptions", "exemptions/"}}, func(p *Page) {
			p.Kind = "exemption"
			p.Section = sv
			p.Description = sv.Explanation
		}, add)
		for _, pg := range sg.provisions {
			pv := provisionView(pg.provision)
			pv.Count = len(pg.members)
			psv := *sv
			psv.Provision = &pv
			psv.ByOutcome = b.byOutcome(pg.members)
			b.paginate(pg.members, pv.Path, pv.Canonical+" "+pv.Title,
				[]Crumb{{"Exemptions", "exemptions/"}, {sv.Canonical, sv.Path}}, func(p *Page) {
					p.Kind = "exemption"
					p.Section = &psv
					p.Description = sv.Explanation
				}, add)
		}
	}

	// Forces, topics, years, outcomes.
	for _, tax := range []struct {
		view   TaxonomyView
		groups []*group
		intro  string
	}{
		{TaxonomyView{"Forces", "Force", "forces/"}, b.forces, "Responses by the police force or public body that answered."},
		{TaxonomyView{"Topics", "Topic", "topics/"}, b.topics, "Responses by subject."},
		{TaxonomyView{"Years", "Year", "years/"}, b.years, "Responses by the year they were sent."},
		{TaxonomyView{"Outcomes", "Outcome", "outcomes/"}, b.outcomes, "Responses by how the request was answered."},
	} {
		tv := tax.view
		idx := b.page("taxonomy", tv.Path, tv.Name)
		idx.Taxonomy = &tv
		idx.Terms = termCounts(tax.groups)
		idx.Description = tax.intro
		add(idx, allKey)
		for _, g := range tax.groups {
			term := g.TermCount
			title := g.Name
			b.paginate(g.members, g.Path, title, []Crumb{{tv.Name, tv.Path}}, func(p *Page) {
				p.Kind = "term"
				p.Taxonomy = &tv
				p.Term = &term
				p.Description = fmt.Sprintf("%d published %s: %s.", term.Count, plural(term.Count, "response", "responses"), title)
				if term.Description != "" {
					p.Description = term.Description
				}
			}, add)
		}
	}

	s := b.page("search", "search/", "Search")
	s.Description = "Search every published response by words, reference or exemption, and filter the results."
	add(s, "") // files adds the search entry's URL when the index is built
	a := b.page("accessibility", "accessibility/", "Accessibility statement")
	a.Description = "How accessible this website is, and how to report a problem."
	add(a, "")
	nf := b.page("404", "", "Page not found")
	nf.NoIndex = true
	specs = append(specs, pageSpec{file: "404.html", kind: "404", data: nf, key: "404"})
	return specs
}

// aliasConflicts reports aliases whose address is also a page foilog
// makes, such as /search/ or /responses/page/2/, or a file it writes,
// such as /robots.txt, /assets/site.css or an attachment: the alias page
// would need a folder where that file is.
func (b *builder) aliasConflicts(specs []pageSpec) (diag.List, error) {
	pages := map[string]bool{}
	for _, s := range specs {
		if s.kind != "alias" {
			pages[s.file] = true
		}
	}
	files := map[string]string{"robots.txt": "the robots.txt file", "sitemap.xml": "the sitemap", "assets/syntax.css": "a stylesheet",
		output.MarkerName: "the file that marks foilog's output folder"}
	statics, err := b.staticFiles()
	if err != nil {
		return nil, err
	}
	for p := range statics {
		files[strings.TrimPrefix(p, "static/")] = "the static file " + p
	}
	for _, r := range b.responses {
		for _, a := range r.Attachments {
			files[r.URL()+a.Name] = "the attachment " + a.Source
		}
	}
	var list diag.List
	for _, s := range specs {
		if s.kind != "alias" {
			continue
		}
		at := "/" + strings.TrimSuffix(s.file, "index.html")
		pos := s.source.AliasAt[at[1:]] // where the alias is written
		d := diag.Diagnostic{Path: s.source.Path, Line: pos[0], Col: pos[1], Code: "content.alias-taken"}
		// under is the first folder of the alias page's path that is a
		// file foilog writes: the alias would need a folder there.
		under := ""
		for i := range len(s.file) {
			if s.file[i] == '/' && (files[s.file[:i]] != "" || pages[s.file[:i]]) {
				under = s.file[:i]
				break
			}
		}
		switch folder := strings.TrimSuffix(s.file, "/index.html"); {
		case pages[s.file]:
			d.Message = fmt.Sprintf("alias %s is the address of a page foilog makes", at)
			d.Hint = "remove it from aliases: that address already shows a page of this site"
		case files[folder] != "":
			d.Message = fmt.Sprintf("alias /%s is the address of %s, which foilog writes", folder, files[folder])
			d.Hint = "remove it from aliases: an old address cannot take the place of a file of the site"
		case under != "":
			what := files[under]
			if what == "" {
				what = "the page /" + under
			}
			d.Message = fmt.Sprintf("alias %s lies under /%s, %s, which foilog writes as a file", at, under, what)
			d.Hint = "remove it from aliases: an old address cannot take the place of a file of the site"
		case strings.HasPrefix(s.file, "search/index/"):
			d.Message = fmt.Sprintf("alias %s is inside /search/index/, which holds the search index", at)
			d.Hint = "remove it from aliases: old addresses cannot live there"
		default:
			continue
		}
		list.Add(d)
	}
	return list, nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// paginate adds the pages of a list of responses: path, path/page/2/, ...
func (b *builder) paginate(members []int, path, title string, crumbs []Crumb, decorate func(*Page), add func(*Page, string)) {
	size := b.cfg.PageSize
	total := max(1, (len(members)+size-1)/size)
	pagePath := func(n int) string {
		if n == 1 {
			return path
		}
		return path + "page/" + strconv.Itoa(n) + "/"
	}
	for n := 1; n <= total; n++ {
		lo, hi := (n-1)*size, min(n*size, len(members))
		t := title
		if n > 1 {
			t = fmt.Sprintf("%s (page %d of %d)", title, n, total)
		}
		var p *Page
		if n == 1 {
			p = b.page("responses", pagePath(n), t, crumbs...)
		} else {
			p = b.page("responses", pagePath(n), t, append(crumbs, Crumb{title, path})...)
		}
		p.Responses = b.viewsOf(members[lo:hi])
		p.Pager = &Pager{Number: n, Total: total, First: lo + 1, Last: hi, Items: len(members)}
		if n > 1 {
			p.Pager.Prev = pagePath(n - 1)
		}
		if n < total {
			p.Pager.Next = pagePath(n + 1)
		}
		for _, m := range pageWindow(n, total) {
			if m == 0 {
				p.Pager.Pages = append(p.Pager.Pages, PageLink{})
				continue
			}
			p.Pager.Pages = append(p.Pager.Pages, PageLink{Number: m, Path: pagePath(m), Current: m == n})
		}
		decorate(p)
		add(p, fmt.Sprintf("%d/%d/%d/%s", n, total, len(members), b.memberKey(members[lo:hi])))
	}
}

// pageWindow returns the page numbers a pager shows: the first, the last
// and two either side of the current one, with 0 for each gap.
func pageWindow(n, total int) []int {
	var out []int
	for m := 1; m <= total; m++ {
		if m == 1 || m == total || (m >= n-2 && m <= n+2) {
			out = append(out, m)
		} else if len(out) > 0 && out[len(out)-1] != 0 {
			out = append(out, 0)
		}
	}
	return out
}

func (b *builder) viewsOf(members []int) []*ResponseView {
	out := make([]*ResponseView, len(members))
	for i, m := range members {
		out[i] = b.views[m]
	}
	return out
}

func (b *builder) sectionView(sg *sectionGroup) *SectionView {
	e := sg.entry
	sv := &SectionView{ProvisionView: provisionView(sg.provision), Regime: string(sg.provision.Regime),
		RegimeTitle: sg.provision.Regime.Title(), Nuance: e.Nuance, Basis: string(e.Basis),
		Explanation: e.Explanation, Count: len(sg.members)}
	sv.Path = sv.SectionPath
	if e.NCNDProvision != nil {
		np := provisionView(*e.NCNDProvision)
		np.Count = b.provisionCount[*e.NCNDProvision]
		sv.NCNDProvision = &np
	}
	for _, pg := range sg.provisions {
		pv := provisionView(pg.provision)
		pv.Count = len(pg.members)
		sv.Subsections = append(sv.Subsections, pv)
		if pv.NCND {
			sv.NCND = true
		}
	}
	sv.ByOutcome = b.byOutcome(sg.members)
	return sv
}

// byOutcome counts responses by outcome, in the order of Outcomes.
func (b *builder) byOutcome(members []int) []TermCount {
	counts := map[string]int{}
	for _, m := range members {
		counts[string(b.responses[m].Outcome)]++
	}
	var out []TermCount
	for _, o := range b.outcomes {
		if c := counts[o.Slug]; c > 0 {
			out = append(out, TermCount{Name: o.Name, Slug: o.Slug, Path: o.Path, Count: c})
		}
	}
	return out
}

// regimeGroups groups the cited sections by Act, in registry order.
func (b *builder) regimeGroups() []RegimeGroup {
	var out []RegimeGroup
	for _, reg := range exemption.Regimes() {
		g := RegimeGroup{Regime: string(reg), Title: reg.Title()}
		members := map[int]bool{}
		for _, sg := range b.sections {
			if sg.provision.Regime != reg {
				continue
			}
			g.Sections = append(g.Sections, *b.sectionView(sg))
			for _, m := range sg.members {
				members[m] = true
			}
		}
		g.Count = len(members)
		if len(g.Sections) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// registryGroups lists every provision in the registry by Act and section.
func (b *builder) registryGroups() []RegimeGroup {
	var out []RegimeGroup
	for _, reg := range exemption.Regimes() {
		g := RegimeGroup{Regime: string(reg), Title: reg.Title()}
		for _, e := range exemption.Sections(reg) {
			sv := SectionView{ProvisionView: provisionView(e.Provision), Regime: string(reg), RegimeTitle: reg.Title(),
				Nuance: e.Nuance, Basis: string(e.Basis), Explanation: e.Explanation}
			sv.Count = 0
			for _, sg := range b.sections {
				if sg.provision == e.Provision {
					sv.Count = len(sg.members)
				}
			}
			for _, c := range exemption.Children(e.Provision) {
				pv := provisionView(c.Provision)
				pv.Count = b.provisionCount[c.Provision]
				sv.Subsections = append(sv.Subsections, pv)
			}
			g.Sections = append(g.Sections, sv)
		}
		out = append(out, g)
	}
	return out
}

// statics hands out static/ from the defaults and the site (the site
// wins) and the generated syntax highlighting stylesheet, unless the site
// has its own. A static file at the path of a file foilog made (made maps
// those paths to a description) is an error at the static file. It
// returns the site paths of the static files.
func (b *builder) statics(out Sink, made map[string]string) (map[string]bool, error) {
	files, err := b.staticFiles()
	if err != nil {
		return nil, err
	}
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var list diag.List
	own := make(map[string]bool, len(paths))
	for _, p := range paths {
		site := strings.TrimPrefix(p, "static/")
		if what, ok := made[site]; ok {
			list.Add(diag.Diagnostic{Path: p, Line: 1, Col: 1, Code: "static.taken",
				Message: fmt.Sprintf("static file %s would replace %s", p, what),
				Hint:    "rename or move the static file"})
			continue
		}
		own[site] = true
	}
	if len(list) > 0 {
		return nil, list
	}
	for _, p := range paths {
		data, err := fs.ReadFile(files[p], p)
		if err != nil {
			return nil, fmt.Errorf("read static files: %w", err)
		}
		if err := out.Put(strings.TrimPrefix(p, "static/"), data); err != nil {
			return nil, err
		}
	}
	if !own["assets/syntax.css"] {
		return own, out.Put("assets/syntax.css", markdown.StyleSheet())
	}
	return own, nil
}

// staticFiles maps the path under static/ of every static file, from the
// defaults and the site, to the file system it comes from (the site's
// wins).
func (b *builder) staticFiles() (map[string]fs.FS, error) {
	files := map[string]fs.FS{}
	for _, fsys := range []fs.FS{b.opts.Static, b.opts.Source} {
		if fsys == nil {
			continue
		}
		err := fs.WalkDir(fsys, "static", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == "static" {
					return fs.SkipDir
				}
				return err
			}
			if !d.IsDir() && !strings.HasPrefix(d.Name(), ".") {
				files[p] = fsys
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read static files: %w", err)
		}
	}
	return files, nil
}

// sitemap lists every indexable page by its absolute URL. It is written
// only when the base URL names a host: search engines need absolute URLs.
func (b *builder) sitemap(specs []pageSpec) []byte {
	var sb strings.Builder
	sb.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	sb.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	var paths []string
	for _, s := range specs {
		if s.kind == "alias" || s.kind == "404" || s.data.NoIndex {
			continue
		}
		paths = append(paths, s.data.Path)
	}
	sort.Strings(paths)
	for _, p := range paths {
		sb.WriteString("  <url><loc>")
		template.HTMLEscape(&sb, []byte(b.cfg.AbsURL(p)))
		sb.WriteString("</loc></url>\n")
	}
	sb.WriteString("</urlset>\n")
	return []byte(sb.String())
}
