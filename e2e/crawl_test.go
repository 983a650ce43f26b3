//go:build e2e

package e2e

import (
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// link is one reference from a page to a URL.
type link struct {
	From string // page URL
	Line int
	Attr string // "a href", "meta refresh", "css url()"…
	Raw  string // as written
	URL  *url.URL
}

// fetched is what the crawler learnt about one URL (without fragment).
type fetched struct {
	Status   int
	Location string
	Type     string // media type
	IDs      map[string]bool
	Err      error
}

// crawlReport is the outcome of a crawl.
type crawlReport struct {
	Pages    map[string]*fetched
	Links    []link
	External map[string]bool // links to other hosts, not fetched
	Problems []string        // sorted
}

// crawl fetches every URL reachable from base and from seeds (paths
// relative to base) on the same host and checks every reference: <a href>,
// <link href>, <script src>, <img src>, <source src>, <form action>,
// <meta http-equiv=refresh> targets and url() in style sheets. A
// reference is broken when its URL does not answer 200 OK (redirects
// included: a link should name the final address), when its #fragment
// names no id on the target page, or when it leaves base's path.
func crawl(base string, seeds []string) *crawlReport {
	root, err := url.Parse(base)
	if err != nil {
		return &crawlReport{Problems: []string{err.Error()}}
	}
	client := &http.Client{
		Timeout:       20 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Transport:     &http.Transport{MaxIdleConnsPerHost: 16},
	}
	r := &crawlReport{Pages: map[string]*fetched{}, External: map[string]bool{}}
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, 8)
	var visit func(u *url.URL)
	visit = func(u *url.URL) {
		key := withoutFragment(u)
		mu.Lock()
		if _, seen := r.Pages[key]; seen {
			mu.Unlock()
			return
		}
		f := &fetched{}
		r.Pages[key] = f
		mu.Unlock()
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			links := fetch(client, key, f)
			<-sem
			for _, l := range links {
				mu.Lock()
				r.Links = append(r.Links, l)
				mu.Unlock()
				switch {
				case l.URL.Scheme != "http" && l.URL.Scheme != "https":
				case l.URL.Host != root.Host:
					mu.Lock()
					r.External[l.URL.String()] = true
					mu.Unlock()
				case strings.HasPrefix(l.URL.Path, root.Path):
					visit(l.URL)
				}
			}
		}()
	}
	visit(root)
	for _, s := range seeds {
		visit(root.ResolveReference(&url.URL{Path: s}))
	}
	wg.Wait()
	r.check(root)
	return r
}

func withoutFragment(u *url.URL) string {
	c := *u
	c.Fragment, c.RawFragment = "", ""
	return c.String()
}

// fetch GETs u into f and returns the references of an HTML page or a
// style sheet.
func fetch(client *http.Client, u string, f *fetched) []link {
	resp, err := client.Get(u)
	if err != nil {
		f.Err = err
		return nil
	}
	defer resp.Body.Close()
	f.Status = resp.StatusCode
	f.Location = resp.Header.Get("Location")
	f.Type, _, _ = mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if resp.StatusCode != http.StatusOK {
		return nil
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		f.Err = err
		return nil
	}
	page, _ := url.Parse(u)
	switch f.Type {
	case "text/html":
		return htmlLinks(page, string(body), f)
	case "text/css":
		return cssLinks(page, string(body))
	}
	return nil
}

var refreshURL = regexp.MustCompile(`(?i)^\s*\d+\s*[;,]\s*url\s*=\s*['"]?([^'"]*)`)

func htmlLinks(page *url.URL, doc string, f *fetched) []link {
	f.IDs = map[string]bool{}
	var out []link
	base := page
	add := func(tg tag, attr, raw string) {
		u, err := base.Parse(strings.TrimSpace(raw))
		if err != nil {
			u = &url.URL{Scheme: "invalid", Opaque: raw}
		}
		out = append(out, link{From: page.String(), Line: tg.Line, Attr: tg.Name + " " + attr, Raw: raw, URL: u})
	}
	for _, tg := range scanTags(doc) {
		if id, ok := tg.Attrs["id"]; ok {
			f.IDs[id] = true
		}
		if tg.Name == "a" {
			if name, ok := tg.Attrs["name"]; ok {
				f.IDs[name] = true
			}
		}
		switch tg.Name {
		case "base":
			if h, ok := tg.Attrs["href"]; ok {
				if b, err := page.Parse(h); err == nil {
					base = b
				}
			}
		case "a", "link", "area":
			if h, ok := tg.Attrs["href"]; ok {
				add(tg, "href", h)
			}
		case "script", "img", "source", "iframe", "audio", "video", "track", "embed":
			if s, ok := tg.Attrs["src"]; ok {
				add(tg, "src", s)
			}
		case "form":
			if a, ok := tg.Attrs["action"]; ok {
				add(tg, "action", a)
			}
		case "meta":
			if strings.EqualFold(tg.Attrs["http-equiv"], "refresh") {
				if m := refreshURL.FindStringSubmatch(tg.Attrs["content"]); m != nil {
					add(tg, "refresh", m[1])
				} else {
					out = append(out, link{From: page.String(), Line: tg.Line, Attr: "meta refresh", Raw: tg.Attrs["content"],
						URL: &url.URL{Scheme: "invalid", Opaque: tg.Attrs["content"]}})
				}
			}
		}
	}
	return out
}

var cssURL = regexp.MustCompile(`url\(\s*['"]?([^'")]+)['"]?\s*\)`)

