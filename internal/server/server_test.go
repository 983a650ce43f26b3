package server

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/foilog/foilog"
	"github.com/foilog/foilog/internal/output"
	"github.com/foilog/foilog/internal/site"
)

const (
	bwvPage   = "responses/foi-0001-23/"
	droneFile = "content/responses/drones.md"
)

// bwv is a valid response; its page is bwvPage.
const bwv = `---
title: Body worn video retention
reference: "FOI 0001/23"
date: 2023-03-01
force: Test Police
outcome: disclosed
topics: [Body worn video]
---
We were asked how long body worn video footage is kept.

## Request

> How long do you keep footage?

## Response

Footage is kept for 31 days unless it is evidence.
`

const drones = `---
title: Use of drones
reference: "FOI 0002/23"
date: 2023-04-01
force: Test Police
outcome: not-held
topics: [Drones]
---
We were asked about drones. We hold no information.
`

// testSite writes a small site into a temporary folder and returns it.
func testSite(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	writeFile(t, root, "foilog.yaml", "title: Test disclosure log\nauthority: Test Police\n")
	writeFile(t, root, "content/responses/bwv.md", bwv)
	writeFile(t, root, droneFile, drones)
	writeFile(t, root, "content/responses/figures/index.md", `---
title: Figures by year
reference: "FOI 0003/23"
date: 2023-05-01
outcome: disclosed
attachments:
  - file: figures.csv
    title: Figures
---
The figures are attached.
`)
	writeFile(t, root, "content/responses/figures/figures.csv", "year,count\n2022,4\n")
	return root
}

func testOptions() site.Options {
	return site.Options{Layouts: foilog.Layouts, Static: foilog.Static, Drafts: true,
		Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Workers: 2}
}

// newTestServer builds the site at root once and serves it.
func newTestServer(t *testing.T, root string, opts site.Options) (*Server, *httptest.Server) {
	t.Helper()
	s := New(Config{Root: root, Options: opts})
	st := s.Rebuild(nil)
	ts := httptest.NewServer(s)
	t.Cleanup(func() {
		s.hub.close()
		ts.Close()
	})
	_ = st
	return s, ts
}

// get fetches path without following redirects.
func get(t *testing.T, ts *httptest.Server, path string) (*http.Response, string) {
	t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(body)
}

func mustStatus(t *testing.T, resp *http.Response, body string, want int) {
	t.Helper()
	if resp.StatusCode != want {
		t.Fatalf("GET %s: status %d, want %d; body:\n%.500s", resp.Request.URL.Path, resp.StatusCode, want, body)
	}
}

func TestFirstBuildSucceeds(t *testing.T) {
	s, _ := newTestServer(t, testSite(t), testOptions())
	st := s.Status()
	if !st.OK || st.Build != 1 || st.Good != 1 || st.Errors != 0 {
		t.Fatalf("status after first build = %+v", st)
	}
}

func TestServeContentTypes(t *testing.T) {
	_, ts := newTestServer(t, testSite(t), testOptions())
	for _, tc := range []struct{ path, want string }{
		{"/", "text/html; charset=utf-8"},
		{"/" + bwvPage, "text/html; charset=utf-8"},
		{"/assets/site.css", "text/css; charset=utf-8"},
		{"/assets/favicon.svg", "image/svg+xml"},
		{"/robots.txt", "text/plain; charset=utf-8"},
		{"/responses/foi-0003-23/figures.csv", "text/csv; charset=utf-8"},
		{"/_foilog/reload.js", "text/javascript; charset=utf-8"},
		{"/_foilog/overlay.css", "text/css; charset=utf-8"},
		{"/_foilog/status.json", "application/json"},
	} {
		resp, body := get(t, ts, tc.path)
		mustStatus(t, resp, body, http.StatusOK)
		if got := resp.Header.Get("Content-Type"); got != tc.want {
			t.Errorf("GET %s: Content-Type %q, want %q", tc.path, got, tc.want)
		}
		if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: no X-Content-Type-Options: nosniff", tc.path)
		}
	}
}

