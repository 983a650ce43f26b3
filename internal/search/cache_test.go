package search

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
)

// sameIndex fails the test unless got and want have the same files with
// the same names and bytes.
func sameIndex(t *testing.T, what string, got, want *Index) {
	t.Helper()
	if got.EntryPath != want.EntryPath || len(got.Files) != len(want.Files) {
		t.Fatalf("%s: %d files, entry %s; Build: %d files, entry %s", what, len(got.Files), got.EntryPath, len(want.Files), want.EntryPath)
	}
	for i, f := range got.Files {
		if w := want.Files[i]; f.Path != w.Path || !bytes.Equal(f.Data, w.Data) {
			t.Fatalf("%s: file %d is %s (%d bytes); Build wrote %s (%d bytes)", what, i, f.Path, len(f.Data), w.Path, len(w.Data))
		}
	}
}

// editor makes random edits to a log, of the kinds an editor makes while
// foilog serve runs: a word added, changed or deleted, a new response, a
// deleted one, a changed date, title, summary, outcome, force, topic or
// citation.
type editor struct {
	r    *rand.Rand
	gen  *synthGen
	pool []Document // documents to add
	next int
}

func (ed *editor) edit(docs []Document) ([]Document, string) {
	r := ed.r
	i := r.IntN(len(docs))
	d := &docs[i]
	switch k := r.IntN(16); k {
	case 0, 1, 2:
		d.Body += " " + ed.gen.word()
		return docs, "body: word added"
	case 3:
		d.Body = strings.Replace(d.Body, ed.gen.word(), ed.gen.word(), 1) + " " + fmt.Sprintf("novel%d", r.IntN(1000))
		return docs, "body: word changed"
	case 4:
		d.Body = d.Body[:len(d.Body)*3/4]
		return docs, "body: end cut"
	case 5:
		d.Title = ed.gen.sentence(2, 6)
		return docs, "title"
	case 6:
		d.Summary = ""
		if r.IntN(2) == 0 {
			d.Summary = ed.gen.sentence(5, 20)
		}
		return docs, "summary"
	case 7:
		o := synthOutcomes[r.IntN(len(synthOutcomes))]
		d.Outcome, d.OutcomeLabel = o.slug, o.label
		return docs, "outcome"
	case 8:
		if len(d.Topics) > 0 && r.IntN(2) == 0 {
			d.Topics[0].Label = "Renamed " + d.Topics[0].Label // in place: the cache must have its own copy
			return docs, "topic label in place"
		}
		t := synthTopics[r.IntN(len(synthTopics))]
		d.Topics = append(slices.Clip(d.Topics), Facet{Slug: slug(t), Label: t})
		return docs, "topic added"
	case 9:
		d.Exemptions = append(slices.Clip(d.Exemptions), synthExemptions[r.IntN(len(synthExemptions))].doc())
		return docs, "citation added"
	case 10:
		d.Force, d.ForceSlug = "Isle of Man Constabulary", "isle-of-man-constabulary"
		return docs, "new force"
	case 11:
		n := ed.pool[ed.next%len(ed.pool)]
		ed.next++
		n.URL = fmt.Sprintf("responses/new-%d/", ed.next)
		n.Date, n.Year = "2099-01-01", 2099 // the newest: added at the end
		return append(docs, n), "newest response added"
	case 12:
		n := ed.pool[ed.next%len(ed.pool)]
		ed.next++
		n.URL = fmt.Sprintf("responses/new-%d/", ed.next)
		return append(docs, n), "response added"
	case 13:
		last := 0
		for j := range docs {
			if docYear(&docs[j]) > docYear(&docs[last]) || docYear(&docs[j]) == docYear(&docs[last]) && docs[j].Date > docs[last].Date {
				last = j
			}
		}
		if r.IntN(2) == 0 {
			last = i
		}
		return slices.Delete(docs, last, last+1), "response deleted"
	case 14:
		d.Date = fmt.Sprintf("%d-%02d-%02d", d.Year, 1+r.IntN(12), 1+r.IntN(28))
		return docs, "date changed"
	default:
		return docs, "nothing"
	}
}

