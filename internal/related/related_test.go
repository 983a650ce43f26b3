package related

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// keys returns the Keys of docs[i] for each index in idx.
func keys(docs []Doc, idx []int) []string {
	var out []string
	for _, i := range idx {
		out = append(out, docs[i].Key)
	}
	return out
}

// byKey returns Compute's answer as Key → related Keys.
func byKey(docs []Doc, k int) map[string][]string {
	res := Compute(docs, k)
	m := map[string][]string{}
	for i, r := range res {
		m[docs[i].Key] = keys(docs, r)
	}
	return m
}

func TestRanking(t *testing.T) {
	// The newest document asks about cyber security software and gets an
	// NCND answer under s24(2) and s31(3).
	target := Doc{Date: "2024-03-01", Key: "cyber-software-2024",
		Exemptions: []string{"foia-s24", "foia-s24-2", "foia-s31", "foia-s31-3"},
		Topics:     []string{"cyber-security"}, Terms: []string{"cyber", "softwar", "vendor", "firewal"}}
	docs := []Doc{
		target,
		{Date: "2023-06-14", Key: "cyber-software-2023", // same question last year
			Exemptions: []string{"foia-s24-2", "foia-s31-3"}, Topics: []string{"cyber-security"},
			Terms: []string{"cyber", "softwar", "vendor", "antiviru"}},
		{Date: "2022-01-10", Key: "firewall-supplier", // same topic and words, disclosed
			Topics: []string{"cyber-security"}, Terms: []string{"firewal", "vendor", "contract"}},
		{Date: "2023-09-01", Key: "anpr-cameras-ncnd", // same exemptions, other subject
			Exemptions: []string{"foia-s24-2", "foia-s31-3"}, Topics: []string{"anpr"},
			Terms: []string{"anpr", "camera", "locat"}},
		{Date: "2023-09-02", Key: "s31-only", // shares one provision only: too weak
			Exemptions: []string{"foia-s31-3"}, Topics: []string{"staffing"}, Terms: []string{"overtim"}},
		{Date: "2023-09-03", Key: "section-and-word", // a section and one shared word: too weak
			Exemptions: []string{"foia-s31-1-a"}, Terms: []string{"vendor"}},
		{Date: "2023-01-01", Key: "unrelated",
			Topics: []string{"vehicles"}, Terms: []string{"fleet", "mileag", "fuel"}},
		{Date: "2025-01-01", Key: "later-copy", // identical but later: never listed for target
			Exemptions: target.Exemptions, Topics: target.Topics, Terms: target.Terms},
	}
	// Background documents make the shared words rare.
	for i := range 40 {
		docs = append(docs, Doc{Date: "2020-01-01", Key: fmt.Sprintf("bg-%02d", i),
			Topics: []string{"background"}, Terms: []string{fmt.Sprintf("w%d", i), "common"}})
	}
	got := byKey(docs, 10)
	want := []string{"cyber-software-2023", "anpr-cameras-ncnd", "firewall-supplier"}
	if !slices.Equal(got["cyber-software-2024"], want) {
		t.Errorf("related to target:\n got %v\nwant %v", got["cyber-software-2024"], want)
	}
	if g := got["later-copy"]; len(g) == 0 || g[0] != "cyber-software-2024" {
		t.Errorf("later copy: got %v, want the target first", g)
	}
	if g := got["unrelated"]; g != nil {
		t.Errorf("unrelated: got %v, want none", g)
	}
}

func TestOnlyEarlier(t *testing.T) {
	same := Doc{Exemptions: []string{"foia-s31-3"}, Topics: []string{"t"}}
	docs := []Doc{}
	for _, d := range []struct{ date, key string }{
		{"2023-01-02", "b"}, {"2023-01-02", "a"}, {"2023-01-02", "c"}, {"2023-01-01", "z"}, {"2023-01-03", "d"},
	} {
		doc := same
		doc.Date, doc.Key = d.date, d.key
		docs = append(docs, doc)
	}
	got := byKey(docs, 10)
	want := map[string][]string{
		"z": nil,
		"a": {"z"}, // 2023-01-02 "a": only the earlier date
		"b": {"a", "z"},
		"c": {"a", "b", "z"}, // equal scores: newer date first, then Key
	}
	for _, k := range []string{"z", "a", "b", "c"} {
		if !slices.Equal(got[k], want[k]) {
			t.Errorf("%s: got %v, want %v", k, got[k], want[k])
		}
	}
	res := Compute(docs, 10)
	if g := keys(docs, res[4]); !slices.Equal(g, []string{"a", "b", "c", "z"}) {
		t.Errorf("2023-01-03 a: got %v", g)
	}
}

