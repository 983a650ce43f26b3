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
// index.
func Build(docs []Document) (*Index, error) {
	return build(docs, defaultConfig())
}

func build(in []Document, c config) (*Index, error) {
	docs, err := sortDocs(in)
	if err != nil {
		return nil, err
	}
	tables := newTables(docs)
	an := analyse(docs, c)
	post := invert(an, c)
	pairs := collectBiwords(an, len(docs), c)
	words := dictionary(an)

	var out fileSet
	termBuckets := writeTerms(&out, post, pairs, len(docs), c)
	prefixBuckets, suffixBuckets := writeWords(&out, words, c)
	writeFacets(&out, docs, tables, c)
	writeMeta(&out, docs, tables, c)
	files := out.finish(c)
	facetBytes, metaBytes := averageSize(files, Dir+"f/"), averageSize(files, Dir+"m/")

	e := entry{
		Version:       FormatVersion,
		Hash:          out.hash,
		Docs:          len(docs),
		Paths:         entryPaths{Terms: "t/{segment}-{bucket}.{hash}.bin", Prefix: "w/{bucket}.{hash}.bin", Suffix: "s/{bucket}.{hash}.bin", Facets: "f/{chunk}.{hash}.bin", Docs: "m/{chunk}.{hash}.bin"},
		SegmentSize:   c.segmentSize,
		Segments:      segments(len(docs), c.segmentSize),
		TermBuckets:   termBuckets,
		PrefixBuckets: prefixBuckets,
		SuffixBuckets: suffixBuckets,
		FacetChunk:    c.facetChunk,
		MetaChunk:     c.metaChunk,
		FacetBytes:    facetBytes,
		MetaBytes:     metaBytes,
		Ranking:       entryRanking{K1: c.k1, ImpactMax: c.k1 + 1, Recency: c.recency},
		Outcomes:      tables.outcomes.values(),
		Regimes:       tables.regimes.values(),
		Forces:        tables.forces.values(),
		Topics:        tables.topics.values(),
		Years:         tables.years,
		Sections:      tables.sections,
		Exemptions:    tables.exemptions,
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

// sortDocs returns the documents in index order, oldest first: by year,
// date, reference and URL. A document's position is its id, so date order
// is id order and the newest response has the highest id.
func sortDocs(in []Document) ([]*Document, error) {
	docs := make([]*Document, len(in))
	for i := range in {
		d := &in[i]
		if d.URL == "" {
			return nil, fmt.Errorf("search: document %q has no URL", d.Reference)
		}
		docs[i] = d
	}
	slices.SortFunc(docs, func(a, b *Document) int {
		return cmp.Or(cmp.Compare(docYear(a), docYear(b)), strings.Compare(a.Date, b.Date),
			strings.Compare(a.Reference, b.Reference), strings.Compare(a.URL, b.URL))
	})
	for i := 1; i < len(docs); i++ {
		if docs[i].URL == docs[i-1].URL {
			return nil, fmt.Errorf("search: two documents have the URL %q", docs[i].URL)
		}
	}
	return docs, nil
}

func docYear(d *Document) int {
	if d.Year != 0 || len(d.Date) < 4 {
		return d.Year
	}
	y, _ := strconv.Atoi(d.Date[:4])
	return y
}

// fileSet collects the shards; their names carry one hash of all of them.
type fileSet struct {
	files []pendingFile
	hash  string
}

type pendingFile struct {
	path string // with {hash} still in it
	raw  []byte
}

func (s *fileSet) add(path string, raw []byte) { s.files = append(s.files, pendingFile{path, raw}) }

// finish compresses every file (in parallel), computes the index hash over
// the compressed files in path order and names the files with it.
func (s *fileSet) finish(c config) []File {
	slices.SortFunc(s.files, func(a, b pendingFile) int { return strings.Compare(a.path, b.path) })
	gz := make([][]byte, len(s.files))
	var writers sync.Pool // a gzip.Writer allocates 800 KB: reuse them
	parallel(len(s.files), c.workers, func(i int) {
		z, _ := writers.Get().(*gzipper)
		if z == nil {
			z = newGzipper(c.level)
		}
		gz[i] = z.compress(s.files[i].raw)
		writers.Put(z)
	})
	h := sha256.New()
	for i, f := range s.files {
		fmt.Fprintf(h, "%s %d\n", f.path, len(gz[i]))
		h.Write(gz[i])
	}
	s.hash = hex.EncodeToString(h.Sum(nil)[:5])
	files := make([]File, len(s.files))
	for i, f := range s.files {
		files[i] = File{Path: Dir + strings.Replace(f.path, "{hash}", s.hash, 1), Data: gz[i]}
	}
	return files
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
