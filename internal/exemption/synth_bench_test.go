package exemption_test

import (
	"github.com/foilog/foilog/internal/cputime"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/foilog/foilog/internal/config"
	"github.com/foilog/foilog/internal/content"
	"github.com/foilog/foilog/internal/exemption"
	"github.com/foilog/foilog/internal/synth"
)

// synthFacts returns the Facts of 1,000 synthetic responses, as the site
// build passes them to Check.
var synthFacts = sync.OnceValue(func() []exemption.Facts {
	fsys := fstest.MapFS{}
	for _, f := range synth.Generate(synth.Options{N: 1000, Seed: 1}) {
		fsys[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	cfg, _ := config.Load(fsys)
	rs, _ := content.Load(fsys, cfg)
	facts := make([]exemption.Facts, len(rs))
	for i, r := range rs {
		facts[i] = exemption.Facts{Outcome: string(r.Outcome), Provisions: r.Provisions,
			Body: string(r.Body), BodyLine: r.BodyLine, Regime: r.Regime}
	}
	return facts
})

// benchFacts runs f on the Facts of 1,000 synthetic responses per
// iteration and reports the CPU time per iteration, which a busy machine
// disturbs less than the wall-clock time.
func benchFacts(b *testing.B, f func(exemption.Facts)) {
	facts := synthFacts()
	var n int64
	for _, f := range facts {
		n += int64(len(f.Body))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	start, ok := cputime.Used()
	b.ResetTimer()
	for range b.N {
		for _, x := range facts {
			f(x)
		}
	}
	b.StopTimer()
	if end, _ := cputime.Used(); ok {
		b.ReportMetric(float64(end-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	}
}

// BenchmarkCheck checks 1,000 synthetic responses per iteration.
func BenchmarkCheck(b *testing.B) {
	benchFacts(b, func(f exemption.Facts) { exemption.Check(f) })
}

// BenchmarkScanTextSynth scans the bodies of 1,000 synthetic responses
// per iteration.
func BenchmarkScanTextSynth(b *testing.B) {
	benchFacts(b, func(f exemption.Facts) { exemption.ScanText(f.Body, f.Regime) })
}
