package search

import (
	"cmp"
	"slices"
	"strings"
)

// entry is the entry file. FORMAT.md describes every field; change both
// together, and search-core.js with them.
type entry struct {
	Version       int             `json:"version"`
	Hash          string          `json:"hash"`
	Docs          int             `json:"docs"`
	Paths         entryPaths      `json:"paths"`
	SegmentSize   int             `json:"segmentSize"`
	Segments      int             `json:"segments"`
	TermBuckets   int             `json:"termBuckets"`
	PrefixBuckets int             `json:"prefixBuckets"`
	SuffixBuckets int             `json:"suffixBuckets"`
	FacetChunk    int             `json:"facetChunk"`
	MetaChunk     int             `json:"metaChunk"`
	FacetBytes    int             `json:"facetBytes"`
	MetaBytes     int             `json:"metaBytes"`
	Ranking       entryRanking    `json:"ranking"`
	Outcomes      []entryValue    `json:"outcomes"`
	Regimes       []entryValue    `json:"regimes"`
	Forces        []entryValue    `json:"forces"`
	Topics        []entryValue    `json:"topics"`
	Years         []entryYear     `json:"years"`
	Sections      []entrySection  `json:"sections"`
	Exemptions    []entryProvison `json:"exemptions"`
	Synonyms      []entrySynonym  `json:"synonyms"`
}

type entryPaths struct {
	Terms  string `json:"terms"`
	Prefix string `json:"prefix"`
	Suffix string `json:"suffix"`
	Facets string `json:"facets"`
	Docs   string `json:"docs"`
}

type entryRanking struct {
	K1        float64 `json:"k1"`
	ImpactMax float64 `json:"impactMax"`
	Recency   float64 `json:"recency"`
}

type entryValue struct {
	Slug  string `json:"slug"`
	Label string `json:"label"`
	Count int    `json:"count"`
}

type entryYear struct {
	Year  int `json:"year"`
	First int `json:"first"` // id of the year's first (oldest) document
	Count int `json:"count"`
}

type entrySection struct {
	Slug   string `json:"slug"`
	Label  string `json:"label"`
	Regime string `json:"regime"`
	Cite   string `json:"cite"`
	Count  int    `json:"count"`
}

type entryProvison struct {
	Slug      string `json:"slug"`
	Provision string `json:"provision"`
	Title     string `json:"title"`
	Section   int    `json:"section"` // index into sections
	Cite      string `json:"cite"`
	NCND      bool   `json:"ncnd,omitempty"`
	Count     int    `json:"count"`
}

type entrySynonym struct {
	Key     string     `json:"key"`
	Members [][]string `json:"members"` // each member as its terms
}

func entrySynonyms() []entrySynonym {
	var out []entrySynonym
	for _, g := range Synonyms() {
		s := entrySynonym{Key: g.Key}
		for _, m := range g.Members {
			ts := Terms(m)
			if len(ts) > 0 && !slices.ContainsFunc(s.Members, func(x []string) bool { return slices.Equal(x, ts) }) {
				s.Members = append(s.Members, ts)
			}
		}
		out = append(out, s)
	}
	return out
}

// table numbers the values of one facet: index i in values() is the number
// the facet and metadata files use.
type table struct {
	index map[string]int
	list  []entryValue
}

func (t *table) values() []entryValue {
	if t.list == nil {
		return []entryValue{}
	}
	return t.list
}

// id returns the number of slug, or -1 for "".
func (t *table) id(slug string) int {
	if slug == "" {
		return -1
	}
	return t.index[slug]
}

// sameNumbers reports whether t and u number the same slugs alike.
func (t *table) sameNumbers(u *table) bool {
	return slices.EqualFunc(t.list, u.list, func(a, b entryValue) bool { return a.Slug == b.Slug })
}

// tally counts the values of one facet as documents are added in index
// order: one item per distinct slug and label, with its count and the
// first document that had it.
type tally struct {
	bySlug map[string]int // first item of each slug; the others follow by next
	items  []tallyItem
}

type tallyItem struct {
	entryValue
	first int // document
	next  int // next item of the same slug, 0 for none
}

