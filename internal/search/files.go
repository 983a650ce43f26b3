package search

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// dirtyFiles names the files a build encodes again; the others keep the
// bytes of the previous build. A file the previous build did not write is
// always encoded.
type dirtyFiles struct {
	all   bool            // every file
	dirs  map[string]bool // every file under these folders ("t/", "w/", …)
	paths map[string]bool // these files, by path with {hash}
}

func (d *dirtyFiles) has(dir, path string) bool { return d.all || d.dirs[dir] || d.paths[path] }

// terms marks postings file bucket k of every segment.
func (d *dirtyFiles) terms(segs, buckets, k int) {
	for s := range segs {
		d.paths[termPath(s, k)] = true
	}
}

func termPath(s, k int) string { return "t/" + strconv.Itoa(s) + "-" + strconv.Itoa(k) + ".{hash}.bin" }

func bucketPath(dir string, k int) string { return dir + strconv.Itoa(k) + ".{hash}.bin" }

// shard is one file of a build on its way out.
type shard struct {
	path   string // with {hash} still in it
	encode func() []byte
	sum    [sha256.Size]byte // of the encoding
	gz     []byte
}

// shards returns every file but the entry, sorted by path, with the index
// hash over them and the hash of each kind of file over the files of that
// kind, by folder ("t/", "w/", "s/", "f/", "m/"): the first 10 hex digits
// of a SHA-256 of every path, length and compressed bytes. Files that are
// not dirty keep their bytes from the previous build; the others are
// encoded, and compressed unless the encoding has the same SHA-256 as
// last time.
func (st *state) shards(docs []*Document, dirty dirtyFiles) ([]shard, string, map[string]string) {
	var out []shard
	add := func(dir, path string, encode func() []byte) {
		if old, ok := st.files[path]; ok && !dirty.has(dir, path) {
			out = append(out, shard{path: path, sum: old.sum, gz: old.gz})
			return
		}
		out = append(out, shard{path: path, encode: encode})
	}
	for s := range st.segs {
		for k := range st.terms.buckets {
			add("t/", termPath(s, k), func() []byte { return st.encodeTerms(s, k) })
		}
	}
	for i := range st.dicts {
		d := &st.dicts[i]
		for k := range d.buckets {
			add(d.dir, bucketPath(d.dir, k), func() []byte { return st.encodeDict(d, k) })
		}
	}
	c := st.c
	for lo := 0; lo < len(docs); lo += c.facetChunk {
		chunk := docs[lo:min(len(docs), lo+c.facetChunk)]
		add("f/", bucketPath("f/", lo/c.facetChunk), func() []byte { return encodeFacets(chunk, &st.tables) })
	}
	for lo := 0; lo < len(docs); lo += c.metaChunk {
		chunk := st.docs[lo:min(len(docs), lo+c.metaChunk)] // the entries of docs
		add("m/", bucketPath("m/", lo/c.metaChunk), func() []byte { return encodeMetaEntries(chunk, &st.tables, c) })
	}

	var todo []int
	for i := range out {
		if out[i].encode != nil {
			todo = append(todo, i)
		}
	}
	var gzippers sync.Pool // a gzip.Writer allocates 800 KB: reuse them
	parallel(len(todo), c.workers, func(i int) {
		f := &out[todo[i]]
		raw := f.encode()
		f.sum = sha256.Sum256(raw)
		if old, ok := st.files[f.path]; ok && old.sum == f.sum {
			f.gz = old.gz
			return
		}
		z, _ := gzippers.Get().(*gzipper)
		if z == nil {
			z = newGzipper(c.level)
		}
		f.gz = z.compress(raw)
		gzippers.Put(z)
	})

	slices.SortFunc(out, func(a, b shard) int { return strings.Compare(a.path, b.path) })
	h := sha256.New()
	kinds := map[string]hash.Hash{}
	for _, dir := range shardDirs {
		kinds[dir] = sha256.New()
	}
	files := make(map[string]stored, len(out))
	for _, f := range out {
		kh := kinds[shardDir(f.path)]
		for _, w := range []io.Writer{h, kh} {
			fmt.Fprintf(w, "%s %d\n", f.path, len(f.gz))
			w.Write(f.gz)
		}
		files[f.path] = stored{sum: f.sum, gz: f.gz}
	}
	st.files = files
	sums := make(map[string]string, len(kinds))
	for dir, kh := range kinds {
		sums[dir] = hex.EncodeToString(kh.Sum(nil)[:5])
	}
	return out, hex.EncodeToString(h.Sum(nil)[:5]), sums
}

// shardDirs are the folders of the kinds of file of an index.
var shardDirs = []string{"t/", "w/", "s/", "f/", "m/"}

// shardDir returns the folder of a file's path ("t/" for "t/0-3.{hash}.bin").
func shardDir(path string) string { return path[:strings.IndexByte(path, '/')+1] }