func TestServeIndexRedirectAnd404(t *testing.T) {
	_, ts := newTestServer(t, testSite(t), testOptions())

	resp, body := get(t, ts, "/"+bwvPage)
	mustStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "Body worn video retention") {
		t.Errorf("response page does not show its title")
	}
	resp, body = get(t, ts, "/"+bwvPage+"index.html")
	mustStatus(t, resp, body, http.StatusOK)

	resp, body = get(t, ts, "/responses/foi-0001-23?utm=x")
	mustStatus(t, resp, body, http.StatusMovedPermanently)
	if loc := resp.Header.Get("Location"); loc != "/responses/foi-0001-23/?utm=x" {
		t.Errorf("redirect to %q, want /responses/foi-0001-23/?utm=x", loc)
	}

	for _, p := range []string{"/no-such-page/", "/responses/nope", "/assets/", "/assets/missing.css", "/../etc/passwd"} {
		resp, body = get(t, ts, p)
		mustStatus(t, resp, body, http.StatusNotFound)
		if !strings.Contains(body, "Page not found") || !strings.Contains(resp.Header.Get("Content-Type"), "text/html") {
			t.Errorf("GET %s: not the site's 404 page:\n%.300s", p, body)
		}
	}

	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/", nil)
	pr, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	pr.Body.Close()
	if pr.StatusCode != http.StatusMethodNotAllowed || pr.Header.Get("Allow") != "GET, HEAD" {
		t.Errorf("POST: status %d, Allow %q", pr.StatusCode, pr.Header.Get("Allow"))
	}

	hr, err := http.Head(ts.URL + "/" + bwvPage)
	if err != nil {
		t.Fatal(err)
	}
	hr.Body.Close()
	if hr.StatusCode != http.StatusOK || hr.ContentLength <= 0 {
		t.Errorf("HEAD: status %d, length %d", hr.StatusCode, hr.ContentLength)
	}
}

func TestServeHeaders(t *testing.T) {
	_, ts := newTestServer(t, testSite(t), testOptions())
	for _, p := range []string{"/", "/assets/site.css", "/missing", "/responses/foi-0001-23", "/_foilog/reload.js", "/_foilog/status.json"} {
		resp, _ := get(t, ts, p)
		if got := resp.Header.Get("Content-Security-Policy"); got != "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'" {
			t.Errorf("GET %s: CSP %q", p, got)
		}
		if got := resp.Header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("GET %s: Cache-Control %q, want no-store", p, got)
		}
	}
}

func TestServeUnderBasePath(t *testing.T) {
	opts := testOptions()
	opts.BaseURL = "/foi/"
	_, ts := newTestServer(t, testSite(t), opts)

	resp, body := get(t, ts, "/foi/")
	mustStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, `href="/foi/`+bwvPage+`"`) {
		t.Errorf("home page does not link to /foi/%s", bwvPage)
	}
	if !strings.Contains(body, `src="/foi/_foilog/reload.js"`) {
		t.Errorf("home page does not load /foi/_foilog/reload.js")
	}
	resp, body = get(t, ts, "/foi/"+bwvPage)
	mustStatus(t, resp, body, http.StatusOK)

	for _, p := range []string{"/foi", "/"} {
		resp, body = get(t, ts, p)
		mustStatus(t, resp, body, http.StatusMovedPermanently)
		if loc := resp.Header.Get("Location"); loc != "/foi/" {
			t.Errorf("GET %s redirects to %q, want /foi/", p, loc)
		}
	}
	resp, body = get(t, ts, "/"+bwvPage)
	mustStatus(t, resp, body, http.StatusNotFound)
	if !strings.Contains(body, "Page not found") {
		t.Errorf("outside the base path: not the site's 404 page")
	}
	resp, body = get(t, ts, "/foi/_foilog/reload.js")
	mustStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, `"base":"/foi/"`) {
		t.Errorf("reload.js does not know the base path:\n%.200s", body)
	}
}

func TestReloadScriptOnlyInPreview(t *testing.T) {
	root := testSite(t)
	_, ts := newTestServer(t, root, testOptions())
	resp, body := get(t, ts, "/"+bwvPage)
	mustStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, `<script src="/_foilog/reload.js" defer></script>`) {
		t.Errorf("preview page does not load the reload script")
	}
	resp, body = get(t, ts, "/_foilog/reload.js")
	mustStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "EventSource") || strings.Contains(body, "/*PAGE*/") {
		t.Errorf("reload.js is not the filled-in script:\n%.300s", body)
	}

	// A build for publishing has neither the script nor its files.
	opts := testOptions()
	opts.Source = os.DirFS(root)
	res, list := site.Build(opts)
	if list.HasErrors() {
		t.Fatal(list)
	}
	for _, f := range res.Files {
		if strings.Contains(f.Path, "_foilog") || strings.Contains(string(f.Data), "_foilog") {
			t.Errorf("published file %s mentions _foilog", f.Path)
		}
	}
}

