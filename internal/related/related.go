// Package related finds, for every response, the most similar earlier
// responses: the "has this been asked before?" list on a response page,
// which puts answers (NCND ones above all) to similar requests side by side.
//
// # Score
//
// Two responses score the sum of the weights of the features they share:
//
//	shared section (foia-s31)              1.5
//	shared provision (foia-s31-3)          1.5 more (3.0 with its section)
//	shared topic                           2.0
//	shared term t                          2.5 × ln(N/df(t)) / ln(N)
//
// N is the number of documents and df(t) the number of documents with t,
// so a term found in two documents of 10,000 weighs 2.31 and one in 500
// weighs 0.81. Terms in more than 5% of documents (at least MinCommon)
// carry little meaning and are ignored; so are features of one document
// only. An earlier response is listed only when its score is at least 4.0:
// one shared provision (3.0), or a section and a topic (3.5), is not
// enough; a provision and a topic (5.0), two topics, a topic and a rare
// term, or two rare terms are.
//
// An exemption slug of three or more hyphen-separated parts is a
// provision, and its first two parts are its section, so "foia-s31-3"
// implies "foia-s31" even when the section is not listed. Strings are
// compared exactly; the caller normalises them. Repeated values in a Doc
// count once.
//
// # Speed
//
// Compute never compares all pairs. It indexes documents by feature and,
// for each document, visits only the earlier documents that share a
// feature. A feature held by more than walkLimit documents (a common
// exemption such as s40(2), a frequent topic or term) still adds its
// weight to every candidate's score, but its holders are not all visited
// to find candidates: for an exemption or topic only the walkWindow most
// recent earlier holders are, for a term none. A document that shares
// nothing but such features with an older one may therefore miss it. Documents are
// processed in parallel; the result does not depend on scheduling, on
// input order (beyond the indexes it returns) or on floating point, since
// weights are rounded to thousandths and summed as integers.
package related

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// Doc is what Compute knows of one response.
type Doc struct {
	// Date is the ISO response date ("2023-06-14"). "Earlier" means Date
	// < this Date, or equal Date with smaller Key.
	Date string
	// Key is unique and stable (the URL slug); the final tie-break.
	Key string
	// Exemptions are canonical section and provision slugs ("foia-s31",
	// "foia-s31-3").
	Exemptions []string
	// Topics are topic slugs.
	Topics []string
	// Terms are distinctive words of the title and summary, already
	// lower-cased and stemmed; they may repeat.
	Terms []string
}

// Weights in thousandths of a point; see the package doc.
const (
	scale          = 1000
	sectionWeight  = 1500
	provisionExtra = 1500
	topicWeight    = 2000
	termWeightMax  = 2500
	minScore       = 4000
)

const (
	// MaxTermShare is the share of documents above which a term is ignored.
	MaxTermShare = 0.05
	// MinCommon is the least document frequency at which a term can be
	// ignored as common, so that small sites still compare terms.
	MinCommon = 10
	// walkLimit is the document frequency above which a feature's holders
	// are not all visited.
	walkLimit = 256
	// walkWindow is how many of the most recent earlier holders of such a
	// feature are visited.
	walkWindow = 48
)

type kind uint8

const (
	section kind = iota
	provision
	topic
	term
)

type featureKey struct {
	kind kind
	name string
}

// index is the inverted index over documents in rank order: by Date, then
// Key, then input index. Cache.Compute updates it in place when only the
// features of a few documents change.
type index struct {
	byRank []int   // input index of each rank
	rankOf []int32 // rank of each input index
	day    []int32 // per rank: the rank of its Date among distinct Dates
	same   []int32 // per rank: the first rank with the same Date and Key

	ids       map[featureKey]int32
	kinds     []kind  // per feature
	df        []int32 // per feature: how many documents hold it
	weight    []int32 // per feature: 0 when it counts for nothing
	maxTermDF int32   // a term held by more documents is ignored
	// post[f] are the ranks holding feature f, ascending; feats[r] the
	// features of rank r, ascending.
	post, feats [][]int32
	// Per rank, walk[r] are its weighted features whose holders are all
	// visited and common[r] the others; commonSum[r] sums the weights of
	// common[r].
	walk, common [][]int32
	commonSum    []int32
}

// Compute returns, for each document i, the input indexes of up to k most
// similar earlier documents, best first; equal scores are ordered newer
// Date first, then by Key. A document with no earlier document scoring at
// least the minimum gets nil. The result has len(docs) entries; when k <= 0
// all are nil. Keys are expected to be unique: two documents with the same
// Date and Key are not earlier than each other.
func Compute(docs []Doc, k int) [][]int {
	out := make([][]int, len(docs))
	if len(docs) < 2 || k <= 0 {
		return out
	}
	ix := build(docs)
	ix.similarAll(nil, k, out)
	return out
}

