package search

import (
	"math"
	"slices"
	"sort"
	"strings"
)

// postings are one term's documents, ascending, with their impacts.
type postings struct {
	ids []uint32
	qs  []byte
}

func (p *postings) insert(id uint32, q byte) {
	i, _ := slices.BinarySearch(p.ids, id)
	p.ids = slices.Insert(p.ids, i, id)
	p.qs = slices.Insert(p.qs, i, q)
}

func (p *postings) remove(id uint32) {
	if i, ok := slices.BinarySearch(p.ids, id); ok {
		p.ids = slices.Delete(p.ids, i, i+1)
		p.qs = slices.Delete(p.qs, i, i+1)
	}
}

func (p *postings) set(id uint32, q byte) {
	if i, ok := slices.BinarySearch(p.ids, id); ok {
		p.qs[i] = q
	}
}

// averages returns the average number of terms per field, the avglen_f
// of BM25F, from the sum over n documents.
func averages(sum [nFields]int64, n int) [nFields]float64 {
	var avg [nFields]float64
	for f := range avg {
		avg[f] = float64(sum[f]) / float64(max(1, n))
	}
	return avg
}

// norms returns the BM25F factor of each field of a document:
// weight_f / (1 − b_f + b_f·len_f/avglen_f).
func (c *config) norms(dt *docTerms, avg *[nFields]float64) [nFields]float64 {
	var norm [nFields]float64
	for f := range norm {
		norm[f] = c.weight[f]
		if avg[f] > 0 {
			norm[f] /= 1 - c.b[f] + c.b[f]*float64(dt.lens[f])/avg[f]
		}
	}
	return norm
}

// impacts writes the impact byte of each of dt's terms into q, given the
// field factors norm, and returns the slack: how close the unrounded
// impact of any term is to an integer, among the terms whose impact can
// change (those in a field with length normalisation, b > 0: the factors
// of the others are their constant weights). No impact changes until one
// of them moves that far (see stable).
func (c *config) impacts(dt *docTerms, norm *[nFields]float64, q []byte) (slack float64) {
	k1 := c.k1
	slack = 1
	impact := func(tf float64, n *[nFields]uint16) byte {
		x := impactX(tf, n, norm, k1)
		for f := range nFields {
			if n[f] > 0 && c.b[f] != 0 {
				slack = min(slack, x-math.Floor(x), math.Ceil(x)-x)
				break
			}
		}
		return byte(min(255, max(1, math.Ceil(x))))
	}
	// Most terms of a document occur only in the body, a few times: their
	// impacts are computed once per count.
	var memo [32]byte
	q = q[:len(dt.ids)]
	fields := dt.fields
	for i, nb := range dt.body[:len(q)] {
		if len(fields) > 0 && fields[0].slot == int32(i) {
			var n [nFields]uint16
			n[fBody] = nb
			for ; len(fields) > 0 && fields[0].slot == int32(i); fields = fields[1:] {
				n[fields[0].f] = fields[0].n
			}
			q[i] = impact(0, &n)
			continue
		}
		if int(nb) >= len(memo) {
			q[i] = impact(0, &[nFields]uint16{fBody: nb})
			continue
		}
		if memo[nb] == 0 {
			memo[nb] = impact(0, &[nFields]uint16{fBody: nb})
		}
		q[i] = memo[nb]
	}
	for _, e := range dt.extra {
		n := dt.counts(int(e.slot))
		q[e.slot] = impact(float64(e.tf), &n)
	}
	return slack
}

// stable reports whether impacts computed with the field factors ref,
// with the given slack, are the same with the factors norm. The unrounded
// impact of a term is x(t) = 255·t/(k1+t), t = extra + Σ n_f·norm_f its
// pseudo frequency. When every factor moves by at most r times the smaller
// of its two values, t moves by at most r·t_lo, so x by at most
// x'(t_lo)·r·t_lo = 255·k1·r·t_lo/(k1+t_lo)² ≤ 255·r/4, whatever the
// counts. Below the slack (with a margin for rounding) no impact crosses
// an integer, and its ceiling, the byte, stays.
func stable(norm, ref *[nFields]float64, slack float64) bool {
	r := 0.0
	for f := range nFields {
		lo := min(norm[f], ref[f])
		if lo <= 0 {
			return false
		}
		r = max(r, math.Abs(norm[f]-ref[f])/lo)
	}
	return 255.0/4*r*(1+1e-6)+1e-9 < slack
}

