// Package site is foilog's publishing pipeline. Build reads a site's
// content, configuration, layouts and static files and returns every file
// of the finished site in memory, or every problem that stops it.
//
// The stages run in one direction: load the configuration, load and
// validate the responses, render their Markdown, check them against the
// exemption registry, group them into taxonomies, compute related
// responses, build the search index, then render the page templates and
// collect static files. Nothing is written: package output does that.
package site

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/foilog/foilog/internal/config"
	"github.com/foilog/foilog/internal/content"
	"github.com/foilog/foilog/internal/diag"
	"github.com/foilog/foilog/internal/exemption"
	"github.com/foilog/foilog/internal/markdown"
	"github.com/foilog/foilog/internal/output"
)

// Options configures one build.
type Options struct {
	// Source is the site root: content/, layouts/, static/ and foilog.yaml.
	Source fs.FS
	// Layouts and Static are the defaults under "layouts/" and "static/"
	// that the site's own files override by name (foilog.Layouts and
	// foilog.Static).
	Layouts fs.FS
	Static  fs.FS
	// BaseURL, when set, overrides the configuration's baseURL.
	BaseURL string
	// Drafts publishes drafts and embargoed responses with a visible
	// banner: for local preview only.
	Drafts bool
	// Now decides embargoes. The zero value means time.Now().
	Now time.Time
	// LiveReload adds the dev server's reload script to every page.
	LiveReload bool
	// Cache, when set, keeps work between builds (watch mode): Markdown
	// rendered and pages whose inputs did not change are reused.
	Cache *Cache
	// Changed, when not nil, lists every path (slash-separated, relative
	// to Source, as a file watcher reports them) created, written, renamed
	// or removed since the previous build with the same Cache. The build
	// then takes the responses whose files are not listed from the Cache
	// without looking at them; when a listed path is not a response file
	// the Cache knows (a new file or folder, an attachment, the content
	// folder itself, "."), it looks at every file as it does when Changed
	// is nil. A file that changed but is not listed is found by
	// Cache.Stale. Without a Cache, Changed is ignored.
	Changed []string
	// Workers is the number of goroutines that render; 0 means GOMAXPROCS.
	Workers int
	// Inspect, when set, runs extra checks on each published response on
	// the render workers (foilog serve passes the publication-safety
	// checks); its diagnostics are cached with the response's Markdown.
	Inspect func(fsys fs.FS, cfg config.Site, r *content.Response) diag.List
	// Output receives every file as soon as it is rendered, so that a
	// large site never sits in memory whole. When nil, Result.Files holds
	// the site.
	Output Sink

	// noCompile renders every page with html/template alone, for tests
	// that compare its output with the compiled layouts'.
	noCompile bool
}

// MemoryLimit returns the soft heap limit (runtime/debug.SetMemoryLimit)
// that foilog build runs with, and the build benchmark measures with, for
// a log of n responses. The garbage collector works harder as the heap
// nears the limit: 420 MiB keeps a 10,000-response build near 440 MB,
// under the 500 MB target (320 MiB kept it near 340 MB for about a tenth
// more time). Beyond about 10,000 responses the limit grows by 42 KiB per
// response, about twice what a build keeps per response, so that a large
// log is never held under a limit its live data exceeds: at 100,000
// responses a fixed 420 MiB kept the collector running without pause and
// the build took 105 s instead of 60 s.
func MemoryLimit(n int) int64 {
	return max(420<<20, int64(n)*42<<10)
}

// Sink receives the files of a site. Put is called from several
// goroutines at once, once per path, in no particular order.
type Sink interface {
	Put(path string, data []byte) error
}

// memory is the Sink that keeps the site in Result.Files.
type memory struct {
	mu    sync.Mutex
	files []output.File
	seen  map[string]bool
}

func (m *memory) Put(path string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.seen[path] {
		return fmt.Errorf("two files would be written to %s; rename the static file or response that uses it", path)
	}
	m.seen[path] = true
	m.files = append(m.files, output.File{Path: path, Data: data})
	return nil
}

// Result is a built site.
type Result struct {
	// Files are every file of the site, sorted by Path; nil when
	// Options.Output received them.
	Files []output.File
	// Responses counts published responses; Pages counts HTML pages.
	Responses, Pages int
	// Warnings are problems that did not stop the build, sorted.
	Warnings diag.List
	// Config is the configuration the site was built with.
	Config config.Site
	// Sources maps each published response's source path to its page path,
	// so a preview can follow a renamed file.
	Sources []SourcePage
	// NextEmbargo is the earliest embargo (publish) that ends after the
	// build's Now, of any response: the site changes then although no file
	// does, so a preview builds again at that time. Zero when none.
	NextEmbargo time.Time

	// compiledRuns counts the pages and list items the compiled layouts
	// rendered, and compiledFallbacks those they handed to html/template.
	compiledRuns, compiledFallbacks int64
}

// SourcePage pairs a response's Markdown file with its page.
type SourcePage struct{ Source, Path string }