// sse reads server-sent events from the preview.
type sse struct {
	r    *bufio.Reader
	body io.Closer
}

func openEvents(t *testing.T, ts *httptest.Server) *sse {
	t.Helper()
	resp, err := http.Get(ts.URL + "/_foilog/events")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream; charset=utf-8" {
		t.Fatalf("events Content-Type %q", ct)
	}
	return &sse{r: bufio.NewReader(resp.Body), body: resp.Body}
}

// read returns the next event's name and decoded Status, waiting at most
// timeout.
func (e *sse) read(timeout time.Duration) (string, Status, error) {
	type result struct {
		name string
		st   Status
		err  error
	}
	ch := make(chan result, 1)
	go func() {
		var name, data string
		for {
			line, err := e.r.ReadString('\n')
			if err != nil {
				ch <- result{err: err}
				return
			}
			line = strings.TrimRight(line, "\n")
			switch {
			case strings.HasPrefix(line, "event: "):
				name = line[len("event: "):]
			case strings.HasPrefix(line, "data: "):
				data = line[len("data: "):]
			case line == "" && name != "":
				var st Status
				err := json.Unmarshal([]byte(data), &st)
				ch <- result{name, st, err}
				return
			}
		}
	}()
	select {
	case r := <-ch:
		return r.name, r.st, r.err
	case <-time.After(timeout):
		return "", Status{}, fmt.Errorf("no event within %s", timeout)
	}
}

// next returns the next event's name and decoded Status.
func (e *sse) next(t testing.TB) (string, Status) {
	t.Helper()
	name, st, err := e.read(5 * time.Second)
	if err != nil {
		t.Fatal(err)
	}
	return name, st
}

func TestEventsReloadAfterRebuild(t *testing.T) {
	root := testSite(t)
	s, ts := newTestServer(t, root, testOptions())
	ev := openEvents(t, ts)
	name, st := ev.next(t)
	if name != "hello" || !st.OK || st.Good != 1 || st.Reload {
		t.Fatalf("first event %s %+v, want hello with good build 1", name, st)
	}

	writeFile(t, root, "content/responses/bwv.md", strings.Replace(bwv, "31 days", "90 days", 1))
	s.Rebuild(Change{{Path: "content/responses/bwv.md", Op: Changed}})
	name, st = ev.next(t)
	if name != "build" || !st.OK || !st.Reload || st.Build != 2 || st.Good != 2 ||
		st.Trigger != "content/responses/bwv.md changed" {
		t.Fatalf("after an edit: %s %+v, want a build event asking to reload", name, st)
	}
	if !contains(st.Changed, bwvPage) || contains(st.Changed, "responses/foi-0002-23/") || st.ChangedFiles < len(st.Changed) {
		t.Errorf("changed pages %v (%d files), want %s and not the other responses", st.Changed, st.ChangedFiles, bwvPage)
	}
	resp, body := get(t, ts, "/"+bwvPage)
	mustStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "90 days") {
		t.Errorf("page does not show the edit")
	}

	// A build that changes nothing tells pages so, without a reload.
	s.Rebuild(Change{{Path: "content/responses/bwv.md", Op: Changed}})
	if _, st = ev.next(t); st.Reload {
		t.Errorf("a build that changed nothing asks pages to reload")
	}
}

