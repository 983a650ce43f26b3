//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/foilog/foilog"
	"github.com/foilog/foilog/internal/server"
	"github.com/foilog/foilog/internal/site"
)

// lrSite copies the example log (content and foilog.yaml) into a
// temporary folder for a live-reload test to edit.
func lrSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join(repoRoot, "content")
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(repoRoot, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := os.ReadFile(filepath.Join(repoRoot, "foilog.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "foilog.yaml"), cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// lrServe runs the live preview of the site in dir on a free loopback
// port, as `foilog serve` does, and returns its URL ("http://127.0.0.1:PORT/").
// The server shuts down when t ends.
func lrServe(t *testing.T, dir string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := server.New(server.Config{Root: dir, Options: site.Options{Layouts: foilog.Layouts, Static: foilog.Static, Drafts: true}})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("server: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Errorf("server did not shut down within 10s")
		}
	})
	deadline := time.Now().Add(30 * time.Second)
	for s.Status().Build == 0 {
		if time.Now().After(deadline) {
			t.Fatal("the first build did not finish within 30s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if st := s.Status(); !st.OK {
		t.Fatalf("the example site does not build: %+v", st.Problems)
	}
	return s.URL(ln.Addr())
}

// lrEdit replaces old by new in the file, failing when old is missing.
func lrEdit(t *testing.T, file, old, new string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s does not contain %q", file, old)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// lrReady waits until the page's reload script has connected to the
// server, then marks the document: a reload removes the mark.
func lrReady(t *testing.T, ctx context.Context) {
	t.Helper()
	if err := lrPoll(ctx, `document.documentElement.hasAttribute("data-foilog-build")`, 10*time.Second); err != nil {
		t.Fatalf("reload script did not connect: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`window.__lrMark = true`)); err != nil {
		t.Fatal(err)
	}
}

func lrEval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// lrPoll evaluates js every 25ms until it is true or timeout passes. Unlike
// waitFor it keeps polling across navigations and reloads, which is what
// the preview does to the page.
func lrPoll(ctx context.Context, js string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	var last error
	for time.Now().Before(deadline) {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { try { return !!(`+js+`); } catch (e) { return false; } })()`))
		if err == nil && ok {
			return nil
		}
		last = err
		time.Sleep(25 * time.Millisecond)
	}
	if last != nil {
		return fmt.Errorf("waiting for %s: %w", js, last)
	}
	return fmt.Errorf("waiting for %s: still false after %s", js, timeout)
}

func lrWait(t *testing.T, ctx context.Context, what, js string) {
	t.Helper()
	if err := lrPoll(ctx, js, 10*time.Second); err != nil {
		text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](
			`location.href + "\n" + (document.body ? document.body.innerText.slice(0, 2000) : "(no body yet)")`))
		t.Fatalf("%s: %v\npage:\n%s", what, err, text)
	}
}

// lrAxe runs axe-core on the page in ctx and fails t on any violation.
func lrAxe(t *testing.T, ctx context.Context, what string) {
	t.Helper()
	violations, err := runAxe(ctx, axeScript(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range violations {
		t.Errorf("axe, %s: %s", what, v)
	}
}

// TestLiveReload edits a response of a site served by the live preview
// and checks, in headless Chromium, that the open page reloads by itself
// with the change; that broken front-matter shows an accessible error
// overlay naming the file and line (without reloading), which Escape
// hides and a fix removes; that warnings show folded; that a page whose
// reference changes follows it; and that a page whose file is deleted
// goes to the home page with a notice. The overlay must cause no
// Content-Security-Policy violation and pass axe-core.
func TestLiveReload(t *testing.T) {
	ctx := chromium(t)
	log := watch(t, ctx)
	dir := lrSite(t)
	base := lrServe(t, dir)
	file := filepath.Join(dir, "content", "responses", "body-worn-video-retention.md")
	const rel = "content/responses/body-worn-video-retention.md"

	if err := load(ctx, base+"responses/foi-0413-22/"); err != nil {
		t.Fatal(err)
	}
	lrReady(t, ctx)

	// An edit to the body reloads the page with the change, by itself.
	saved := time.Now()
	lrEdit(t, file, "deleted automatically 31 days after upload", "deleted automatically 45 days after upload")
	lrWait(t, ctx, "page reloads with the edit",
		`!window.__lrMark && document.body.innerText.includes("deleted automatically 45 days after upload")`)
	t.Logf("file saved to page reloaded: %s", time.Since(saved).Round(time.Millisecond))
	checkClean(t, ctx, log, "after a reload")
	lrReady(t, ctx)

	// Broken front-matter: an overlay names the file and line; the page
	// stays as it was.
	lrEdit(t, file, "\noutcome: partial\n", "\noutcme: partial\n")
	lrWait(t, ctx, "error overlay appears", `document.querySelector('#foilog-overlay [role="alertdialog"]') !== null`)
	overlay := lrEval[string](t, ctx, `document.getElementById("foilog-overlay").innerText`)
	for _, want := range []string{rel + ":10:1", "unknown field `outcme`; did you mean `outcome`?", "outcme: partial", "required field `outcome` is missing"} {
		if !strings.Contains(overlay, want) {
			t.Errorf("overlay lacks %q:\n%s", want, overlay)
		}
	}
	if marked := lrEval[string](t, ctx, `Array.from(document.querySelectorAll(".foilog-source__line--mark"), e => e.textContent).join("\n")`); !strings.Contains(marked, "10outcme: partial") {
		t.Errorf("highlighted source lines are %q, want line 10 with outcme", marked)
	}
	if !lrEval[bool](t, ctx, `window.__lrMark === true`) {
		t.Errorf("the page reloaded after a failed build; it should keep the last good page")
	}
	if focus := lrEval[string](t, ctx, `document.activeElement.id`); focus != "foilog-dialog" {
		t.Errorf("focus is on #%s, want the alert dialog", focus)
	}
	if ok := lrEval[bool](t, ctx, `getComputedStyle(document.getElementById("foilog-overlay")).position === "fixed"`); !ok {
		t.Errorf("overlay is not styled by _foilog/overlay.css")
	}
	lrAxe(t, ctx, "page with the error overlay")
	checkClean(t, ctx, log, "error overlay")

	// Fixing the file removes the overlay.
	lrEdit(t, file, "\noutcme: partial\n", "\noutcome: partial\n")
	lrWait(t, ctx, "error overlay goes after the fix", `document.querySelector('[role="alertdialog"]') === null`)
	lrReady(t, ctx)

	// Escape hides the overlay and gives focus back.
	lrEdit(t, file, "\ndate: 2022-03-29\n", "\ndate: 2022-02-30\n")
	lrWait(t, ctx, "error overlay appears again", `document.querySelector('#foilog-overlay [role="alertdialog"]') !== null`)
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
		t.Fatal(err)
	}
	lrWait(t, ctx, "Escape hides the overlay", `document.getElementById("foilog-overlay") === null && document.activeElement !== null`)
	lrEdit(t, file, "\ndate: 2022-02-30\n", "\ndate: 2022-03-29\n")

	// Warnings show in a folded panel that does not block the page.
	if err := os.WriteFile(filepath.Join(dir, "content", "responses", "notes.txt"), []byte("to do"), 0o644); err != nil {
		t.Fatal(err)
	}
	lrWait(t, ctx, "warning panel appears", `(() => {
  const o = document.querySelector('#foilog-overlay.foilog-overlay--warning');
  return o !== null && o.querySelector('details:not([open]) summary') !== null &&
    o.innerText.includes('warning') && document.activeElement !== o;
})()`)
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector('#foilog-overlay summary').click()`)); err != nil {
		t.Fatal(err)
	}
	if text := lrEval[string](t, ctx, `document.getElementById("foilog-overlay").innerText`); !strings.Contains(text, "content/responses/notes.txt") {
		t.Errorf("warning panel does not name notes.txt:\n%s", text)
	}
	lrAxe(t, ctx, "page with the warning panel")
	checkClean(t, ctx, log, "warning panel")
	lrReady(t, ctx)

	// A new reference moves the page: the reader follows it.
	lrEdit(t, file, `reference: "FOI 0413/22"`, `reference: "FOI 0414/22"`)
	lrWait(t, ctx, "page follows its new address", `location.pathname === "/responses/foi-0414-22/" && !window.__lrMark`)
	lrReady(t, ctx)

	// Deleting the file sends the reader home with a notice.
	if err := os.Remove(file); err != nil {
		t.Fatal(err)
	}
	lrWait(t, ctx, "page goes home", `location.pathname === "/" && document.querySelector('#foilog-notice [role="alert"]') !== null`)
	if notice := lrEval[string](t, ctx, `document.getElementById("foilog-notice").innerText`); !strings.Contains(notice, "/responses/foi-0414-22/ no longer exists") {
		t.Errorf("notice: %q", notice)
	}
	checkClean(t, ctx, log, "after the file was deleted")
}
