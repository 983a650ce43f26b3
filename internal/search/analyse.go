package search

import (
	"math"
	"slices"
	"strings"
	"sync"
)

// vocab numbers terms. Each analysing goroutine has its own; invert maps
// them onto one. Single terms and pseudo-terms have ids ≥ 0; a biword (two
// adjacent terms, for phrase search) has a negative id ^p, where p numbers
// the pair, so that biwords never need a string until they are written.
type vocab struct {
	ids   map[string]int32
	terms []string
	pairs map[uint64]int32 // (first<<32 | second) → pair number
	pair2 []uint64         // pair number → (first<<32 | second)
}

func newVocab() *vocab {
	return &vocab{ids: map[string]int32{}, pairs: map[uint64]int32{}}
}

func (v *vocab) id(term string) int32 {
	if id, ok := v.ids[term]; ok {
		return id
	}
	term = strings.Clone(term)
	id := int32(len(v.terms))
	v.ids[term] = id
	v.terms = append(v.terms, term)
	return id
}

func (v *vocab) pair(a, b int32) int32 {
	key := uint64(a)<<32 | uint64(uint32(b))
	p, ok := v.pairs[key]
	if !ok {
		p = int32(len(v.pair2))
		v.pairs[key] = p
		v.pair2 = append(v.pair2, key)
	}
	return ^p
}

// docTerms is what the index keeps of one document after analysis. Term
// and word numbers are those of the analyser that produced it.
type docTerms struct {
	lens  [nFields]int32 // terms per field, for length normalisation
	ids   []int32        // distinct terms, biwords and pseudo-terms
	tf    []uint16       // tf[i*nFields+f]: occurrences of ids[i] in field f
	extra []extraTF      // fixed pseudo frequencies (citations, reference, NCND)
	words []int32        // distinct surface words, for the prefix and typo dictionaries
}

type extraTF struct {
	slot int32 // index into ids
	tf   float32
}

// analyser turns documents into docTerms. One per goroutine: it numbers
// terms and words and caches stems across the documents it sees.
type analyser struct {
	c     config
	syn   synonymSet
	terms *vocab
	stems map[string]int32 // folded word → term id; -1 for a stop word

	words    []string // surface words by number
	wordStem []int32  // term id of each surface word
	wordIDs  map[string]int32

	// per-document scratch, stamped with the document's generation
	gen       uint32
	termStamp []uint32
	termSlot  []int32
	pairStamp []uint32
	pairSlot  []int32
	wordStamp []uint32
	synFirst  []int8 // per term: 0 unknown, 1 starts a synonym member, 2 does not
	cur       *docTerms
	fterms    []int32
	fbreaks   []bool
}

func newAnalyser(c config, syn synonymSet) *analyser {
	return &analyser{c: c, syn: syn, terms: newVocab(), stems: map[string]int32{}, wordIDs: map[string]int32{}}
}

// analysis is the result of analysing all documents.
type analysis struct {
	docs      []docTerms
	analysers []*analyser
	owner     []int // owner[i]: index of the analyser of docs[i]
}

// analyse analyses docs on c.workers goroutines, each taking a contiguous
// run of documents.
func analyse(docs []*Document, c config) analysis {
	res := analysis{docs: make([]docTerms, len(docs)), owner: make([]int, len(docs))}
	syn := newSynonymSet(Synonyms())
	workers := max(1, min(c.workers, len(docs)/64+1))
	res.analysers = make([]*analyser, workers)
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*len(docs)/workers, (w+1)*len(docs)/workers
		a := newAnalyser(c, syn)
		res.analysers[w] = a
		wg.Go(func() {
			for i := lo; i < hi; i++ {
				res.docs[i] = a.doc(docs[i])
				res.owner[i] = w
			}
		})
	}
	wg.Wait()
	return res
}

func (a *analyser) doc(d *Document) docTerms {
	var dt docTerms
	a.cur = &dt
	a.gen++

	var topics, meta []string
	for _, t := range d.Topics {
		topics = append(topics, t.Label)
	}
	meta = append(meta, d.Force, d.OutcomeLabel, d.Regime)
	for _, x := range d.Exemptions {
		meta = append(meta, x.Provision, x.Title)
	}
	a.field(fTitle, d.Title)
	a.field(fRef, d.Reference)
	a.field(fSummary, d.Summary)
	a.field(fTopics, strings.Join(topics, "\n"))
	a.field(fMeta, strings.Join(meta, "\n"))
	a.field(fBody, d.Body)

	ncnd := d.Outcome == "ncnd"
	for _, x := range uniqueExemptions(d.Exemptions) {
		a.extra("§"+x.Slug, a.c.citeTF)
		if s := sectionOf(x); s != x.Slug {
			a.extra("§"+s, a.c.citeTF)
		}
		ncnd = ncnd || x.NCND
	}
	if k := referenceKey(d.Reference); k != "" {
		a.extra("#"+k, a.c.refTF)
	}
	if ncnd {
		a.extra("~ncnd", a.c.ncndTF)
	}
	a.cur = nil
	return dt
}

