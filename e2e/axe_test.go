//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// axeTags are the rule sets every page must pass.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"}

// axeViolation is one failed axe-core rule with the elements that fail it.
type axeViolation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	Nodes   []struct {
		Target  []string `json:"target"`
		Summary string   `json:"summary"`
	} `json:"nodes"`
}

func (v axeViolation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s\n    %s", v.ID, v.Impact, v.Help, v.HelpURL)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n    - %s", strings.Join(n.Target, " "))
		if n.Summary != "" {
			fmt.Fprintf(&b, "\n      %s", strings.ReplaceAll(n.Summary, "\n", "\n      "))
		}
	}
	return b.String()
}

var axeSource memo[string]

// axeScript returns the source of node_modules/axe-core/axe.min.js.
func axeScript(t testing.TB) string {
	t.Helper()
	dir := requireNodeModule(t, "axe-core")
	return axeSource.get(t, func() (string, error) {
		b, err := os.ReadFile(filepath.Join(dir, "axe.min.js"))
		return string(b), err
	})
}

// runAxe injects axe-core into the current document of ctx (unless it is
// there already) and returns the violations of the axeTags rules.
func runAxe(ctx context.Context, src string) ([]axeViolation, error) {
	has, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof window.axe === 'object'`))
	if err != nil {
		return nil, err
	}
	if !has {
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](src)); err != nil {
			return nil, fmt.Errorf("inject axe-core: %w", err)
		}
	}
	tags := `['` + strings.Join(axeTags, `','`) + `']`
	js := `axe.run(document, {runOnly: {type: 'tag', values: ` + tags + `}, resultTypes: ['violations']})
  .then(r => r.violations.map(v => ({id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target.map(String), summary: n.failureSummary || ''}))})))`
	return chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](js, chromedp.EvalAwaitPromise))
}

// darkKinds name the page kinds checked again in the dark scheme: between
// them they show every component the style sheet colours.
var darkKinds = []string{"home", "response-ncnd", "response-table", "responses-page-2", "exemptions",
	"exemption-provision", "topics", "search-filtered", "404"}

// phoneKinds name the page kinds checked again at 320 px: those with
// tables, code and long words.
var phoneKinds = []string{"home", "response-table", "exemptions", "provisions", "search-filtered"}

// kindsNamed returns the page kinds with the given names, in pageKinds order.
func kindsNamed(names []string) []pageKind {
	var out []pageKind
	for _, p := range pageKinds {
		if slices.Contains(names, p.Name) {
			out = append(out, p)
		}
	}
	return out
}

// TestAccessibility runs axe-core (WCAG 2.0–2.2 A and AA, and best
// practice) on every page kind of the example site served by nginx, in the
// light colour scheme, on darkKinds again in the dark one, and on
// phoneKinds at 320 px wide. Any violation fails,
// with its rule, impact, help and the selector of every element.
func TestAccessibility(t *testing.T) {
	t.Parallel()
	base := serve(t, exampleSite(t))
	src := axeScript(t)
	ctx := chromium(t)
	log := watch(t, ctx)
	for _, pass := range []struct {
		name, scheme string
		width        int64
		kinds        []string // nil: every page kind
	}{
		{"light", "light", 1280, nil},
		{"dark", "dark", 1280, darkKinds},
		// At phone width wide content scrolls inside its own region,
		// which must then be reachable by keyboard.
		{"phone", "light", 320, phoneKinds},
	} {
		t.Run(pass.name, func(t *testing.T) {
			scheme := pass.scheme
			if err := emulateMedia(ctx, "", scheme); err != nil {
				t.Fatal(err)
			}
			if err := viewport(ctx, pass.width, 900); err != nil {
				t.Fatal(err)
			}
			pages := pageKinds
			if pass.kinds != nil {
				pages = kindsNamed(pass.kinds)
			}
			for _, p := range pages {
				start := time.Now()
				err := open(ctx, base, p)
				checkClean(t, ctx, log, p.Name+" ("+base+p.Path+")", p.Allow...)
				if err != nil {
					t.Errorf("%s: %v", p.Name, err)
					continue
				}
				vs, err := runAxe(ctx, src)
				if err != nil {
					t.Errorf("%s: axe: %v", p.Name, err)
					continue
				}
				for _, v := range vs {
					t.Errorf("%s (%s%s) in the %s scheme: axe violation %s", p.Name, base, p.Path, scheme, v)
				}
				// axe must not need anything the policy forbids either.
				checkClean(t, ctx, log, p.Name+" after axe", p.Allow...)
				t.Logf("%-20s %d violations, %v", p.Name, len(vs), time.Since(start).Round(time.Millisecond))
			}
		})
	}
}

// TestAccessibilitySynthetic runs axe-core on pages of the 1,000-response
// site that the example cannot show: a deep page of a 50-page list (the
// pager with gaps), a response with both a table and a code block from the
// generator's Markdown, and the exemption index and a term page over many
// responses.
func TestAccessibilitySynthetic(t *testing.T) {
	t.Parallel()
	dir := syntheticSite(t)
	base := serve(t, dir)
	src := axeScript(t)
	ctx := chromium(t)
	log := watch(t, ctx)
	pages := []pageKind{
		{Name: "home", Path: ""},
		{Name: "responses-deep", Path: "responses/page/25/"},
		{Name: "exemptions", Path: "exemptions/"},
		{Name: "years", Path: "years/"},
	}
	for _, f := range htmlFiles(t, dir) {
		if !strings.HasPrefix(f, "responses/") || strings.HasPrefix(f, "responses/page/") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), "<table") && strings.Contains(string(b), "<pre") {
			pages = append(pages, pageKind{Name: "response-table-code", Path: strings.TrimSuffix(f, "index.html")})
			break
		}
	}
	if len(pages) != 5 {
		t.Errorf("no response of the synthetic site has both a table and a code block")
	}
	for _, p := range pages {
		err := open(ctx, base, p)
		checkClean(t, ctx, log, p.Name+" ("+base+p.Path+")")
		if err != nil {
			t.Errorf("%s: %v", p.Name, err)
			continue
		}
		vs, err := runAxe(ctx, src)
		if err != nil {
			t.Errorf("%s: axe: %v", p.Name, err)
			continue
		}
		for _, v := range vs {
			t.Errorf("synthetic %s (%s%s): axe violation %s", p.Name, base, p.Path, v)
		}
	}
}
