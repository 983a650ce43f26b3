package search

import (
	"crypto/sha256"
	"fmt"
	"slices"
	"sync"
)

// Cache keeps what one build of the index computed for the next, so that
// rebuilding after an edit (foilog serve) redoes only what the edit
// touched: a document whose fields are all unchanged is not analysed
// again; postings, phrase pairs and dictionary counts are updated for the
// changed documents only; and only the files whose bytes change are
// encoded and compressed again.
//
// The zero value is an empty cache, ready to use. A Cache is safe for
// concurrent use; builds take turns. It holds what the latest build used:
// documents and files that leave the index are dropped at once, terms and
// words that no document uses any more once they outnumber a quarter of
// those in use.
type Cache struct {
	mu sync.Mutex
	st *state
}

// NewCache returns an empty Cache.
func NewCache() *Cache { return &Cache{} }

// Build builds the index of docs as Build does, byte for byte, reusing
// the work of the previous build on this cache. It is fastest when few
// documents changed and the others kept their place in date order (an
// edit, or a new newest response); otherwise it still reuses the analysis
// of unchanged documents and the compressed bytes of unchanged files. The
// returned files share memory with the cache: do not modify their Data.
func (c *Cache) Build(docs []Document) (*Index, error) { return c.build(docs, defaultConfig()) }

func (c *Cache) build(in []Document, cfg config) (*Index, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	st := c.st
	if st == nil || st.c != cfg {
		st = newState(cfg)
	}
	docs, entries, err := st.order(in)
	if err != nil {
		return nil, err
	}
	// A build that fails or panics leaves no half-updated state behind.
	c.st = nil
	idx, err := st.build(docs, entries)
	if err == nil {
		c.st = st
	}
	return idx, err
}

// state is everything a Cache keeps between builds: the documents of the
// last build in index order with their analysis, the inverted index, the
// phrase pairs, the dictionaries and every file's compressed bytes. build
// brings it up to date with a new set of documents.
type state struct {
	c        config
	lex      lexicon
	docs     []*docEntry          // by id
	byURL    map[string]*docEntry // the same, by URL
	rebuilds int                  // how many builds rebuilt everything (for tests)
	gen      uint32               // build counter, for the stamps below

	segs   int               // postings segments
	lenSum [nFields]int64    // terms per field over all documents
	avg    [nFields]float64  // average terms per field, for the impacts
	post   []postings        // by term
	hash   []uint32          // fnv32 of each term
	size   []int32           // size[t*segs+s]: bytes term t adds to segment s's file (0: absent)
	pairs  biwords           // phrase pairs
	df     []int32           // documents of each word
	terms  termFiles         // bucketing of the postings files
	dicts  [2]dict           // the prefix (w/) and typo (s/) dictionaries
	tables tables            // facet tables of the last build
	files  map[string]stored // every file of the last build, by path with {hash}

	// per build: what changed
	termStamp   []uint32 // termStamp[t] == gen: t is in dirtyTerms
	dirtyTerms  []int32  // terms whose postings changed
	wordStamp   []uint32 // wordStamp[w] == gen: w is in touched, its df was dfBefore[w]
	dfBefore    []int32
	touched     []int32       // words of changed documents
	changedKeys [2][]*dictKey // dictionary keys whose words or counts changed
	dirtyFine   map[int]bool  // fine pair lists that changed
	dirtyDocs   []int         // ids whose document changed, appeared or went

	// per document replaced: the terms of the old document
	seq      uint32
	docStamp []uint32 // docStamp[t] == seq: t is in the old document, at slot docSlot[t] (-1: also in the new)
	docSlot  []int32
}

// docEntry is one document of the index with its analysis.
type docEntry struct {
	id    int              // position in index order
	seen  uint32           // state.gen of the last build that had it
	doc   Document         // a copy, to tell whether the next build's document is the same
	dt    docTerms         // in the state's lexicon
	q     []byte           // impact of each of dt.ids, as in the postings
	norm  [nFields]float64 // field factors q was computed with
	slack float64          // how far q is from changing (stable)
	stale bool             // q is not computed yet
	meta  metaText         // its text in its document file, once encoded
}

// stored is one file as written last time: the SHA-256 of its encoding and
// its compressed bytes.
type stored struct {
	sum [sha256.Size]byte
	gz  []byte
}

func newState(c config) *state {
	return &state{c: c, lex: newLexicon(), byURL: map[string]*docEntry{}, files: map[string]stored{}}
}

// order returns the documents in index order (docOrder) and, for each,
// its entry when the document is unchanged since the last build (nil when
// it is new or changed). Unchanged documents keep their relative order, so
// only the others are sorted. It returns an error if a URL is empty or
// repeated, and changes nothing but stamps.
func (st *state) order(in []Document) ([]*Document, []*docEntry, error) {
	st.gen++
	for i := range in {
		if in[i].URL == "" {
			return nil, nil, fmt.Errorf("search: document %q has no URL", in[i].Reference)
		}
	}
	kept := make([]*Document, len(st.docs)) // by id
	var fresh []*Document
	var freshURLs map[string]bool
	for i := range in {
		d := &in[i]
		if e := st.byURL[d.URL]; e != nil {
			if e.seen == st.gen {
				return nil, nil, fmt.Errorf("search: two documents have the URL %q", d.URL)
			}
			e.seen = st.gen
			if sameDocument(&e.doc, d) {
				kept[e.id] = d
				continue
			}
		} else {
			if freshURLs == nil {
				freshURLs = map[string]bool{}
			}
			if freshURLs[d.URL] {
				return nil, nil, fmt.Errorf("search: two documents have the URL %q", d.URL)
			}
			freshURLs[d.URL] = true
		}
		fresh = append(fresh, d)
	}
	slices.SortFunc(fresh, docOrder)
	docs := make([]*Document, 0, len(in))
	entries := make([]*docEntry, 0, len(in))
	j := 0
	for id, d := range kept {
		if d == nil {
			continue
		}
		for j < len(fresh) && docOrder(fresh[j], d) < 0 {
			docs, entries = append(docs, fresh[j]), append(entries, nil)
			j++
		}
		docs, entries = append(docs, d), append(entries, st.docs[id])
	}
	for ; j < len(fresh); j++ {
		docs, entries = append(docs, fresh[j]), append(entries, nil)
	}
	return docs, entries, nil
}

