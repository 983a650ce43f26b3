package site

import (
	"fmt"
	"html/template"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/foilog/foilog/internal/config"
	"github.com/foilog/foilog/internal/content"
	"github.com/foilog/foilog/internal/exemption"
	"github.com/foilog/foilog/internal/markdown"
	"github.com/foilog/foilog/internal/related"
	"github.com/foilog/foilog/internal/search"
)

// builder holds one build's model between the stages that make it and the
// stage that renders it.
type builder struct {
	opts Options
	cfg  config.Site
	md   *markdown.Renderer
	tpl  *templates

	site      *SiteView
	responses []*content.Response // newest first
	docs      []*markdown.Document
	views     []*ResponseView // parallel to responses
	keys      []string        // parallel to responses: what a page listing it depends on

	forces, topics, years, outcomes []*group
	sections                        []*sectionGroup // sorted by provision
	provisionCount                  map[exemption.Provision]int

	pageCount      int
	provisionViews map[exemption.Provision]ProvisionView
	// index is the search index, built in the background from model on;
	// indexErr is why it could not be. indexDone is closed when both are set.
	indexDone  chan struct{}
	index      *search.Index
	indexErr   error
	searchView SearchView
	keyByPath  map[string]string // response page path → its key
}

// group is one taxonomy value and the responses under it, newest first.
type group struct {
	TermCount
	members []int
}

// sectionGroup is one cited section and the responses citing it.
type sectionGroup struct {
	entry      exemption.Entry
	provision  exemption.Provision
	members    []int
	provisions []*provisionGroup // cited provisions within the section, sorted
}

type provisionGroup struct {
	provision exemption.Provision
	members   []int
}

func (b *builder) model(rs []*content.Response, docs []*markdown.Document, htmls []template.HTML) {
	cfg := b.cfg
	b.responses, b.docs = rs, docs
	b.site = &SiteView{
		Title: cfg.Title, Description: cfg.Description, Authority: cfg.Authority, Language: cfg.Language,
		BasePath: cfg.BasePath(), BaseURL: cfg.BaseURL,
		Licence:     LinkView{cfg.Licence.Name, cfg.Licence.URL},
		Contact:     ContactView{cfg.Contact.Email, cfg.Contact.Phone, cfg.Contact.Address, cfg.Contact.URL},
		Accessible:  AccessibilityView{Full: cfg.Accessibility.Status == "full", Prepared: cfg.Accessibility.Prepared, Issues: cfg.Accessibility.Issues},
		LiveReload:  b.opts.LiveReload,
		Sitemap:     strings.Contains(cfg.BaseURL, "://"),
		HasHost:     strings.Contains(cfg.BaseURL, "://"),
		Drafts:      b.opts.Drafts,
		Generator:   "foilog",
		StyleSheets: []string{"assets/site.css", "assets/syntax.css"},
		Responses:   len(rs),
	}
	// The search index reads nothing the pages need: it is built in the
	// background while the page model is made, related responses are
	// computed and pages render, and files waits for it before writing
	// its files.
	searchDocs := b.searchDocs()
	b.indexDone = make(chan struct{})
	go func() {
		defer close(b.indexDone)
		b.index, b.indexErr = b.searchIndex(searchDocs)
	}()
	b.views = make([]*ResponseView, len(rs))
	b.keys = make([]string, len(rs))
	b.provisionCount = map[exemption.Provision]int{}
	for i, r := range rs {
		b.keys[i] = r.Hash
		if !r.Publish.IsZero() && b.opts.Now.Before(r.Publish) {
			b.keys[i] += "|embargoed" // shown with a banner in preview, until the embargo ends
		}
		for _, p := range r.Provisions {
			b.provisionCount[p]++
		}
		for _, c := range r.Citations {
			for _, p := range c.Provisions {
				b.provisionView(p) // so that the views below only read provisionViews
			}
		}
	}
	parallel(len(rs), b.opts.Workers, func(i int) {
		b.views[i] = b.view(rs[i], docs[i], htmls[i])
		b.views[i].items = &itemCache{html: map[string]template.HTML{}, render: b.tpl.item}
	})
	b.group()
	for _, v := range b.views {
		for ci := range v.Citations {
			for pi := range v.Citations[ci].Provisions {
				pv := &v.Citations[ci].Provisions[pi]
				if p, err := exemption.ParseCanonical(pv.Canonical); err == nil {
					pv.Count = b.provisionCount[p]
				}
			}
		}
	}
	b.relate()
}

