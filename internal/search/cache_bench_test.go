package search

import (
	"github.com/foilog/foilog/internal/cputime"
	"slices"
	"testing"
	"time"
)

// BenchmarkRebuildCitation measures what watch mode pays for the search
// index when a provision cited nowhere else in a 10,000-response log is
// added to one response and removed again: the provisions after it in the
// entry's table are renumbered, so the facet and document files of every
// response citing one of them are written again. It reports CPU time per
// rebuild as cpu-ms/op (see BenchmarkRebuildOneChange):
//
//	go test ./internal/search -run '^$' -bench RebuildCitation -benchtime 20x
func BenchmarkRebuildCitation(b *testing.B) {
	docs := slices.Clone(benchDocs(10000))
	cache := new(Cache)
	if _, err := cache.Build(docs); err != nil {
		b.Fatal(err)
	}
	d := &docs[len(docs)/3]
	plain := d.Exemptions
	cited := append(slices.Clip(plain), synthExemption{"FOIA", "38(1)(a)", "Health and safety", false}.doc())
	start, ok := cputime.Used()
	b.ResetTimer()
	for i := range b.N {
		d.Exemptions = plain
		if i%2 == 0 {
			d.Exemptions = cited
		}
		if _, err := cache.Build(docs); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if end, _ := cputime.Used(); ok {
		b.ReportMetric(float64(end-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	}
}
