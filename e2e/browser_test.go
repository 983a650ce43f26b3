//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// chromiumPath is the Debian Chromium the suite drives.
const chromiumPath = "/usr/bin/chromium"

// browser is the one headless Chromium the package shares: tabs are cheap,
// a browser start is not.
var browser memo[context.Context]

// startBrowser launches Chromium with a fresh profile folder; atExit stops
// it and removes the folder.
func startBrowser() (context.Context, error) {
	profile, err := os.MkdirTemp("", "foilog-e2e-chromium-")
	if err != nil {
		return nil, err
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox, // the suite runs as root
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true), // screenshots without scrollbars
		chromedp.Flag("disable-renderer-backgrounding", true),
		chromedp.Flag("disable-background-timer-throttling", true),
		chromedp.Flag("disable-backgrounding-occluded-windows", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 900),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	stop := func() {
		cancel()
		cancelAlloc()
		os.RemoveAll(profile)
	}
	if err := chromedp.Do(ctx); err != nil { // starts the browser, no timeout
		stop()
		return nil, fmt.Errorf("start %s: %w", chromiumPath, err)
	}
	atExit(stop)
	return ctx, nil
}

// chromium returns the context of a new tab in the package's shared
// headless Chromium (started on first use). The tab closes when t ends.
// Every document the tab loads records Content-Security-Policy violations
// in window.__cspViolations (see watch). t fails, naming the package to
// install, when Chromium is missing.
func chromium(t testing.TB) context.Context {
	t.Helper()
	requireFile(t, chromiumPath, "apt-get install -y chromium")
	parent := browser.get(t, startBrowser)
	ctx, cancel := chromedp.NewContext(parent)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument,
			page.AddScriptToEvaluateOnNewDocumentParams{Source: cspListener})
		return err
	})); err != nil {
		t.Fatalf("open a Chromium tab: %v", err)
	}
	return ctx
}

// cspListener runs before any script of every document and keeps every
// securitypolicyviolation event, so a test can read them all even when
// Chromium's console message is missed.
const cspListener = `
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)') +
    (e.sourceFile ? ' at ' + e.sourceFile + ':' + e.lineNumber : '') +
    (e.sample ? ' sample: ' + e.sample : ''));
}, true);
`

// tabLog is what watch records from one tab.
type tabLog struct {
	mu   sync.Mutex
	msgs []chromedp.ConsoleMessage
}

// watch records the console of the tab ctx: errors, warnings, uncaught
// exceptions and the browser's own log (failed loads, CSP reports). Call
// it right after chromium(t), before the first navigation.
func watch(t testing.TB, ctx context.Context) *tabLog {
	t.Helper()
	l := &tabLog{}
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			l.mu.Lock()
			l.msgs = append(l.msgs, m)
			l.mu.Unlock()
		}
	}()
	return l
}

// take returns and forgets the messages recorded so far that a page must
// not produce: errors, exceptions, and warnings that name the security
// policy. allow drops messages containing any of its strings.
func (l *tabLog) take(allow ...string) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var bad []string
next:
	for _, m := range l.msgs {
		text := m.String()
		if m.URL != "" {
			text += fmt.Sprintf(" (%s:%d)", m.URL, m.Line+1)
		}
		switch {
		case m.Type == chromedp.ConsoleError, m.IsException():
		case strings.Contains(m.Text, "Content Security Policy"), strings.Contains(m.Text, "Content-Security-Policy"):
		default:
			continue
		}
		for _, a := range allow {
			if strings.Contains(text, a) {
				continue next
			}
		}
		bad = append(bad, text)
	}
	l.msgs = nil
	return bad
}

// cspViolations returns the securitypolicyviolation events of the current
// document of ctx.
func cspViolations(ctx context.Context) ([]string, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.__cspViolations || []`))
}

// checkClean fails t when the current document of ctx reported a CSP
// violation or the console recorded an error since the last check. It
// waits briefly, so that messages of the page's last moments arrive.
func checkClean(t testing.TB, ctx context.Context, l *tabLog, what string, allow ...string) {
	t.Helper()
	v, err := cspViolations(ctx)
	if err != nil {
		t.Errorf("%s: read CSP violations: %v", what, err)
	}
	for _, s := range v {
		t.Errorf("%s: Content-Security-Policy violation: %s", what, s)
	}
	time.Sleep(50 * time.Millisecond)
	for _, s := range l.take(allow...) {
		t.Errorf("%s: console: %s", what, s)
	}
}

// load navigates ctx to url and waits for the load event.
func load(ctx context.Context, url string) error {
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return fmt.Errorf("load %s: %w", url, err)
	}
	return nil
}

// emulateMedia sets the CSS media type ("print", or "" for screen) and
// the preferred colour scheme ("dark", "light" or "" for the default).
func emulateMedia(ctx context.Context, media, scheme string) error {
	p := emulation.SetEmulatedMediaParams{Media: media}
	if scheme != "" {
		p.Features = []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}
	} else {
		p.Features = []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: ""}}
	}
	_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, p)
	return err
}

// viewport sets the tab's viewport in CSS pixels.
func viewport(ctx context.Context, width, height int64) error {
	return chromedp.Do(ctx, chromedp.EmulateViewport(width, height))
}

// waitFor polls the JavaScript expression js in ctx until it is true or
// timeout passes.
func waitFor(ctx context.Context, js string, timeout time.Duration) error {
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(timeout),
		chromedp.WithPollingInterval(25*time.Millisecond)))
	if err != nil {
		return fmt.Errorf("waiting for %s: %w", js, err)
	}
	return nil
}