// build updates the state to docs, in index order, whose entries are
// given where unchanged, and returns the index.
func (st *state) build(docs []*Document, entries []*docEntry) (*Index, error) {
	st.dirtyTerms, st.touched, st.dirtyDocs = st.dirtyTerms[:0], st.touched[:0], st.dirtyDocs[:0]
	st.changedKeys = [2][]*dictKey{}
	st.dirtyFine = map[int]bool{}
	st.analyseNew(docs, entries)
	var dirty dirtyFiles
	if st.incremental(entries) {
		tables := st.tables
		if !st.sameFacets(entries) {
			tables = newTables(docs)
		}
		dirty = st.update(entries, tables)
		st.tables = tables
	} else {
		st.rebuild(entries)
		st.tables = newTables(docs)
		dirty = dirtyFiles{all: true}
	}
	return st.index(docs, dirty)
}

// analyseNew makes an entry for every document that has none: new and
// changed documents.
func (st *state) analyseNew(docs []*Document, entries []*docEntry) {
	var todo []*Document
	var at []int
	for i, e := range entries {
		if e == nil {
			todo = append(todo, docs[i])
			at = append(at, i)
		}
	}
	if len(todo) == 0 {
		return
	}
	an := analyse(todo, st.c)
	for w, a := range an.analysers {
		var mine []*docTerms
		for j := range todo {
			if an.owner[j] == w {
				mine = append(mine, &an.docs[j])
			}
		}
		st.lex.adopt(a, mine)
	}
	for j, d := range todo {
		e := &docEntry{doc: *d, dt: an.docs[j]}
		e.doc.Topics, e.doc.Exemptions = slices.Clone(d.Topics), slices.Clone(d.Exemptions)
		e.q, e.stale = make([]byte, len(e.dt.ids)), true
		entries[at[j]] = e
	}
}

// sameDocument reports whether a and b have the same value in every field.
func sameDocument(a, b *Document) bool {
	return a.URL == b.URL && a.Title == b.Title && a.Reference == b.Reference && a.Summary == b.Summary &&
		a.Body == b.Body && a.Date == b.Date && a.Year == b.Year && a.Outcome == b.Outcome &&
		a.OutcomeLabel == b.OutcomeLabel && a.Regime == b.Regime && a.Force == b.Force &&
		a.ForceSlug == b.ForceSlug && slices.Equal(a.Topics, b.Topics) && slices.Equal(a.Exemptions, b.Exemptions)
}

// sameFacets reports whether entries, which replace the state's documents
// at a few ids, give the same facet tables: same number of documents, and
// the same facet values and dates.
func (st *state) sameFacets(entries []*docEntry) bool {
	if len(entries) != len(st.docs) {
		return false
	}
	for i, e := range entries {
		if e != st.docs[i] && !sameFacetValues(&st.docs[i].doc, &e.doc) {
			return false
		}
	}
	return true
}

// sameFacetValues reports whether a and b have the same facet values and
// date: the same facet tables and facet file records.
func sameFacetValues(a, b *Document) bool {
	return a.Outcome == b.Outcome && a.OutcomeLabel == b.OutcomeLabel && a.Regime == b.Regime &&
		a.Force == b.Force && a.ForceSlug == b.ForceSlug && a.Year == b.Year && a.Date == b.Date &&
		slices.Equal(a.Topics, b.Topics) && slices.Equal(a.Exemptions, b.Exemptions)
}

// incremental reports whether the state can be updated in place to
// entries: every document that stays keeps its id (its place in date
// order), the segment count is the same and few documents changed.
// Otherwise everything is rebuilt from the entries.
func (st *state) incremental(entries []*docEntry) bool {
	n, p := len(entries), len(st.docs)
	if p == 0 || segments(n, st.c.segmentSize) != st.segs || st.deadWeight() {
		return false
	}
	changed := max(n, p) - min(n, p)
	for i := range min(n, p) {
		if entries[i] != st.docs[i] {
			if entries[i].doc.URL != st.docs[i].doc.URL {
				return false
			}
			changed++
		}
	}
	return changed <= n/4
}

// deadWeight reports whether so many terms and words of the lexicon are
// in no document that it is worth renumbering them (rebuild does).
func (st *state) deadWeight() bool {
	dead, live := unused(st.df)
	for _, p := range st.post {
		if len(p.ids) == 0 {
			dead++
		} else {
			live++
		}
	}
	return st.c.tooManyDead(dead, live)
}

// tooManyDead reports whether dead unused terms and words are more than
// deadSlack and a quarter of the live ones.
func (c *config) tooManyDead(dead, live int) bool { return dead > c.deadSlack+live/4 }

// unused returns how many of the document counts are zero and how many
// are not.
func unused(counts ...[]int32) (zero, nonzero int) {
	for _, list := range counts {
		for _, n := range list {
			if n == 0 {
				zero++
			} else {
				nonzero++
			}
		}
	}
	return zero, nonzero
}