func TestOverlayDataAfterFailedBuildAndFix(t *testing.T) {
	root := testSite(t)
	s, ts := newTestServer(t, root, testOptions())
	ev := openEvents(t, ts)
	ev.next(t) // hello

	broken := strings.Replace(bwv, "outcome: disclosed", "outcome: [disclosed", 1)
	writeFile(t, root, "content/responses/bwv.md", broken)
	s.Rebuild(Change{{Path: "content/responses/bwv.md", Op: Changed}})
	name, st := ev.next(t)
	if name != "build" || st.OK || st.Reload || st.Errors == 0 || st.Good != 1 {
		t.Fatalf("after breaking the file: %s %+v", name, st)
	}

	// status.json carries the same overlay data.
	resp, body := get(t, ts, "/_foilog/status.json")
	mustStatus(t, resp, body, http.StatusOK)
	var js Status
	if err := json.Unmarshal([]byte(body), &js); err != nil {
		t.Fatal(err)
	}
	if len(js.Problems) == 0 {
		t.Fatalf("status.json has no problems: %s", body)
	}
	p := js.Problems[0]
	if p.Path != "content/responses/bwv.md" || p.Line == 0 || p.Message == "" || p.Severity != "error" {
		t.Fatalf("problem = %+v, want an error in content/responses/bwv.md with a line", p)
	}
	var marked *SourceLine
	for i := range p.Source {
		if p.Source[i].Mark {
			marked = &p.Source[i]
		}
	}
	lines := strings.Split(broken, "\n")
	if marked == nil || marked.Number != p.Line || marked.Text != lines[p.Line-1] || len(p.Source) < 2 {
		t.Fatalf("source lines %+v do not mark line %d (%q)", p.Source, p.Line, lines[p.Line-1])
	}
	if !strings.Contains(body, `"path":"content/responses/bwv.md"`) || !strings.Contains(body, `"severity":"error"`) ||
		!strings.Contains(body, `"mark":true`) {
		t.Errorf("status.json does not use the documented field names: %.400s", body)
	}

	// The last good site is still served.
	resp, body = get(t, ts, "/"+bwvPage)
	mustStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "Body worn video retention") {
		t.Errorf("last good page not served after a failed build")
	}

	// Fixing the file clears the errors and reloads pages.
	writeFile(t, root, "content/responses/bwv.md", bwv)
	s.Rebuild(Change{{Path: "content/responses/bwv.md", Op: Changed}})
	name, st = ev.next(t)
	if name != "build" || !st.OK || st.Errors != 0 || st.Good != 3 {
		t.Fatalf("after the fix: %s %+v", name, st)
	}
	for _, p := range st.Problems {
		if p.Severity == "error" {
			t.Errorf("error left after the fix: %+v", p)
		}
	}
}

func TestWarningsInStatus(t *testing.T) {
	root := testSite(t)
	writeFile(t, root, "content/responses/notes.txt", "not a response")
	s, _ := newTestServer(t, root, testOptions())
	st := s.Status()
	if !st.OK || st.Warnings == 0 {
		t.Fatalf("status %+v, want a successful build with a warning", st)
	}
	found := false
	for _, p := range st.Problems {
		if p.Path == "content/responses/notes.txt" && p.Severity == "warning" {
			found = true
		}
	}
	if !found {
		t.Errorf("warning about notes.txt not in %+v", st.Problems)
	}
}

