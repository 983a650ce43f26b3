package search

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"testing"
)

// reader decodes an Index the way search-core.js does, so that Go tests
// can check what a query term finds.
type reader struct {
	t     *testing.T
	files map[string][]byte
	entry entry
}

func newReader(t *testing.T, idx *Index) *reader {
	t.Helper()
	r := &reader{t: t, files: map[string][]byte{}}
	for _, f := range idx.Files {
		r.files[f.Path] = f.Data
	}
	if err := json.Unmarshal(r.files[idx.EntryPath], &r.entry); err != nil {
		t.Fatalf("entry: %v", err)
	}
	return r
}

func (r *reader) raw(path string) []byte {
	r.t.Helper()
	data, ok := r.files[path]
	if !ok {
		r.t.Fatalf("missing file %s", path)
	}
	z, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		r.t.Fatalf("%s: %v", path, err)
	}
	b, err := io.ReadAll(z)
	if err != nil {
		r.t.Fatalf("%s: %v", path, err)
	}
	return b
}

func (r *reader) path(tmpl string, vars ...string) string {
	p := strings.Replace(tmpl, "{hash}", r.entry.Hash, 1)
	for i := 0; i < len(vars); i += 2 {
		p = strings.Replace(p, "{"+vars[i]+"}", vars[i+1], 1)
	}
	return Dir + p
}

type hit struct {
	id int
	q  byte
}

// lookup returns the postings of term across all segments.
func (r *reader) lookup(term string) []hit {
	r.t.Helper()
	var hits []hit
	bucket := int(fnv32(term)) & (r.entry.TermBuckets - 1)
	for s := range r.entry.Segments {
		b := r.raw(r.path(r.entry.Paths.Terms, "segment", strconv.Itoa(s), "bucket", strconv.Itoa(bucket)))
		if b[0] != shardFormat {
			r.t.Fatalf("format byte %d", b[0])
		}
		p := 1
		next := func() int {
			x, n := binary.Uvarint(b[p:])
			p += n
			return int(x)
		}
		count := next()
		type head struct {
			term      string
			df, block int
		}
		heads := make([]head, count)
		prev := ""
		for i := range heads {
			shared, l := next(), next()
			name := prev[:shared] + string(b[p:p+l])
			p += l
			heads[i] = head{name, next(), next()}
			prev = name
		}
		// biwords: 4-byte hash, df, block length
		pairs := next()
		want := fnv32(term)
		type phead struct {
			hash      uint32
			df, block int
		}
		pheads := make([]phead, pairs)
		for i := range pheads {
			pheads[i].hash = binary.BigEndian.Uint32(b[p:])
			p += 4
			pheads[i].df, pheads[i].block = next(), next()
		}
		// blocks: the terms', then the biwords'
		for _, h := range heads {
			if h.term == term {
				hits = append(hits, block(b[p:], h.df, s*r.entry.SegmentSize, true)...)
			}
			p += h.block
		}
		for _, h := range pheads {
			if h.hash == want && strings.Contains(term, " ") {
				hits = append(hits, block(b[p:], h.df, s*r.entry.SegmentSize, false)...)
			}
			p += h.block
		}
	}
	return hits
}

// block decodes df delta-coded ids (and, with impacts, the df impact
// bytes after them).
func block(b []byte, df, first int, impacts bool) []hit {
	hits := make([]hit, df)
	id, p := first, 0
	for i := range hits {
		d, n := binary.Uvarint(b[p:])
		p += n
		id += int(d)
		hits[i].id = id
	}
	if impacts {
		for i := range hits {
			hits[i].q = b[p+i]
		}
	}
	return hits
}

// urls returns the URLs of the documents term finds, in id order.
func (r *reader) urls(term string) []string {
	var out []string
	for _, h := range r.lookup(term) {
		out = append(out, r.doc(h.id)[0].(string))
	}
	return out
}

// doc returns the metadata record of document id.
func (r *reader) doc(id int) []any {
	r.t.Helper()
	var recs [][]any
	b := r.raw(r.path(r.entry.Paths.Docs, "chunk", strconv.Itoa(id/r.entry.MetaChunk)))
	if err := json.Unmarshal(b, &recs); err != nil {
		r.t.Fatal(err)
	}
	return recs[id%r.entry.MetaChunk]
}

// allURLs returns every document URL in the index, in id order.
func (r *reader) allURLs() []string {
	var out []string
	for id := range r.entry.Docs {
		out = append(out, r.doc(id)[0].(string))
	}
	return out
}