// Build runs the whole pipeline. When any error is found it returns a nil
// Result and every diagnostic (errors and warnings), sorted.
func Build(opts Options) (*Result, diag.List) {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	opts.Cache.begin()
	defer opts.Cache.end()
	cfg, list := config.Load(opts.Source)
	if opts.BaseURL != "" {
		cfg.BaseURL = opts.BaseURL
		if cfg.BaseURL[len(cfg.BaseURL)-1] != '/' {
			cfg.BaseURL += "/"
		}
	}
	responses, l := load(opts, cfg)
	list = append(list, l...)
	published := publishable(responses, opts)
	if !opts.Drafts {
		list = append(list, unfinished(opts.Source, published)...)
	}

	md := markdown.New(markdown.WithBasePath(cfg.BasePath()), markdown.WithReservedIDs(responsePageIDs...))
	docs, htmls, l := render(md, cfg, published, opts)
	list = append(list, l...)
	if !opts.Drafts {
		list = append(list, unpublishedLinks(published, responses, docs, cfg.BasePath(), opts.Now)...)
	}
	published, l = unifyTerms(published, cfg.Authority)
	list = append(list, l...)

	tpl, l := loadTemplates(opts, cfg)
	tpl.noCompile = opts.noCompile
	list = append(list, l...)
	if list.HasErrors() {
		list.Sort()
		return nil, list
	}

	b := &builder{opts: opts, cfg: cfg, md: md, tpl: tpl}
	b.model(published, docs, htmls)
	sink := opts.Output
	var mem *memory
	if sink == nil {
		mem = &memory{seen: map[string]bool{}}
		sink = mem
	}
	if err := b.files(sink); err != nil {
		if dl, ok := err.(diag.List); ok {
			list = append(list, dl...)
		} else {
			list.Errorf("layouts", 0, 0, "layout.execute", "%v", err).Hint = layoutHint
		}
		list.Sort()
		return nil, list
	}
	list.Sort()
	res := &Result{Responses: len(published), Pages: b.pageCount, Warnings: list, Config: cfg,
		compiledRuns: tpl.runs.Load(), compiledFallbacks: tpl.fallbacks.Load()}
	for _, r := range responses {
		if r.Publish.After(opts.Now) && (res.NextEmbargo.IsZero() || r.Publish.Before(res.NextEmbargo)) {
			res.NextEmbargo = r.Publish
		}
	}
	if mem != nil {
		sort.Slice(mem.files, func(i, j int) bool { return mem.files[i].Path < mem.files[j].Path })
		res.Files = mem.files
	}
	for _, r := range published {
		res.Sources = append(res.Sources, SourcePage{Source: r.Path, Path: r.URL()})
	}
	return res, nil
}

// load reads every response, reusing from the cache those whose files
// (and, for bundles, whose folder) did not change since the last build:
// with opts.Changed, those not listed; otherwise those whose size and
// modification time are the same.
func load(opts Options, cfg config.Site) ([]*content.Response, diag.List) {
	paths, list, changed := opts.Cache.sources(opts, fmt.Sprintf("%+v", cfg))
	got := make([]loaded, len(paths))
	var wg sync.WaitGroup
	next := make(chan int, 64)
	for w := 0; w < opts.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				p := paths[i]
				var key string
				var ok bool
				if opts.Cache != nil {
					if changed != nil && !changed[p] {
						if c, hit := opts.Cache.unchanged(p); hit {
							got[i] = c
							continue
						}
					}
					key, ok = fileKey(opts.Source, p)
					if ok {
						if c, hit := opts.Cache.response(p, key); hit {
							got[i] = c
							continue
						}
					}
				}
				r, l := content.LoadFile(opts.Source, p, cfg)
				got[i] = loaded{r, l}
				if ok {
					opts.Cache.putResponse(p, key, got[i])
				} else {
					opts.Cache.dropResponse(p) // an older entry must not be taken as unchanged
				}
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	responses := make([]*content.Response, 0, len(paths))
	for _, g := range got { // path order, as content.Load gives
		list = append(list, g.diags...)
		if g.r != nil {
			responses = append(responses, g.r)
		}
	}
	return responses, append(list, content.CheckLog(responses)...)
}

// fileKey identifies the state of a response file (and of the other files
// of its bundle) by size and modification time, without reading it. It
// reports false when the file system keeps no modification times or the
// file changed too recently for them to be trusted.
func fileKey(fsys fs.FS, p string) (string, bool) {
	info, err := fs.Stat(fsys, p)
	if err != nil || info.ModTime().IsZero() || racy(info.ModTime()) {
		return "", false
	}
	key := strconv.FormatInt(info.Size(), 10) + "|" + strconv.FormatInt(info.ModTime().UnixNano(), 10)
	if path.Base(p) == "index.md" {
		entries, err := fs.ReadDir(fsys, path.Dir(p))
		if err != nil {
			return "", false
		}
		for _, e := range entries {
			fi, err := e.Info()
			if err != nil || racy(fi.ModTime()) {
				return "", false
			}
			key += "|" + e.Name() + "|" + strconv.FormatInt(fi.Size(), 10) + "|" + strconv.FormatInt(fi.ModTime().UnixNano(), 10)
		}
	}
	return key, true
}