func TestMovedAndRemovedPages(t *testing.T) {
	root := testSite(t)
	s, _ := newTestServer(t, root, testOptions())

	// A new reference gives the page a new address.
	writeFile(t, root, "content/responses/bwv.md", strings.Replace(bwv, "FOI 0001/23", "FOI 0009/23", 1))
	st := s.Rebuild(Change{{Path: "content/responses/bwv.md", Op: Changed}})
	if len(st.Moved) != 1 || st.Moved[0] != (Move{From: bwvPage, To: "responses/foi-0009-23/"}) {
		t.Errorf("moved = %+v, want %s → responses/foi-0009-23/", st.Moved, bwvPage)
	}

	// Renaming the file into a bundle with a new reference follows it too.
	os.Remove(filepath.Join(root, "content/responses/bwv.md"))
	writeFile(t, root, "content/responses/bwv/index.md", strings.Replace(bwv, "FOI 0001/23", "FOI 0010/23", 1))
	st = s.Rebuild(Change{{Path: "content/responses/bwv.md", Op: Renamed}, {Path: "content/responses/bwv/index.md", Op: Created}})
	if len(st.Moved) != 1 || st.Moved[0] != (Move{From: "responses/foi-0009-23/", To: "responses/foi-0010-23/"}) {
		t.Errorf("moved = %+v, want responses/foi-0009-23/ → responses/foi-0010-23/", st.Moved)
	}

	// A deleted response's page is removed, with its topic page.
	os.Remove(filepath.Join(root, droneFile))
	st = s.Rebuild(Change{{Path: droneFile, Op: Removed}})
	if !contains(st.Removed, "responses/foi-0002-23/") || !contains(st.Removed, "topics/drones/") || len(st.Moved) != 0 {
		t.Errorf("removed = %v, moved = %v; want responses/foi-0002-23/ and topics/drones/ removed", st.Removed, st.Moved)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestNotBuiltPage(t *testing.T) {
	root := testSite(t)
	writeFile(t, root, "content/responses/bwv.md", strings.Replace(bwv, "date: 2023-03-01", "date: 2023-13-45", 1))
	s, ts := newTestServer(t, root, testOptions())
	if st := s.Status(); st.OK || st.Good != 0 {
		t.Fatalf("status %+v, want a failed first build", st)
	}
	resp, body := get(t, ts, "/"+bwvPage)
	mustStatus(t, resp, body, http.StatusServiceUnavailable)
	if !strings.Contains(body, "content/responses/bwv.md:") || !strings.Contains(body, `src="/_foilog/reload.js"`) ||
		strings.Contains(body, "style=") || strings.Contains(body, "<script>") {
		t.Errorf("not-built page does not list the error with the reload script, or uses inline code:\n%s", body)
	}
	resp, body = get(t, ts, "/_foilog/reload.js")
	mustStatus(t, resp, body, http.StatusOK)

	writeFile(t, root, "content/responses/bwv.md", bwv)
	st := s.Rebuild(Change{{Path: "content/responses/bwv.md", Op: Changed}})
	if !st.OK || !st.Reload {
		t.Fatalf("after the fix: %+v", st)
	}
	resp, body = get(t, ts, "/"+bwvPage)
	mustStatus(t, resp, body, http.StatusOK)
}

func TestRunServesRebuildsAndShutsDown(t *testing.T) {
	root := testSite(t)
	var log strings.Builder
	s := New(Config{Root: root, Options: testOptions(), Log: &lockedWriter{w: &log}})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, ln) }()
	base := "http://" + ln.Addr().String()
	waitFor(t, func() bool { return s.Status().Good == 1 })

	// A page on another site that points its own name at 127.0.0.1 (DNS
	// rebinding) cannot read the preview.
	for host, want := range map[string]int{"evil.example:" + port(ln): http.StatusMisdirectedRequest,
		"localhost:" + port(ln): http.StatusOK, "127.0.0.1:1": http.StatusMisdirectedRequest} {
		req, _ := http.NewRequest(http.MethodGet, base+"/", nil)
		req.Host = host
		r, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		r.Body.Close()
		if r.StatusCode != want {
			t.Errorf("Host %s: status %d, want %d", host, r.StatusCode, want)
		}
	}

	resp, err := http.Get(base + "/_foilog/events")
	if err != nil {
		t.Fatal(err)
	}
	ev := &sse{r: bufio.NewReader(resp.Body), body: resp.Body}
	ev.next(t) // hello

	saved := time.Now()
	writeFile(t, root, "content/responses/bwv.md", strings.Replace(bwv, "31 days", "45 days", 1))
	name, st := ev.next(t)
	if name != "build" || !st.Reload || st.Trigger != "content/responses/bwv.md changed" {
		t.Fatalf("after saving a file: %s %+v", name, st)
	}
	t.Logf("save to reload event: %s", time.Since(saved))

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return within 5s of cancelling")
	}
	if _, err := ev.r.ReadString('\n'); err == nil {
		// The stream may still hold buffered bytes; it must end.
		if _, err := io.ReadAll(ev.r); err != nil && !strings.Contains(err.Error(), "EOF") {
			t.Errorf("event stream did not end cleanly: %v", err)
		}
	}
	resp.Body.Close()
	if _, err := http.Get(base + "/"); err == nil {
		t.Errorf("server still answers after shutdown")
	}
	out := log.String()
	if !strings.Contains(out, "built 3 responses, ") || !strings.Contains(out, "Serving the site with drafts at "+base+"/") || !strings.Contains(out, "content/responses/bwv.md changed → rebuilt in") {
		t.Errorf("terminal output:\n%s", out)
	}
}

func port(ln net.Listener) string { return strconv.Itoa(ln.Addr().(*net.TCPAddr).Port) }

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 10000: "10,000", 1234567: "1,234,567"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 10s")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestProgress(t *testing.T) {
	var quick strings.Builder
	stop := startProgress(&quick, "building", time.Hour)
	stop()
	if quick.Len() != 0 {
		t.Errorf("a quick build drew progress: %q", quick.String())
	}
	var slow lockedWriter
	var b strings.Builder
	slow.w = &b
	stop = startProgress(&slow, "building", 0)
	time.Sleep(250 * time.Millisecond)
	stop()
	out := b.String()
	if !strings.Contains(out, "building… 0.") || !strings.HasSuffix(out, "\r\033[K") {
		t.Errorf("progress output %q: want a spinner with elapsed time, erased at the end", out)
	}
}

