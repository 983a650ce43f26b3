package related

import (
	"slices"
	"sync"
)

// Cache keeps the index and answer of one Compute for the next, so that
// recomputing after an edit (foilog serve) redoes only what the edit
// touched. When the documents are the last call's with the same Date and
// Key at every index and new exemptions, topics or terms in a few of
// them, only the documents whose answer can change are scored again:
// those edited and those sharing a feature the edit added or removed.
// Otherwise everything is computed again.
//
// The zero value is an empty cache, ready to use. A Cache is safe for
// concurrent use; calls take turns.
type Cache struct {
	mu   sync.Mutex
	k    int
	docs []Doc
	ix   *index
	out  [][]int
	full int // how many calls computed everything (for tests)
}

// maxEdited is the share of documents above which Cache.Compute computes
// everything again rather than update.
const maxEdited = 16 // one in

// Compute returns what Compute(docs, k) returns, reusing the work of the
// previous call on this cache. The cache keeps docs: do not modify them,
// or the slices in them, afterwards. The inner slices of the result are
// shared with the cache and with later results: do not modify them.
func (c *Cache) Compute(docs []Doc, k int) [][]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(docs) < 2 || k <= 0 {
		c.ix, c.docs, c.out = nil, nil, nil
		return make([][]int, len(docs))
	}
	edited, ok := c.edited(docs, k)
	switch {
	case !ok || len(edited) > len(docs)/maxEdited:
		c.ix = build(docs)
		c.full++
		c.out = make([][]int, len(docs))
		c.ix.similarAll(nil, k, c.out)
	case len(edited) > 0:
		c.ix.similarAll(c.ix.update(docs, edited), k, c.out)
	}
	c.k, c.docs = k, docs
	return slices.Clone(c.out)
}

// edited returns the indexes of docs whose features differ from the last
// call's, and false when docs cannot be an update of the last call: no
// index, another k or length, or another Date or Key somewhere.
func (c *Cache) edited(docs []Doc, k int) ([]int, bool) {
	if c.ix == nil || k != c.k || len(docs) != len(c.docs) {
		return nil, false
	}
	var edited []int
	for i := range docs {
		a, b := &docs[i], &c.docs[i]
		if a.Date != b.Date || a.Key != b.Key {
			return nil, false
		}
		if !slices.Equal(a.Exemptions, b.Exemptions) || !slices.Equal(a.Topics, b.Topics) || !slices.Equal(a.Terms, b.Terms) {
			edited = append(edited, i)
		}
	}
	return edited, true
}

// update gives the documents at the edited input indexes their features
// in docs, and returns the ranks whose answer may have changed, ascending:
// the edited documents and every holder of a feature one of them gained
// or lost. Only those features change their document count, so only
// their weights can change, and only their holders' walks and windows.
func (ix *index) update(docs []Doc, edited []int) []int32 {
	oldDF := map[int32]int32{} // features gained or lost: their count before
	touch := func(f int32) {
		if _, ok := oldDF[f]; !ok {
			oldDF[f] = ix.df[f]
		}
	}
	for _, i := range edited {
		r := ix.rankOf[i]
		before, after := ix.feats[r], ix.features(&docs[i])
		for a, b := 0, 0; a < len(before) || b < len(after); {
			switch {
			case b == len(after) || a < len(before) && before[a] < after[b]:
				f := before[a]
				touch(f)
				at, _ := slices.BinarySearch(ix.post[f], r)
				ix.post[f] = slices.Delete(ix.post[f], at, at+1)
				ix.df[f]--
				a++
			case a == len(before) || after[b] < before[a]:
				f := after[b]
				touch(f)
				at, _ := slices.BinarySearch(ix.post[f], r)
				ix.post[f] = slices.Insert(ix.post[f], at, r)
				ix.df[f]++
				b++
			default:
				a++
				b++
			}
		}
		ix.feats[r] = after
	}

	mark := make([]bool, len(ix.byRank))
	relist := make([]bool, len(ix.byRank))
	for _, i := range edited {
		r := ix.rankOf[i]
		mark[r], relist[r] = true, true
	}
	for f, before := range oldDF {
		w := ix.weightOf(f)
		moved := w != ix.weight[f] || (before > walkLimit) != (ix.df[f] > walkLimit)
		ix.weight[f] = w
		for _, r := range ix.post[f] {
			mark[r] = true
			if moved {
				relist[r] = true
			}
		}
	}
	var ranks []int32
	for r := range mark {
		if relist[r] {
			ix.lists(int32(r))
		}
		if mark[r] {
			ranks = append(ranks, int32(r))
		}
	}
	return ranks
}