// similarAll sets out[i] for the documents of ranks (nil: all of them),
// on every core when there are many.
func (ix *index) similarAll(ranks []int32, k int, out [][]int) {
	n := len(ranks)
	if ranks == nil {
		n = len(ix.byRank)
	}
	workers := runtime.GOMAXPROCS(0)
	if n < 512 {
		workers = 1
	}
	const chunk = 64
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			s := newScratch(len(ix.byRank), len(ix.weight))
			for {
				lo := int(next.Add(chunk)) - chunk
				if lo >= n {
					return
				}
				for i := lo; i < min(lo+chunk, n); i++ {
					r := i
					if ranks != nil {
						r = int(ranks[i])
					}
					out[ix.byRank[r]] = ix.similar(r, k, s)
				}
			}
		})
	}
	wg.Wait()
}

// build orders the documents, collects their features and indexes them.
func build(docs []Doc) *index {
	n := len(docs)
	ix := &index{byRank: make([]int, n), rankOf: make([]int32, n), day: make([]int32, n), same: make([]int32, n),
		ids: map[featureKey]int32{}, feats: make([][]int32, n)}
	for i := range ix.byRank {
		ix.byRank[i] = i
	}
	slices.SortFunc(ix.byRank, func(a, b int) int {
		return cmp.Or(strings.Compare(docs[a].Date, docs[b].Date), strings.Compare(docs[a].Key, docs[b].Key), a-b)
	})
	for r, i := range ix.byRank {
		ix.rankOf[i] = int32(r)
	}
	for r := 1; r < n; r++ {
		prev, cur := &docs[ix.byRank[r-1]], &docs[ix.byRank[r]]
		ix.day[r], ix.same[r] = ix.day[r-1], ix.same[r-1]
		if cur.Date != prev.Date {
			ix.day[r]++
		}
		if cur.Date != prev.Date || cur.Key != prev.Key {
			ix.same[r] = int32(r)
		}
	}

	for r, i := range ix.byRank {
		fs := ix.features(&docs[i])
		for _, f := range fs {
			ix.df[f]++
		}
		ix.feats[r] = fs
	}

	ix.maxTermDF = max(int32(math.Ceil(MaxTermShare*float64(n))), MinCommon)
	ix.weight = make([]int32, len(ix.kinds))
	for f := range ix.kinds {
		ix.weight[f] = ix.weightOf(int32(f))
	}

	// One array holds every feature's holders and one each the walk and
	// common lists of every rank; each slice is capped at its length, so
	// that an update reallocates it instead of overwriting its neighbour.
	total := 0
	for _, d := range ix.df {
		total += int(d)
	}
	flat := make([]int32, total)
	ix.post = make([][]int32, len(ix.kinds))
	off := 0
	for f, d := range ix.df {
		ix.post[f] = flat[off : off : off+int(d)]
		off += int(d)
	}
	for r, fs := range ix.feats {
		for _, f := range fs {
			ix.post[f] = append(ix.post[f], int32(r))
		}
	}
	ix.walk, ix.common, ix.commonSum = make([][]int32, n), make([][]int32, n), make([]int32, n)
	var walk, common []int32
	walkAt, commonAt := make([]int, n+1), make([]int, n+1)
	for r, fs := range ix.feats {
		for _, f := range fs {
			switch {
			case ix.weight[f] == 0:
			case ix.df[f] > walkLimit:
				common = append(common, f)
				ix.commonSum[r] += ix.weight[f]
			default:
				walk = append(walk, f)
			}
		}
		walkAt[r+1], commonAt[r+1] = len(walk), len(common)
	}
	for r := range n {
		ix.walk[r] = walk[walkAt[r]:walkAt[r+1]:walkAt[r+1]]
		ix.common[r] = common[commonAt[r]:commonAt[r+1]:commonAt[r+1]]
	}
	return ix
}

// features returns the features of d, ascending, numbering those not seen
// before.
func (ix *index) features(d *Doc) []int32 {
	fs := make([]int32, 0, 2*len(d.Exemptions)+len(d.Topics)+len(d.Terms))
	add := func(k kind, name string) {
		if name == "" {
			return
		}
		id, ok := ix.ids[featureKey{k, name}]
		if !ok {
			id = int32(len(ix.kinds))
			ix.ids[featureKey{k, name}] = id
			ix.kinds = append(ix.kinds, k)
			ix.df = append(ix.df, 0)
			if ix.weight != nil {
				ix.weight = append(ix.weight, 0)
				ix.post = append(ix.post, nil)
			}
		}
		fs = append(fs, id)
	}
	for _, e := range d.Exemptions {
		if sec, ok := sectionOf(e); ok {
			add(provision, e)
			add(section, sec)
		} else {
			add(section, e)
		}
	}
	for _, t := range d.Topics {
		add(topic, t)
	}
	for _, t := range d.Terms {
		add(term, t)
	}
	slices.Sort(fs)
	return slices.Compact(fs)
}

