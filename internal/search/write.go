package search

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// shardFormat is the first byte of every binary shard (after gunzip).
const shardFormat = 1

// maxBuckets bounds the bucket count of any file kind.
const maxBuckets = 1 << 16

// encodeFacets encodes a facet file f/{chunk} of docs: per document its
// force, outcome, regime, topics and provisions, as numbers into the
// entry's tables (FORMAT.md, "Facet files").
func encodeFacets(chunk []*Document, t *tables) []byte {
	b := []byte{shardFormat}
	b = appendUvarint(b, uint64(len(chunk)))
	for _, d := range chunk {
		b = appendUvarint(b, uint64(t.forces.id(d.ForceSlug)+1))
	}
	for _, d := range chunk {
		b = appendUvarint(b, uint64(t.outcomes.id(d.Outcome)+1))
	}
	for _, d := range chunk {
		b = appendUvarint(b, uint64(t.regimes.id(regimeSlug(d.Regime))+1))
	}
	for _, d := range chunk {
		ids := topicIDs(d, t)
		b = appendUvarint(b, uint64(len(ids)))
		for _, id := range ids {
			b = appendUvarint(b, uint64(id))
		}
	}
	for _, d := range chunk {
		ids := exemptionIDs(d, t)
		b = appendUvarint(b, uint64(len(ids)))
		for _, id := range ids {
			b = appendUvarint(b, uint64(id))
		}
	}
	return b
}

func topicIDs(d *Document, t *tables) []int {
	var ids []int
	for _, f := range uniqueFacets(d.Topics) {
		ids = append(ids, t.topics.id(f.Slug))
	}
	slices.Sort(ids)
	return ids
}

func exemptionIDs(d *Document, t *tables) []int {
	var ids []int
	for _, x := range uniqueExemptions(d.Exemptions) {
		ids = append(ids, t.exIndex[x.Slug])
	}
	slices.Sort(ids)
	return ids
}

// excerpt returns the text shown under a result: the summary (or, without
// one, the body) with runs of white space collapsed, cut at a word boundary
// to at most limit runes with "…" appended when cut.
func excerpt(d *Document, limit int) string {
	text := d.Summary
	if strings.TrimSpace(text) == "" {
		text = d.Body
	}
	text = strings.Join(strings.Fields(text), " ")
	if utf8.RuneCountInString(text) <= limit {
		return text
	}
	cut, n := 0, 0
	for i, r := range text {
		if n == limit-1 {
			if cut == 0 {
				cut = i
			}
			break
		}
		if r == ' ' {
			cut = i
		}
		n++
	}
	return strings.TrimRight(text[:cut], " ,;:.") + "…"
}
