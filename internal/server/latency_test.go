package server

import (
	"bufio"
	"context"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/foilog/foilog"
	"github.com/foilog/foilog/internal/output"
	"github.com/foilog/foilog/internal/site"
	"github.com/foilog/foilog/internal/synth"
)

// benchPreview is one live preview of a large log shared by the
// sub-benchmarks of BenchmarkSaveToReload.
type benchPreview struct {
	root   string
	events *sse
	first  time.Duration
}

var (
	benchOnce sync.Once
	bench     *benchPreview
	benchErr  error
)

// startBenchPreview generates a 10,000-response log (or uses the folder
// named by FOILOG_BENCH_SITE, which it edits), serves it with Run and
// subscribes to its events.
func startBenchPreview() (*benchPreview, error) {
	root := os.Getenv("FOILOG_BENCH_SITE")
	if root == "" {
		dir, err := os.MkdirTemp("", "foilog-bench-")
		if err != nil {
			return nil, err
		}
		if _, err := synth.Write(dir, synth.Options{N: 10000, Seed: 1}); err != nil {
			return nil, err
		}
		root = dir
	}
	s := New(Config{Root: root, Options: site.Options{Layouts: foilog.Layouts, Static: foilog.Static, Drafts: true}})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	start := time.Now()
	go s.Run(context.Background(), ln) // runs until the benchmark process ends
	for s.Status().Build == 0 {
		time.Sleep(10 * time.Millisecond)
	}
	first := time.Since(start)
	if st := s.Status(); !st.OK {
		return nil, fmt.Errorf("the log does not build: %+v", st.Problems)
	}
	resp, err := http.Get("http://" + ln.Addr().String() + "/_foilog/events")
	if err != nil {
		return nil, err
	}
	ev := &sse{r: bufio.NewReader(resp.Body), body: resp.Body}
	if name, _, err := ev.read(time.Minute); err != nil || name != "hello" {
		return nil, fmt.Errorf("first event %q (%v), want hello", name, err)
	}
	return &benchPreview{root: root, events: ev, first: first}, nil
}

var exemptionsList = regexp.MustCompile(`(?m)^exemptions:\n(  - .*\n)+`)

// benchFile returns a FOIA response of the log with an exemptions list.
func benchFile(root string) (string, error) {
	var found string
	err := filepath.WalkDir(filepath.Join(root, "content", "responses"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || found != "" || !strings.HasSuffix(p, ".md") {
			return err
		}
		b, err := os.ReadFile(p)
		if err == nil && strings.Contains(string(b), "\nregime: FOIA\n") && exemptionsList.Match(b) &&
			!strings.Contains(string(b), "Section 38") && !strings.Contains(string(b), "draft: true") {
			found = p
		}
		return nil
	})
	if found == "" && err == nil {
		err = fmt.Errorf("no FOIA response with exemptions in %s", root)
	}
	return found, err
}

// BenchmarkSaveToReload measures the live preview of a 10,000-response
// log: the time from saving a response file to the "build" event that
// tells open pages to reload, for an edit of the body and an edit of the
// exemptions list. It reports the median and the slowest, and the first
// full build. Run it with
//
//	go test -run '^$' -bench SaveToReload -benchtime 15x ./internal/server
//
// FOILOG_BENCH_SITE names an existing log to use instead (its files are
// edited).
func BenchmarkSaveToReload(b *testing.B) {
	benchOnce.Do(func() { bench, benchErr = startBenchPreview() })
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	b.Logf("first full build of %s: %s", bench.root, bench.first.Round(time.Millisecond))
	file, err := benchFile(bench.root)
	if err != nil {
		b.Fatal(err)
	}
	orig, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.WriteFile(file, orig, 0o644) })
	edits := map[string]func(i int) string{
		"body": func(i int) string {
			return string(orig) + fmt.Sprintf("\nThis paragraph was added by edit %d of the benchmark.\n", i)
		},
		"exemptions": func(i int) string {
			if i%2 == 1 {
				return string(orig)
			}
			return strings.Replace(string(orig), "\nexemptions:\n", "\nexemptions:\n  - Section 38(1)(a) Health and safety\n", 1)
		},
	}
	for _, kind := range []string{"body", "exemptions"} {
		b.Run(kind, func(b *testing.B) {
			var times []time.Duration
			for i := 0; i < b.N; i++ {
				time.Sleep(100 * time.Millisecond) // let the previous burst settle
				start := time.Now()
				if err := os.WriteFile(file, []byte(edits[kind](i)), 0o644); err != nil {
					b.Fatal(err)
				}
				name, st, err := bench.events.read(time.Minute)
				if err != nil {
					b.Fatal(err)
				}
				took := time.Since(start)
				if name != "build" || !st.OK {
					b.Fatalf("event %s %+v", name, st)
				}
				times = append(times, took)
			}
			slices.Sort(times)
			b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-median")
			b.ReportMetric(float64(times[len(times)-1].Microseconds())/1000, "ms-max")
		})
	}
}

// BenchmarkSwap measures the preview's own work after a build of a site
// of 19,000 files (the size of a 10,000-response log): indexing the new
// build for serving, counting changed files and finding moved pages.
func BenchmarkSwap(b *testing.B) {
	mk := func(edit int) *site.Result {
		res := &site.Result{}
		page := make([]byte, 12000)
		for i := 0; i < 19000; i++ {
			data := page
			if i == edit {
				data = append([]byte(nil), page...)
				data[0] = 'x'
			}
			res.Files = append(res.Files, output.File{Path: fmt.Sprintf("responses/r%05d/index.html", i), Data: data})
			if i < 10000 {
				res.Sources = append(res.Sources, site.SourcePage{Source: fmt.Sprintf("content/responses/r%05d.md", i),
					Path: fmt.Sprintf("responses/r%05d/", i)})
			}
		}
		return res
	}
	prev := newSnapshot(1, mk(-1))
	res := mk(5)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cur := newSnapshot(2, res)
		if n, pages := changes(prev, cur); n != 1 || len(pages) != 1 {
			b.Fatal("want one changed page")
		}
		movedPages(prev, cur)
	}
}
