package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// Benchmarks of the index on synthetic logs of 10,000 and 50,000 responses
// (synthDocs: bodies of 250–900 words, 45 forces, 40 topics, 23 provisions).
//
// Build time and index size:
//
//	go test ./internal/search -run '^$' -bench 'Build' -benchtime 3x
//
// Bytes a visitor downloads per query, cold cache, with the real client
// (search-core.js under Node, test/js/measure.mjs): scripts (gzip), entry
// file (gzip), postings, dictionaries, facet files and the first page of
// document files. Needs node on PATH:
//
//	go test ./internal/search -run '^$' -bench 'QueryBytes' -benchtime 1x -v
//
// It logs one line per query and reports the median and maximum in KB.

// benchQueries are the measured queries: single words common and rare,
// phrases, abbreviations, citations, a reference, a typo, a prefix being
// typed and a filtered search.
func benchQueries(docs []Document) []map[string]any {
	ref := docs[len(docs)/2].Reference
	qs := []string{"taser ", "overtime ", "drones ", "police ", "misconduct complaints ", "stop and search ",
		`"stop and search"`, "body worn video ", "ANPR cameras ", "s31(3) ", "section 40 ", "NCND ", ref,
		"recogniton ", "facial recognition ", "cyber attack ", "knife crime ", "tas"}
	var out []map[string]any
	for _, q := range qs {
		out = append(out, map[string]any{"q": q})
	}
	out = append(out, map[string]any{"q": "taser ", "filters": map[string][]string{"exemption": {"foia-s31"}, "year": {"2023"}}})
	return out
}

var benchLogs = map[int][]Document{}

func benchDocs(n int) []Document {
	if d, ok := benchLogs[n]; ok {
		return d
	}
	benchLogs[n] = synthDocs(n, 1)
	return benchLogs[n]
}

func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{10000, 50000} {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			docs := benchDocs(n)
			b.ResetTimer()
			var idx *Index
			for range b.N {
				var err error
				if idx, err = Build(docs); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			total, entry := 0, 0
			for _, f := range idx.Files {
				total += len(f.Data)
				if f.Path == idx.EntryPath {
					entry = len(f.Data)
				}
			}
			b.ReportMetric(float64(total)/1e6, "MB-index")
			b.ReportMetric(float64(len(idx.Files)), "files")
			b.ReportMetric(float64(entry), "B-entry")
		})
	}
}

type queryCost struct {
	Q            string              `json:"q"`
	Filters      map[string][]string `json:"filters"`
	Total        int                 `json:"total"`
	Requests     int                 `json:"requests"`
	Results      int                 `json:"results"`
	MS           int                 `json:"ms"`
	Scripts      int                 `json:"scripts"`
	Entry        int                 `json:"entry"`
	Postings     int                 `json:"postings"`
	Dictionaries int                 `json:"dictionaries"`
	Facets       int                 `json:"facets"`
	Documents    int                 `json:"documents"`
}

// measureQueries writes the index under a temporary site root and runs
// test/js/measure.mjs on the queries.
func measureQueries(b *testing.B, idx *Index, queries []map[string]any) []queryCost {
	b.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		b.Fatal("measuring query bytes needs Node.js (node) on PATH: apt-get install nodejs")
	}
	root := b.TempDir()
	for _, f := range idx.Files {
		p := filepath.Join(root, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	config, _ := json.Marshal(map[string]any{"root": root, "entry": idx.EntryPath, "queries": queries})
	cmd := exec.Command(node, "../../test/js/measure.mjs")
	cmd.Stdin = bytes.NewReader(config)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		b.Fatalf("measure.mjs: %v\n%s", err, stderr.String())
	}
	var costs []queryCost
	if err := json.Unmarshal(out, &costs); err != nil {
		b.Fatalf("measure.mjs output: %v", err)
	}
	return costs
}

func reportCosts(b *testing.B, costs []queryCost) {
	kb := func(n int) string { return fmt.Sprintf("%.1f", float64(n)/1000) }
	b.Logf("%-26s %7s %6s %6s %6s %6s %6s %6s %5s %7s", "query", "total", "script", "entry", "post", "dict", "facet", "docs", "reqs", "results")
	var totals []int
	for _, c := range costs {
		q := c.Q
		if len(c.Filters) > 0 {
			q += fmt.Sprint(c.Filters)
		}
		b.Logf("%-26.26s %7s %6s %6s %6s %6s %6s %6s %5d %7d", q, kb(c.Total), kb(c.Scripts), kb(c.Entry), kb(c.Postings),
			kb(c.Dictionaries), kb(c.Facets), kb(c.Documents), c.Requests, c.Results)
		totals = append(totals, c.Total)
	}
	slices.Sort(totals)
	median := totals[len(totals)/2]
	if len(totals)%2 == 0 {
		median = (totals[len(totals)/2-1] + totals[len(totals)/2]) / 2
	}
	b.Logf("median %s KB, max %s KB over %d queries (KB = 1000 bytes, gzip)", kb(median), kb(totals[len(totals)-1]), len(totals))
	b.ReportMetric(float64(median)/1000, "KB-median")
	b.ReportMetric(float64(totals[len(totals)-1])/1000, "KB-max")
	b.ReportMetric(float64(costs[0].Total)/1000, "KB-one-word")
}

func BenchmarkQueryBytes(b *testing.B) {
	for _, n := range []int{10000, 50000} {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			docs := benchDocs(n)
			start := time.Now()
			idx, err := Build(docs)
			if err != nil {
				b.Fatal(err)
			}
			b.Logf("%d documents indexed in %v", n, time.Since(start).Round(time.Millisecond))
			var costs []queryCost
			for range b.N {
				costs = measureQueries(b, idx, benchQueries(docs))
			}
			reportCosts(b, costs)
			if !strings.HasPrefix(idx.EntryPath, Dir) {
				b.Fatal("entry outside the index folder")
			}
		})
	}
}
