package search

import (
	"encoding/json"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// shardFormat is the first byte of every binary shard (after gunzip).
const shardFormat = 1

// maxBuckets bounds the bucket count of any file kind.
const maxBuckets = 1 << 16

// writeTerms writes the postings files t/{segment}-{bucket} and returns the
// bucket count. A term or biword lives in bucket fnv32(term) mod buckets of
// every segment; the bucket count is the smallest power of two that keeps
// the average file near c.targetShard and every file under c.maxShard.
func writeTerms(out *fileSet, m merged, bw biwords, n int, c config) int {
	segs := segments(n, c.segmentSize)
	nt := len(m.terms)
	hashes := make([]uint32, nt)
	// sizes[g*segs+s]: bytes term g takes in segment s (0 if absent)
	sizes := make([]int32, nt*segs)
	total := 0
	for g, t := range m.terms {
		hashes[g] = fnv32(t)
		ids := m.ids[m.off[g]:m.off[g+1]]
		seg, size, prev := -1, 0, uint32(0)
		for _, id := range ids {
			if s := int(id) / c.segmentSize; s != seg {
				if seg >= 0 {
					sizes[g*segs+seg] = int32(size)
				}
				seg, prev = s, uint32(s*c.segmentSize)
				size = len(t) + 6
			}
			size += uvarintLen(uint64(id-prev)) + 1
			prev = id
		}
		sizes[g*segs+seg] = int32(size)
	}
	for _, s := range sizes {
		total += int(s)
	}
	for _, s := range bw.sizes {
		total += s
	}
	fits := func(b int) bool {
		acc := make([]int, b*segs)
		for f := range fineBuckets {
			for s := range segs {
				acc[s*b+(f&(b-1))] += bw.sizes[f*segs+s]
			}
		}
		for g, h := range hashes {
			k := int(h) & (b - 1)
			for s := range segs {
				acc[s*b+k] += int(sizes[g*segs+s])
			}
		}
		return slices.Max(acc) <= c.maxShard
	}
	buckets := pow2For(total/segs, c.targetShard, fineBuckets, fits)

	files := make([][]int32, buckets*segs) // terms of each file
	for g, h := range hashes {
		k := int(h) & (buckets - 1)
		for s := range segs {
			if sizes[g*segs+s] > 0 {
				files[s*buckets+k] = append(files[s*buckets+k], int32(g))
			}
		}
	}
	raw := make([][]byte, len(files))
	parallel(len(files), c.workers, func(f int) {
		raw[f] = encodeTerms(m, files[f], bw, f%buckets, buckets, f/buckets, c.segmentSize)
	})
	for f, b := range raw {
		out.add("t/"+strconv.Itoa(f/buckets)+"-"+strconv.Itoa(f%buckets)+".{hash}.bin", b)
	}
	return buckets
}

// encodeTerms encodes the postings file of bucket k in segment s (FORMAT.md,
// "Postings files"): the terms in list, then the biwords of the fine lists
// k, k+buckets, k+2·buckets…
func encodeTerms(m merged, list []int32, bw biwords, k, buckets, s, segSize int) []byte {
	slices.SortFunc(list, func(a, b int32) int { return strings.Compare(m.terms[a], m.terms[b]) })
	b := []byte{shardFormat}
	b = appendUvarint(b, uint64(len(list)))
	var blocks []byte
	prevTerm := ""
	for _, g := range list {
		t := m.terms[g]
		ids, qs := m.ids[m.off[g]:m.off[g+1]], m.qs[m.off[g]:m.off[g+1]]
		lo := sort.Search(len(ids), func(i int) bool { return int(ids[i]) >= s*segSize })
		hi := sort.Search(len(ids), func(i int) bool { return int(ids[i]) >= (s+1)*segSize })
		shared := commonPrefix(prevTerm, t)
		b = appendUvarint(b, uint64(shared))
		b = appendUvarint(b, uint64(len(t)-shared))
		b = append(b, t[shared:]...)
		b = appendUvarint(b, uint64(hi-lo))
		start := len(blocks)
		prev := uint32(s * segSize)
		for _, id := range ids[lo:hi] {
			blocks = appendUvarint(blocks, uint64(id-prev))
			prev = id
		}
		blocks = append(blocks, qs[lo:hi]...)
		b = appendUvarint(b, uint64(len(blocks)-start))
		prevTerm = t
	}
	var heads []byte
	count := 0
	for f := k; f < fineBuckets; f += buckets {
		forEachGroup(bw.fine[f], segSize, func(seg int, keys []uint64) {
			if seg != s {
				return
			}
			count++
			heads = append(heads, byte(keys[0]>>56), byte(keys[0]>>48), byte(keys[0]>>40), byte(keys[0]>>32))
			heads = appendUvarint(heads, uint64(len(keys)))
			start := len(blocks)
			prev := uint32(s * segSize)
			for _, key := range keys {
				blocks = appendUvarint(blocks, uint64(uint32(key)-prev))
				prev = uint32(key)
			}
			heads = appendUvarint(heads, uint64(len(blocks)-start))
		})
	}
	b = appendUvarint(b, uint64(count))
	b = append(b, heads...)
	return append(b, blocks...)
}

func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

// prefixKey is the prefix dictionary key of a word: its first two runes
// (the whole word if shorter).
func prefixKey(w string) string {
	_, n1 := utf8.DecodeRuneInString(w)
	if n1 == len(w) {
		return w
	}
	_, n2 := utf8.DecodeRuneInString(w[n1:])
	return w[:n1+n2]
}

// suffixKey is the typo dictionary key of a word of four runes or more:
// its last three runes.
func suffixKey(w string) string {
	i := len(w)
	for range 3 {
		_, n := utf8.DecodeLastRuneInString(w[:i])
		i -= n
	}
	return w[i:]
}

// writeWords writes the prefix dictionary w/{bucket} (words keyed by their
// first two runes) and the typo dictionary s/{bucket} (words of four runes
// or more, without digits, keyed by their last three runes), and returns
// their bucket counts. A key whose words exceed half of c.maxDict keeps
// its most frequent words only.
func writeWords(out *fileSet, words []dictWord, c config) (prefixBuckets, suffixBuckets int) {
	byPrefix := map[string][]int{}
	bySuffix := map[string][]int{}
	for i, w := range words {
		byPrefix[prefixKey(w.word)] = append(byPrefix[prefixKey(w.word)], i)
		if utf8.RuneCountInString(w.word) >= 4 && !hasDigit(w.word) {
			bySuffix[suffixKey(w.word)] = append(bySuffix[suffixKey(w.word)], i)
		}
	}
	prefixBuckets = writeDict(out, "w/", words, byPrefix, c)
	suffixBuckets = writeDict(out, "s/", words, bySuffix, c)
	return prefixBuckets, suffixBuckets
}

func dictLine(w dictWord) string {
	st := w.stem
	if st == w.word {
		st = ""
	}
	return w.word + "\t" + st + "\t" + strconv.Itoa(w.df) + "\n"
}

func writeDict(out *fileSet, dir string, words []dictWord, byKey map[string][]int, c config) int {
	keys := sortedKeys(byKey, strings.Compare)
	hashes := make([]uint32, len(keys))
	sizes := make([]int, len(keys))
	total := 0
	for j, k := range keys {
		list := byKey[k]
		size := 0
		for _, i := range list {
			size += len(dictLine(words[i]))
		}
		if size > c.maxDict/2 {
			// keep the most frequent words that fit, in word order
			bydf := slices.Clone(list)
			slices.SortStableFunc(bydf, func(a, b int) int { return words[b].df - words[a].df })
			size = 0
			keep := bydf[:0]
			for _, i := range bydf {
				l := len(dictLine(words[i]))
				if size+l > c.maxDict/2 {
					break
				}
				size += l
				keep = append(keep, i)
			}
			slices.Sort(keep)
			byKey[k] = keep
		}
		hashes[j] = fnv32(k)
		sizes[j] = size
		total += size
	}
	fits := func(b int) bool {
		acc := make([]int, b)
		for j, h := range hashes {
			acc[int(h)&(b-1)] += sizes[j]
			if acc[int(h)&(b-1)] > c.maxDict {
				return false
			}
		}
		return true
	}
	buckets := pow2For(total, c.targetShard, maxBuckets, fits)
	files := make([][]int, buckets)
	for j, h := range hashes {
		k := int(h) & (buckets - 1)
		files[k] = append(files[k], byKey[keys[j]]...)
	}
	for k, list := range files {
		slices.Sort(list) // word order
		var b strings.Builder
		for _, i := range list {
			b.WriteString(dictLine(words[i]))
		}
		out.add(dir+strconv.Itoa(k)+".{hash}.bin", []byte(b.String()))
	}
	return buckets
}

// writeFacets writes the facet files f/{chunk}: per document its force,
// outcome, regime, topics and provisions, as numbers into the entry's
// tables (FORMAT.md, "Facet files").
func writeFacets(out *fileSet, docs []*Document, t tables, c config) {
	for lo := 0; lo < len(docs); lo += c.facetChunk {
		chunk := docs[lo:min(len(docs), lo+c.facetChunk)]
		b := []byte{shardFormat}
		b = appendUvarint(b, uint64(len(chunk)))
		for _, d := range chunk {
			b = appendUvarint(b, uint64(t.forces.id(d.ForceSlug)+1))
		}
		for _, d := range chunk {
			b = appendUvarint(b, uint64(t.outcomes.id(d.Outcome)+1))
		}
		for _, d := range chunk {
			b = appendUvarint(b, uint64(t.regimes.id(regimeSlug(d.Regime))+1))
		}
		for _, d := range chunk {
			ids := topicIDs(d, t)
			b = appendUvarint(b, uint64(len(ids)))
			for _, id := range ids {
				b = appendUvarint(b, uint64(id))
			}
		}
		for _, d := range chunk {
			ids := exemptionIDs(d, t)
			b = appendUvarint(b, uint64(len(ids)))
			for _, id := range ids {
				b = appendUvarint(b, uint64(id))
			}
		}
		out.add("f/"+strconv.Itoa(lo/c.facetChunk)+".{hash}.bin", b)
	}
}

func topicIDs(d *Document, t tables) []int {
	var ids []int
	for _, f := range uniqueFacets(d.Topics) {
		ids = append(ids, t.topics.id(f.Slug))
	}
	slices.Sort(ids)
	return ids
}

func exemptionIDs(d *Document, t tables) []int {
	var ids []int
	for _, x := range uniqueExemptions(d.Exemptions) {
		ids = append(ids, t.exIndex[x.Slug])
	}
	slices.Sort(ids)
	return ids
}

// writeMeta writes the result metadata files m/{chunk}: a JSON array with
// one array per document (FORMAT.md, "Document files").
func writeMeta(out *fileSet, docs []*Document, t tables, c config) {
	for lo := 0; lo < len(docs); lo += c.metaChunk {
		chunk := docs[lo:min(len(docs), lo+c.metaChunk)]
		recs := make([][]any, len(chunk))
		for i, d := range chunk {
			recs[i] = []any{d.URL, d.Title, d.Reference, d.Date,
				t.outcomes.id(d.Outcome), t.forces.id(d.ForceSlug), orEmpty(exemptionIDs(d, t)),
				excerpt(d, c.excerpt), t.regimes.id(regimeSlug(d.Regime)), orEmpty(topicIDs(d, t))}
		}
		b, _ := json.Marshal(recs) // strings, ints and int slices only
		out.add("m/"+strconv.Itoa(lo/c.metaChunk)+".{hash}.bin", b)
	}
}

func orEmpty(s []int) []int {
	if s == nil {
		return []int{}
	}
	return s
}

// excerpt returns the text shown under a result: the summary (or, without
// one, the body) with runs of white space collapsed, cut at a word boundary
// to at most limit runes with "…" appended when cut.
func excerpt(d *Document, limit int) string {
	text := d.Summary
	if strings.TrimSpace(text) == "" {
		text = d.Body
	}
	text = strings.Join(strings.Fields(text), " ")
	if utf8.RuneCountInString(text) <= limit {
		return text
	}
	cut, n := 0, 0
	for i, r := range text {
		if n == limit-1 {
			if cut == 0 {
				cut = i
			}
			break
		}
		if r == ' ' {
			cut = i
		}
		n++
	}
	return strings.TrimRight(text[:cut], " ,;:.") + "…"
}
