package search

import (
	"fmt"
	"github.com/foilog/foilog/internal/cputime"
	"testing"
	"time"
)

// BenchmarkRebuildOneChange measures what watch mode (foilog serve) pays
// for the search index when one response of a 10,000-response log is
// edited: each iteration changes one document's body and rebuilds. It
// reports CPU time (user + system, all threads) per rebuild as cpu-ms/op,
// which unlike ns/op does not depend on what else the machine is doing:
//
//	go test ./internal/search -run '^$' -bench RebuildOneChange -benchtime 20x
func BenchmarkRebuildOneChange(b *testing.B) {
	base := benchDocs(10000)
	b.Run("Build", func(b *testing.B) {
		docs := append([]Document(nil), base...)
		benchRebuild(b, docs, Build)
	})
	b.Run("Cache", func(b *testing.B) {
		docs := append([]Document(nil), base...)
		benchRebuild(b, docs, new(Cache).Build)
	})
}

func benchRebuild(b *testing.B, docs []Document, build func([]Document) (*Index, error)) {
	if _, err := build(docs); err != nil {
		b.Fatal(err)
	}
	start, ok := cputime.Used()
	b.ResetTimer()
	for i := range b.N {
		d := &docs[i*7919%len(docs)]
		d.Body += fmt.Sprintf(" Revised %d.", i)
		if _, err := build(docs); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if end, _ := cputime.Used(); ok {
		b.ReportMetric(float64(end-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	}
}
