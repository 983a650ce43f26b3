package search

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// TestMetaEntriesMatchEncodeMeta checks that document files written from
// the cache's entries have the bytes encodeMeta gives (encoding/json),
// for text that JSON escapes: quotes, backslashes, HTML characters,
// control characters, U+2028, invalid UTF-8 and long excerpts; and that
// an entry's kept text is used again.
func TestMetaEntriesMatchEncodeMeta(t *testing.T) {
	docs := synthDocs(40, 3)
	odd := []string{`"quoted" \\ back`, "<b>&amp;</b>", "tab\tnew\nline\x01", "line\u2028sep\u2029", "bad \xff\xfe utf-8", "émoji 🚓 ok",
		strings.Repeat("long words that go on ", 40)}
	for i, s := range odd {
		d := &docs[i]
		d.Title, d.Reference, d.URL = s, s+" ref", "responses/"+s+"/"
		d.Summary = s
		if i%2 == 1 {
			d.Summary, d.Body = "", s+" body "+s
		}
	}
	docs[10].Topics, docs[11].Exemptions, docs[12].Force, docs[12].ForceSlug = nil, nil, "", ""
	c := defaultConfig()
	ptrs := make([]*Document, len(docs))
	entries := make([]*docEntry, len(docs))
	for i := range docs {
		ptrs[i] = &docs[i]
		entries[i] = &docEntry{doc: docs[i]}
	}
	tb := newTables(ptrs)
	for lo := 0; lo < len(docs); lo += 3 {
		hi := min(len(docs), lo+3)
		want := encodeMeta(ptrs[lo:hi], &tb, c)
		for range 2 { // the second time from the kept text
			if got := encodeMetaEntries(entries[lo:hi], &tb, c); !bytes.Equal(got, want) {
				t.Fatalf("documents %d–%d:\n got %s\nwant %s", lo, hi-1, got, want)
			}
		}
	}
}

// encodeMeta encodes a result metadata file m/{chunk} the plain way, with
// encoding/json (FORMAT.md, "Document files"): the reference that
// encodeMetaEntries, which the index writes, must match byte for byte.
func encodeMeta(chunk []*Document, t *tables, c config) []byte {
	recs := make([][]any, len(chunk))
	for i, d := range chunk {
		recs[i] = []any{d.URL, d.Title, d.Reference, d.Date,
			t.outcomes.id(d.Outcome), t.forces.id(d.ForceSlug), orEmpty(exemptionIDs(d, t)),
			excerpt(d, c.excerpt), t.regimes.id(regimeSlug(d.Regime)), orEmpty(topicIDs(d, t))}
	}
	b, _ := json.Marshal(recs) // strings, ints and int slices only
	return b
}

func orEmpty(s []int) []int {
	if s == nil {
		return []int{}
	}
	return s
}
