package site

import (
	"sync"

	"github.com/foilog/foilog/internal/content"
	"github.com/foilog/foilog/internal/diag"
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
	// termsOf holds search.Terms of each response's title and summary;
	// rel the last related-responses answer and the key of its input.
	termsOf   map[string][]string
	usedTerms map[string]bool
	relKey    string
	rel       [][]int

	usedMD        map[string]bool
	usedPages     map[string]bool
	usedResponses map[string]bool
	index         *search.Cache // the search index, which keeps only what its last build used
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

// related returns the last related-responses answer when it was computed
// from input with the same key.
func (c *Cache) related(key string) ([][]int, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.rel, c.relKey == key && c.rel != nil
}

func (c *Cache) putRelated(key string, rel [][]int) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.relKey, c.rel = key, rel
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