func TestCacheMatchesBuild(t *testing.T) {
	for _, tc := range []struct {
		name  string
		n     int
		steps int
		c     func(*config)
	}{
		{"defaults", 200, 40, func(*config) {}},
		{"small segments, shards and chunks", 250, 60, func(c *config) {
			c.segmentSize, c.targetShard, c.maxShard, c.maxDict, c.facetChunk, c.metaChunk = 100, 3<<10, 12<<10, 6<<10, 48, 3
			c.deadSlack = 8
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := defaultConfig()
			tc.c(&c)
			if testing.Short() {
				tc.steps /= 4
			}
			docs := synthDocs(tc.n, 7)
			ed := &editor{r: rand.New(rand.NewPCG(3, 4)), gen: newSynthGen(9), pool: synthDocs(50, 8)}
			cache := new(Cache)
			if _, err := cache.build(docs, c); err != nil {
				t.Fatal(err)
			}
			incremental := 0
			for step := range tc.steps {
				var what []string
				for range 1 + ed.r.IntN(3)/2 {
					var w string
					docs, w = ed.edit(docs)
					what = append(what, w)
				}
				rebuilds := cache.st.rebuilds
				got, err := cache.build(docs, c)
				if err != nil {
					t.Fatal(err)
				}
				if cache.st.rebuilds == rebuilds {
					incremental++
				}
				sameIndex(t, fmt.Sprintf("step %d (%s)", step, strings.Join(what, ", ")), got, buildOrFail(t, docs, c))
			}
			t.Logf("%d of %d rebuilds updated the index in place", incremental, tc.steps)
			if incremental < tc.steps/2 {
				t.Errorf("only %d of %d rebuilds updated the index in place", incremental, tc.steps)
			}
		})
	}
}

func TestCacheForgetsWhatLeftTheIndex(t *testing.T) {
	c := defaultConfig()
	c.deadSlack = 8
	docs := synthDocs(200, 2)
	cache := new(Cache)
	first, err := cache.build(docs, c)
	if err != nil {
		t.Fatal(err)
	}
	terms, words := len(cache.st.lex.terms), len(cache.st.lex.words)
	for i := range 200 {
		docs[i%50].Body += fmt.Sprintf(" passing%d", i)
		if _, err := cache.build(docs, c); err != nil {
			t.Fatal(err)
		}
	}
	if got := len(cache.st.lex.terms); got > terms+terms/4+200 {
		t.Errorf("%d terms after 200 edits, %d at first", got, terms)
	}
	if got := len(cache.st.lex.words); got > words+words/4+200 {
		t.Errorf("%d words after 200 edits, %d at first", got, words)
	}
	docs = docs[:100]
	idx, err := cache.build(docs, c)
	if err != nil {
		t.Fatal(err)
	}
	if len(cache.st.docs) != 100 || len(cache.st.byURL) != 100 || len(cache.st.files) != len(idx.Files)-1 {
		t.Errorf("after dropping half the log: %d documents, %d by URL, %d files for %d", len(cache.st.docs), len(cache.st.byURL), len(cache.st.files), len(idx.Files)-1)
	}
	if len(first.Files) == 0 {
		t.Fatal("no files")
	}
}

func TestCacheIsSafeForConcurrentUse(t *testing.T) {
	a, b := synthDocs(120, 1), synthDocs(90, 2)
	wantA, wantB := buildOrFail(t, a, defaultConfig()), buildOrFail(t, b, defaultConfig())
	cache := NewCache()
	var wg sync.WaitGroup
	for i := range 6 {
		wg.Go(func() {
			docs, want := a, wantA
			if i%2 == 1 {
				docs, want = b, wantB
			}
			got, err := cache.Build(docs)
			if err != nil {
				t.Error(err)
				return
			}
			if got.EntryPath != want.EntryPath {
				t.Errorf("build %d: entry %s, want %s", i, got.EntryPath, want.EntryPath)
			}
		})
	}
	wg.Wait()
}

// TestSameDocumentComparesEveryField guards sameDocument against a field
// added to Document and forgotten there: the cache would then keep a stale
// analysis.
func TestSameDocumentComparesEveryField(t *testing.T) {
	base := synthDocs(1, 1)[0]
	base.Exemptions = []Exemption{synthExemptions[0].doc()}
	v := reflect.ValueOf(&base).Elem()
	for i := range v.NumField() {
		d := base
		d.Topics, d.Exemptions = slices.Clone(base.Topics), slices.Clone(base.Exemptions)
		f := reflect.ValueOf(&d).Elem().Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString(f.String() + "x")
		case reflect.Int:
			f.SetInt(f.Int() + 1)
		case reflect.Slice:
			// change a field of the first element
			el := f.Index(0)
			for j := range el.NumField() {
				g := el.Field(j)
				d2 := d
				d2.Topics, d2.Exemptions = slices.Clone(d.Topics), slices.Clone(d.Exemptions)
				g2 := reflect.ValueOf(&d2).Elem().Field(i).Index(0).Field(j)
				switch g.Kind() {
				case reflect.String:
					g2.SetString(g.String() + "x")
				case reflect.Bool:
					g2.SetBool(!g.Bool())
				default:
					t.Fatalf("%s.%s: kind %s not covered by this test", v.Type().Field(i).Name, el.Type().Field(j).Name, g.Kind())
				}
				if sameDocument(&base, &d2) {
					t.Errorf("sameDocument ignores %s.%s", v.Type().Field(i).Name, el.Type().Field(j).Name)
				}
			}
			continue
		default:
			t.Fatalf("%s: kind %s not covered by this test", v.Type().Field(i).Name, f.Kind())
		}
		if sameDocument(&base, &d) {
			t.Errorf("sameDocument ignores %s", v.Type().Field(i).Name)
		}
	}
	if !sameDocument(&base, &base) {
		t.Error("a document differs from itself")
	}
}

