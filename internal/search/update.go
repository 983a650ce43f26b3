package search

import "sync"

// rebuild makes the state hold entries, computing everything from their
// analysis: what the first build does, and any build after a change that
// moved documents in date order. It renumbers the lexicon to the terms and
// words of entries when many others are in it.
func (st *state) rebuild(entries []*docEntry) {
	c := st.c
	st.rebuilds++
	df, wdf := st.lex.counts(entries)
	if c.tooManyDead(unused(df, wdf)) {
		st.lex = st.lex.compact(entries)
		df, wdf = st.lex.counts(entries)
	}
	st.docs = entries
	st.byURL = make(map[string]*docEntry, len(entries))
	for id, e := range entries {
		e.id = id
		st.byURL[e.doc.URL] = e
	}
	st.segs = segments(len(entries), c.segmentSize)
	nt, nw := len(st.lex.terms), len(st.lex.words)

	st.lenSum = [nFields]int64{}
	total := 0
	for _, e := range entries {
		for f, l := range e.dt.lens {
			st.lenSum[f] += int64(l)
		}
		total += len(e.dt.ids)
	}
	st.avg = averages(st.lenSum, len(entries))
	parallel(len(entries), c.workers, func(i int) {
		e := entries[i]
		e.norm = c.norms(&e.dt, &st.avg)
		e.slack, e.stale = c.impacts(&e.dt, &e.norm, e.q), false
	})
	// One array for all postings; each term's slice has room for exactly
	// its documents, so a later insert moves it out instead of overwriting
	// its neighbour.
	ids, qs := make([]uint32, total), make([]byte, total)
	st.post = make([]postings, nt)
	off := 0
	for t, n := range df {
		st.post[t] = postings{ids: ids[off : off : off+int(n)], qs: qs[off : off : off+int(n)]}
		off += int(n)
	}
	for id, e := range entries {
		for i, t := range e.dt.ids {
			p := &st.post[t]
			p.ids = append(p.ids, uint32(id))
			p.qs = append(p.qs, e.q[i])
		}
	}
	st.hash = make([]uint32, nt)
	st.size = make([]int32, nt*st.segs)
	for t, term := range st.lex.terms {
		st.hash[t] = fnv32(term)
		st.sizeTerm(int32(t))
	}
	st.pairs = collectBiwords(entries, st.segs, c)
	st.listTerms(st.termBuckets())

	st.df = wdf
	st.dicts = [2]dict{newDict("w/"), newDict("s/")}
	st.fillDicts()

	st.termStamp, st.docStamp, st.docSlot = make([]uint32, nt), make([]uint32, nt), make([]int32, nt)
	st.wordStamp, st.dfBefore = make([]uint32, nw), make([]int32, nw)
}