// racyWindow is how recently a file may have changed for its size and
// modification time to be trusted. File systems stamp times coarsely, so
// two saves in quick succession can leave both unchanged; a file changed
// this recently is read again (as git does with "racily clean" entries).
const racyWindow = 2 * time.Second

func racy(mod time.Time) bool { return time.Since(mod) < racyWindow }

// publishable returns the responses that may appear in the site, newest
// first with a fixed tie-break (reference, then path).
func publishable(all []*content.Response, opts Options) []*content.Response {
	var out []*content.Response
	for _, r := range all {
		if r.Slug != "" && !r.Date.IsZero() && r.Visible(opts.Now, opts.Drafts) {
			out = append(out, r)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return newer(out[i], out[j]) })
	return out
}

func newer(a, b *content.Response) bool {
	if c := a.Date.Compare(b.Date); c != 0 {
		return c > 0
	}
	if a.Reference != b.Reference {
		return a.Reference > b.Reference
	}
	return a.Path < b.Path
}

// rendered is a response's Markdown output and the warnings about its
// body, as cached between builds.
type rendered struct {
	doc   *markdown.Document
	html  template.HTML // doc.HTML as the template value, converted once
	diags diag.List
}

// render converts every response's Markdown and checks it against the
// exemption registry on all workers, reusing the cache where the file did
// not change.
func render(md *markdown.Renderer, cfg config.Site, rs []*content.Response, opts Options) ([]*markdown.Document, []template.HTML, diag.List) {
	basePath := cfg.BasePath()
	docs := make([]*markdown.Document, len(rs))
	htmls := make([]template.HTML, len(rs))
	errs := make([]diag.List, len(rs))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < opts.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				r := rs[i]
				key := basePath + "|" + r.Hash // root-relative links depend on the base path
				if c, ok := opts.Cache.markdown(key); ok {
					docs[i], htmls[i], errs[i] = c.doc, c.html, c.diags
					continue
				}
				d, err := md.Convert(r.Body)
				var tooComplex *markdown.TooComplexError
				if errors.As(err, &tooComplex) {
					errs[i] = append(errs[i], tooComplex.Diagnostics(r.Path, r.BodyLine)...)
					d = &markdown.Document{}
				} else if err != nil {
					errs[i].Errorf(r.Path, r.BodyLine, 1, "markdown", "cannot render Markdown: %v", err).Hint =
						"this is a fault in foilog: please report it with the file; meanwhile, simplify the letter's formatting"
					d = &markdown.Document{}
				}
				docs[i] = d
				htmls[i] = bodyHTML(d)
				if opts.Cache == nil {
					d.HTML = nil // htmls[i] holds the only copy needed
				}
				errs[i] = append(errs[i], bodyWarnings(r, d)...)
				errs[i] = append(errs[i], checkResponse(r)...)
				if opts.Inspect != nil {
					errs[i] = append(errs[i], opts.Inspect(opts.Source, cfg, r)...)
				}
				opts.Cache.putMarkdown(key, rendered{d, htmls[i], errs[i]})
			}
		}()
	}
	for i := range rs {
		next <- i
	}
	close(next)
	wg.Wait()
	var list diag.List
	for _, l := range errs {
		list = append(list, l...)
	}
	return docs, htmls, list
}

func bodyWarnings(r *content.Response, d *markdown.Document) diag.List {
	var list diag.List
	for _, w := range d.Warnings {
		list.Add(diag.Diagnostic{Path: r.Path, Line: r.BodyLine + w.Line - 1, Col: w.Col, Severity: diag.Warning,
			Code: "markdown." + w.Code, Message: w.Message, Hint: w.Hint})
	}
	return list
}

// checkResponse runs the exemption consistency checks on a response.
func checkResponse(r *content.Response) diag.List {
	var list diag.List
	for _, d := range exemption.Check(exemption.Facts{Outcome: string(r.Outcome), Provisions: r.Provisions,
		Body: string(r.Body), BodyLine: r.BodyLine, Regime: r.Regime}) {
		d.Path = r.Path
		if d.Line == 0 {
			d.Line = r.Lines["exemptions"]
			if d.Line == 0 {
				d.Line = r.Lines["outcome"]
			}
		}
		list.Add(d)
	}
	return list
}

// describe returns a one-line account of a build for the terminal.
func (r *Result) describe(d time.Duration, dest string) string {
	return fmt.Sprintf("built %d %s, %d %s in %s → %s", r.Responses, plural(r.Responses, "response", "responses"),
		r.Pages, plural(r.Pages, "page", "pages"), d.Round(time.Millisecond), dest)
}

// Summary returns the one-line account of a build printed at its end:
// "built 14 responses, 61 pages in 40ms → public/".
func (r *Result) Summary(d time.Duration, dest string) string { return r.describe(d, dest) }
