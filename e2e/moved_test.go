//go:build e2e

package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestMovedAddressKeepsSection opens an old address of a response (an
// alias page) with a #section, as an old link or bookmark has it, on the
// nginx-served example site under /foi/: the browser must end on the
// response's page at that section.
func TestMovedAddressKeepsSection(t *testing.T) {
	t.Parallel()
	base := serve(t, exampleSite(t))
	ctx := chromium(t)
	if err := load(ctx, base+"disclosure-log/2022/foi-0413-22/#notes"); err != nil {
		t.Fatal(err)
	}
	var href string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		var err error
		href, err = chromedp.Run(ctx, chromedp.Evaluate[string](`location.href`))
		if err == nil && strings.Contains(href, "/responses/") {
			break
		}
	}
	if want := base + "responses/foi-0413-22/#notes"; href != want {
		t.Fatalf("the old address with #notes ended at %s, want %s", href, want)
	}
}
