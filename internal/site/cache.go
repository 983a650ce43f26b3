package site

import (
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/foilog/foilog/internal/config"
	"github.com/foilog/foilog/internal/content"
	"github.com/foilog/foilog/internal/diag"
	"github.com/foilog/foilog/internal/related"
	"github.com/foilog/foilog/internal/search"
)

// Cache keeps work between builds of one site in one process, so that a
// rebuild after an edit redoes only what the edit touched. A nil *Cache is
// valid and caches nothing. A Cache is safe for concurrent use.
type Cache struct {
	mu        sync.Mutex
	responses map[string]cachedResponse
	md        map[string]rendered
	pages     map[string]cachedPage
	// used records the keys touched by the current build, so entries of
	// deleted or changed inputs are dropped afterwards.
	// termsOf holds search.Terms of each response's title and summary.
	termsOf   map[string][]string
	usedTerms map[string]bool
	// features and documents are the related-responses features and the
	// search documents of the responses of the last build; rel the
	// related responses it found.
	features  map[*content.Response]related.Doc
	documents map[*content.Response]search.Document
	rel       related.Cache

	usedMD        map[string]bool
	usedPages     map[string]bool
	usedResponses map[string]bool
	index         *search.Cache // the search index, which keeps only what its last build used

	// The response files as the last build listed them (listed tells
	// whether one did), the problems found listing them, and the
	// configuration every entry of responses was loaded with.
	listed      bool
	sourcePaths []string
	sourceSet   map[string]bool
	sourceDiags diag.List
	cfgKey      string
}

type cachedResponse struct {
	key string
	loaded
}

// loaded is what content.LoadFile returned for one file.
type loaded struct {
	r     *content.Response
	diags diag.List
}

type cachedPage struct {
	key  string
	data []byte
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{md: map[string]rendered{}, pages: map[string]cachedPage{}, responses: map[string]cachedResponse{},
		termsOf: map[string][]string{}}
}

func (c *Cache) terms(text string) ([]string, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.usedTerms != nil {
		c.usedTerms[text] = true
	}
	t, ok := c.termsOf[text]
	return t, ok
}

func (c *Cache) putTerms(text string, t []string) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.termsOf[text] = t
	if c.usedTerms != nil {
		c.usedTerms[text] = true
	}
}

// relatedDocs returns the related-responses features of the responses of
// the last build, to read, and an empty set for this build's, to fill.
func (c *Cache) relatedDocs() *byResponse[related.Doc] {
	if c == nil {
		return &byResponse[related.Doc]{}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return newByResponse(c.features)
}

// keepRelatedDocs keeps the features of this build's responses for the
// next.
func (c *Cache) keepRelatedDocs(f *byResponse[related.Doc]) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.features = f.next
}

// searchDocs returns the search documents of the responses of the last
// build, to read, and an empty set for this build's, to fill.
func (c *Cache) searchDocs() *byResponse[search.Document] {
	if c == nil {
		return &byResponse[search.Document]{}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return newByResponse(c.documents)
}

// keepSearchDocs keeps the search documents of this build's responses for
// the next.
func (c *Cache) keepSearchDocs(f *byResponse[search.Document]) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.documents = f.next
}

// byResponse holds a value derived from each response of a build: those of
// the last build to read, this build's to fill. A response the cache gives
// again was loaded from the same file with the same configuration, so
// what was derived from it is the same. The zero value remembers nothing.
// Not safe for concurrent use.
type byResponse[T any] struct {
	last, next map[*content.Response]T
}

func newByResponse[T any](last map[*content.Response]T) *byResponse[T] {
	return &byResponse[T]{last: last, next: make(map[*content.Response]T, len(last))}
}

func (f *byResponse[T]) get(r *content.Response) (T, bool) {
	v, ok := f.last[r]
	return v, ok
}

func (f *byResponse[T]) put(r *content.Response, v T) {
	if f.next != nil {
		f.next[r] = v
	}
}

// relatedCache returns the cache of the related responses, or nil.
func (c *Cache) relatedCache() *related.Cache {
	if c == nil {
		return nil
	}
	return &c.rel
}

// search returns the cache of the search index.
func (c *Cache) search() *search.Cache {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.index == nil {
		c.index = search.NewCache()
	}
	return c.index
}

// sources returns the response files of the site and the problems found
// listing them, as content.Sources does. When opts.Changed lists only
// edits of response files the cache knows (or of files outside content/),
// it returns the files of the last build without listing them again, and
// the set of response files to look at: every other one is unchanged
// since the last build. Otherwise the set is nil. Entries loaded with
// another configuration (cfgKey) are dropped.
func (c *Cache) sources(opts Options, cfgKey string) ([]string, diag.List, map[string]bool) {
	if c == nil {
		paths, list := content.Sources(opts.Source)
		return paths, list, nil
	}
	c.mu.Lock()
	if c.cfgKey != cfgKey {
		c.responses = map[string]cachedResponse{}
		c.cfgKey = cfgKey
	}
	listed, paths, set, list := c.listed, c.sourcePaths, c.sourceSet, c.sourceDiags
	c.mu.Unlock()
	if listed && opts.Changed != nil {
		if changed, ok := edits(opts.Source, opts.Changed, set); ok {
			return paths, slices.Clone(list), changed
		}
	}
	paths, list = content.Sources(opts.Source)
	set = make(map[string]bool, len(paths))
	for _, p := range paths {
		set[p] = true
	}
	c.mu.Lock()
	c.listed, c.sourcePaths, c.sourceSet, c.sourceDiags = true, paths, set, slices.Clone(list)
	c.mu.Unlock()
	return paths, list, nil
}

