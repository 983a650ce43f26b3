package server

import (
	"bufio"
	"context"
	"fmt"
	"io"
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
	srv    *Server
	addr   string // host:port
	events *sse
	first  time.Duration
}

var (
	benchOnce  sync.Once
	bench      *benchPreview
	benchErr   error
	benchEdits int // body edits made, numbering each one's new paragraph
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
	return &benchPreview{root: root, srv: s, addr: ln.Addr().String(), events: ev, first: first}, nil
}

// pageOf returns the URL of the page of the response file at path rel.
func (p *benchPreview) pageOf(rel string) (string, error) {
	p.srv.mu.RLock()
	good := p.srv.good
	p.srv.mu.RUnlock()
	for _, sp := range good.res.Sources {
		if sp.Source == rel {
			return "http://" + p.addr + good.base + sp.Path, nil
		}
	}
	return "", fmt.Errorf("no page for %s", rel)
}

// fetch returns the body of the page at url.
func fetch(url string) (string, error) {
	resp, err := http.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err == nil && resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return string(body), err
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
// log: the time from saving a response file to the reloaded page, that
// is until the "build" event that tells open pages to reload has arrived
// and the page of the response, fetched again as the browser does, shows
// the edit. It does so for an edit of the body and an edit of the
// exemptions list, and reports the median and the slowest (ms-median,
// ms-max), the same up to the event alone (ms-event-median), and the
// first full build. Run it with
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
	rel, _ := filepath.Rel(bench.root, file)
	page, err := bench.pageOf(filepath.ToSlash(rel))
	if err != nil {
		b.Fatal(err)
	}
	// Each edit, and what its page shows when it has been rebuilt. Every
	// edit changes the file, also when the benchmark runs again.
	cited := strings.Replace(string(orig), "\nexemptions:\n", "\nexemptions:\n  - Section 38(1)(a) Health and safety\n", 1)
	last := string(orig)
	edits := map[string]func() (string, func(page string) bool){
		"body": func() (string, func(string) bool) {
			benchEdits++
			mark := fmt.Sprintf("This paragraph was added by edit %d of the benchmark.", benchEdits)
			return string(orig) + "\n" + mark + "\n", func(page string) bool { return strings.Contains(page, mark) }
		},
		"exemptions": func() (string, func(string) bool) {
			if last == cited {
				return string(orig), func(page string) bool { return !strings.Contains(page, "38(1)(a)") }
			}
			return cited, func(page string) bool { return strings.Contains(page, "38(1)(a)") }
		},
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	for _, kind := range []string{"body", "exemptions"} {
		b.Run(kind, func(b *testing.B) {
			var times, events []time.Duration
			for i := 0; i < b.N; i++ {
				time.Sleep(100 * time.Millisecond) // let the previous burst settle
				text, shows := edits[kind]()
				last = text
				start := time.Now()
				if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
					b.Fatal(err)
				}
				name, st, err := bench.events.read(time.Minute)
				if err != nil {
					b.Fatal(err)
				}
				event := time.Since(start)
				if name != "build" || !st.OK || !st.Reload {
					b.Fatalf("event %s %+v", name, st)
				}
				body, err := fetch(page)
				if err != nil {
					b.Fatal(err)
				}
				took := time.Since(start)
				if !shows(body) {
					b.Fatalf("edit %d: the reloaded page %s does not show the %s edit", i, page, kind)
				}
				times, events = append(times, took), append(events, event)
			}
			slices.Sort(times)
			slices.Sort(events)
			b.ReportMetric(ms(times[len(times)/2]), "ms-median")
			b.ReportMetric(ms(times[len(times)-1]), "ms-max")
			b.ReportMetric(ms(events[len(events)/2]), "ms-event-median")
			b.Logf("%s: %d edits, save to reloaded page %v", kind, len(times), times)
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