// lockedWriter lets a test read what goroutines write.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// TestChangedPagesCappedInOrder: when more than MaxChanged pages change,
// the status lists the first MaxChanged in order, the same on every build.
func TestChangedPagesCappedInOrder(t *testing.T) {
	old := &site.Result{}
	cur := &site.Result{}
	for i := 0; i < MaxChanged+300; i++ {
		p := fmt.Sprintf("responses/r%04d/index.html", i)
		old.Files = append(old.Files, output.File{Path: p, Data: []byte("old")})
		cur.Files = append(cur.Files, output.File{Path: p, Data: []byte("new")})
	}
	n, pages := changes(newSnapshot(1, old), newSnapshot(2, cur))
	if n != MaxChanged+300 || len(pages) != MaxChanged {
		t.Fatalf("changes = %d files, %d pages", n, len(pages))
	}
	for i, p := range pages {
		if want := fmt.Sprintf("responses/r%04d/", i); p != want {
			t.Fatalf("pages[%d] = %q, want %q", i, p, want)
		}
	}
}

// TestRebuildFindsChangesTheWatcherMissed edits two responses but reports
// only one, as when the watcher misses an event: Rebuild builds what it
// was told, then finds the other file changed, builds again with it and
// serves both edits.
func TestRebuildFindsChangesTheWatcherMissed(t *testing.T) {
	root := testSite(t)
	old := time.Now().Add(-time.Hour) // so that the cache trusts the files' times
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			err = os.Chtimes(p, old, old)
		}
		return err
	})
	var log strings.Builder
	s := New(Config{Root: root, Options: testOptions(), Log: &log})
	if st := s.Rebuild(nil); !st.OK {
		t.Fatalf("first build: %+v", st)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(func() {
		s.hub.close()
		ts.Close()
	})

	writeFile(t, root, "content/responses/bwv.md", strings.Replace(bwv, "31 days", "90 days", 1))
	writeFile(t, root, droneFile, strings.Replace(drones, "We hold no information.", "We hold one report.", 1))
	st := s.Rebuild(Change{{Path: "content/responses/bwv.md", Op: Changed}})
	if !st.OK || st.Build != 3 || st.Trigger != droneFile+" changed" {
		t.Fatalf("status %+v, want build 3 for the missed %s", st, droneFile)
	}
	if !strings.Contains(log.String(), "the watcher missed 1 change ("+droneFile+" changed)") {
		t.Errorf("the log does not say a change was missed:\n%s", log.String())
	}
	for page, text := range map[string]string{bwvPage: "90 days", "responses/foi-0002-23/": "We hold one report."} {
		resp, body := get(t, ts, "/"+page)
		mustStatus(t, resp, body, http.StatusOK)
		if !strings.Contains(body, text) {
			t.Errorf("%s does not show the edit %q", page, text)
		}
	}
}

// TestSnapshotFilesAndFolders looks files and folders up in a build whose
// files are not sorted, and checks that changed pages come in page order,
// which is not file order ("a/" before "a/b/").
func TestSnapshotFilesAndFolders(t *testing.T) {
	old := &site.Result{Files: []output.File{
		{Path: "index.html", Data: []byte("home")}, {Path: "a/index.html", Data: []byte("a")},
		{Path: "a/b/index.html", Data: []byte("b")}, {Path: "a/b/c.csv", Data: []byte("c")}, {Path: "ab.txt", Data: []byte("x")},
	}}
	s := newSnapshot(1, old)
	for p, want := range map[string]string{"index.html": "home", "a/index.html": "a", "a/b/index.html": "b", "ab.txt": "x"} {
		if got, ok := s.file(p); !ok || string(got) != want {
			t.Errorf("file(%q) = %q, %v; want %q", p, got, ok, want)
		}
	}
	if _, ok := s.file("a"); ok {
		t.Error("file(a) found a folder")
	}
	for dir, want := range map[string]bool{"a": true, "a/b": true, "ab": false, "a/b/c.csv": false, "b": false, "": false} {
		if got := s.isDir(dir); got != want {
			t.Errorf("isDir(%q) = %v, want %v", dir, got, want)
		}
	}
	cur := &site.Result{Files: slices.Clone(old.Files)}
	cur.Files[1].Data, cur.Files[2].Data = []byte("a2"), []byte("b2")
	if n, pages := changes(s, newSnapshot(2, cur)); n != 2 || !slices.Equal(pages, []string{"a/", "a/b/"}) {
		t.Errorf("changes = %d, %q; want 2, [a/ a/b/]", n, pages)
	}
}