// update brings the state to entries in place: entries differ from the
// state's documents only at a few ids, documents that stay keep their ids
// and the segment count is the same. It returns the files to encode again.
func (st *state) update(entries []*docEntry, tables tables) dirtyFiles {
	c := st.c
	st.grow()
	prev := st.docs
	n, p := len(entries), len(prev)
	for id := range max(n, p) {
		var old, cur *docEntry
		if id < p {
			old = prev[id]
		}
		if id < n {
			cur = entries[id]
		}
		if old == cur {
			continue
		}
		st.replace(uint32(id), old, cur)
		st.dirtyDocs = append(st.dirtyDocs, id)
		if old != nil && (cur == nil || cur.doc.URL != old.doc.URL) {
			delete(st.byURL, old.doc.URL)
		}
		if cur != nil {
			cur.id = id
			st.byURL[cur.doc.URL] = cur
		}
	}
	st.docs = entries

	// Impacts depend on the average field lengths: when those moved, the
	// documents whose impacts may have changed are computed again and the
	// few impacts that did change are written into the postings.
	if avg := averages(st.lenSum, n); avg != st.avg {
		st.avg = avg
		st.refresh(nil)
	} else {
		st.refresh(st.dirtyDocs)
	}

	dirty := dirtyFiles{dirs: map[string]bool{}, paths: map[string]bool{}}
	for f := range st.dirtyFine {
		st.pairs.size(f, st.segs, c.segmentSize)
	}
	for _, t := range st.dirtyTerms {
		st.sizeTerm(t)
	}
	if b := st.termBuckets(); b != st.terms.buckets {
		st.listTerms(b)
		dirty.dirs["t/"] = true
	} else {
		for _, t := range st.dirtyTerms {
			st.relist(t)
			dirty.terms(st.segs, b, int(st.hash[t])&(b-1))
		}
		for f := range st.dirtyFine {
			dirty.terms(st.segs, b, f&(b-1))
		}
	}

	for _, w := range st.touched {
		if st.df[w] != st.dfBefore[w] {
			st.rekey(w)
		}
	}
	for i := range st.dicts {
		d := &st.dicts[i]
		for _, dk := range st.changedKeys[i] {
			st.trim(dk)
		}
		if b := st.dictBuckets(d); b != d.buckets {
			st.listKeys(d)
			dirty.dirs[d.dir] = true
		} else {
			for _, dk := range st.changedKeys[i] {
				dirty.paths[bucketPath(d.dir, int(dk.hash)&(b-1))] = true
			}
		}
	}

	for _, id := range st.dirtyDocs {
		if id >= n || id >= p || !sameFacetValues(&prev[id].doc, &entries[id].doc) {
			dirty.paths[bucketPath("f/", id/c.facetChunk)] = true
		}
		dirty.paths[bucketPath("m/", id/c.metaChunk)] = true
	}
	if !tables.sameNumbers(&st.tables) {
		// A value that gained or lost a number in the tables (a new
		// provision renumbers those after it) changes the files of the
		// documents that have it, and only those.
		moved := renumbered(&st.tables, &tables)
		for id, e := range entries {
			if moved.touches(&e.doc) {
				dirty.paths[bucketPath("f/", id/c.facetChunk)] = true
				dirty.paths[bucketPath("m/", id/c.metaChunk)] = true
			}
		}
	}
	return dirty
}

// renumbering holds, per facet table, the slugs whose number differs
// between two builds' tables, or that only one of them has.
type renumbering struct {
	outcomes, regimes, forces, topics, exemptions map[string]bool
}

func renumbered(old, cur *tables) renumbering {
	return renumbering{
		outcomes:   movedSlugs(old.outcomes.index, cur.outcomes.index),
		regimes:    movedSlugs(old.regimes.index, cur.regimes.index),
		forces:     movedSlugs(old.forces.index, cur.forces.index),
		topics:     movedSlugs(old.topics.index, cur.topics.index),
		exemptions: movedSlugs(old.exIndex, cur.exIndex),
	}
}

func movedSlugs(old, cur map[string]int) map[string]bool {
	moved := map[string]bool{}
	for s, i := range old {
		if j, ok := cur[s]; !ok || i != j {
			moved[s] = true
		}
	}
	for s := range cur {
		if _, ok := old[s]; !ok {
			moved[s] = true
		}
	}
	return moved
}

// touches reports whether d has a value whose number moved: the facet and
// document files that hold d must be written again.
func (m *renumbering) touches(d *Document) bool {
	if m.outcomes[d.Outcome] || m.regimes[regimeSlug(d.Regime)] || m.forces[d.ForceSlug] {
		return true
	}
	for _, t := range d.Topics {
		if m.topics[t.Slug] {
			return true
		}
	}
	for _, x := range d.Exemptions {
		if m.exemptions[x.Slug] {
			return true
		}
	}
	return false
}

// grow extends the per-term and per-word arrays to the lexicon.
func (st *state) grow() {
	for t := len(st.post); t < len(st.lex.terms); t++ {
		st.post = append(st.post, postings{})
		st.hash = append(st.hash, fnv32(st.lex.terms[t]))
		st.size = append(st.size, make([]int32, st.segs)...)
		st.termStamp = append(st.termStamp, 0)
		st.docStamp = append(st.docStamp, 0)
		st.docSlot = append(st.docSlot, 0)
	}
	for w := len(st.df); w < len(st.lex.words); w++ {
		st.df = append(st.df, 0)
		st.wordStamp = append(st.wordStamp, 0)
		st.dfBefore = append(st.dfBefore, 0)
	}
}