// TestStableImpactsAreUnchanged checks the bound that lets a rebuild skip
// documents: whenever stable says a document's impacts survive new average
// field lengths, computing them again gives the same bytes.
func TestStableImpactsAreUnchanged(t *testing.T) {
	cache := new(Cache)
	if _, err := cache.Build(synthDocs(400, 11)); err != nil {
		t.Fatal(err)
	}
	c, st := defaultConfig(), cache.st
	r := rand.New(rand.NewPCG(5, 6))
	kept, checked := 0, 0
	for round := range 40 {
		scale := []float64{1e-7, 1e-5, 1e-3, 1e-2}[round%4]
		avg := st.avg
		for f := range avg {
			avg[f] *= 1 + scale*(2*r.Float64()-1)
		}
		for _, e := range st.docs {
			norm := c.norms(&e.dt, &avg)
			if !stable(&norm, &e.norm, e.slack) {
				continue
			}
			kept++
			q := make([]byte, len(e.q))
			c.impacts(&e.dt, &norm, q)
			if !bytes.Equal(q, e.q) {
				t.Fatalf("%s: impacts changed with averages %v (were %v) though stable", e.doc.URL, avg, st.avg)
			}
		}
		checked += len(st.docs)
	}
	t.Logf("%d of %d documents found stable", kept, checked)
	if kept < checked/4 {
		t.Errorf("only %d of %d documents found stable", kept, checked)
	}
}

// TestCacheRenumbers edits documents so that facet values gain or lose
// their number in the entry's tables (a provision, topic or force cited
// nowhere else, added and removed again: every value after it moves) and
// checks each build against Build, with small chunks so that most files
// hold a document whose numbers did not move.
func TestCacheRenumbers(t *testing.T) {
	c := defaultConfig()
	c.facetChunk, c.metaChunk = 16, 2
	docs := synthDocs(300, 5)
	cache := new(Cache)
	if _, err := cache.build(docs, c); err != nil {
		t.Fatal(err)
	}
	rare := synthExemption{"FOIA", "38(1)(a)", "Health and safety", false}.doc()
	first := Exemption{Provision: "FOIA s1(1)(a)", Slug: "foia-s1-1-a", Section: "foia-s1", SectionLabel: "FOIA s1 Right of access", Title: "Right of access"}
	edits := []struct {
		what string
		edit func(d *Document)
	}{
		{"provision cited nowhere else added", func(d *Document) { d.Exemptions = append(slices.Clip(d.Exemptions), rare) }},
		{"it is removed", func(d *Document) { d.Exemptions = d.Exemptions[:len(d.Exemptions)-1] }},
		{"first provision of all added", func(d *Document) { d.Exemptions = append(slices.Clip(d.Exemptions), first) }},
		{"it is removed", func(d *Document) { d.Exemptions = d.Exemptions[:len(d.Exemptions)-1] }},
		{"new topic", func(d *Document) {
			d.Topics = append(slices.Clip(d.Topics), Facet{Slug: "aardvarks", Label: "Aardvarks"})
		}},
		{"it is removed", func(d *Document) { d.Topics = d.Topics[:len(d.Topics)-1] }},
		{"new force", func(d *Document) { d.Force, d.ForceSlug = "Avon Police", "avon-police" }},
	}
	before, rebuilds := len(cache.st.files), cache.st.rebuilds
	for i, e := range edits {
		docs = slices.Clone(docs)
		d := &docs[(i*37)%len(docs)]
		if i%2 == 1 {
			d = &docs[((i-1)*37)%len(docs)]
		}
		e.edit(d)
		got, err := cache.build(docs, c)
		if err != nil {
			t.Fatal(err)
		}
		sameIndex(t, e.what, got, buildOrFail(t, docs, c))
	}
	if cache.st.rebuilds != rebuilds || before == 0 {
		t.Errorf("%d of %d edits rebuilt the whole index, want none", cache.st.rebuilds-rebuilds, len(edits))
	}
}
