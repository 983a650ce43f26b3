package search

import (
	"encoding/binary"
	"math"
	"slices"
	"strings"
	"sync"
)

// vocab numbers terms. Each analysing goroutine has its own; the Cache's
// lexicon adopts them (lexicon.adopt).
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
// and word numbers are those of the analyser that produced it until the
// lexicon adopts them.
type docTerms struct {
	lens   [nFields]int32 // terms per field, for length normalisation
	ids    []int32        // distinct terms and pseudo-terms
	body   []uint16       // body[i]: occurrences of ids[i] in the body
	fields []fieldTF      // occurrences in the other fields, by slot: most terms are only in the body
	extra  []extraTF      // fixed pseudo frequencies (citations, reference, NCND)
	words  []int32        // distinct surface words, for the prefix and typo dictionaries
	pairs  []uint32       // distinct biword hashes, ascending
}

// fieldTF is how often the term in slot occurs in field f (not the body).
type fieldTF struct {
	slot int32 // index into ids
	f    uint8
	n    uint16
}

// counts returns the occurrences of the term in slot i in each field.
func (dt *docTerms) counts(i int) [nFields]uint16 {
	var n [nFields]uint16
	n[fBody] = dt.body[i]
	j, _ := slices.BinarySearchFunc(dt.fields, int32(i), func(x fieldTF, slot int32) int { return int(x.slot - slot) })
	for ; j < len(dt.fields) && dt.fields[j].slot == int32(i); j++ {
		n[dt.fields[j].f] = dt.fields[j].n
	}
	return n
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
	tok      []byte   // scratch for scanText

	// per-document scratch, stamped with the document's generation
	gen       uint32
	termStamp []uint32
	termSlot  []int32
	wordStamp []uint32
	synFirst  []int8 // per term: 0 unknown, 1 starts a synonym member, 2 does not
	cur       *docTerms
	tf        []uint16 // tf[i*nFields+f]: occurrences of cur.ids[i] in field f
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
	a.tf = a.tf[:0]
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
	dt.body = make([]uint16, len(dt.ids))
	for i := range dt.ids {
		for f, n := range a.tf[i*nFields : i*nFields+nFields] {
			switch {
			case f == fBody:
				dt.body[i] = n
			case n > 0:
				dt.fields = append(dt.fields, fieldTF{slot: int32(i), f: uint8(f), n: n})
			}
		}
	}
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
		a.tf = append(a.tf, make([]uint16, nFields)...)
	}
	return a.termSlot[id]
}

func (a *analyser) add(id int32, f int) {
	i := int(a.slot(id))*nFields + f
	if a.tf[i] < math.MaxUint16 {
		a.tf[i]++
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
	a.tok = scanText(text, a.tok, emit)
	a.cur.lens[f] = int32(len(a.fterms))
	for i, t := range a.fterms {
		a.add(t, f)
		if i > 0 && !a.fbreaks[i] {
			a.cur.pairs = append(a.cur.pairs, a.terms.pairHash(a.fterms[i-1], t))
		}
	}
	if a.hasSynonym() {
		a.synonyms(f)
	}
}

// synonyms adds the group term ("~" and the group key) of every synonym
// group member that occurs in the current field, once per occurrence.
func (a *analyser) synonyms(f int) {
	terms := a.terms.terms
	for i, id := range a.fterms {
		if a.synFirst[id] != 1 {
			continue // known by hasSynonym to start no member
		}
		for _, m := range a.syn.byFirst[terms[id]] {
			if i+len(m.terms) > len(a.fterms) {
				continue
			}
			ok := true
			for j := 1; j < len(m.terms) && ok; j++ {
				ok = terms[a.fterms[i+j]] == m.terms[j]
			}
			if ok {
				a.add(a.terms.id("~"+m.key), f)
			}
		}
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

// lexicon numbers the terms and surface words of every document a Cache
// holds. Numbers stay the same from build to build, so the analysis of an
// unchanged document is reused as it is; terms and words that leave the
// index keep their numbers until the state is rebuilt, which renumbers.
type lexicon struct {
	termIDs  map[string]int32
	terms    []string
	wordIDs  map[string]int32
	words    []string
	wordTerm []int32 // the term of each word
}

func newLexicon() lexicon {
	return lexicon{termIDs: map[string]int32{}, wordIDs: map[string]int32{}}
}

func (l *lexicon) term(t string) int32 {
	id, ok := l.termIDs[t]
	if !ok {
		id = int32(len(l.terms))
		l.termIDs[t] = id
		l.terms = append(l.terms, t)
	}
	return id
}

func (l *lexicon) word(w string, term int32) int32 {
	id, ok := l.wordIDs[w]
	if !ok {
		id = int32(len(l.words))
		l.wordIDs[w] = id
		l.words = append(l.words, w)
		l.wordTerm = append(l.wordTerm, term)
	}
	return id
}

// adopt renumbers docs, analysed by a, from a's numbers onto l's, adding
// the terms and words l does not have yet.
func (l *lexicon) adopt(a *analyser, docs []*docTerms) {
	terms, words := unnumbered(len(a.terms.terms)), unnumbered(len(a.words))
	term := func(t int32) int32 {
		if terms[t] < 0 {
			terms[t] = l.term(a.terms.terms[t])
		}
		return terms[t]
	}
	for _, d := range docs {
		for i, t := range d.ids {
			d.ids[i] = term(t)
		}
		for i, w := range d.words {
			if words[w] < 0 {
				words[w] = l.word(a.words[w], term(a.wordStem[w]))
			}
			d.words[i] = words[w]
		}
	}
}

// unnumbered returns n new numbers, each -1 for "not given yet".
func unnumbered(n int) []int32 {
	s := make([]int32, n)
	for i := range s {
		s[i] = -1
	}
	return s
}

// counts returns how many of docs have each term and each word.
func (l *lexicon) counts(docs []*docEntry) (df, wdf []int32) {
	df, wdf = make([]int32, len(l.terms)), make([]int32, len(l.words))
	for _, e := range docs {
		for _, t := range e.dt.ids {
			df[t]++
		}
		for _, w := range e.dt.words {
			wdf[w]++
		}
	}
	return df, wdf
}

// compact returns a lexicon of only the terms and words docs use, and
// renumbers docs onto it.
func (l *lexicon) compact(docs []*docEntry) lexicon {
	out := newLexicon()
	terms, words := unnumbered(len(l.terms)), unnumbered(len(l.words))
	term := func(t int32) int32 {
		if terms[t] < 0 {
			terms[t] = out.term(l.terms[t])
		}
		return terms[t]
	}
	for _, e := range docs {
		for i, t := range e.dt.ids {
			e.dt.ids[i] = term(t)
		}
		for i, w := range e.dt.words {
			if words[w] < 0 {
				words[w] = out.word(l.words[w], term(l.wordTerm[w]))
			}
			e.dt.words[i] = words[w]
		}
	}
	return out
}