func cssLinks(sheet *url.URL, css string) []link {
	var out []link
	for _, m := range cssURL.FindAllStringSubmatchIndex(css, -1) {
		raw := css[m[2]:m[3]]
		if strings.HasPrefix(raw, "data:") || strings.HasPrefix(raw, "#") {
			continue
		}
		u, err := sheet.Parse(raw)
		if err != nil {
			continue
		}
		out = append(out, link{From: sheet.String(), Line: 1 + strings.Count(css[:m[0]], "\n"), Attr: "css url()", Raw: raw, URL: u})
	}
	return out
}

// check turns the crawl into problems.
func (r *crawlReport) check(root *url.URL) {
	var problems []string
	bad := func(l link, format string, args ...any) {
		problems = append(problems, fmt.Sprintf("%s:%d: %s %q: %s", l.From, l.Line, l.Attr, l.Raw, fmt.Sprintf(format, args...)))
	}
	for key, f := range r.Pages {
		if f.Err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", key, f.Err))
		}
	}
	for _, l := range r.Links {
		switch l.URL.Scheme {
		case "mailto", "tel", "data":
			continue
		case "http", "https":
		case "invalid":
			bad(l, "not a valid URL")
			continue
		default:
			bad(l, "scheme %q is not allowed", l.URL.Scheme)
			continue
		}
		if l.URL.Host != root.Host {
			continue
		}
		if !strings.HasPrefix(l.URL.Path, root.Path) {
			bad(l, "leaves the site's sub-path %s", root.Path)
			continue
		}
		if l.Raw == "#" || l.Raw == "" {
			bad(l, "empty link target")
			continue
		}
		f := r.Pages[withoutFragment(l.URL)]
		switch {
		case f == nil || f.Err != nil:
			continue // reported above
		case f.Status >= 300 && f.Status < 400:
			bad(l, "redirects (%d) to %q; link to the final address", f.Status, f.Location)
			continue
		case f.Status != http.StatusOK:
			bad(l, "%s answers %d", withoutFragment(l.URL), f.Status)
			continue
		}
		if frag := l.URL.Fragment; frag != "" && l.Attr != "link href" {
			if f.IDs == nil {
				bad(l, "fragment #%s on a %s resource", frag, f.Type)
			} else if !f.IDs[frag] {
				bad(l, "no element with id %q on %s", frag, withoutFragment(l.URL))
			}
		}
	}
	sort.Strings(problems)
	r.Problems = problems
}

// htmlCount is the number of HTML pages fetched.
func (r *crawlReport) htmlCount() int {
	n := 0
	for _, f := range r.Pages {
		if f.Type == "text/html" && f.Status == http.StatusOK {
			n++
		}
	}
	return n
}

// seedsFor turns the HTML files of a built site into paths relative to the
// site root, index.html standing for its folder, so that the crawl also
// visits pages nothing links to (alias pages, old addresses).
func seedsFor(files []string) []string {
	out := make([]string, 0, len(files))
	for _, f := range files {
		if f == "index.html" {
			continue
		}
		out = append(out, strings.TrimSuffix(f, "index.html"))
	}
	return out
}

func testCrawl(t *testing.T, dir string) {
	base := serve(t, dir)
	start := time.Now()
	r := crawl(base, seedsFor(htmlFiles(t, dir)))
	t.Logf("crawled %d URLs (%d HTML pages), %d references, %d external links not fetched, in %v",
		len(r.Pages), r.htmlCount(), len(r.Links), len(r.External), time.Since(start).Round(time.Millisecond))
	const max = 60
	for i, p := range r.Problems {
		if i == max {
			t.Errorf("… and %d more broken references", len(r.Problems)-max)
			break
		}
		t.Errorf("broken: %s", p)
	}
	if r.htmlCount() < 10 {
		t.Errorf("crawled only %d HTML pages from %s", r.htmlCount(), base)
	}
}

// TestCrawlExample checks every reference of the example site served by
// nginx under /foi/.
func TestCrawlExample(t *testing.T) {
	testCrawl(t, exampleSite(t))
}

// TestCrawlSynthetic checks every reference of the 1,000-response site.
func TestCrawlSynthetic(t *testing.T) {
	testCrawl(t, syntheticSite(t))
}

// TestSearchServed opens the search page of both sites under nginx with a
// query and waits for results: the page, its script and the sharded index
// all load from /foi/ under the CSP, with no console error.
func TestSearchServed(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name  string
		dir   func(testing.TB) string
		query string
		want  string // a result title that must be listed
	}{
		{"example", exampleSite, "taser", "Taser use by year, 2019 to 2023"},
		{"synthetic", syntheticSite, "police", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			base := serve(t, c.dir(t))
			ctx := chromium(t)
			log := watch(t, ctx)
			p := pageKind{Name: "search", Path: "search/?q=" + c.query, Ready: searchReady}
			start := time.Now()
			err := open(ctx, base, p)
			checkClean(t, ctx, log, c.name+" search")
			if err != nil {
				t.Fatal(err)
			}
			titles, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
				`[...document.querySelectorAll('main ol a[href*="/responses/"]')].map(a => a.textContent.trim())`))
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %d results for %q shown in %v", c.name, len(titles), c.query, time.Since(start).Round(time.Millisecond))
			if c.want != "" && !slices.Contains(titles, c.want) {
				t.Errorf("%s: search for %q lists %q, want it to include %q", c.name, c.query, titles, c.want)
			}
		})
	}
}
