package search

import (
	"encoding/binary"
	"math"
	"slices"
	"strings"
	"sync"
)

// vocab numbers terms. Each analysing goroutine has its own; invert maps
// them onto one.
type vocab struct {
	ids   map[string]int32
	terms []string
	pre   []uint32 // fnvAdd(fnv32(term), " "): the start of the hash of a biword
}

func newVocab() *vocab { return &vocab{ids: map[string]int32{}} }

func (v *vocab) id(term string) int32 {
	if id, ok := v.ids[term]; ok {
		return id
	}
	term = strings.Clone(term)
	id := int32(len(v.terms))
	v.ids[term] = id
	v.terms = append(v.terms, term)
	v.pre = append(v.pre, fnvAdd(fnv32(term), " "))
	return id
}

// pairHash returns the biword hash of terms a and b: fnv32(a + " " + b).
func (v *vocab) pairHash(a, b int32) uint32 { return fnvAdd(v.pre[a], v.terms[b]) }

// docTerms is what the index keeps of one document after analysis. Term
// and word numbers are those of the analyser that produced it.
type docTerms struct {
	lens  [nFields]int32 // terms per field, for length normalisation
	ids   []int32        // distinct terms, biwords and pseudo-terms
	tf    []uint16       // tf[i*nFields+f]: occurrences of ids[i] in field f
	extra []extraTF      // fixed pseudo frequencies (citations, reference, NCND)
	words []int32        // distinct surface words, for the prefix and typo dictionaries
	pairs []uint32       // distinct biword hashes, ascending
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
	stems map[string]wordInfo // folded word → what is known of it
	cache *wordCache          // in front of stems, for the frequent words

	words    []string // surface words by number
	wordStem []int32  // term id of each surface word
	tok      []byte   // scratch for scanASCII

	// per-document scratch, stamped with the document's generation
	gen       uint32
	termStamp []uint32
	termSlot  []int32
	wordStamp []uint32
	synFirst  []int8 // per term: 0 unknown, 1 starts a synonym member, 2 does not
	cur       *docTerms
	fterms    []int32
	fbreaks   []bool
}

func newAnalyser(c config, syn synonymSet) *analyser {
	return &analyser{c: c, syn: syn, terms: newVocab(), stems: map[string]wordInfo{}, cache: &wordCache{}}
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
	slices.Sort(dt.pairs)
	dt.pairs = slices.Compact(dt.pairs)
	a.cur = nil
	return dt
}