// view makes the template view of a response (without Related).
func (b *builder) view(r *content.Response, d *markdown.Document, body template.HTML) *ResponseView {
	v := &ResponseView{
		Path: r.URL(), Title: r.Title, Reference: r.Reference, Date: r.Date, Received: r.Received,
		Force:  TermCount{Name: r.Force.Name, Slug: r.Force.Slug, Path: "forces/" + r.Force.Slug + "/"},
		Regime: string(r.Regime), RegimeTitle: r.Regime.Title(),
		Outcome: r.Outcome, OutcomePath: "outcomes/" + string(r.Outcome) + "/",
		Summary: r.Summary, Lead: r.Summary, Body: body, Draft: r.Draft,
		Embargoed: !r.Publish.IsZero() && b.opts.Now.Before(r.Publish),
	}
	if r.Force.Slug == "" {
		v.Force = TermCount{}
	}
	if v.Summary == "" {
		v.Summary = shortSummary(d.Summary)
	}
	for _, c := range r.Citations {
		cv := CitationView{Text: c.Text}
		for _, p := range c.Provisions {
			pv := b.provisionView(p)
			cv.Provisions = append(cv.Provisions, pv)
			if pv.NCND {
				v.NCND = true
			}
		}
		v.Citations = append(v.Citations, cv)
	}
	for _, t := range r.Topics {
		v.Topics = append(v.Topics, TermCount{Name: t.Name, Slug: t.Slug, Path: "topics/" + t.Slug + "/"})
	}
	for _, a := range r.Attachments {
		v.Attachments = append(v.Attachments, AttachmentView{Name: a.Name, Title: a.Title, Type: a.Type,
			Size: content.HumanSize(a.Size), Path: r.AttachmentURL(a.Name)})
	}
	return v
}

// provisionView describes p from the registry, remembering the answer for
// the rest of the build: a log cites a few hundred provisions many times.
func (b *builder) provisionView(p exemption.Provision) ProvisionView {
	if pv, ok := b.provisionViews[p]; ok {
		return pv
	}
	pv := provisionView(p)
	if b.provisionViews == nil {
		b.provisionViews = map[exemption.Provision]ProvisionView{}
	}
	b.provisionViews[p] = pv
	return pv
}

// provisionView describes p from the registry.
func provisionView(p exemption.Provision) ProvisionView {
	pv := ProvisionView{Canonical: p.String(), Slug: p.Slug(), Path: "exemptions/" + p.Slug() + "/",
		SectionPath: "exemptions/" + p.SectionSlug() + "/"}
	if p.Path == "" {
		pv.Path = pv.SectionPath
	}
	if e, ok := exemption.Lookup(p); ok {
		pv.Title, pv.Detail = e.Title, e.Detail
		pv.NCND, pv.Absolute, pv.Procedural = e.NCND, e.Absolute, e.Procedural
		pv.Status, pv.URL = e.Status(), e.URL
		if e.Provision != p { // an unlisted subsection: only its section is known
			pv.NCND, pv.Detail = false, ""
		}
	}
	return pv
}

// group builds the taxonomies: forces, topics, years, outcomes and
// exemption sections, each sorted with a fixed tie-break.
func (b *builder) group() {
	forces, topics, years := map[string]*group{}, map[string]*group{}, map[string]*group{}
	outcomes := map[content.Outcome]*group{}
	sections := map[exemption.Provision]*sectionGroup{}
	provs := map[exemption.Provision]*provisionGroup{}
	add := func(m map[string]*group, slug, name, path string, i int) {
		g := m[slug]
		if g == nil {
			g = &group{TermCount: TermCount{Name: name, Slug: slug, Path: path}}
			m[slug] = g
		}
		g.members = append(g.members, i)
		g.Count++
	}
	for i, r := range b.responses {
		if r.Force.Slug != "" {
			add(forces, r.Force.Slug, r.Force.Name, "forces/"+r.Force.Slug+"/", i)
		}
		for _, t := range r.Topics {
			add(topics, t.Slug, t.Name, "topics/"+t.Slug+"/", i)
		}
		y := strconv.Itoa(r.Date.Year)
		add(years, y, y, "years/"+y+"/", i)
		g := outcomes[r.Outcome]
		if g == nil {
			g = &group{TermCount: TermCount{Name: r.Outcome.Label(), Slug: string(r.Outcome),
				Path: "outcomes/" + string(r.Outcome) + "/", Description: r.Outcome.Description()}}
			outcomes[r.Outcome] = g
		}
		g.members = append(g.members, i)
		g.Count++
		seenSection := map[exemption.Provision]bool{}
		for _, p := range r.Provisions {
			s := p.SectionOf()
			sg := sections[s]
			if sg == nil {
				e, _ := exemption.Lookup(s)
				sg = &sectionGroup{entry: e, provision: s}
				sections[s] = sg
			}
			if !seenSection[s] {
				sg.members = append(sg.members, i)
				seenSection[s] = true
			}
			if p.Path != "" {
				pg := provs[p]
				if pg == nil {
					pg = &provisionGroup{provision: p}
					provs[p] = pg
					sg.provisions = append(sg.provisions, pg)
				}
				pg.members = append(pg.members, i)
			}
		}
	}
	byName := func(m map[string]*group) []*group {
		out := make([]*group, 0, len(m))
		for _, g := range m {
			out = append(out, g)
		}
		sort.Slice(out, func(i, j int) bool {
			if out[i].Name != out[j].Name {
				return out[i].Name < out[j].Name
			}
			return out[i].Slug < out[j].Slug
		})
		return out
	}
	b.forces, b.topics = byName(forces), byName(topics)
	b.years = byName(years)
	sort.Slice(b.years, func(i, j int) bool { return b.years[i].Slug > b.years[j].Slug }) // newest year first
	for _, o := range content.Outcomes() {
		if g := outcomes[o]; g != nil {
			b.outcomes = append(b.outcomes, g)
		}
	}
	for _, sg := range sections {
		sort.Slice(sg.provisions, func(i, j int) bool {
			return exemption.Compare(sg.provisions[i].provision, sg.provisions[j].provision) < 0
		})
		b.sections = append(b.sections, sg)
	}
	sort.Slice(b.sections, func(i, j int) bool { return exemption.Compare(b.sections[i].provision, b.sections[j].provision) < 0 })
}