// TestRunFindsChangesTheWatcherMissed changes a response through a hard
// link from outside the site, which no watch reports: once the watcher
// has been quiet after the rebuild of another save, Run looks at every
// response file, finds the change and rebuilds with it.
func TestRunFindsChangesTheWatcherMissed(t *testing.T) {
	root := testSite(t)
	outside := filepath.Join(t.TempDir(), "linked.md")
	linked := strings.Replace(strings.Replace(drones, "0002/23", "0009/23", 1), "Use of drones", "Linked", 1)
	if err := os.WriteFile(outside, []byte(linked), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(outside, filepath.Join(root, "content/responses/linked.md")); err != nil {
		t.Skipf("no hard links here: %v", err)
	}
	old := time.Now().Add(-time.Hour) // so that the cache trusts the files' times
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			err = os.Chtimes(p, old, old)
		}
		return err
	})
	var log strings.Builder
	s := New(Config{Root: root, Options: testOptions(), Log: &lockedWriter{w: &log}})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	waitFor(t, func() bool { return s.Status().Good == 1 })
	resp, err := http.Get("http://" + ln.Addr().String() + "/_foilog/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	ev := &sse{r: bufio.NewReader(resp.Body), body: resp.Body}
	ev.next(t) // hello

	writeFile(t, root, "content/responses/bwv.md", strings.Replace(bwv, "31 days", "45 days", 1))
	if name, st := ev.next(t); name != "build" || st.Trigger != "content/responses/bwv.md changed" {
		t.Fatalf("after saving a file: %s %+v", name, st)
	}
	if err := os.WriteFile(outside, []byte(strings.Replace(linked, "We hold no information.", "Changed unseen.", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	name, st := ev.next(t)
	if name != "build" || !st.OK || !st.Reload || st.Trigger != "content/responses/linked.md changed" {
		t.Fatalf("after a change no watch reported: %s %+v", name, st)
	}
	s.mu.RLock()
	page, _ := s.good.file("responses/foi-0009-23/index.html")
	s.mu.RUnlock()
	if !strings.Contains(string(page), "Changed unseen.") {
		t.Errorf("the page does not show the change")
	}
}

// When an embargo ends while the preview runs, the preview builds again
// by itself: the response appears without any file changing.
func TestRunPublishesWhenAnEmbargoEnds(t *testing.T) {
	root := testSite(t)
	publish := time.Now().UTC().Truncate(time.Second).Add(2 * time.Second)
	embargoed := strings.Replace(strings.Replace(drones, "0002/23", "0010/23", 1), "Use of drones", "Embargoed drones", 1)
	embargoed = strings.Replace(embargoed, "outcome: not-held\n", "outcome: not-held\npublish: "+publish.Format(time.RFC3339)+"\n", 1)
	writeFile(t, root, "content/responses/embargoed.md", embargoed)
	opts := testOptions()
	opts.Drafts, opts.Now = false, time.Time{} // the real clock decides
	s := New(Config{Root: root, Options: opts})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	waitFor(t, func() bool { return s.Status().Good == 1 })
	resp, err := http.Get("http://" + ln.Addr().String() + "/_foilog/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	ev := &sse{r: bufio.NewReader(resp.Body), body: resp.Body}
	ev.next(t) // hello
	page := "responses/foi-0010-23/index.html"
	s.mu.RLock()
	_, shown := s.good.file(page)
	s.mu.RUnlock()
	if shown && time.Now().Before(publish) {
		t.Fatal("the embargoed response is served before its embargo ends")
	}

	name, st := ev.next(t)
	if name != "build" || !st.OK || !st.Reload || st.Trigger != "an embargo ended" {
		t.Fatalf("after the embargo: %s %+v", name, st)
	}
	if time.Now().Before(publish) {
		t.Errorf("built again %v before the embargo ended", time.Until(publish))
	}
	s.mu.RLock()
	data, shown := s.good.file(page)
	s.mu.RUnlock()
	if !shown || !strings.Contains(string(data), "Embargoed drones") {
		t.Errorf("the response is not served once its embargo has ended")
	}
}
