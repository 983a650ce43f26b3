//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"net/url"
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

// searchMessageJS reads, besides searchViewJS, whether the heading of
// loose matches shows and whether the status is a live region.
const searchMessageJS = `(() => {
  const h = document.getElementById('search-loose-heading');
  const s = document.getElementById('search-status');
  return {
    loose: !!h && !h.hidden,
    looseText: h ? h.textContent : '',
    live: s.getAttribute('role') === 'status' && s.offsetHeight > 0,
    results: document.querySelectorAll('#search-list li').length,
    items: [...document.querySelectorAll('#search-list .response-item__meta span:first-child')].map(s => s.textContent),
  };
})()`

type searchMessage struct {
	Loose     bool     `json:"loose"`
	LooseText string   `json:"looseText"`
	Live      bool     `json:"live"`
	Results   int      `json:"results"`
	Items     []string `json:"items"` // references of the listed results
}

// TestSearchMessages opens searches that used to mislead or say nothing
// and checks the status every one of them announces: a reference no
// response has (the example's draft, MP/FOI/2025/0907, and short ones such
// as NL 9/24 among them) is
// reported as such, its loose matches listed under their own heading and
// never counted as found; a query of only stop words, emoji, "" or one
// 5,000-letter word says there is nothing to search for; a pasted
// paragraph is repeated shortened while the box keeps all of it; and
// Enter in an empty box gives a hint.
func TestSearchMessages(t *testing.T) {
	t.Parallel()
	base := serve(t, exampleSite(t))
	src := axeScript(t)
	ctx := chromium(t)
	log := watch(t, ctx)
	defer checkClean(t, ctx, log, "search messages")

	open := func(q string) (searchView, searchMessage) {
		t.Helper()
		if err := load(ctx, base+"search/?q="+url.QueryEscape(q)); err != nil {
			t.Fatal(err)
		}
		v, err := readSearch(ctx, `document.querySelector('.search--ready') && document.getElementById('search-status').textContent`)
		if err != nil {
			t.Fatalf("q=%.40s: %v", q, err)
		}
		m, err := chromedp.Run(ctx, chromedp.Evaluate[searchMessage](searchMessageJS))
		if err != nil {
			t.Fatal(err)
		}
		if !m.Live {
			t.Errorf("q=%.40s: the status is not a visible role=status region", q)
		}
		if v.Query != q {
			t.Errorf("q=%.40s: the search box holds %.60q", q, v.Query)
		}
		return v, m
	}

	// References that are not in the log, also with a number of one or two
	// digits, whose pieces ("FOI", "NL", "24") are no loose match.
	for _, q := range []string{"MP/FOI/2025/0907", "FOI 1234/23", "IM-FOI-2024-9999", "FOI-2024-0999", "FOI 9999/99", "NL 9/24", "FOI 12/24", "FOI 7/25", "MP/FOI/2025/7"} {
		v, m := open(q)
		want := "No response has reference " + q + "."
		if !strings.HasPrefix(v.Status, want) || strings.Contains(v.Status, "found") {
			t.Errorf("q=%s: status %q, want it to start %q", q, v.Status, want)
		}
		if m.Results != 0 || m.Loose {
			t.Errorf("q=%s: lists %d results %q (loose heading shown: %v), want none", q, m.Results, v.Titles, m.Loose)
		}
	}
	// The number of a published reference in another form: the response is
	// offered as a loose match, under its own heading, not as found.
	v, m := open("FOI 0342/25")
	if want := "No response has reference FOI 0342/25. Below is 1 response that mentions some of these words."; v.Status != want {
		t.Errorf("q=FOI 0342/25: status %q, want %q", v.Status, want)
	}
	if !m.Loose || m.LooseText != "Responses that mention some of these words" || !slices.Equal(m.Items, []string{"MP/FOI/2025/0342"}) {
		t.Errorf("q=FOI 0342/25: loose heading %v %q, results %q; want the heading and MP/FOI/2025/0342", m.Loose, m.LooseText, m.Items)
	}
	vs, err := runAxe(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range vs {
		t.Errorf("loose matches: axe %s (%s): %v", x.ID, x.Help, x.Nodes)
	}
	// A published reference is found as before.
	if v, m := open("FOI 1927A/23"); v.total() != 1 || m.Loose || !slices.Equal(m.Items, []string{"FOI 1927A/23"}) {
		t.Errorf("q=FOI 1927A/23: status %q, results %q, loose heading %v", v.Status, m.Items, m.Loose)
	}

	// Nothing to search for.
	hint := "Type a word, a reference or an exemption to search."
	for _, tc := range []struct{ q, want string }{
		{"the", "“the” has only very common words, which are not searched. " + hint},
		{"the of and", "“the of and” has only very common words, which are not searched. " + hint},
		{"🚓", hint},
		{`""`, hint},
		{strings.Repeat("a", 5000), "Words longer than 40 letters are not searched. " + hint},
	} {
		if v, m := open(tc.q); v.Status != tc.want || m.Results != 0 {
			t.Errorf("q=%.20s: status %q with %d results, want %q", tc.q, v.Status, m.Results, tc.want)
		}
	}

	// A pasted paragraph: the status repeats about 60 characters of it.
	para := strings.Repeat("its IT systems, including the software used to detect breaches of the force network ", 25)
	para = strings.TrimSpace(para)
	v, _ = open(para)
	if n := len([]rune(v.Status)); n > 160 || !strings.Contains(v.Status, "“its IT systems, including the software used to detect…”") {
		t.Errorf("a %d-character query: status of %d characters %q, want the query cut to about 60", len(para), n, v.Status)
	}

	// Enter in an empty search box.
	if err := load(ctx, base+"search/"); err != nil {
		t.Fatal(err)
	}
	if _, err := readSearch(ctx, `document.querySelector('.search--ready')`); err != nil {
		t.Fatal(err)
	}
	if s, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('search-status').textContent`)); s != "" {
		t.Errorf("opening the search page announces %q, want nothing", s)
	}
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.ID("q")), chromedp.KeyEvent("\r")); err != nil {
		t.Fatal(err)
	}
	if v, err := readSearch(ctx, `document.getElementById('search-status').textContent`); err != nil || v.Status != hint {
		t.Errorf("Enter in the empty box: status %q (%v), want %q", v.Status, err, hint)
	}
}
