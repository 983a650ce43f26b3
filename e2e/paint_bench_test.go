//go:build e2e

package e2e

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// paintProbe returns, once the search page has marked its results as
// painted, the milliseconds from the end of the last search-index download
// to that paint, and how many index files the query fetched.
const paintProbe = `(() => {
  const marks = performance.getEntriesByName('foilog:results-painted');
  if (!marks.length) return null;
  const files = performance.getEntriesByType('resource').filter(e => e.name.includes('/search/index/'));
  if (!files.length) return null;
  const last = Math.max(...files.map(e => e.responseEnd));
  return [marks[marks.length - 1].startTime - last, files.length];
})()`

// BenchmarkSearchPaint measures, in headless Chromium against the
// 1,000-response synthetic log served by nginx under /foi/, the time from
// the last search-index file arriving to the results being painted, for
// common and rare one-, two- and three-word queries, phrases, citations
// and typos, each on a freshly loaded page. It reports the
// median and the slowest over the queries (target: under 100 ms):
//
//	go test -tags e2e -run '^$' -bench SearchPaint -benchtime 1x ./e2e/
func BenchmarkSearchPaint(b *testing.B) {
	base := serve(b, syntheticSite(b))
	ctx := chromium(b)
	queries := []string{"police", "taser", "overtime", "drone", "facial+recognition", "stop+and+search",
		"body+worn+video", "%22public+interest%22", "s31(3)", "ncnd", "tazers", "recogniton", "fleet+vehicles+fuel"}
	for i := 0; i < b.N; i++ {
		var took []float64
		for _, q := range queries {
			if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
				b.Fatal(err)
			}
			if err := load(ctx, base+"search/?q="+q); err != nil {
				b.Fatal(err)
			}
			if err := waitFor(ctx, paintProbe+" !== null", 10*time.Second); err != nil {
				b.Fatalf("%s: results never painted: %v", q, err)
			}
			got, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](paintProbe))
			if err != nil {
				b.Fatal(err)
			}
			b.Logf("%-22s %3.0f index files, painted %5.1f ms after the last arrived", q, got[1], got[0])
			took = append(took, got[0])
		}
		slices.Sort(took)
		b.ReportMetric(took[len(took)/2], "ms-median")
		b.ReportMetric(took[len(took)-1], "ms-max")
		if took[len(took)-1] > 100 {
			b.Log(fmt.Sprintf("slowest paint %.1f ms is over the 100 ms target", took[len(took)-1]))
		}
	}
}
