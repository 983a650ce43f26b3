package search

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// dict is one of the two dictionaries of surface words: the prefix
// dictionary w/{bucket} (words keyed by their first two runes) or the typo
// dictionary s/{bucket} (words of four runes or more, without digits,
// keyed by their last three runes). A key whose words exceed half of
// c.maxDict keeps its most frequent words only.
type dict struct {
	dir     string // "w/" or "s/"
	keys    map[string]*dictKey
	buckets int
	lists   [][]*dictKey // the keys of each bucket
}

// dictKey is the words of one key.
type dictKey struct {
	hash  uint32  // fnv32 of the key
	words []int32 // words with documents, by spelling
	keep  []int32 // the words written, by spelling: all, or the most frequent that fit
	size  int     // bytes of their lines
	stamp uint32  // == state.gen: changed in this build
}

func newDict(dir string) dict { return dict{dir: dir, keys: map[string]*dictKey{}} }

// key returns the key of w in this dictionary, or false when w is not in
// it.
func (d *dict) key(w string) (string, bool) {
	if d.dir == "w/" {
		return prefixKey(w), true
	}
	if utf8.RuneCountInString(w) >= 4 && !hasDigit(w) {
		return suffixKey(w), true
	}
	return "", false
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

func (st *state) bySpelling(a, b int32) int { return strings.Compare(st.lex.words[a], st.lex.words[b]) }

// fillDicts builds both dictionaries from every word with documents.
func (st *state) fillDicts() {
	for i := range st.dicts {
		d := &st.dicts[i]
		*d = newDict(d.dir)
		for w, n := range st.df {
			if n == 0 {
				continue
			}
			if k, ok := d.key(st.lex.words[w]); ok {
				dk := d.keys[k]
				if dk == nil {
					dk = &dictKey{hash: fnv32(k)}
					d.keys[k] = dk
				}
				dk.words = append(dk.words, int32(w))
			}
		}
		for _, dk := range d.keys {
			slices.SortFunc(dk.words, st.bySpelling)
			st.trim(dk)
		}
		st.listKeys(d)
	}
}

// rekey updates both dictionaries for word w, whose document count
// changed, and marks the keys it is in.
func (st *state) rekey(w int32) {
	for i := range st.dicts {
		d := &st.dicts[i]
		k, ok := d.key(st.lex.words[w])
		if !ok {
			continue
		}
		dk := d.keys[k]
		if dk == nil {
			dk = &dictKey{hash: fnv32(k)}
			d.keys[k] = dk
			d.lists[int(dk.hash)&(d.buckets-1)] = append(d.lists[int(dk.hash)&(d.buckets-1)], dk)
		}
		j, found := slices.BinarySearchFunc(dk.words, w, st.bySpelling)
		switch live := st.df[w] > 0; {
		case live && !found:
			dk.words = slices.Insert(dk.words, j, w)
		case !live && found:
			dk.words = slices.Delete(dk.words, j, j+1)
		}
		if dk.stamp != st.gen {
			dk.stamp = st.gen
			st.changedKeys[i] = append(st.changedKeys[i], dk)
		}
	}
}

// trim chooses the words of dk that are written and sizes them: all of
// them, or when their lines exceed half of c.maxDict the most frequent
// that fit.
func (st *state) trim(dk *dictKey) {
	size := 0
	for _, w := range dk.words {
		size += st.lineLen(w)
	}
	dk.keep, dk.size = dk.words, size
	if size <= st.c.maxDict/2 {
		return
	}
	bydf := slices.Clone(dk.words)
	slices.SortStableFunc(bydf, func(a, b int32) int { return int(st.df[b] - st.df[a]) })
	size = 0
	keep := bydf[:0]
	for _, w := range bydf {
		l := st.lineLen(w)
		if size+l > st.c.maxDict/2 {
			break
		}
		size += l
		keep = append(keep, w)
	}
	slices.SortFunc(keep, st.bySpelling)
	dk.keep, dk.size = keep, size
}

// dictBuckets returns the bucket count of d: the smallest power of two
// that keeps the average file near c.targetShard and every file under
// c.maxDict.
func (st *state) dictBuckets(d *dict) int {
	total := 0
	for _, dk := range d.keys {
		total += dk.size
	}
	fits := func(b int) bool {
		acc := make([]int, b)
		for _, dk := range d.keys {
			k := int(dk.hash) & (b - 1)
			acc[k] += dk.size
			if acc[k] > st.c.maxDict {
				return false
			}
		}
		return true
	}
	return pow2For(total, st.c.targetShard, maxBuckets, fits)
}

// listKeys chooses d's bucket count and puts every key in its bucket.
func (st *state) listKeys(d *dict) {
	d.buckets = st.dictBuckets(d)
	d.lists = make([][]*dictKey, d.buckets)
	for _, dk := range d.keys {
		k := int(dk.hash) & (d.buckets - 1)
		d.lists[k] = append(d.lists[k], dk)
	}
}

// line is the dictionary line of word w (FORMAT.md, "Dictionaries").
func (st *state) line(b []byte, w int32) []byte {
	word, term := st.lex.words[w], st.lex.terms[st.lex.wordTerm[w]]
	if term == word {
		term = ""
	}
	b = append(b, word...)
	b = append(b, '\t')
	b = append(b, term...)
	b = append(b, '\t')
	b = strconv.AppendInt(b, int64(st.df[w]), 10)
	return append(b, '\n')
}

func (st *state) lineLen(w int32) int {
	word, term := st.lex.words[w], st.lex.terms[st.lex.wordTerm[w]]
	if term == word {
		term = ""
	}
	return len(word) + len(term) + 3 + decimalLen(int(st.df[w]))
}

func decimalLen(n int) int {
	l := 1
	for ; n >= 10; n /= 10 {
		l++
	}
	return l
}

// encodeDict encodes file k of d: the lines of its keys' words, by
// spelling.
func (st *state) encodeDict(d *dict, k int) []byte {
	var words []int32
	for _, dk := range d.lists[k] {
		words = append(words, dk.keep...)
	}
	slices.SortFunc(words, st.bySpelling)
	var b []byte
	for _, w := range words {
		b = st.line(b, w)
	}
	if b == nil {
		b = []byte{}
	}
	return b
}