func TestWeights(t *testing.T) {
	bg := func(n int) []Doc {
		var out []Doc
		for i := range n {
			out = append(out, Doc{Date: "2000-01-01", Key: fmt.Sprintf("bg%03d", i), Terms: []string{"common"}})
		}
		return out
	}
	tests := []struct {
		name string
		a, b Doc
		want bool
	}{
		{"one provision", Doc{Exemptions: []string{"foia-s31-3"}}, Doc{Exemptions: []string{"foia-s31-3"}}, false},
		{"two provisions", Doc{Exemptions: []string{"foia-s24-2", "foia-s31-3"}}, Doc{Exemptions: []string{"foia-s24-2", "foia-s31-3"}}, true},
		{"provision implies its section", Doc{Exemptions: []string{"foia-s24-2", "foia-s31-3"}}, Doc{Exemptions: []string{"foia-s24", "foia-s24-2", "foia-s31", "foia-s31-3"}}, true},
		{"two sections, other provisions", Doc{Exemptions: []string{"foia-s24-2", "foia-s31-3"}}, Doc{Exemptions: []string{"foia-s24-1", "foia-s31-1-a"}}, false},
		{"section and topic", Doc{Exemptions: []string{"foia-s31"}, Topics: []string{"t"}}, Doc{Exemptions: []string{"foia-s31-3"}, Topics: []string{"t"}}, false},
		{"provision and topic", Doc{Exemptions: []string{"foia-s31-3"}, Topics: []string{"t"}}, Doc{Exemptions: []string{"foia-s31-3"}, Topics: []string{"t"}}, true},
		{"two topics", Doc{Topics: []string{"t", "u"}}, Doc{Topics: []string{"u", "t"}}, true},
		{"topic and rare term", Doc{Topics: []string{"t"}, Terms: []string{"drone"}}, Doc{Topics: []string{"t"}, Terms: []string{"drone"}}, true},
		{"topic and common term", Doc{Topics: []string{"t"}, Terms: []string{"common"}}, Doc{Topics: []string{"t"}, Terms: []string{"common"}}, false},
		{"two rare terms", Doc{Terms: []string{"drone", "thermal"}}, Doc{Terms: []string{"thermal", "drone"}}, true},
		{"one rare term", Doc{Terms: []string{"drone", "thermal"}}, Doc{Terms: []string{"drone", "camera"}}, false},
		{"repeated term counts once", Doc{Terms: []string{"drone", "drone", "drone"}}, Doc{Terms: []string{"drone", "drone"}}, false},
		{"different regimes", Doc{Exemptions: []string{"eir-r12-5-a"}, Topics: []string{"t"}}, Doc{Exemptions: []string{"foia-s24-2"}, Topics: []string{"t"}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.a.Date, tt.a.Key = "2023-01-01", "a"
			tt.b.Date, tt.b.Key = "2023-01-02", "b"
			docs := append([]Doc{tt.a, tt.b}, bg(100)...)
			got := Compute(docs, 3)[1]
			if listed := slices.Equal(got, []int{0}); listed != tt.want {
				t.Errorf("listed = %v (got %v), want %v", listed, got, tt.want)
			}
		})
	}
}

func TestK(t *testing.T) {
	docs := synth(300, 1)
	for _, k := range []int{1, 3, 7} {
		for i, r := range Compute(docs, k) {
			if len(r) > k {
				t.Fatalf("k=%d: doc %d has %d related", k, i, len(r))
			}
		}
	}
	full := Compute(docs, 7)
	three := Compute(docs, 3)
	for i := range docs {
		if !slices.Equal(three[i], full[i][:min(3, len(full[i]))]) {
			t.Fatalf("doc %d: k=3 gives %v, not the first three of %v", i, three[i], full[i])
		}
	}
	for _, k := range []int{0, -1} {
		for i, r := range Compute(docs, k) {
			if r != nil {
				t.Fatalf("k=%d: doc %d has %v", k, i, r)
			}
		}
	}
}

