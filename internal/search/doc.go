// Package search writes the static full-text search index of a disclosure
// log: files built with the site that the browser client
// (static/assets/search-core.js) downloads piece by piece, so a search on a
// phone fetches a few small files whatever the size of the log.
//
// Build takes the published responses (the caller filters out drafts,
// embargoed and withdrawn responses: Build indexes exactly what it is given)
// and returns the files to write under Dir:
//
//   - one entry file (entry.<hash>.json): format version, sizes, facet
//     tables with counts, the exemption and synonym tables. Its size does
//     not depend on the number of responses.
//   - postings files t/<segment>-<bucket>: a term's documents and impacts,
//     hashed by term into buckets; documents are split into segments of
//     65,536 so that no file exceeds 192 KiB uncompressed.
//   - dictionaries w/<bucket> (words by their first two letters, for prefix
//     search) and s/<bucket> (by their last three, for typo tolerance).
//   - facet files f/<chunk> (per-document facet values, 2,048 documents a
//     file) and document files m/<chunk> (what a result shows, 4 a file).
//
// Every file but the entry is gzip-compressed and named with a hash of the
// whole index, so it can be cached forever.
//
// A Cache makes rebuilding after an edit cheap (foilog serve): Cache.Build
// returns the same files as Build, redoing only the work the changed
// documents need. Text is folded (case,
// diacritics), split into words, stripped of English stop words and
// stemmed (Snowball); Terms exposes that tokeniser. Besides words the index
// holds pseudo-terms: "§foia-s31-3" and "§foia-s31" for cited provisions and
// sections, "#1648a/23" for reference numbers, "~anpr" for synonym groups
// (see Synonyms) and, by hash, "stop search" biwords for phrase search.
// Ranking is BM25F with field weights title and reference > topics >
// summary > body, precomputed per posting as one impact byte.
//
// FORMAT.md in this directory documents every file and field; it is the
// contract with search-core.js, and FormatVersion changes when it breaks.
package search
