package search

import (
	"encoding/json"
	"strconv"
)

// metaText is the JSON of the parts of a document's record in its
// document file (FORMAT.md, "Document files") that depend on the document
// alone, kept with the document in the cache so that a document file is
// written again (when facet values are renumbered, or a neighbour
// changed) without encoding its text again.
type metaText struct {
	head    []byte // url, title, reference and date, each followed by a comma
	excerpt []byte
}

func newMetaText(d *Document, c config) metaText {
	var m metaText
	for _, s := range []string{d.URL, d.Title, d.Reference, d.Date} {
		m.head = appendJSON(m.head, s)
		m.head = append(m.head, ',')
	}
	m.excerpt = appendJSON(nil, excerpt(d, c.excerpt))
	return m
}

// appendJSON appends s as encoding/json writes a string.
func appendJSON(b []byte, s string) []byte {
	q, _ := json.Marshal(s) // a string always encodes
	return append(b, q...)
}

// encodeMetaEntries encodes the document file m/{chunk} of entries (FORMAT.md,
// "Document files"): the bytes encoding/json gives for one array per document
// (TestMetaEntriesMatchEncodeMeta checks it), encoding each entry's text once
// in its life.
func encodeMetaEntries(entries []*docEntry, t *tables, c config) []byte {
	b := make([]byte, 0, 640*len(entries))
	b = append(b, '[')
	for i, e := range entries {
		if i > 0 {
			b = append(b, ',')
		}
		if e.meta.head == nil {
			e.meta = newMetaText(&e.doc, c)
		}
		d := &e.doc
		b = append(b, '[')
		b = append(b, e.meta.head...)
		b = strconv.AppendInt(b, int64(t.outcomes.id(d.Outcome)), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(t.forces.id(d.ForceSlug)), 10)
		b = append(b, ',')
		b = appendInts(b, exemptionIDs(d, t))
		b = append(b, ',')
		b = append(b, e.meta.excerpt...)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(t.regimes.id(regimeSlug(d.Regime))), 10)
		b = append(b, ',')
		b = appendInts(b, topicIDs(d, t))
		b = append(b, ']')
	}
	return append(b, ']')
}

// appendInts appends ids as a JSON array.
func appendInts(b []byte, ids []int) []byte {
	b = append(b, '[')
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(id), 10)
	}
	return append(b, ']')
}