func termCounts(gs []*group) []TermCount {
	out := make([]TermCount, len(gs))
	for i, g := range gs {
		out[i] = g.TermCount
	}
	return out
}

// relate fills in each response's Related list: similar earlier responses
// by shared exemptions, topics and distinctive words. With a cache, a
// response loaded before keeps its features, and only the responses an
// edit can affect are compared again.
func (b *builder) relate() {
	docs := make([]related.Doc, len(b.responses))
	b.keyByPath = make(map[string]string, len(b.responses))
	known := b.opts.Cache.relatedDocs()
	for i, r := range b.responses {
		d, ok := known.get(r)
		if !ok {
			d = related.Doc{Date: r.Date.String(), Key: r.Slug}
			for _, p := range r.Provisions {
				d.Exemptions = append(d.Exemptions, p.Slug())
				if p.Path != "" {
					d.Exemptions = append(d.Exemptions, p.SectionSlug())
				}
			}
			for _, t := range r.Topics {
				d.Topics = append(d.Topics, t.Slug)
			}
			// Title and summary come from the file, so its hash identifies them.
			terms, ok := b.opts.Cache.terms(r.Hash)
			if !ok {
				terms = search.Terms(r.Title + " " + b.views[i].Summary)
				b.opts.Cache.putTerms(r.Hash, terms)
			}
			d.Terms = terms
		}
		known.put(r, d)
		docs[i] = d
		b.keyByPath[b.views[i].Path] = b.keys[i]
	}
	b.opts.Cache.keepRelatedDocs(known)
	var rels [][]int
	if c := b.opts.Cache.relatedCache(); c != nil {
		rels = c.Compute(docs, 5)
	} else {
		rels = related.Compute(docs, 5)
	}
	for i, rel := range rels {
		for _, j := range rel {
			b.views[i].Related = append(b.views[i].Related, b.views[j])
		}
	}
}

// searchDocs returns the search documents of the published responses. It
// needs no view of them, so that the index can be built while they are
// made. With a cache, a response loaded before keeps its document.
func (b *builder) searchDocs() []search.Document {
	docs := make([]search.Document, len(b.responses))
	known := b.opts.Cache.searchDocs()
	for i, r := range b.responses {
		if d, ok := known.get(r); ok {
			known.put(r, d)
			docs[i] = d
			continue
		}
		summary := r.Summary // as the response's view has it
		if summary == "" {
			summary = shortSummary(b.docs[i].Summary)
		}
		d := search.Document{
			URL: r.URL(), Title: r.Title, Reference: r.Reference, Summary: summary, Body: b.docs[i].Text,
			Date: r.Date.String(), Year: r.Date.Year, Outcome: string(r.Outcome), OutcomeLabel: r.Outcome.Label(),
			Regime: string(r.Regime), Force: r.Force.Name, ForceSlug: r.Force.Slug,
		}
		for _, t := range r.Topics {
			d.Topics = append(d.Topics, search.Facet{Slug: t.Slug, Label: t.Name})
		}
		for _, p := range r.Provisions {
			pv := b.provisionView(p)
			sec := b.provisionView(p.SectionOf())
			d.Exemptions = append(d.Exemptions, search.Exemption{Provision: pv.Canonical, Slug: pv.Slug,
				Section: p.SectionSlug(), SectionLabel: sec.Canonical + " " + sec.Title, Title: pv.Title, NCND: pv.NCND})
		}
		known.put(r, d)
		docs[i] = d
	}
	b.opts.Cache.keepSearchDocs(known)
	return docs
}

// searchIndex builds the search index of the published responses.
func (b *builder) searchIndex(docs []search.Document) (*search.Index, error) {
	build := search.Build
	if b.opts.Cache != nil {
		build = b.opts.Cache.search().Build
	}
	idx, err := build(docs)
	if err != nil {
		return nil, fmt.Errorf("build search index: %w", err)
	}
	return idx, nil
}

// parallel calls do(i) for every i in [0, n) on the given number of
// goroutines, in contiguous runs.
func parallel(n, workers int, do func(i int)) {
	workers = max(1, min(workers, n))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w * n / workers; i < (w+1)*n/workers; i++ {
				do(i)
			}
		})
	}
	wg.Wait()
}