// slot returns the index of term id in the current document, adding it.
func (a *analyser) slot(id int32) int32 {
	stamp, slot := &a.termStamp, &a.termSlot
	if id < 0 {
		id = ^id
		stamp, slot = &a.pairStamp, &a.pairSlot
	}
	for int(id) >= len(*stamp) {
		*stamp = append(*stamp, make([]uint32, len(*stamp)+4096)...)
		*slot = append(*slot, make([]int32, len(*slot)+4096)...)
	}
	if (*stamp)[id] != a.gen {
		(*stamp)[id] = a.gen
		(*slot)[id] = int32(len(a.cur.ids))
		if stamp == &a.pairStamp {
			a.cur.ids = append(a.cur.ids, ^id)
		} else {
			a.cur.ids = append(a.cur.ids, id)
		}
		a.cur.tf = append(a.cur.tf, make([]uint16, nFields)...)
	}
	return (*slot)[id]
}

func (a *analyser) add(id int32, f int) {
	i := int(a.slot(id))*nFields + f
	if a.cur.tf[i] < math.MaxUint16 {
		a.cur.tf[i]++
	}
}

func (a *analyser) extra(term string, tf float64) {
	s := a.slot(a.terms.id(term))
	for i := range a.cur.extra {
		if a.cur.extra[i].slot == s {
			a.cur.extra[i].tf += float32(tf)
			return
		}
	}
	a.cur.extra = append(a.cur.extra, extraTF{s, float32(tf)})
}

func (a *analyser) word(w string, term int32) {
	id, ok := a.wordIDs[w]
	if !ok {
		w = strings.Clone(w)
		id = int32(len(a.words))
		a.wordIDs[w] = id
		a.words = append(a.words, w)
		a.wordStem = append(a.wordStem, term)
		a.wordStamp = append(a.wordStamp, 0)
	}
	if a.wordStamp[id] != a.gen {
		a.wordStamp[id] = a.gen
		a.cur.words = append(a.cur.words, id)
	}
}

// field indexes one field's text: its terms, the pairs of adjacent terms
// (biwords, for phrase search) that no sentence or line break separates, its
// synonym groups and its surface words. Words with digits enter the
// dictionaries only from the title and reference.
func (a *analyser) field(f int, text string) {
	if text == "" {
		return
	}
	a.fterms, a.fbreaks = a.fterms[:0], a.fbreaks[:0]
	pendingBreak := false
	scan(fold(text), func(t token) {
		pendingBreak = pendingBreak || t.newBlock
		id, ok := a.stems[t.word]
		if !ok {
			id = -1
			if !isStopWord(t.word) {
				id = a.terms.id(stem(t.word))
			}
			a.stems[strings.Clone(t.word)] = id
		}
		if id < 0 {
			return
		}
		a.fterms = append(a.fterms, id)
		a.fbreaks = append(a.fbreaks, pendingBreak)
		pendingBreak = false
		if f == fTitle || f == fRef || !hasDigit(t.word) {
			a.word(t.word, id)
		}
	})
	a.cur.lens[f] = int32(len(a.fterms))
	for i, t := range a.fterms {
		a.add(t, f)
		if i > 0 && !a.fbreaks[i] {
			a.add(a.terms.pair(a.fterms[i-1], t), f)
		}
	}
	if a.hasSynonym() {
		strs := make([]string, len(a.fterms))
		for i, t := range a.fterms {
			strs[i] = a.terms.terms[t]
		}
		a.syn.match(strs, func(key string) { a.add(a.terms.id("~"+key), f) })
	}
}

// hasSynonym reports whether a term of the current field starts a synonym
// group member; it remembers the answer per term.
func (a *analyser) hasSynonym() bool {
	found := false
	for _, id := range a.fterms {
		for int(id) >= len(a.synFirst) {
			a.synFirst = append(a.synFirst, make([]int8, len(a.synFirst)+1024)...)
		}
		if a.synFirst[id] == 0 {
			a.synFirst[id] = 2
			if a.syn.byFirst[a.terms.terms[id]] != nil {
				a.synFirst[id] = 1
			}
		}
		found = found || a.synFirst[id] == 1
	}
	return found
}

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

// merged is every document's terms renumbered onto one vocabulary: single
// terms first, then biwords.
type merged struct {
	terms []string // single terms and pseudo-terms by global id
	pairs []uint64 // biword global id len(terms)+i is (first<<32 | second), global ids
	// postings of term g: ids[off[g]:off[g+1]] ascending, with impacts qs[...]
	off []int
	ids []uint32
	qs  []byte
}

// count returns the number of terms, biwords included.
func (m *merged) count() int { return len(m.terms) + len(m.pairs) }

// term returns the text of term g; a biword is its two terms joined by a space.
func (m *merged) term(g int) string {
	if g < len(m.terms) {
		return m.terms[g]
	}
	p := m.pairs[g-len(m.terms)]
	return m.terms[p>>32] + " " + m.terms[uint32(p)]
}

