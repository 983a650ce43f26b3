package search

import (
	"bytes"
	"compress/gzip"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestTerms(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"stop words and stems", "The use of Tasers by officers", []string{"use", "taser", "offic"}},
		{"case and diacritics fold", "Café CAFÉ cafe", []string{"cafe", "cafe", "cafe"}},
		{"diaeresis and umlaut", "Naïve Zürich", []string{"naiv", "zurich"}},
		{"apostrophe inside a word", "officer's don’t", []string{"offic", "dont"}},
		{"citations keep their digits", "s31(3) and section 31", []string{"s31", "3", "section", "31"}},
		{"reference number", "FOI 1648A/23", []string{"foi", "1648a", "23"}},
		{"ligature", "ﬁrearms", []string{"firearm"}},
		{"letters that do not decompose", "Straße Ærø", []string{"strass", "aero"}},
		{"typos stem to themselves", "recognition recogniton overtime overtme", []string{"recognit", "recogniton", "overtim", "overtm"}},
		{"hyphens split words", "body-worn video, stop-and-search", []string{"bodi", "worn", "video", "stop", "search"}},
		{"full-width digits", "２０２３", []string{"2023"}},
		{"dotted capital I", "İstanbul", []string{"istanbul"}},
		{"other scripts are kept, not stemmed", "ΣΟΦΟΣ", []string{"σοφοσ"}},
		{"only stop words", "it is what it is", nil},
		{"empty", "", nil},
		{"overlong token dropped", strings.Repeat("a", 41) + " kept", []string{"kept"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Terms(tc.in); !slices.Equal(got, tc.want) {
				t.Errorf("Terms(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestReferenceKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"FOI 1648A/23", "1648a/23"},
		{"1648a-23", "1648a/23"},
		{"foi/1648A/23", "1648a/23"},
		{"Ref: 2023/0456", "2023/0456"},
		{"FOI1648", "1648"},
		{"EIR 117/22", "117/22"},
		{"FOISA 118/23", "118/23"},
		{"Request", ""},
		{"", ""},
	}
	for _, tc := range tests {
		if got := referenceKey(tc.in); got != tc.want {
			t.Errorf("referenceKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCiteKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"foia-s31-3", "s31-3"},
		{"foia-s31", "s31"},
		{"foia-s31-1-a", "s31-1-a"},
		{"eir-r12-4-b", "r12-4-b"},
		{"eir-reg12-4-b", "r12-4-b"},
		{"eir-12-4-b", "r12-4-b"},
		{"foisa-35-1", "s35-1"},
		{"foia-s", ""},
		{"nonsense", ""},
	}
	for _, tc := range tests {
		if got := citeKey(tc.in); got != tc.want {
			t.Errorf("citeKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func buildOrFail(t testing.TB, docs []Document, c config) *Index {
	t.Helper()
	idx, err := build(docs, c)
	if err != nil {
		t.Fatal(err)
	}
	return idx
}

func TestBuildIsDeterministic(t *testing.T) {
	docs := synthDocs(400, 3)
	first := buildOrFail(t, docs, defaultConfig())
	for round := range 3 {
		shuffled := slices.Clone(docs)
		rand.New(rand.NewPCG(uint64(round), 1)).Shuffle(len(shuffled), func(i, j int) {
			shuffled[i], shuffled[j] = shuffled[j], shuffled[i]
		})
		c := defaultConfig()
		c.workers = 1 + round // the split between goroutines must not show
		again := buildOrFail(t, shuffled, c)
		if again.EntryPath != first.EntryPath || len(again.Files) != len(first.Files) {
			t.Fatalf("round %d: %d files, entry %s; first build: %d files, entry %s",
				round, len(again.Files), again.EntryPath, len(first.Files), first.EntryPath)
		}
		for i, f := range again.Files {
			if f.Path != first.Files[i].Path || !bytes.Equal(f.Data, first.Files[i].Data) {
				t.Fatalf("round %d: file %s differs from %s", round, f.Path, first.Files[i].Path)
			}
		}
	}
}

func TestFilesAreSortedAndNamedByContent(t *testing.T) {
	idx := buildOrFail(t, synthDocs(200, 4), defaultConfig())
	if !slices.IsSortedFunc(idx.Files, func(a, b File) int { return strings.Compare(a.Path, b.Path) }) {
		t.Error("Files are not sorted by path")
	}
	r := newReader(t, idx)
	// Each file carries the hash of its kind, which the entry's path
	// templates name.
	p := r.entry.Paths
	kindHash := map[string]string{}
	for _, tmpl := range []string{p.Terms, p.Prefix, p.Suffix, p.Facets, p.Docs} {
		if strings.Contains(tmpl, "{hash}") {
			t.Errorf("path template %s still holds {hash}", tmpl)
		}
		parts := strings.Split(tmpl, ".")
		kindHash[shardDir(tmpl)] = parts[len(parts)-2]
	}
	for _, f := range idx.Files {
		if !strings.HasPrefix(f.Path, Dir) {
			t.Errorf("%s is outside %s", f.Path, Dir)
		}
		if h := kindHash[shardDir(strings.TrimPrefix(f.Path, Dir))]; f.Path != idx.EntryPath && (len(h) != 10 || !strings.Contains(f.Path, "."+h+".")) {
			t.Errorf("%s does not carry the hash %q of its kind", f.Path, h)
		}
	}
	// A word added to one body renames the entry and the postings, and no
	// file of another kind: document, facet and dictionary files stay
	// cached wherever they are.
	docs := synthDocs(200, 4)
	docs[17].Body += " report"
	other := buildOrFail(t, docs, defaultConfig())
	if other.EntryPath == idx.EntryPath {
		t.Error("a changed document kept the entry file name")
	}
	names := func(idx *Index) map[string]bool {
		m := map[string]bool{}
		for _, f := range idx.Files {
			m[f.Path] = true
		}
		return m
	}
	before, after := names(idx), names(other)
	for path := range before {
		kind := shardDir(strings.TrimPrefix(path, Dir))
		switch {
		case path == idx.EntryPath:
		case kind == "t/" && after[path]:
			t.Errorf("%s kept its name though the postings changed", path)
		case kind != "t/" && !after[path]:
			t.Errorf("%s was renamed by a change to the postings only", path)
		}
	}
}

func gunzip(t testing.TB, b []byte) []byte {
	t.Helper()
	z, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(z)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestShardSizeIsBounded(t *testing.T) {
	for _, tc := range []struct {
		name string
		n    int
		c    func(*config)
	}{
		{"defaults", 3000, func(*config) {}},
		{"small segments and shards", 3000, func(c *config) {
			c.segmentSize, c.targetShard, c.maxShard, c.maxDict, c.facetChunk, c.metaChunk = 700, 2<<10, 12<<10, 12<<10, 500, 4
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := defaultConfig()
			tc.c(&c)
			idx := buildOrFail(t, synthDocs(tc.n, 5), c)
			r := newReader(t, idx)
			if want := (tc.n + c.segmentSize - 1) / c.segmentSize; r.entry.Segments != want {
				t.Errorf("segments = %d, want %d", r.entry.Segments, want)
			}
			var biggest, total int
			for _, f := range idx.Files {
				if f.Path == idx.EntryPath {
					continue
				}
				raw := gunzip(t, f.Data)
				kind := strings.TrimPrefix(f.Path, Dir)[:2]
				limit := c.maxShard
				switch kind {
				case "w/", "s/":
					limit = c.maxDict
				case "f/": // 1 + n + ~8 bytes a document
					limit = 16 * c.facetChunk
				case "m/":
					limit = 2048 * c.metaChunk
				}
				if len(raw) > limit {
					t.Errorf("%s: %d bytes uncompressed, limit %d", f.Path, len(raw), limit)
				}
				if kind == "t/" {
					biggest = max(biggest, len(raw))
					total += len(raw)
				}
			}
			buckets := r.entry.TermBuckets * r.entry.Segments
			if avg := total / buckets; avg > c.targetShard {
				t.Errorf("average postings file %d bytes, target %d", avg, c.targetShard)
			}
			t.Logf("%d postings files, average %d bytes, biggest %d", buckets, total/buckets, biggest)
		})
	}
}

func TestEntrySizeDoesNotGrowWithTheLog(t *testing.T) {
	small := buildOrFail(t, synthDocs(1000, 6), defaultConfig())
	large := buildOrFail(t, synthDocs(5000, 6), defaultConfig())
	size := func(idx *Index) int {
		for _, f := range idx.Files {
			if f.Path == idx.EntryPath {
				return len(f.Data)
			}
		}
		t.Fatal("no entry file")
		return 0
	}
	s, l := size(small), size(large)
	t.Logf("entry: %d bytes for 1000 documents, %d for 5000", s, l)
	// Only counts gain digits; nothing is listed per document, term or shard.
	if l > s+s/50 {
		t.Errorf("entry grew from %d to %d bytes", s, l)
	}
	for _, f := range large.Files {
		if f.Path == large.EntryPath && bytes.Contains(f.Data, []byte("responses/")) {
			t.Error("entry file lists documents")
		}
	}
}

func TestBuildIndexesOnlyTheDocumentsGiven(t *testing.T) {
	// The pipeline leaves out drafts, embargoed and withdrawn responses;
	// Build must not find them from anywhere else.
	published := []Document{
		{URL: "responses/a/", Title: "Published response about zanzibar", Reference: "FOI 1/24", Date: "2024-01-02", Year: 2024, Outcome: "disclosed"},
		{URL: "responses/b/", Title: "Another published response", Reference: "FOI 2/24", Date: "2024-01-03", Year: 2024, Outcome: "refused"},
	}
	draft := Document{URL: "responses/draft/", Title: "Draft about quokkas", Reference: "FOI 3/24", Date: "2024-01-04", Year: 2024, Outcome: "disclosed"}
	idx := buildOrFail(t, published, defaultConfig())
	r := newReader(t, idx)
	if r.entry.Docs != 2 {
		t.Errorf("docs = %d, want 2", r.entry.Docs)
	}
	if got := r.allURLs(); !slices.Equal(got, []string{"responses/a/", "responses/b/"}) {
		t.Errorf("documents = %q", got)
	}
	if got := r.urls("zanzibar"); !slices.Equal(got, []string{"responses/a/"}) {
		t.Errorf("zanzibar finds %q", got)
	}
	for _, term := range Terms(draft.Title) {
		if term == "draft" || term == "quokka" {
			if got := r.urls(term); len(got) > 0 {
				t.Errorf("%q finds %q, but the draft was not given", term, got)
			}
		}
	}
	for _, f := range idx.Files {
		if bytes.Contains(gunzipOrRaw(t, f), []byte("quokka")) {
			t.Errorf("%s mentions the draft", f.Path)
		}
	}
}

func gunzipOrRaw(t testing.TB, f File) []byte {
	if strings.HasSuffix(f.Path, ".json") {
		return f.Data
	}
	return gunzip(t, f.Data)
}

func TestBuildRejectsMissingAndRepeatedURLs(t *testing.T) {
	if _, err := Build([]Document{{Title: "x"}}); err == nil || !strings.Contains(err.Error(), "no URL") {
		t.Errorf("missing URL: err = %v", err)
	}
	d := Document{URL: "responses/x/", Title: "x"}
	if _, err := Build([]Document{d, d}); err == nil || !strings.Contains(err.Error(), "responses/x/") {
		t.Errorf("repeated URL: err = %v", err)
	}
}

func TestEmptyLogGivesAnEmptyIndex(t *testing.T) {
	idx, err := Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	r := newReader(t, idx)
	if r.entry.Docs != 0 || r.entry.Version != FormatVersion {
		t.Errorf("entry: docs %d version %d", r.entry.Docs, r.entry.Version)
	}
	if got := r.lookup("anything"); len(got) != 0 {
		t.Errorf("lookup in an empty index found %v", got)
	}
}

func fixtureDocs(t testing.TB) []Document {
	t.Helper()
	docs, err := loadFixture("testdata/fixture.json")
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

func TestFOITermsAreIndexed(t *testing.T) {
	r := newReader(t, buildOrFail(t, fixtureDocs(t), defaultConfig()))
	tests := []struct {
		term string
		want []string
	}{
		// canonical exemptions: provision and section
		{"§foia-s31-3", []string{"responses/foi-1648a-23/"}},
		{"§foia-s31", []string{"responses/foi-116-23/", "responses/foi-106-23/", "responses/foi-1648a-23/"}},
		{"§eir-r12", []string{"responses/eir-117-22/"}},
		// reference numbers
		{"#1648a/23", []string{"responses/foi-1648a-23/"}},
		{"#117/22", []string{"responses/eir-117-22/"}},
		// NCND: the outcome or an NCND provision, whatever the wording
		{"~ncnd", []string{"responses/foi-114-22/", "responses/foi-1648a-23/"}},
		// synonyms: abbreviation and long form alike
		{"~anpr", []string{"responses/foi-109-21/", "responses/foi-1648a-23/"}},
		{"~ced", []string{"responses/foi-102-21/", "responses/foi-101-23/", "responses/foi-105-23/", "responses/foi-103-24/"}},
		{"~uav", []string{"responses/foi-112-23/", "responses/foi-113-24/"}},
		{"~lfr", []string{"responses/foi-107-22/", "responses/foi-106-23/"}},
		{"~bwv", []string{"responses/foi-115-24/"}},
		// biwords for phrases: stop words between do not count
		{"stop search", []string{"responses/foi-110-24/"}},
		{"cafe", []string{"responses/foi-119-21/"}},
	}
	for _, tc := range tests {
		if got := r.urls(tc.term); !slices.Equal(got, tc.want) {
			t.Errorf("%q finds %q, want %q", tc.term, got, tc.want)
		}
	}
}

func TestTitleOutweighsBody(t *testing.T) {
	docs := []Document{
		{URL: "a/", Title: "Drone fleet", Body: "Numbers of aircraft.", Date: "2020-01-01", Year: 2020},
		{URL: "b/", Title: "Aircraft", Body: "One drone was bought, with more spending on equipment and other items this year.", Date: "2020-01-02", Year: 2020},
	}
	r := newReader(t, buildOrFail(t, docs, defaultConfig()))
	hits := r.lookup("drone")
	if len(hits) != 2 || hits[0].q <= hits[1].q {
		t.Errorf("drone impacts %v: the title match should weigh more", hits)
	}
}

func FuzzTerms(f *testing.F) {
	for _, s := range []string{"The use of Tasers", "s31(3)", "Straße", "don't'", "'''", "a'", "x\u0301\u0301", "ΣΟΦΟΣ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, term := range Terms(s) {
			if term == "" || strings.ContainsAny(term, " \t\n'") {
				t.Errorf("Terms(%q) gave %q", s, term)
			}
		}
	})
}

func TestSynonymTable(t *testing.T) {
	groups := Synonyms()
	if !slices.IsSortedFunc(groups, func(a, b Synonym) int { return strings.Compare(a.Key, b.Key) }) {
		t.Error("synonym groups are not sorted by key")
	}
	owner := map[string]string{}
	for _, g := range groups {
		if len(g.Members) < 2 {
			t.Errorf("group %s has fewer than two members", g.Key)
		}
		for _, m := range g.Members {
			ts := Terms(m)
			if len(ts) == 0 {
				t.Errorf("%s: member %q has no terms", g.Key, m)
			}
			key := strings.Join(ts, " ")
			if o, ok := owner[key]; ok && o != g.Key {
				t.Errorf("%q is in both %s and %s", m, o, g.Key)
			}
			owner[key] = g.Key
			// a one-word member must not share its stem with everyday words
			// ("informant" stems to "inform", as "information" does)
			if len(ts) == 1 && slices.Contains([]string{"inform", "polic", "offic", "record", "data"}, ts[0]) {
				t.Errorf("%s: member %q stems to the common term %q", g.Key, m, ts[0])
			}
		}
	}
}

func TestFNV32(t *testing.T) {
	// the standard FNV-1a vectors; search-core.js checks the same ones
	for s, want := range map[string]uint32{"": 0x811c9dc5, "a": 0xe40c292c, "foobar": 0xbf9cf968} {
		if got := fnv32(s); got != want {
			t.Errorf("fnv32(%q) = %#x, want %#x", s, got, want)
		}
	}
}

// scanText must split exactly as scan(fold(…)) does: the indexer uses the
// first, Terms and the browser the second.
func FuzzScanText(f *testing.F) {
	for _, s := range []string{"The use of Tasers", "officer's 'quoted' a'' ''b", "s31(3). Next: line\nbreak", strings.Repeat("x", 41) + " y", "don't'", "A1b2 C3",
		"the officer’s “quoted” text…next", "café CAFÉ", "ﬁle ½", "Straße K İstanbul", "a…b", "x’y x’ y", "£12,000 – all", "\xff\xfe a", strings.Repeat("é", 41) + " y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want, got []token
		scan(fold(s), func(tk token) { want = append(want, tk) })
		scanText(s, nil, func(w []byte, brk bool) { got = append(got, token{string(w), brk}) })
		if !slices.Equal(want, got) {
			t.Errorf("scanText(%q) = %v, scan(fold) = %v", s, got, want)
		}
	})
}
