//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// activeElement describes document.activeElement: "input#site-search-q",
// "a[href=/foi/responses/x/]".
const activeElement = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return 'body';
  let s = el.tagName.toLowerCase();
  if (el.id) s += '#' + el.id;
  if (el.getAttribute('href')) s += '[href=' + el.getAttribute('href') + ']';
  return s;
})()`

// tabUntil presses Tab until the JavaScript predicate isTarget (an
// expression over the variable el = document.activeElement) holds, at most
// max times. It returns the focus path it took.
func tabUntil(ctx context.Context, isTarget string, max int) ([]string, error) {
	var path []string
	for i := 0; i < max; i++ {
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
			return path, err
		}
		a, err := chromedp.Run(ctx, chromedp.Evaluate[string](activeElement))
		if err != nil {
			return path, err
		}
		path = append(path, a)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(el => !!(`+isTarget+`))(document.activeElement)`))
		if err != nil {
			return path, err
		}
		if ok {
			return path, nil
		}
	}
	return path, fmt.Errorf("not reached after %d presses of Tab; focus went: %s", max, strings.Join(path, " → "))
}

// pressEnterAndWait presses Enter and waits for the load event of the page
// it opens.
func pressEnterAndWait(ctx context.Context) error {
	tctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	_, err := chromedp.Run(tctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.KeyEvent(kb.Enter)))
	return err
}

// TestKeyboardOnly follows a keyboard-only journey on the nginx-served
// example site: from the home page Tab reaches the header search box,
// typing a query and Enter shows results on the search page, Tab reaches
// the first result and Enter opens that response.
func TestKeyboardOnly(t *testing.T) {
	t.Parallel()
	base := serve(t, exampleSite(t))
	ctx := chromium(t)
	log := watch(t, ctx)
	if err := load(ctx, base); err != nil {
		t.Fatal(err)
	}

	// The skip link comes first, then the site name, then the search box.
	path, err := tabUntil(ctx, `el.id === 'site-search-q'`, 4)
	if err != nil {
		t.Fatalf("Tab from the top of the home page to the header search box: %v", err)
	}
	if !strings.HasPrefix(path[0], "a[href=#main]") {
		t.Errorf("the first Tab should focus the skip link, got %s", path[0])
	}
	// The focused search box must show it has focus.
	outline, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`(s => s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.boxShadow)(getComputedStyle(document.activeElement))`))
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasPrefix(outline, "none 0px none") {
		t.Errorf("the focused search box has no visible focus indicator (outline and box-shadow: %s)", outline)
	}
	saveViewport(t, ctx, "focus-search-box")

	if err := chromedp.Do(ctx, chromedp.KeyEvent("taser")); err != nil {
		t.Fatal(err)
	}
	if err := pressEnterAndWait(ctx); err != nil {
		t.Fatalf("Enter in the search box: %v", err)
	}
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(loc, base+"search/") || !strings.Contains(loc, "q=taser") {
		t.Fatalf("Enter in the search box opened %s, want %ssearch/?q=taser", loc, base)
	}
	if err := waitFor(ctx, searchReady, 10*time.Second); err != nil {
		t.Fatalf("search results for taser: %v", err)
	}
	first, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`(document.querySelector('main a[href*="/responses/"]') || {}).href || ''`))
	if err != nil {
		t.Fatal(err)
	}

	// Tab from wherever the search page leaves focus to the first result.
	if _, err := tabUntil(ctx, `el.tagName === 'A' && el.href === `+jsString(first), 80); err != nil {
		t.Fatalf("Tab to the first search result (%s): %v", first, err)
	}
	saveViewport(t, ctx, "focus-first-result")
	if err := pressEnterAndWait(ctx); err != nil {
		t.Fatalf("Enter on the first result: %v", err)
	}
	loc, err = chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if loc != first {
		t.Errorf("Enter on the first result opened %s, want %s", loc, first)
	}
	h1, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main h1")))
	if err != nil || h1 == "" {
		t.Errorf("the response page %s has no heading: %v", loc, err)
	}
	checkClean(t, ctx, log, "keyboard journey")
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`, "\r", `\r`, "<", `\x3c`)
	return "'" + r.Replace(s) + "'"
}

// saveViewport saves what the viewport shows as e2e/screenshots/NAME.png,
// for people to check focus indicators.
func saveViewport(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Errorf("screenshot %s: %v", name, err)
		return
	}
	if err := os.MkdirAll(screenshotDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(screenshotDir, name+".png"), png, 0o644); err != nil {
		t.Error(err)
	}
}
