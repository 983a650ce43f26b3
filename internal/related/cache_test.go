package related

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestCacheMatchesCompute edits the features of a few documents at a time
// (adding and removing exemptions, topics and terms, new ones among them,
// and features crossing the walk limit and the common-term share) and
// checks that a Cache gives what Compute gives after every step, and
// that edits of dates, keys and length are handled too.
func TestCacheMatchesCompute(t *testing.T) {
	const n = 3000
	docs := synth(n, 9)
	// A topic held by exactly walkLimit documents and a term by exactly
	// the most a term may have: one more crosses each line.
	for i := 0; i < walkLimit; i++ {
		docs[i*7%n].Topics = append(slices.Clone(docs[i*7%n].Topics), "edge-topic")
	}
	maxDF := n * 5 / 100
	for i := 0; i < maxDF; i++ {
		docs[i*11%n].Terms = append(slices.Clone(docs[i*11%n].Terms), "edgeterm")
	}
	var c Cache
	check := func(step string, docs []Doc) {
		t.Helper()
		got, want := c.Compute(docs, 5), Compute(docs, 5)
		for i := range want {
			if !slices.Equal(got[i], want[i]) {
				t.Fatalf("%s: doc %s: cache gives %v, Compute %v", step, docs[i].Key, keys(docs, got[i]), keys(docs, want[i]))
			}
		}
	}
	check("first", docs)
	check("unchanged", slices.Clone(docs))

	rng := rand.New(rand.NewPCG(3, 3))
	pool := []string{"foia-s38-1-a", "foia-s40-2", "foia-s31-3", "foia-s99", "eir-r12-5-a"}
	for step := range 40 {
		docs = slices.Clone(docs)
		for range 1 + rng.IntN(4) {
			i := rng.IntN(n)
			d := &docs[i]
			switch rng.IntN(6) {
			case 0:
				d.Exemptions = append(slices.Clone(d.Exemptions), pool[rng.IntN(len(pool))])
			case 1:
				d.Exemptions = nil
			case 2:
				d.Topics = append(slices.Clone(d.Topics), fmt.Sprintf("topic-%d", rng.IntN(90)))
			case 3:
				d.Terms = append(slices.Clone(d.Terms), fmt.Sprintf("t%d", rng.IntN(3000)), fmt.Sprintf("new%d", step))
			case 4:
				d.Terms = d.Terms[:len(d.Terms)/2]
			case 5:
				if slices.Contains(d.Topics, "edge-topic") {
					d.Topics = slices.DeleteFunc(slices.Clone(d.Topics), func(s string) bool { return s == "edge-topic" })
				} else {
					d.Topics = append(slices.Clone(d.Topics), "edge-topic")
				}
				if slices.Contains(d.Terms, "edgeterm") {
					d.Terms = slices.DeleteFunc(slices.Clone(d.Terms), func(s string) bool { return s == "edgeterm" })
				} else {
					d.Terms = append(slices.Clone(d.Terms), "edgeterm")
				}
			}
		}
		check(fmt.Sprintf("step %d", step), docs)
	}
	if c.full != 1 {
		t.Fatalf("the cache computed everything %d times for edits of a few documents, want once", c.full)
	}

	docs = slices.Clone(docs)
	docs[5].Date = "2030-01-01"
	check("date edit", docs)
	docs = slices.Clone(docs)
	docs[6].Key += "-renamed"
	check("key edit", docs)
	check("one gone", docs[1:])
	check("many edited", synth(n, 10))
	check("empty", nil)
	check("after empty", docs)
}

func BenchmarkCacheEdit10k(b *testing.B) {
	docs := synth(10_000, 42)
	var c Cache
	c.Compute(docs, 5)
	edited := slices.Clone(docs)
	edited[500].Exemptions = append(slices.Clone(edited[500].Exemptions), "foia-s38-1-a", "foia-s38")
	for i := 0; b.Loop(); i++ {
		if i%2 == 0 {
			c.Compute(edited, 5)
		} else {
			c.Compute(docs, 5)
		}
	}
}
