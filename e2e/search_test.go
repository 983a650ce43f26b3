//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// searchView is what the search page shows, read by searchViewJS.
type searchView struct {
	URL     string   `json:"url"`
	Query   string   `json:"query"`
	Status  string   `json:"status"`
	Titles  []string `json:"titles"`
	Marks   []string `json:"marks"`
	Badges  []string `json:"badges"` // outcome badge classes, one a result
	Checked []string `json:"checked"`
	// Counts maps each shown filter value (checkbox id) to its count.
	Counts map[string]int `json:"counts"`
}

const searchViewJS = `(() => {
  const list = document.getElementById('search-list');
  const counts = {};
  for (const box of document.querySelectorAll('#search-facets input[type=checkbox]')) {
    if (box.closest('li').hidden) continue;
    const m = box.labels[0].textContent.match(/\(([\d,]+)\)\s*$/);
    if (m) counts[box.id] = Number(m[1].replaceAll(',', ''));
  }
  return {
    url: location.href,
    query: document.getElementById('q').value,
    status: document.getElementById('search-status').textContent,
    titles: [...list.querySelectorAll('.response-item__title')].map(h => h.textContent.trim()),
    marks: [...list.querySelectorAll('mark')].map(m => m.textContent),
    badges: [...list.querySelectorAll('.response-item')].map(li => (li.querySelector('strong.badge') || {}).className || ''),
    checked: [...document.querySelectorAll('#search-facets input:checked')].map(b => b.id),
    counts,
  };
})()`

// readSearch waits until the search page is settled (no search running,
// filter counts up to date) and cond, a JavaScript expression, is true,
// then returns what it shows.
func readSearch(ctx context.Context, cond string) (searchView, error) {
	js := `(() => !document.querySelector('#search [aria-busy="true"]') && !!(` + cond + `))()`
	if err := waitFor(ctx, js, 10*time.Second); err != nil {
		v, _ := chromedp.Run(ctx, chromedp.Evaluate[searchView](searchViewJS))
		return v, fmt.Errorf("%w\nthe page shows %+v", err, v)
	}
	return chromedp.Run(ctx, chromedp.Evaluate[searchView](searchViewJS))
}

var foundRe = regexp.MustCompile(`^([\d,]+) responses? found for “([^”]*)”`)

// total reads the number of results from the status message, or -1.
func (v searchView) total() int {
	m := foundRe.FindStringSubmatch(v.Status)
	if m == nil {
		return -1
	}
	n, _ := strconv.Atoi(strings.ReplaceAll(m[1], ",", ""))
	return n
}

// TestSearchPage uses the search page of the example site as a visitor
// does: type a query with a typo, read the results and the announced count,
// tick a filter and check its count, reopen the address the page wrote,
// search a phrase and follow a result.
func TestSearchPage(t *testing.T) {
	t.Parallel()
	base := serve(t, exampleSite(t))
	ctx := chromium(t)
	log := watch(t, ctx)
	defer checkClean(t, ctx, log, "search page")
	if err := load(ctx, base+"search/"); err != nil {
		t.Fatal(err)
	}
	if _, err := readSearch(ctx, `document.querySelector('.search--ready') && document.querySelector('#search-facets input')`); err != nil {
		t.Fatalf("the search page never became ready: %v", err)
	}

	// Type a query with a typo: results as you type, words marked, the count
	// announced, the query in the address.
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("q"), "tazers")); err != nil {
		t.Fatal(err)
	}
	v, err := readSearch(ctx, `document.querySelectorAll('#search-list li').length > 0 && location.search.includes('q=tazers')`)
	if err != nil {
		t.Fatalf("typing tazers: %v", err)
	}
	if !slices.Contains(v.Titles, "Taser use by year, 2019 to 2023") {
		t.Errorf("tazers lists %q, want the Taser use response", v.Titles)
	}
	if len(v.Marks) == 0 || !strings.EqualFold(v.Marks[0], "taser") {
		t.Errorf("tazers marks %q, want Taser marked", v.Marks)
	}
	if v.total() != len(v.Titles) || !strings.Contains(v.Status, "“tazers”") {
		t.Errorf("status %q does not announce the %d results for tazers", v.Status, len(v.Titles))
	}

	// A filter with its count: ticking it keeps the results with that
	// outcome, as many as the count said.
	v, err = readSearch(ctx, `document.querySelector('#f-outcome-disclosed') && !document.querySelector('#f-outcome-disclosed').closest('li').hidden`)
	if err != nil {
		t.Fatalf("no filter for disclosed responses: %v", err)
	}
	want := v.Counts["f-outcome-disclosed"]
	if want == 0 || want >= v.total() {
		t.Fatalf("outcome counts %v for %d results: want some but not all disclosed", v.Counts, v.total())
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("f-outcome-disclosed"))); err != nil {
		t.Fatal(err)
	}
	v, err = readSearch(ctx, `location.search.includes('outcome=disclosed') && document.getElementById('search-status').textContent.includes('with 1 filter')`)
	if err != nil {
		t.Fatalf("ticking disclosed: %v", err)
	}
	if v.total() != want || len(v.Badges) != want {
		t.Errorf("disclosed filter: %d results (%d shown), the filter's count said %d; status %q", v.total(), len(v.Badges), want, v.Status)
	}
	for i, b := range v.Badges {
		if !strings.Contains(b, "badge--disclosed") {
			t.Errorf("disclosed filter: result %q has outcome badge %q", v.Titles[i], b)
		}
	}

	// The address reproduces the search.
	shared := v.URL
	if err := load(ctx, "about:blank"); err != nil {
		t.Fatal(err)
	}
	if err := load(ctx, shared); err != nil {
		t.Fatal(err)
	}
	again, err := readSearch(ctx, `document.querySelectorAll('#search-list li').length > 0 && document.querySelector('#f-outcome-disclosed:checked')`)
	if err != nil {
		t.Fatalf("reopening %s: %v", shared, err)
	}
	if again.Query != "tazers" || again.Status != v.Status || strings.Join(again.Titles, "|") != strings.Join(v.Titles, "|") {
		t.Errorf("reopening %s shows %q %q %q, want %q %q %q", shared, again.Query, again.Status, again.Titles, "tazers", v.Status, v.Titles)
	}

	// A phrase, marked as one run; then follow the first result.
	if err := load(ctx, base+"search/?q=%22stop+and+search%22"); err != nil {
		t.Fatal(err)
	}
	v, err = readSearch(ctx, `document.querySelectorAll('#search-list li').length > 0`)
	if err != nil {
		t.Fatalf("a phrase: %v", err)
	}
	if len(v.Titles) == 0 || v.Titles[0] != "Stop and search by month, power and outcome, 2023" || !slices.Contains(v.Marks, "Stop and search") {
		t.Errorf(`"stop and search" lists %q with marks %q`, v.Titles, v.Marks)
	}
	href, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('#search-list a').href`))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(chromedp.CSS("#search-list a")))); err != nil {
		t.Fatalf("follow the first result: %v", err)
	}
	if loc, _ := chromedp.Run(ctx, chromedp.Location()); loc != href || !strings.Contains(loc, "/responses/") {
		t.Errorf("following the first result opened %s, want %s", loc, href)
	}
}
