//go:build e2e

package e2e

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// printState reads, under print media, what a printed response shows.
const printState = `(() => {
  const shown = sel => { const el = document.querySelector(sel); return !!el && getComputedStyle(el).display !== 'none'; };
  const after = el => getComputedStyle(el, '::after').content;
  const external = [...document.querySelectorAll('.response-body a[href^="http"]')]
    .filter(a => new URL(a.href).origin !== location.origin);
  return {
    header: shown('.site-header'), nav: shown('.site-nav'), search: shown('.site-search'),
    breadcrumbs: shown('.breadcrumbs'), footer: shown('.site-footer'),
    metadata: shown('.metadata'), body: shown('.response-body'),
    externalLinks: external.length,
    unexplained: external.filter(a => !after(a).includes(a.getAttribute('href'))).map(a => a.getAttribute('href') + ' → ' + after(a)),
    permalink: (a => a && getComputedStyle(a).display !== 'none' && a.textContent.trim() === a.getAttribute('href') ? a.getAttribute('href') : '')(document.querySelector('.permalink')),
  };
})()`

type printResult struct {
	Header        bool     `json:"header"`
	Nav           bool     `json:"nav"`
	Search        bool     `json:"search"`
	Breadcrumbs   bool     `json:"breadcrumbs"`
	Footer        bool     `json:"footer"`
	Metadata      bool     `json:"metadata"`
	Body          bool     `json:"body"`
	ExternalLinks int      `json:"externalLinks"`
	Unexplained   []string `json:"unexplained"`
	Permalink     string   `json:"permalink"`
}

// TestPrint prints a response: under print media the header, navigation,
// search and footer are hidden, the metadata and body are shown, and every
// external link in the body is followed by its full address. The PDF
// Chromium prints, and a screenshot under print media, are saved beside
// the screenshots as response-ncnd-print.pdf and .png.
func TestPrint(t *testing.T) {
	t.Parallel()
	base := serve(t, exampleSite(t))
	ctx := chromium(t)
	var p pageKind
	for _, k := range pageKinds {
		if k.Name == "response-ncnd" { // it links to legislation.gov.uk
			p = k
		}
	}
	if err := viewport(ctx, 794, 1123); err != nil { // A4 at 96 CSS px per inch
		t.Fatal(err)
	}
	if err := open(ctx, base, p); err != nil {
		t.Fatal(err)
	}
	if err := emulateMedia(ctx, "print", ""); err != nil {
		t.Fatal(err)
	}
	r, err := chromedp.Run(ctx, chromedp.Evaluate[printResult](printState))
	if err != nil {
		t.Fatal(err)
	}
	for name, shown := range map[string]bool{"header": r.Header, "navigation": r.Nav, "site search": r.Search,
		"breadcrumbs": r.Breadcrumbs, "footer": r.Footer} {
		if shown {
			t.Errorf("print: the %s is printed; print.css should hide it", name)
		}
	}
	if !r.Metadata || !r.Body {
		t.Errorf("print: metadata shown %v, body shown %v; both must print", r.Metadata, r.Body)
	}
	if r.ExternalLinks == 0 {
		t.Errorf("print: %s has no external link in its body to check; pick a response that has one", p.Path)
	}
	for _, u := range r.Unexplained {
		t.Errorf("print: external link without its address after it: %s", u)
	}
	if !strings.Contains(r.Permalink, "/foi/responses/") {
		t.Errorf("print: the permanent link is hidden or does not show its full address as its text")
	}

	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4)))
	if err != nil {
		t.Fatalf("print to PDF: %v", err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || len(pdf) < 5000 {
		t.Errorf("print to PDF gave %d bytes that do not look like a PDF", len(pdf))
	}
	// What print media looks like on screen, for people to check.
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot under print media: %v", err)
	}
	if err := os.MkdirAll(screenshotDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{p.Name + "-print.pdf": pdf, p.Name + "-print.png": png} {
		if err := os.WriteFile(filepath.Join(screenshotDir, name), b, 0o644); err != nil {
			t.Error(err)
		}
	}
}