// hash returns fnv32 of term(g) without building the string.
func (m *merged) hash(g int) uint32 {
	if g < len(m.terms) {
		return fnv32(m.terms[g])
	}
	p := m.pairs[g-len(m.terms)]
	h := fnvAdd(fnv32(m.terms[p>>32]), " ")
	return fnvAdd(h, m.terms[uint32(p)])
}

// termLen returns len(term(g)).
func (m *merged) termLen(g int) int {
	if g < len(m.terms) {
		return len(m.terms[g])
	}
	p := m.pairs[g-len(m.terms)]
	return len(m.terms[p>>32]) + 1 + len(m.terms[uint32(p)])
}

// invert merges the analysers' vocabularies and computes every term's
// posting list. The impact byte q encodes s = tf'·(k1+1)/(k1+tf') as
// q = ceil(255·s/(k1+1)), where tf' is the BM25F pseudo frequency
// Σ weight_f·tf_f / (1 − b_f + b_f·len_f/avglen_f) plus the term's fixed
// extra. The browser multiplies s by the term's idf.
func invert(an analysis, c config) merged {
	var m merged
	global := map[string]int32{}
	local := make([][]int32, len(an.analysers))
	for w, a := range an.analysers {
		local[w] = make([]int32, len(a.terms.terms))
		for i, t := range a.terms.terms {
			g, ok := global[t]
			if !ok {
				g = int32(len(m.terms))
				global[t] = g
				m.terms = append(m.terms, t)
			}
			local[w][i] = g
		}
	}
	globalPairs := map[uint64]int32{}
	localPairs := make([][]int32, len(an.analysers))
	for w, a := range an.analysers {
		localPairs[w] = make([]int32, len(a.terms.pair2))
		for i, p := range a.terms.pair2 {
			key := uint64(local[w][p>>32])<<32 | uint64(local[w][uint32(p)])
			g, ok := globalPairs[key]
			if !ok {
				g = int32(len(m.pairs))
				globalPairs[key] = g
				m.pairs = append(m.pairs, key)
			}
			localPairs[w][i] = int32(len(m.terms)) + g
		}
	}
	gid := func(w int, id int32) int32 {
		if id < 0 {
			return localPairs[w][^id]
		}
		return local[w][id]
	}

	var avg [nFields]float64
	for _, d := range an.docs {
		for f, l := range d.lens {
			avg[f] += float64(l)
		}
	}
	for f := range avg {
		avg[f] /= float64(max(1, len(an.docs)))
	}

	nt := m.count()
	m.off = make([]int, nt+1)
	for i, d := range an.docs {
		for _, id := range d.ids {
			m.off[gid(an.owner[i], id)+1]++
		}
	}
	for g := range nt {
		m.off[g+1] += m.off[g]
	}
	n := m.off[nt]
	m.ids, m.qs = make([]uint32, n), make([]byte, n)
	cursor := make([]int, nt)
	copy(cursor, m.off)

	var extra []float64
	for id, d := range an.docs {
		var norm [nFields]float64
		for f := range norm {
			norm[f] = c.weight[f]
			if avg[f] > 0 {
				norm[f] /= 1 - c.b[f] + c.b[f]*float64(d.lens[f])/avg[f]
			}
		}
		if cap(extra) < len(d.ids) {
			extra = make([]float64, len(d.ids)*2)
		}
		extra = extra[:len(d.ids)]
		clear(extra)
		for _, e := range d.extra {
			extra[e.slot] = float64(e.tf)
		}
		w := an.owner[id]
		for i, t := range d.ids {
			tf := extra[i]
			for f, n := range d.tf[i*nFields : i*nFields+nFields] {
				if n > 0 {
					tf += float64(n) * norm[f]
				}
			}
			s := tf * (c.k1 + 1) / (c.k1 + tf)
			g := gid(w, t)
			m.ids[cursor[g]] = uint32(id)
			m.qs[cursor[g]] = byte(min(255, max(1, math.Ceil(255*s/(c.k1+1)))))
			cursor[g]++
		}
	}
	return m
}

// dictWord is one surface word of the prefix and typo dictionaries.
type dictWord struct {
	word, stem string
	df         int
}

// dictionary returns every surface word with its term and document
// frequency, sorted by word.
func dictionary(an analysis) []dictWord {
	global := map[string]int{}
	var out []dictWord
	local := make([][]int, len(an.analysers))
	for w, a := range an.analysers {
		local[w] = make([]int, len(a.words))
		for i, word := range a.words {
			g, ok := global[word]
			if !ok {
				g = len(out)
				global[word] = g
				out = append(out, dictWord{word: word, stem: a.terms.terms[a.wordStem[i]]})
			}
			local[w][i] = g
		}
	}
	for i, d := range an.docs {
		for _, w := range d.words {
			out[local[an.owner[i]][w]].df++
		}
	}
	slices.SortFunc(out, func(a, b dictWord) int { return strings.Compare(a.word, b.word) })
	return out
}
