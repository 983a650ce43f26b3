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

func collectBiwords(an analysis, n int, c config) biwords {
	fine := make([][]uint64, fineBuckets)
	for id, d := range an.docs {
		for _, h := range d.pairs {
			f := h & (fineBuckets - 1)
			fine[f] = append(fine[f], uint64(h)<<32|uint64(id))
		}
	}
	segs := segments(n, c.segmentSize)
	sizes := make([]int, fineBuckets*segs)
	parallel(fineBuckets, c.workers, func(f int) {
		list := fine[f]
		slices.Sort(list)
		forEachGroup(list, c.segmentSize, func(s int, ids []uint64) {
			size := 4 + uvarintLen(uint64(len(ids)))
			prev := uint32(s * c.segmentSize)
			for _, k := range ids {
				size += uvarintLen(uint64(uint32(k) - prev))
				prev = uint32(k)
			}
			sizes[f*segs+s] += size + uvarintLen(uint64(size))
		})
	})
	return biwords{fine: fine, sizes: sizes}
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