func TestEmpty(t *testing.T) {
	if got := Compute(nil, 5); len(got) != 0 {
		t.Errorf("nil: got %v", got)
	}
	if got := Compute([]Doc{{Date: "2023-01-01", Key: "a", Topics: []string{"t"}}}, 5); len(got) != 1 || got[0] != nil {
		t.Errorf("one doc: got %v", got)
	}
	if got := Compute(make([]Doc, 3), 5); len(got) != 3 || got[0] != nil || got[1] != nil || got[2] != nil {
		t.Errorf("featureless docs: got %v", got)
	}
}

func TestDeterministicUnderShuffle(t *testing.T) {
	for _, n := range []int{200, 3000} {
		docs := synth(n, 2)
		want := byKey(docs, 5)
		listed := 0
		for _, v := range want {
			listed += len(v)
		}
		if listed < n {
			t.Fatalf("n=%d: only %d related listed in all; the synthetic docs should be related", n, listed)
		}
		rng := rand.New(rand.NewPCG(7, 7))
		for range 3 {
			shuffled := slices.Clone(docs)
			rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			got := byKey(shuffled, 5)
			for key, w := range want {
				if !slices.Equal(got[key], w) {
					t.Fatalf("n=%d %s: shuffled gives %v, want %v", n, key, got[key], w)
				}
			}
		}
	}
}

func TestSameOnAnyNumberOfCores(t *testing.T) {
	docs := synth(3000, 5)
	prev := runtime.GOMAXPROCS(1)
	serial := Compute(docs, 5)
	runtime.GOMAXPROCS(4)
	parallel := Compute(docs, 5)
	runtime.GOMAXPROCS(prev)
	for i := range docs {
		if !slices.Equal(serial[i], parallel[i]) {
			t.Fatalf("doc %s: one core gives %v, four give %v", docs[i].Key, serial[i], parallel[i])
		}
	}
}

// TestMatchesAllPairs checks Compute against the documented formula applied
// to every pair, on a site small enough that every holder of every feature
// is visited.
func TestMatchesAllPairs(t *testing.T) {
	docs := synth(250, 3)
	got := Compute(docs, 6)
	want := allPairs(docs, 6)
	for i := range docs {
		if !slices.Equal(got[i], want[i]) {
			t.Fatalf("doc %s: got %v, want %v", docs[i].Key, keys(docs, got[i]), keys(docs, want[i]))
		}
	}
}

// TestLargeIsSound checks, on a site large enough for common features to be
// windowed, that every listed document is earlier, scores at least the
// minimum, and that lists are in order.
func TestLargeIsSound(t *testing.T) {
	docs := synth(4000, 4)
	sc := newScorer(docs)
	for i, r := range Compute(docs, 5) {
		prev := math.MaxInt
		for _, j := range r {
			if !earlier(docs[j], docs[i]) {
				t.Fatalf("%s lists later %s", docs[i].Key, docs[j].Key)
			}
			s := sc.score(i, j)
			if s < minScore || s > prev {
				t.Fatalf("%s lists %s with score %d after %d", docs[i].Key, docs[j].Key, s, prev)
			}
			prev = s
		}
	}
}

func earlier(a, b Doc) bool {
	return a.Date < b.Date || a.Date == b.Date && a.Key < b.Key
}

// scorer applies the package doc's formula to one pair.
type scorer struct {
	docs []Doc
	sets []map[string]bool
	df   map[string]int
}

func newScorer(docs []Doc) *scorer {
	s := &scorer{docs: docs, df: map[string]int{}}
	for _, d := range docs {
		set := map[string]bool{}
		for _, e := range d.Exemptions {
			if parts := strings.Split(e, "-"); len(parts) >= 3 {
				set["p:"+e] = true
				set["s:"+parts[0]+"-"+parts[1]] = true
			} else {
				set["s:"+e] = true
			}
		}
		for _, x := range d.Topics {
			set["t:"+x] = true
		}
		for _, x := range d.Terms {
			set["w:"+x] = true
		}
		for f := range set {
			s.df[f]++
		}
		s.sets = append(s.sets, set)
	}
	return s
}