// edits returns the response files among the changed paths, and true
// when no changed path can alter the list of response files: each is
// outside content/, an existing response file among known, or a file
// beside a known bundle's index.md, which stands for the index.md.
func edits(fsys fs.FS, changed []string, known map[string]bool) (map[string]bool, bool) {
	out := make(map[string]bool, len(changed))
	for _, p := range changed {
		if p == config.FileName || p == "layouts" || p == "static" ||
			strings.HasPrefix(p, "layouts/") || strings.HasPrefix(p, "static/") {
			continue // read by no response
		}
		if known[p] {
			if info, err := fs.Lstat(fsys, p); err != nil || !info.Mode().IsRegular() {
				return nil, false // gone, or replaced by a folder or link
			}
			out[p] = true
			continue
		}
		index := path.Dir(p) + "/index.md"
		if path.Dir(path.Dir(p)) != content.Dir || !known[index] ||
			strings.HasPrefix(path.Base(p), ".") || strings.HasSuffix(p, ".md") {
			return nil, false
		}
		if info, err := fs.Lstat(fsys, p); err != nil || !info.Mode().IsRegular() {
			return nil, false // gone (a file or a folder?), or a folder or link
		}
		out[index] = true // an attachment written or added
	}
	return out, true
}

// unchanged returns the response loaded last time from path p, for a file
// known not to have changed since.
func (c *Cache) unchanged(p string) (loaded, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.usedResponses != nil {
		c.usedResponses[p] = true
	}
	e, ok := c.responses[p]
	return e.loaded, ok
}

// dropResponse forgets the response loaded from p: its file changed too
// recently for its key to be trusted.
func (c *Cache) dropResponse(p string) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.responses, p)
}

// Stale returns the response files that changed since the last build with
// this cache looked at them: a file whose size or modification time (or,
// for a bundle's index.md, those of a file beside it) differ, and a file
// that appeared or went. After a build given Options.Changed it finds what
// the list left out, such as an event a file watcher missed; rebuilding
// with the paths returned as Options.Changed brings the site up to date.
// It reads no file, looks at each on one goroutine, and returns the paths
// sorted, or nil when nothing changed or no build has run.
func (c *Cache) Stale(fsys fs.FS) []string {
	c.mu.Lock()
	if !c.listed {
		c.mu.Unlock()
		return nil
	}
	known := c.sourceSet
	keys := make(map[string]string, len(c.responses))
	for p, e := range c.responses {
		keys[p] = e.key
	}
	c.mu.Unlock()
	paths, _ := content.Sources(fsys)
	var stale []string
	now := make(map[string]bool, len(paths))
	for _, p := range paths {
		now[p] = true
		if !known[p] {
			stale = append(stale, p) // new
			continue
		}
		if old, ok := keys[p]; ok {
			if key, ok := fileKey(fsys, p); !ok || key != old {
				stale = append(stale, p)
			}
		}
	}
	for p := range known {
		if !now[p] {
			stale = append(stale, p) // gone
		}
	}
	slices.Sort(stale)
	return stale
}

// response returns the response loaded last time from path p when its
// file key is unchanged.
func (c *Cache) response(p, key string) (loaded, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.usedResponses != nil {
		c.usedResponses[p] = true
	}
	e, ok := c.responses[p]
	if !ok || e.key != key {
		return loaded{}, false
	}
	return e.loaded, true
}

func (c *Cache) putResponse(p, key string, l loaded) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.responses[p] = cachedResponse{key, l}
	if c.usedResponses != nil {
		c.usedResponses[p] = true
	}
}

func (c *Cache) markdown(hash string) (rendered, bool) {
	if c == nil {
		return rendered{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	d, ok := c.md[hash]
	if c.usedMD != nil {
		c.usedMD[hash] = true
	}
	return d, ok
}

func (c *Cache) putMarkdown(hash string, d rendered) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.md[hash] = d
	if c.usedMD != nil {
		c.usedMD[hash] = true
	}
}

// page returns the bytes rendered last time for path when they were
// rendered from the same key.
func (c *Cache) page(path, key string) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.usedPages != nil {
		c.usedPages[path] = true
	}
	p, ok := c.pages[path]
	if !ok || p.key != key {
		return nil, false
	}
	return p.data, true
}

func (c *Cache) putPage(path, key string, data []byte) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.pages[path] = cachedPage{key, data}
}

// begin starts recording which entries a build uses.
func (c *Cache) begin() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.usedMD, c.usedPages, c.usedResponses, c.usedTerms = map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
}

// end drops entries the build did not use.
func (c *Cache) end() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for k := range c.md {
		if !c.usedMD[k] {
			delete(c.md, k)
		}
	}
	for k := range c.pages {
		if !c.usedPages[k] {
			delete(c.pages, k)
		}
	}
	for k := range c.responses {
		if !c.usedResponses[k] {
			delete(c.responses, k)
		}
	}
	for k := range c.termsOf {
		if !c.usedTerms[k] {
			delete(c.termsOf, k)
		}
	}
	c.usedMD, c.usedPages, c.usedResponses, c.usedTerms = nil, nil, nil, nil
}
