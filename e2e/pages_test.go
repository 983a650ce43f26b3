//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"time"

	"github.com/chromedp/chromedp"
)

// pageKind is one kind of page the site has, at one address of the
// example site.
type pageKind struct {
	// Name names the kind in messages and screenshot files.
	Name string
	// Path is relative to the site root ("exemptions/foia-s31/").
	Path string
	// Ready is a JavaScript expression that is true once the page has
	// rendered what it renders with script (search results); "" when the
	// load event is enough.
	Ready string
	// Allow lists console messages the page may log (the 404 page's own
	// status).
	Allow []string
}

// searchReady is true once the search page shows results for its query:
// a link to a response inside the results region.
const searchReady = `(() => {
  const main = document.querySelector('main');
  if (!main) return false;
  const busy = main.querySelector('[aria-busy="true"]');
  return !busy && main.querySelectorAll('a[href*="/responses/"]').length > 0;
})()`

// pageKinds are the example site's page kinds the browser tests visit.
// The term pages are those of values the example content is sure to have.
var pageKinds = []pageKind{
	{Name: "home", Path: ""},
	{Name: "response-ncnd", Path: "responses/foi-1927a-23/"},
	{Name: "response-table", Path: "responses/foi-2024-0871/"},
	{Name: "responses", Path: "responses/"},
	{Name: "responses-page-2", Path: "responses/page/2/"},
	{Name: "exemptions", Path: "exemptions/"},
	{Name: "exemption", Path: "exemptions/foia-s31/"},
	{Name: "exemption-provision", Path: "exemptions/foia-s31-3/"},
	{Name: "provisions", Path: "exemptions/all/"},
	{Name: "forces", Path: "forces/"},
	{Name: "force", Path: "forces/west-midlands-police/"},
	{Name: "topics", Path: "topics/"},
	{Name: "topic", Path: "topics/weapons/"},
	{Name: "years", Path: "years/"},
	{Name: "year", Path: "years/2023/"},
	{Name: "outcomes", Path: "outcomes/"},
	{Name: "outcome", Path: "outcomes/ncnd/"},
	{Name: "search", Path: "search/?q=taser", Ready: searchReady},
	{Name: "search-filtered", Path: "search/?q=taser&outcome=disclosed", Ready: searchReady},
	{Name: "accessibility", Path: "accessibility/"},
	{Name: "404", Path: "no-such-page/", Allow: []string{"status of 404"}},
}

// open loads base+p.Path in ctx and waits until it is ready.
func open(ctx context.Context, base string, p pageKind) error {
	if err := load(ctx, base+p.Path); err != nil {
		return err
	}
	if p.Ready != "" {
		if err := waitFor(ctx, p.Ready, 10*time.Second); err != nil {
			html, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector('main') || document.body).innerText.slice(0, 600)`))
			return fmt.Errorf("%s: not ready: %w\nthe page says: %s", p.Name, err, html)
		}
	}
	return nil
}
