package site_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/foilog/foilog"
	"github.com/foilog/foilog/internal/content"
	"github.com/foilog/foilog/internal/frontmatter"
	"github.com/foilog/foilog/internal/markdown"
	"github.com/foilog/foilog/internal/output"
	"github.com/foilog/foilog/internal/site"
	"github.com/foilog/foilog/internal/synth"
)

// The build benchmarks compare a full foilog build of a synthetic log with
// the floor any generator pays: goldmark converting the same bodies and
// writing one HTML file per response. Run them together so the ratio is
// measured on one machine at one moment:
//
//	scripts/bench-build.sh 10000 5
//
// which alternates one build and one floor run per round, so that both
// see the same machine, and prints the medians, the median ratio and the
// peak memory of `foilog build`. Each iteration writes to a new, empty
// folder after a sync. BenchmarkRebuild times builds over an existing
// site. See README.md for the figures.

var logs sync.Map // N → generated site folder

// outputRoot returns the folder the iterations of one benchmark write
// into. FOILOG_BENCH_OUT names a folder the caller removes later (the
// script removes it when every round has run); without it the folder is a
// test temporary, removed when the benchmark ends.
//
// No timed run may follow a mass removal: on ext4 without a journal, the
// file system this machine has, making a file costs a scan past every
// inode freed in the last 60 seconds (6 minutes while their blocks are
// unwritten), which made 15,000 files take from 0.3 s to 8 s depending on
// what the previous round had removed. So iterations never remove earlier
// output; each writes to its own folder.
func outputRoot(b *testing.B) string {
	root := os.Getenv("FOILOG_BENCH_OUT")
	if root == "" {
		return b.TempDir()
	}
	dir, err := os.MkdirTemp(root, "run-")
	if err != nil {
		b.Fatal(err)
	}
	return dir
}

// settle flushes the disk cache outside the timer, so one run does not
// pay for writing back the files of the last one.
func settle(b *testing.B) {
	b.StopTimer()
	syncDisk()
	b.StartTimer()
}

func syntheticLog(b *testing.B, n int) string {
	if dir, ok := logs.Load(n); ok {
		return dir.(string)
	}
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("foilog-bench-%d", n))
	if _, err := os.Stat(filepath.Join(dir, "foilog.yaml")); err != nil {
		os.RemoveAll(dir)
		if _, err := synth.Write(dir, synth.Options{N: n, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
	logs.Store(n, dir)
	return dir
}

// limitMemory sets the soft heap limit foilog build sets for a log of n
// responses (GOMEMLIMIT in the environment wins there too) and returns
// the function that puts the old one back.
func limitMemory(n int) func() {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	old := debug.SetMemoryLimit(site.MemoryLimit(n))
	return func() { debug.SetMemoryLimit(old) }
}

// buildInto builds the site in src into dest as foilog build does: files
// stream from the render workers into a stage that Commit puts in place.
func buildInto(b *testing.B, src, dest string) output.Stats {
	return buildWith(b, foilog.Layouts, src, dest)
}

// buildWith is buildInto with the given default layouts.
func buildWith(b *testing.B, layouts fs.FS, src, dest string) output.Stats {
	stage, err := output.NewStage(dest)
	if err != nil {
		b.Fatal(err)
	}
	res, list := site.Build(site.Options{Source: os.DirFS(src), Layouts: layouts, Static: foilog.Static, Now: fixedNow, Output: stage})
	if res == nil {
		stage.Abort()
		b.Fatal(list)
	}
	st, err := stage.Commit()
	if err != nil {
		b.Fatal(err)
	}
	return st
}

func BenchmarkBuild(b *testing.B) { benchmarkBuilds(b, foilog.Layouts) }

// BenchmarkBuildBare is BenchmarkBuild with layouts that write almost
// nothing: every page is still planned and written, and the search index,
// related responses and every other file are made as usual, but no layout
// work is done. Build minus Bare is what the page templates cost inside a
// real build; Bare against Floor is the least a build can cost with these
// features.
func BenchmarkBuildBare(b *testing.B) { benchmarkBuilds(b, bareLayouts(b)) }

// benchmarkBuilds builds the 1k and 10k logs with the given default
// layouts, each iteration into a new folder.
func benchmarkBuilds(b *testing.B, layouts fs.FS) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			defer limitMemory(n)()
			dir := syntheticLog(b, n)
			dest := outputRoot(b)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				settle(b)
				buildWith(b, layouts, dir, filepath.Join(dest, fmt.Sprint(i)))
			}
		})
	}
}

