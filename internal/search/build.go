package search

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// FormatVersion is the version of the index format written by Build, the
// "version" field of the entry file. It changes whenever a reader written
// for the previous version would misread the files (see FORMAT.md).
const FormatVersion = 1

// Dir is the folder, relative to the site root, that holds every file of
// the index.
const Dir = "search/index/"

// Fields of a document, in the order of fieldWeight and fieldB.
const (
	fTitle = iota
	fRef
	fSummary
	fTopics
	fMeta // force, outcome label, regime, exemption titles
	fBody
	nFields
)

// config holds the tunable constants of a build. Tests shrink the sizes to
// exercise segmenting and bucketing on small inputs.
type config struct {
	segmentSize int // documents per postings segment
	facetChunk  int // documents per facet file
	metaChunk   int // documents per result metadata file
	targetShard int // aim for buckets of about this many uncompressed bytes
	maxShard    int // no postings file may exceed this many uncompressed bytes
	maxDict     int // no dictionary file may exceed this many uncompressed bytes
	excerpt     int // longest stored excerpt, in runes
	level       int // gzip level
	workers     int
	deadSlack   int // a Cache renumbers its terms and words when more than this and a quarter of the live ones are in no document

	k1      float64          // BM25 saturation
	weight  [nFields]float64 // BM25F field weights
	b       [nFields]float64 // BM25F length normalisation per field
	citeTF  float64          // pseudo term frequency of a cited provision or section
	refTF   float64          // pseudo term frequency of the reference number
	ncndTF  float64          // pseudo term frequency of ~ncnd for NCND responses
	recency float64          // final score × (1 + recency × (id+1)/N)
}

func defaultConfig() config {
	return config{
		segmentSize: 65536,
		facetChunk:  2048,
		metaChunk:   4,
		targetShard: 12 << 10,
		maxShard:    192 << 10,
		maxDict:     64 << 10,
		excerpt:     280,
		level:       5, // as small as 6 within 0.05%, and faster
		workers:     runtime.GOMAXPROCS(0),
		deadSlack:   4096,
		k1:          1.2,
		//          title ref  summary topics meta body
		weight:  [nFields]float64{3, 3, 1.5, 2, 0.5, 1},
		b:       [nFields]float64{0.3, 0, 0.5, 0, 0, 0.75},
		citeTF:  3,
		refTF:   6,
		ncndTF:  3,
		recency: 0.05,
	}
}

// Build builds the whole index of docs: the entry file and every shard.
// Deterministic: the same documents in any order give byte-identical files
// with the same names. It indexes every document it is given (the caller
// leaves out drafts, embargoed and withdrawn responses) and returns an
// error if a URL is empty or repeated. No documents give a valid, empty
// index. Build is Cache.Build on a new Cache.
func Build(docs []Document) (*Index, error) {
	return build(docs, defaultConfig())
}

func build(docs []Document, c config) (*Index, error) { return new(Cache).build(docs, c) }

// index writes the files of the state, built from docs, and the entry
// file that names them.
func (st *state) index(docs []*Document, dirty dirtyFiles) (*Index, error) {
	c := st.c
	// Each kind of file carries the hash of its kind, so that a change to
	// one kind (the postings, after an edit to a body) leaves the names,
	// and the copies in caches and on hosts, of the others as they were.
	shards, hash, kinds := st.shards(docs, dirty)
	files := make([]File, 0, len(shards)+1)
	for _, f := range shards {
		files = append(files, File{Path: Dir + strings.Replace(f.path, "{hash}", kinds[shardDir(f.path)], 1), Data: f.gz})
	}
	named := func(template string) string { return strings.Replace(template, "{hash}", kinds[shardDir(template)], 1) }
	facetBytes, metaBytes := averageSize(files, Dir+"f/"), averageSize(files, Dir+"m/")

	e := entry{
		Version: FormatVersion,
		Hash:    hash,
		Docs:    len(docs),
		Paths: entryPaths{Terms: named("t/{segment}-{bucket}.{hash}.bin"), Prefix: named("w/{bucket}.{hash}.bin"),
			Suffix: named("s/{bucket}.{hash}.bin"), Facets: named("f/{chunk}.{hash}.bin"), Docs: named("m/{chunk}.{hash}.bin")},
		SegmentSize:   c.segmentSize,
		Segments:      st.segs,
		TermBuckets:   st.terms.buckets,
		PrefixBuckets: st.dicts[0].buckets,
		SuffixBuckets: st.dicts[1].buckets,
		FacetChunk:    c.facetChunk,
		MetaChunk:     c.metaChunk,
		FacetBytes:    facetBytes,
		MetaBytes:     metaBytes,
		Ranking:       entryRanking{K1: c.k1, ImpactMax: c.k1 + 1, Recency: c.recency},
		Outcomes:      st.tables.outcomes.values(),
		Regimes:       st.tables.regimes.values(),
		Forces:        st.tables.forces.values(),
		Topics:        st.tables.topics.values(),
		Years:         st.tables.years,
		Sections:      st.tables.sections,
		Exemptions:    st.tables.exemptions,
		Synonyms:      entrySynonyms(),
	}
	data, err := json.MarshalIndent(e, "", " ")
	if err != nil {
		return nil, fmt.Errorf("search: encode entry: %w", err)
	}
	data = append(data, '\n')
	sum := sha256.Sum256(data)
	entryPath := Dir + "entry." + hex.EncodeToString(sum[:5]) + ".json"
	files = append(files, File{Path: entryPath, Data: data})
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return &Index{Files: files, EntryPath: entryPath}, nil
}

// averageSize returns the mean size of the files under dir, rounded.
func averageSize(files []File, dir string) int {
	n, total := 0, 0
	for _, f := range files {
		if strings.HasPrefix(f.Path, dir) {
			n++
			total += len(f.Data)
		}
	}
	if n == 0 {
		return 0
	}
	return (total + n/2) / n
}

func segments(n, size int) int { return max(1, (n+size-1)/size) }

// docOrder is index order, oldest first: by year, date, reference and
// URL. A document's position is its id, so date order is id order and the
// newest response has the highest id.
func docOrder(a, b *Document) int {
	if c := cmp.Compare(docYear(a), docYear(b)); c != 0 {
		return c
	}
	if c := strings.Compare(a.Date, b.Date); c != 0 {
		return c
	}
	if c := strings.Compare(a.Reference, b.Reference); c != 0 {
		return c
	}
	return strings.Compare(a.URL, b.URL)
}

func docYear(d *Document) int {
	if d.Year != 0 || len(d.Date) < 4 {
		return d.Year
	}
	y, _ := strconv.Atoi(d.Date[:4])
	return y
}

// parallel calls fn(i) for every i in [0, n) on up to workers goroutines.
func parallel(n, workers int, fn func(i int)) {
	workers = max(1, min(workers, n))
	var wg sync.WaitGroup
	next := make(chan int, workers)
	for range workers {
		wg.Go(func() {
			for i := range next {
				fn(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// pow2For returns the smallest power of two b ≥ 1 such that total/b ≤
// target, then doubles it while fits(b) is false, up to limit.
func pow2For(total, target int, limit int, fits func(b int) bool) int {
	b := 1
	for b < limit && total/b > target {
		b *= 2
	}
	for b < limit && !fits(b) {
		b *= 2
	}
	return b
}