func (s *scorer) score(i, j int) int {
	n := float64(len(s.docs))
	total := 0
	for f := range s.sets[i] {
		if !s.sets[j][f] {
			continue
		}
		switch f[0] {
		case 's':
			total += 1500
		case 'p':
			total += 1500
		case 't':
			total += 2000
		case 'w':
			if df := s.df[f]; float64(df) <= max(math.Ceil(0.05*n), 10) {
				total += int(math.Round(2500 * math.Log(n/float64(df)) / math.Log(n)))
			}
		}
	}
	return total
}

// allPairs is the quadratic reference: every earlier doc scoring at least
// the minimum, best first, ties by newer Date then Key.
func allPairs(docs []Doc, k int) [][]int {
	sc := newScorer(docs)
	out := make([][]int, len(docs))
	for i := range docs {
		type cand struct{ j, s int }
		var cs []cand
		for j := range docs {
			if earlier(docs[j], docs[i]) {
				if s := sc.score(i, j); s >= minScore {
					cs = append(cs, cand{j, s})
				}
			}
		}
		slices.SortFunc(cs, func(a, b cand) int {
			if a.s != b.s {
				return b.s - a.s
			}
			if c := strings.Compare(docs[b.j].Date, docs[a.j].Date); c != 0 {
				return c
			}
			return strings.Compare(docs[a.j].Key, docs[b.j].Key)
		})
		for _, c := range cs[:min(k, len(cs))] {
			out[i] = append(out[i], c.j)
		}
	}
	return out
}

// synth returns n deterministic synthetic documents shaped like a
// disclosure log: a few very common exemptions, a skewed spread of topics
// and a Zipf-distributed vocabulary.
func synth(n int, seed uint64) []Doc {
	rng := rand.New(rand.NewPCG(seed, 1))
	exemptions := [][]string{
		{"foia-s40-2"}, {"foia-s40-2"}, {"foia-s40-2"}, {"foia-s31-1-a"}, {"foia-s31-1-a"},
		{"foia-s24-2", "foia-s31-3"}, {"foia-s23-5", "foia-s24-2"}, {"foia-s12"}, {"foia-s12"},
		{"foia-s21"}, {"foia-s22"}, {"foia-s30-1"}, {"foia-s38-1"}, {"foia-s43-2"}, {"foia-s41"},
		{"foia-s42"}, {"foia-s44"}, {"eir-r12-5-a"}, {"foia-s30-3", "foia-s40-5"}, {"foia-s31-3"},
	}
	topicZipf := rand.NewZipf(rng, 1.2, 2, 79)
	termZipf := rand.NewZipf(rng, 1.05, 3, uint64(2000+n/2))
	docs := make([]Doc, n)
	for i := range docs {
		d := &docs[i]
		d.Date = fmt.Sprintf("%04d-%02d-%02d", 2015+rng.IntN(10), 1+rng.IntN(12), 1+rng.IntN(28))
		d.Key = fmt.Sprintf("foi-%06d", rng.IntN(10*n))
		for range rng.IntN(3) {
			d.Exemptions = append(d.Exemptions, exemptions[rng.IntN(len(exemptions))]...)
		}
		for range 1 + rng.IntN(2) {
			d.Topics = append(d.Topics, fmt.Sprintf("topic-%d", topicZipf.Uint64()))
		}
		for range 6 + rng.IntN(10) {
			d.Terms = append(d.Terms, fmt.Sprintf("t%d", termZipf.Uint64()))
		}
	}
	for i := range docs { // keys unique
		docs[i].Key += fmt.Sprintf("-%d", i)
	}
	return docs
}

func benchmarkCompute(b *testing.B, n int) {
	docs := synth(n, 42)
	b.ResetTimer()
	for b.Loop() {
		Compute(docs, 5)
	}
}

func BenchmarkCompute10k(b *testing.B)  { benchmarkCompute(b, 10_000) }
func BenchmarkCompute100k(b *testing.B) { benchmarkCompute(b, 100_000) }