// replace puts cur in place of old at document id: either may be nil (a
// document added or removed at the end). Postings of terms in both keep
// their impacts until refresh; the others are added (impact 0) or
// removed.
func (st *state) replace(id uint32, old, cur *docEntry) {
	st.seq++
	if old != nil {
		for f, l := range old.dt.lens {
			st.lenSum[f] -= int64(l)
		}
		for i, t := range old.dt.ids {
			st.docStamp[t], st.docSlot[t] = st.seq, int32(i)
		}
		for _, w := range old.dt.words {
			st.touch(w)
			st.df[w]--
		}
	}
	if cur != nil {
		for f, l := range cur.dt.lens {
			st.lenSum[f] += int64(l)
		}
		for j, t := range cur.dt.ids {
			if st.docStamp[t] == st.seq {
				cur.q[j] = old.q[st.docSlot[t]]
				st.docSlot[t] = -1 // in both
				continue
			}
			cur.q[j] = 0
			st.post[t].insert(id, 0)
			st.dirtyTerm(t)
		}
		for _, w := range cur.dt.words {
			st.touch(w)
			st.df[w]++
		}
	}
	var before, after []uint32
	if old != nil {
		before = old.dt.pairs
		for _, t := range old.dt.ids {
			if st.docSlot[t] >= 0 {
				st.post[t].remove(id)
				st.dirtyTerm(t)
			}
		}
	}
	if cur != nil {
		after = cur.dt.pairs
	}
	for i, j := 0, 0; i < len(before) || j < len(after); {
		switch {
		case j == len(after) || i < len(before) && before[i] < after[j]:
			st.dirtyFine[st.pairs.remove(before[i], id)] = true
			i++
		case i == len(before) || after[j] < before[i]:
			st.dirtyFine[st.pairs.add(after[j], id)] = true
			j++
		default:
			i++
			j++
		}
	}
}

func (st *state) dirtyTerm(t int32) {
	if st.termStamp[t] != st.gen {
		st.termStamp[t] = st.gen
		st.dirtyTerms = append(st.dirtyTerms, t)
	}
}

func (st *state) touch(w int32) {
	if st.wordStamp[w] != st.gen {
		st.wordStamp[w] = st.gen
		st.dfBefore[w] = st.df[w]
		st.touched = append(st.touched, w)
	}
}

// refresh computes the impacts of documents ids (nil: all) again and
// writes those that changed into the postings. A document whose impacts
// cannot have changed since they were computed (stable) is skipped.
func (st *state) refresh(ids []int) {
	c := st.c
	n := len(ids)
	if ids == nil {
		n = len(st.docs)
	}
	workers := max(1, min(c.workers, n/2048))
	changed := make([][]int32, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			var q []byte
			for i := w * n / workers; i < (w+1)*n/workers; i++ {
				id := i
				if ids != nil {
					id = ids[i]
				}
				if id >= len(st.docs) {
					continue // removed
				}
				e := st.docs[id]
				norm := c.norms(&e.dt, &st.avg)
				if !e.stale && stable(&norm, &e.norm, e.slack) {
					continue
				}
				if cap(q) < len(e.dt.ids) {
					q = make([]byte, 2*len(e.dt.ids))
				}
				q = q[:len(e.dt.ids)]
				e.norm = norm
				e.slack, e.stale = c.impacts(&e.dt, &norm, q), false
				for j, v := range q {
					if v != e.q[j] {
						t := e.dt.ids[j]
						e.q[j] = v
						st.post[t].set(uint32(id), v)
						changed[w] = append(changed[w], t)
					}
				}
			}
		})
	}
	wg.Wait()
	for _, list := range changed {
		for _, t := range list {
			st.dirtyTerm(t)
		}
	}
}