// impactX is the unrounded impact 255·s/(k1+1) of a term that occurs n[f]
// times in field f and has the fixed pseudo frequency tf, given the field
// factors norm: s = tf'·(k1+1)/(k1+tf'), where tf' is the BM25F pseudo
// frequency Σ n_f·norm_f plus tf (FORMAT.md, "Impact"). The impact byte is
// its ceiling, clamped to 1…255; the browser multiplies s by the term's
// idf.
func impactX(tf float64, n *[nFields]uint16, norm *[nFields]float64, k1 float64) float64 {
	for f := range nFields {
		if n[f] > 0 {
			tf += float64(n[f]) * norm[f]
		}
	}
	s := tf * (k1 + 1) / (k1 + tf)
	return 255 * s / (k1 + 1)
}

// sizeTerm computes how many bytes term t adds to the postings file of
// each segment (0 where it has no documents): the estimate that chooses
// the bucket count.
func (st *state) sizeTerm(t int32) {
	segs, segSize := st.segs, st.c.segmentSize
	sizes := st.size[int(t)*segs : int(t)*segs+segs]
	clear(sizes)
	n := len(st.lex.terms[t])
	seg, size, prev := -1, 0, uint32(0)
	for _, id := range st.post[t].ids {
		if s := int(id) / segSize; s != seg {
			if seg >= 0 {
				sizes[seg] = int32(size)
			}
			seg, prev = s, uint32(s*segSize)
			size = n + 6
		}
		size += uvarintLen(uint64(id-prev)) + 1
		prev = id
	}
	if seg >= 0 {
		sizes[seg] = int32(size)
	}
}

// termFiles is the bucketing of the postings files t/{segment}-{bucket}:
// a term or biword lives in bucket fnv32(term) mod buckets of every
// segment.
type termFiles struct {
	buckets int
	lists   [][]int32 // the terms of each bucket that have documents, by text
}

// termBuckets returns the bucket count: the smallest power of two that
// keeps the average postings file near c.targetShard and every file under
// c.maxShard.
func (st *state) termBuckets() int {
	segs := st.segs
	total := 0
	for _, s := range st.size {
		total += int(s)
	}
	for _, s := range st.pairs.sizes {
		total += s
	}
	fits := func(b int) bool {
		acc := make([]int, b*segs)
		for f := range fineBuckets {
			for s := range segs {
				acc[s*b+(f&(b-1))] += st.pairs.sizes[f*segs+s]
			}
		}
		for t, h := range st.hash {
			k := int(h) & (b - 1)
			for s := range segs {
				acc[s*b+k] += int(st.size[t*segs+s])
			}
		}
		return slices.Max(acc) <= st.c.maxShard
	}
	return pow2For(total/segs, st.c.targetShard, fineBuckets, fits)
}

// listTerms puts every term that has documents in its bucket's list.
func (st *state) listTerms(buckets int) {
	st.terms = termFiles{buckets: buckets, lists: make([][]int32, buckets)}
	for t, h := range st.hash {
		if len(st.post[t].ids) > 0 {
			k := int(h) & (buckets - 1)
			st.terms.lists[k] = append(st.terms.lists[k], int32(t))
		}
	}
	parallel(buckets, st.c.workers, func(k int) { slices.SortFunc(st.terms.lists[k], st.byText) })
}

func (st *state) byText(a, b int32) int { return strings.Compare(st.lex.terms[a], st.lex.terms[b]) }

// relist adds term t to its bucket's list or takes it out, as it has
// documents or not.
func (st *state) relist(t int32) {
	list := &st.terms.lists[int(st.hash[t])&(st.terms.buckets-1)]
	i, found := slices.BinarySearchFunc(*list, t, st.byText)
	switch live := len(st.post[t].ids) > 0; {
	case live && !found:
		*list = slices.Insert(*list, i, t)
	case !live && found:
		*list = slices.Delete(*list, i, i+1)
	}
}

// encodeTerms encodes the postings file of bucket k in segment s (FORMAT.md,
// "Postings files"): the bucket's terms, then the biwords of the fine lists
// k, k+buckets, k+2·buckets…
func (st *state) encodeTerms(s, k int) []byte {
	segs, segSize, buckets := st.segs, st.c.segmentSize, st.terms.buckets
	var list []int32
	for _, t := range st.terms.lists[k] {
		if st.size[int(t)*segs+s] > 0 {
			list = append(list, t)
		}
	}
	b := []byte{shardFormat}
	b = appendUvarint(b, uint64(len(list)))
	var blocks []byte
	prevTerm := ""
	for _, g := range list {
		t := st.lex.terms[g]
		ids, qs := st.post[g].ids, st.post[g].qs
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
		forEachGroup(st.pairs.fine[f], segSize, func(seg int, keys []uint64) {
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