// slot returns the index of term id in the current document, adding it.
func (a *analyser) slot(id int32) int32 {
	if int(id) >= len(a.termStamp) {
		n := max(int(id)+1, 2*len(a.termStamp))
		a.termStamp = append(a.termStamp, make([]uint32, n-len(a.termStamp))...)
		a.termSlot = append(a.termSlot, make([]int32, n-len(a.termSlot))...)
	}
	if a.termStamp[id] != a.gen {
		a.termStamp[id] = a.gen
		a.termSlot[id] = int32(len(a.cur.ids))
		a.cur.ids = append(a.cur.ids, id)
		a.cur.tf = append(a.cur.tf, make([]uint16, nFields)...)
	}
	return a.termSlot[id]
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

// wordInfo is what the analyser knows of a folded word.
type wordInfo struct {
	term   int32 // term id; -1 for a stop word
	word   int32 // surface word id
	digits bool
}

// wordCache is a direct-mapped cache of words of up to 16 bytes: most
// words of a text are a few frequent ones, and a hit costs two compares
// where the map costs a hash of the string and a visit to its bytes.
type wordCache struct {
	keys [wordCacheSize][2]uint64
	lens [wordCacheSize]uint8 // 0: empty slot
	vals [wordCacheSize]wordInfo
}

const wordCacheSize = 1 << 12

func wordKey(w []byte) (k [2]uint64, slot int) {
	var b [16]byte
	copy(b[:], w)
	k[0], k[1] = binary.LittleEndian.Uint64(b[:8]), binary.LittleEndian.Uint64(b[8:])
	h := (k[0]*0x9e3779b97f4a7c15 ^ k[1]*0xc2b2ae3d27d4eb4f ^ uint64(len(w))) >> (64 - 12)
	return k, int(h)
}

func (c *wordCache) get(w []byte) (wordInfo, bool) {
	if len(w) > 16 {
		return wordInfo{}, false
	}
	k, i := wordKey(w)
	if int(c.lens[i]) == len(w) && c.keys[i] == k {
		return c.vals[i], true
	}
	return wordInfo{}, false
}

func (c *wordCache) put(w []byte, v wordInfo) {
	if len(w) > 16 {
		return
	}
	k, i := wordKey(w)
	c.keys[i], c.lens[i], c.vals[i] = k, uint8(len(w)), v
}

func (a *analyser) newWord(w string) wordInfo {
	info := wordInfo{term: -1, word: -1, digits: hasDigit(w)}
	if isStopWord(w) {
		return info
	}
	info.term = a.terms.id(stem(w))
	info.word = int32(len(a.words))
	a.words = append(a.words, w)
	a.wordStem = append(a.wordStem, info.term)
	a.wordStamp = append(a.wordStamp, 0)
	return info
}

func (a *analyser) word(id int32) {
	if a.wordStamp[id] != a.gen {
		a.wordStamp[id] = a.gen
		a.cur.words = append(a.cur.words, id)
	}
}

// field indexes one field's text: its terms, the hashes of the pairs of
// adjacent terms (biwords, for phrase search) that no sentence or line
// break separates, its
// synonym groups and its surface words. Words with digits enter the
// dictionaries only from the title and reference.
func (a *analyser) field(f int, text string) {
	if text == "" {
		return
	}
	a.fterms, a.fbreaks = a.fterms[:0], a.fbreaks[:0]
	pendingBreak := false
	emit := func(word []byte, newBlock bool) {
		pendingBreak = pendingBreak || newBlock
		info, ok := a.cache.get(word)
		if !ok {
			if info, ok = a.stems[string(word)]; !ok {
				w := string(word)
				info = a.newWord(w)
				a.stems[w] = info
			}
			a.cache.put(word, info)
		}
		if info.term < 0 {
			return
		}
		a.fterms = append(a.fterms, info.term)
		a.fbreaks = append(a.fbreaks, pendingBreak)
		pendingBreak = false
		if f == fTitle || f == fRef || !info.digits {
			a.word(info.word)
		}
	}
	if isASCII(text) {
		a.tok = scanASCII(text, a.tok, emit)
	} else {
		scan(fold(text), func(t token) { emit([]byte(t.word), t.newBlock) })
	}
	a.cur.lens[f] = int32(len(a.fterms))
	for i, t := range a.fterms {
		a.add(t, f)
		if i > 0 && !a.fbreaks[i] {
			a.cur.pairs = append(a.cur.pairs, a.terms.pairHash(a.fterms[i-1], t))
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

// merged is every document's terms renumbered onto one vocabulary.
type merged struct {
	terms []string // by global id
	// postings of term g: ids[off[g]:off[g+1]] ascending, with impacts qs[...]
	off []int
	ids []uint32
	qs  []byte
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
	gid := func(w int, id int32) int32 { return local[w][id] }

	var avg [nFields]float64
	for _, d := range an.docs {
		for f, l := range d.lens {
			avg[f] += float64(l)
		}
	}
	for f := range avg {
		avg[f] /= float64(max(1, len(an.docs)))
	}

	nt := len(m.terms)
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
	// words with digits seen only in bodies were numbered but not counted
	out = slices.DeleteFunc(out, func(w dictWord) bool { return w.df == 0 })
	slices.SortFunc(out, func(a, b dictWord) int { return strings.Compare(a.word, b.word) })
	return out
}