// weightOf returns the weight of feature f for its document count.
func (ix *index) weightOf(f int32) int32 {
	df := ix.df[f]
	if df < 2 {
		return 0 // shared with nobody
	}
	switch ix.kinds[f] {
	case section:
		return sectionWeight
	case provision:
		return provisionExtra
	case topic:
		return topicWeight
	}
	if df > ix.maxTermDF {
		return 0
	}
	n := float64(len(ix.byRank))
	return int32(math.Round(termWeightMax * math.Log(n/float64(df)) / math.Log(n)))
}

// lists sets the walk and common lists of rank r from its features.
func (ix *index) lists(r int32) {
	var walk, common []int32
	var sum int32
	for _, f := range ix.feats[r] {
		switch {
		case ix.weight[f] == 0:
		case ix.df[f] > walkLimit:
			common = append(common, f)
			sum += ix.weight[f]
		default:
			walk = append(walk, f)
		}
	}
	ix.walk[r], ix.common[r], ix.commonSum[r] = walk, common, sum
}

// sectionOf returns the section slug of a provision slug ("foia-s31" for
// "foia-s31-3") and true, or false when slug is a section.
func sectionOf(slug string) (string, bool) {
	first := strings.IndexByte(slug, '-')
	if first < 0 {
		return "", false
	}
	second := strings.IndexByte(slug[first+1:], '-')
	if second < 0 {
		return "", false
	}
	return slug[:first+1+second], true
}

// scratch is one worker's reusable state.
type scratch struct {
	score   []int32 // by rank: score from walked features; 0 when not touched
	touched []int32 // ranks with a score entry
	mine    []int32 // by feature: its weight when the current doc has it as common
	top     []candidate
}

type candidate struct {
	rank, score int32
}

func newScratch(docs, features int) *scratch {
	return &scratch{score: make([]int32, docs), mine: make([]int32, features)}
}

// similar returns the input indexes of the k best earlier documents for
// the document of rank r.
func (ix *index) similar(r, k int, s *scratch) []int {
	for _, f := range ix.walk[r] {
		w := ix.weight[f]
		for _, j := range ix.post[f] {
			if int(j) >= r {
				break
			}
			if s.score[j] == 0 {
				s.touched = append(s.touched, j)
			}
			s.score[j] += w
		}
	}
	common := ix.common[r]
	var commonTotal int32
	for _, f := range common {
		s.mine[f] = ix.weight[f]
		commonTotal += ix.weight[f]
		if ix.kinds[f] == term {
			continue
		}
		p := ix.post[f]
		end, _ := slices.BinarySearch(p, int32(r))
		for _, j := range p[max(0, end-walkWindow):end] {
			if s.score[j] == 0 {
				s.touched = append(s.touched, j)
				s.score[j] = -1 // visited; common weights are added below
			}
		}
	}

	s.top = s.top[:0]
	for _, j := range s.touched {
		c := candidate{rank: j, score: max(s.score[j], 0)}
		s.score[j] = 0
		bound := c.score + min(commonTotal, ix.commonSum[j])
		if bound < minScore || len(s.top) == k && bound < s.top[k-1].score || ix.same[j] == ix.same[r] {
			continue
		}
		for _, f := range ix.common[j] {
			c.score += s.mine[f]
		}
		if c.score >= minScore {
			s.top = ix.insert(s.top, c, k)
		}
	}
	s.touched = s.touched[:0]
	for _, f := range common {
		s.mine[f] = 0
	}
	if len(s.top) == 0 {
		return nil
	}
	res := make([]int, len(s.top))
	for n, c := range s.top {
		res[n] = ix.byRank[c.rank]
	}
	return res
}

// better reports whether a ranks before b: higher score, then newer Date,
// then (by rank order) smaller Key, then smaller input index.
func (ix *index) better(a, b candidate) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	if da, db := ix.day[a.rank], ix.day[b.rank]; da != db {
		return da > db
	}
	return a.rank < b.rank
}

// insert adds c to top, which holds at most k candidates best first.
func (ix *index) insert(top []candidate, c candidate, k int) []candidate {
	if len(top) == k && !ix.better(c, top[k-1]) {
		return top
	}
	at := len(top)
	for at > 0 && ix.better(c, top[at-1]) {
		at--
	}
	if len(top) < k {
		top = append(top, candidate{})
	}
	copy(top[at+1:], top[at:])
	top[at] = c
	return top
}
