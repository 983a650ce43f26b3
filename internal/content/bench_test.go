package content_test

import (
	"github.com/foilog/foilog/internal/cputime"
	"io/fs"
	"os"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/foilog/foilog/internal/config"
	"github.com/foilog/foilog/internal/content"
	"github.com/foilog/foilog/internal/synth"
)

// synthLog returns 1,000 synthetic responses in memory.
var synthLog = sync.OnceValue(func() fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range synth.Generate(synth.Options{N: 1000, Seed: 1}) {
		fsys[f.Path] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return fsys
})

// BenchmarkLoadFile loads 1,000 synthetic responses per iteration, from
// memory ("mem") and from files on disk ("dir"), and reports the CPU time
// per iteration, which a busy machine disturbs less than the wall-clock
// time.
func BenchmarkLoadFile(b *testing.B) {
	mem := synthLog()
	dir := b.TempDir()
	if _, err := synth.Write(dir, synth.Options{N: 1000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	for _, fsys := range []struct {
		name string
		fs.FS
	}{{"mem", mem}, {"dir", os.DirFS(dir)}} {
		b.Run(fsys.name, func(b *testing.B) {
			cfg, list := config.Load(fsys)
			if list.HasErrors() {
				b.Fatal(list)
			}
			paths, _ := content.Sources(fsys)
			b.ReportAllocs()
			start, ok := cputime.Used()
			b.ResetTimer()
			for range b.N {
				for _, p := range paths {
					if r, _ := content.LoadFile(fsys, p, cfg); r == nil {
						b.Fatalf("%s did not load", p)
					}
				}
			}
			b.StopTimer()
			if end, _ := cputime.Used(); ok {
				b.ReportMetric(float64(end-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
			}
		})
	}
}
