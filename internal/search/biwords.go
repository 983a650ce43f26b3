package search

import "slices"

// fineBuckets is how many groups biwords are sorted into before they are
// assigned to postings files; the postings bucket count never exceeds it.
const fineBuckets = 1 << 14

// biwords are the pairs of adjacent terms of every document, by hash:
// a phrase query looks up fnv32("stop search") and needs no dictionary of
// pairs, so none is built. Hash collisions (one in millions of pairs) can
// only add a document to a phrase's matches, never lose one.
type biwords struct {
	// fine[f] holds hash<<32 | id for every document id with a biword
	// whose hash has f in its low bits, sorted (by hash, then id).
	fine [][]uint64
	// sizes[f*segments+s] is the bytes fine[f] adds to segment s's file.
	sizes []int
}

// collectBiwords returns the biwords of docs (by id), sized for segs
// segments.
func collectBiwords(docs []*docEntry, segs int, c config) biwords {
	counts := make([]int, fineBuckets)
	for _, e := range docs {
		for _, h := range e.dt.pairs {
			counts[h&(fineBuckets-1)]++
		}
	}
	all := make([]uint64, 0, func() (n int) {
		for _, k := range counts {
			n += k
		}
		return n
	}())
	fine := make([][]uint64, fineBuckets)
	for f, k := range counts {
		fine[f] = all[len(all) : len(all) : len(all)+k]
		all = all[:len(all)+k]
	}
	for id, e := range docs {
		for _, h := range e.dt.pairs {
			f := h & (fineBuckets - 1)
			fine[f] = append(fine[f], uint64(h)<<32|uint64(id))
		}
	}
	bw := biwords{fine: fine, sizes: make([]int, fineBuckets*segs)}
	parallel(fineBuckets, c.workers, func(f int) {
		slices.Sort(fine[f])
		bw.size(f, segs, c.segmentSize)
	})
	return bw
}

// size computes what fine list f adds to each segment's file.
func (bw *biwords) size(f, segs, segSize int) {
	sizes := bw.sizes[f*segs : f*segs+segs]
	clear(sizes)
	forEachGroup(bw.fine[f], segSize, func(s int, ids []uint64) {
		size := 4 + uvarintLen(uint64(len(ids)))
		prev := uint32(s * segSize)
		for _, k := range ids {
			size += uvarintLen(uint64(uint32(k) - prev))
			prev = uint32(k)
		}
		sizes[s] += size + uvarintLen(uint64(size))
	})
}

// add records biword h in document id and returns its fine list.
func (bw *biwords) add(h, id uint32) int {
	f := int(h & (fineBuckets - 1))
	k := uint64(h)<<32 | uint64(id)
	if i, found := slices.BinarySearch(bw.fine[f], k); !found {
		bw.fine[f] = slices.Insert(bw.fine[f], i, k)
	}
	return f
}

// remove forgets biword h of document id and returns its fine list.
func (bw *biwords) remove(h, id uint32) int {
	f := int(h & (fineBuckets - 1))
	if i, found := slices.BinarySearch(bw.fine[f], uint64(h)<<32|uint64(id)); found {
		bw.fine[f] = slices.Delete(bw.fine[f], i, i+1)
	}
	return f
}

// forEachGroup calls fn for each run of one hash's keys within one segment,
// in order.
func forEachGroup(list []uint64, segSize int, fn func(s int, keys []uint64)) {
	for i := 0; i < len(list); {
		j := i + 1
		h, s := list[i]>>32, int(uint32(list[i]))/segSize
		for j < len(list) && list[j]>>32 == h && int(uint32(list[j]))/segSize == s {
			j++
		}
		fn(s, list[i:j])
		i = j
	}
}