// bareLayouts returns layouts of the same names as the defaults that
// write one letter per page: the base layout only calls "main", each page
// kind defines "main" as "x", and every partial is empty.
func bareLayouts(b *testing.B) fstest.MapFS {
	bare := fstest.MapFS{}
	err := fs.WalkDir(foilog.Layouts, "layouts", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		text := `{{define "main"}}x{{end}}`
		switch {
		case path.Base(p) == "baseof.html":
			text = `{{template "main" .}}`
		case strings.Contains(p, "/partials/"):
			text = ""
		}
		bare[p] = &fstest.MapFile{Data: []byte(text)}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return bare
}

// BenchmarkRebuild builds again a site built before, as staff do after a
// change when they build rather than preview: with nothing changed, and
// with a sentence added to one response's body before each iteration.
// files-changed/op is what a sync to a host then uploads or deletes.
//
//	go test ./internal/site -run '^$' -bench Rebuild/10k -benchtime 5x
func BenchmarkRebuild(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		for _, edit := range []bool{false, true} {
			name := fmt.Sprintf("%dk/unchanged", n/1000)
			if edit {
				name = fmt.Sprintf("%dk/one-edit", n/1000)
			}
			b.Run(name, func(b *testing.B) {
				defer limitMemory(n)()
				src := syntheticLog(b, n)
				var file string
				var body []byte
				if edit {
					// A copy to edit, so that the shared log stays as generated.
					copied := filepath.Join(outputRoot(b), "log")
					if err := os.CopyFS(copied, os.DirFS(src)); err != nil {
						b.Fatal(err)
					}
					src = copied
					paths, _ := content.Sources(os.DirFS(src))
					file = filepath.Join(src, filepath.FromSlash(paths[len(paths)/2]))
					var err error
					if body, err = os.ReadFile(file); err != nil {
						b.Fatal(err)
					}
				}
				dest := filepath.Join(outputRoot(b), "public")
				buildInto(b, src, dest)
				changed := 0
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					if edit {
						b.StopTimer()
						// Two sentences in turn, so that every iteration
						// changes the page and the search index.
						added := []string{"\nThe figures above were checked again.\n", "\nThe figures above were corrected.\n"}[i%2]
						if err := os.WriteFile(file, append(slices.Clip(body), added...), 0o644); err != nil {
							b.Fatal(err)
						}
						b.StartTimer()
					}
					settle(b)
					st := buildInto(b, src, dest)
					changed += st.Written + st.Removed
				}
				b.ReportMetric(float64(changed)/float64(b.N), "files-changed/op")
			})
		}
	}
}

// BenchmarkFloor converts every body with goldmark (configured as foilog
// configures it) on all cores and writes each to its own index.html.
func BenchmarkFloor(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			dir := syntheticLog(b, n)
			var bodies [][]byte
			fs.WalkDir(os.DirFS(dir), "content/responses", func(p string, d fs.DirEntry, err error) error {
				if err == nil && strings.HasSuffix(p, ".md") {
					src, _ := fs.ReadFile(os.DirFS(dir), p)
					if doc, err := frontmatter.Parse(src); err == nil {
						bodies = append(bodies, doc.Body)
					}
				}
				return nil
			})
			md := markdown.New()
			dest := outputRoot(b)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				settle(b)
				out := filepath.Join(dest, fmt.Sprint(i))
				var wg sync.WaitGroup
				next := make(chan int, 64)
				for w := 0; w < runtime.GOMAXPROCS(0); w++ {
					wg.Add(1)
					go func() {
						defer wg.Done()
						var buf bytes.Buffer
						for j := range next {
							d, err := md.Convert(bodies[j])
							if err != nil {
								b.Error(err)
								continue
							}
							buf.Reset()
							buf.Write(d.HTML)
							p := filepath.Join(out, fmt.Sprint(j))
							os.MkdirAll(p, 0o755)
							os.WriteFile(filepath.Join(p, "index.html"), buf.Bytes(), 0o644)
						}
					}()
				}
				for j := range bodies {
					next <- j
				}
				close(next)
				wg.Wait()
			}
		})
	}
}