func (t *tally) add(slug, label string, doc int) {
	i, ok := t.bySlug[slug]
	if !ok {
		if t.bySlug == nil {
			t.bySlug = map[string]int{}
		}
		t.bySlug[slug] = len(t.items)
		t.items = append(t.items, tallyItem{entryValue: entryValue{slug, label, 1}, first: doc})
		return
	}
	for {
		if it := &t.items[i]; it.Label == label {
			it.Count++
			return
		} else if it.next == 0 {
			it.next = len(t.items)
			t.items = append(t.items, tallyItem{entryValue: entryValue{slug, label, 1}, first: doc})
			return
		} else {
			i = it.next
		}
	}
}

// table returns the values in less order, one per slug: a slug's label is
// the first in less order, the oldest document's among labels that tie.
// Counts are summed over labels. This is a stable sort of every
// document's value by less, keeping the first of each slug.
func (t *tally) table(less func(a, b entryValue) int) table {
	slices.SortFunc(t.items, func(a, b tallyItem) int {
		return cmp.Or(less(a.entryValue, b.entryValue), cmp.Compare(a.first, b.first))
	})
	out := table{index: map[string]int{}}
	for _, v := range t.items {
		if i, ok := out.index[v.Slug]; ok {
			out.list[i].Count += v.Count
			continue
		}
		out.index[v.Slug] = len(out.list)
		out.list = append(out.list, v.entryValue)
	}
	return out
}

// tables are the facet values of an index, numbered.
type tables struct {
	outcomes, regimes, forces, topics table
	years                             []entryYear
	sections                          []entrySection
	exemptions                        []entryProvison
	exIndex                           map[string]int
}

// sameNumbers reports whether t and u give every facet value the same
// number, so that facet and document files written with either agree.
func (t *tables) sameNumbers(u *tables) bool {
	return t.outcomes.sameNumbers(&u.outcomes) && t.regimes.sameNumbers(&u.regimes) &&
		t.forces.sameNumbers(&u.forces) && t.topics.sameNumbers(&u.topics) &&
		slices.EqualFunc(t.exemptions, u.exemptions, func(a, b entryProvison) bool { return a.Slug == b.Slug })
}

// outcomeOrder is the display order of the known outcomes.
func outcomeRank(slug string) int {
	switch slug {
	case "disclosed":
		return 0
	case "partial":
		return 1
	case "refused":
		return 2
	case "ncnd":
		return 3
	case "not-held":
		return 4
	}
	return 5
}

func regimeSlug(r string) string { return strings.ToLower(strings.TrimSpace(r)) }

func newTables(docs []*Document) tables {
	var outcomes, regimes, forces, topics tally
	regime, regSlug := "", ""
	for i, d := range docs {
		if d.Outcome != "" {
			outcomes.add(d.Outcome, cmp.Or(d.OutcomeLabel, d.Outcome), i)
		}
		if d.Regime != "" {
			if d.Regime != regime {
				regime, regSlug = d.Regime, regimeSlug(d.Regime)
			}
			regimes.add(regSlug, d.Regime, i)
		}
		if d.ForceSlug != "" {
			forces.add(d.ForceSlug, cmp.Or(d.Force, d.ForceSlug), i)
		}
		for j, t := range d.Topics {
			if t.Slug != "" && !slices.ContainsFunc(d.Topics[:j], func(u Facet) bool { return u.Slug == t.Slug }) {
				topics.add(t.Slug, cmp.Or(t.Label, t.Slug), i)
			}
		}
	}
	byLabel := func(a, b entryValue) int {
		return cmp.Or(strings.Compare(strings.ToLower(a.Label), strings.ToLower(b.Label)), strings.Compare(a.Slug, b.Slug))
	}
	t := tables{
		outcomes: outcomes.table(func(a, b entryValue) int {
			return cmp.Or(cmp.Compare(outcomeRank(a.Slug), outcomeRank(b.Slug)), strings.Compare(a.Slug, b.Slug))
		}),
		regimes: regimes.table(func(a, b entryValue) int { return strings.Compare(a.Slug, b.Slug) }),
		forces:  forces.table(byLabel),
		topics:  topics.table(byLabel),
		years:   []entryYear{},
	}
	for i, d := range docs {
		y := docYear(d)
		if n := len(t.years); n > 0 && t.years[n-1].Year == y {
			t.years[n-1].Count++
		} else {
			t.years = append(t.years, entryYear{Year: y, First: i, Count: 1})
		}
	}

	// Sections and provisions in natural order ("s2" before "s10"); a
	// document counts once per section however many subsections it cites.
	type stat struct {
		first Exemption // the first document's
		count int
		doc   int // last document counted
	}
	exStats, secStats := map[string]*stat{}, map[string]*stat{}
	for i, d := range docs {
		for j, x := range d.Exemptions {
			if x.Slug == "" || slices.ContainsFunc(d.Exemptions[:j], func(y Exemption) bool { return y.Slug == x.Slug }) {
				continue
			}
			ex := exStats[x.Slug]
			if ex == nil {
				ex = &stat{first: x}
				exStats[x.Slug] = ex
			}
			ex.count++
			sec := secStats[sectionOf(x)]
			if sec == nil {
				sec = &stat{first: x, doc: -1}
				secStats[sectionOf(x)] = sec
			}
			if sec.doc != i {
				sec.doc = i
				sec.count++
			}
		}
	}
	secSlugs := sortedKeys(secStats, naturalCompare)
	secIndex := map[string]int{}
	t.sections = []entrySection{}
	for i, s := range secSlugs {
		x := secStats[s].first
		regime, _, _ := strings.Cut(s, "-")
		t.sections = append(t.sections, entrySection{Slug: s, Label: cmp.Or(x.SectionLabel, x.Provision, s), Regime: regime, Cite: citeKey(s), Count: secStats[s].count})
		secIndex[s] = i
	}
	exSlugs := sortedKeys(exStats, naturalCompare)
	t.exIndex = map[string]int{}
	t.exemptions = []entryProvison{}
	for i, s := range exSlugs {
		x := exStats[s].first
		t.exemptions = append(t.exemptions, entryProvison{Slug: s, Provision: cmp.Or(x.Provision, s), Title: x.Title,
			Section: secIndex[sectionOf(x)], Cite: citeKey(s), NCND: x.NCND, Count: exStats[s].count})
		t.exIndex[s] = i
	}
	return t
}

func sectionOf(x Exemption) string { return cmp.Or(x.Section, x.Slug) }

// uniqueExemptions drops empty slugs and repeats, keeping the first.
func uniqueExemptions(xs []Exemption) []Exemption {
	out := make([]Exemption, 0, len(xs))
	for _, x := range xs {
		if x.Slug != "" && !slices.ContainsFunc(out, func(y Exemption) bool { return y.Slug == x.Slug }) {
			out = append(out, x)
		}
	}
	return out
}

func uniqueFacets(fs []Facet) []Facet {
	out := make([]Facet, 0, len(fs))
	for _, f := range fs {
		if f.Slug != "" && !slices.ContainsFunc(out, func(g Facet) bool { return g.Slug == f.Slug }) {
			out = append(out, f)
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V, compare func(a, b string) int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, compare)
	return keys
}

// naturalCompare orders strings with runs of digits compared as numbers:
// "foia-s2" < "foia-s10" < "foia-s10-1". Strings that differ only in
// leading zeros fall back to byte order, so distinct strings never tie.
func naturalCompare(a, b string) int {
	return cmp.Or(natural(a, b), strings.Compare(a, b))
}

func natural(a, b string) int {
	for a != "" && b != "" {
		if isDigit(a[0]) && isDigit(b[0]) {
			i, j := digitRun(a), digitRun(b)
			na, nb := strings.TrimLeft(a[:i], "0"), strings.TrimLeft(b[:j], "0")
			if c := cmp.Or(cmp.Compare(len(na), len(nb)), strings.Compare(na, nb)); c != 0 {
				return c
			}
			a, b = a[i:], b[j:]
			continue
		}
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		a, b = a[1:], b[1:]
	}
	return cmp.Compare(len(a), len(b))
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func digitRun(s string) int {
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}
