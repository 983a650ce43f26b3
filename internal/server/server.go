// Package server is foilog's live preview, `foilog serve`: it builds a site
// into memory, serves it over HTTP, watches the site's files and rebuilds
// on every change, and tells open pages to reload.
//
// The site is served exactly as site.Build returns it, from memory (nothing
// is written to public/), with the strict Content-Security-Policy of the
// published site, so that the preview shows what the public will see.
// Drafts are shown by default with a banner.
//
// When a rebuild fails, the last good site stays served and the errors
// are shown in an overlay on every open page (and printed in the
// terminal), with the lines of the file around each error; fixing the file
// removes the overlay. Warnings are shown too, folded away. The overlay,
// the event stream and the reload script live under the site's base path
// in _foilog/, which a built site never contains:
//
//	_foilog/reload.js     the script pages load (site.Options.LiveReload)
//	_foilog/overlay.css   the overlay's style sheet, added by reload.js
//	_foilog/events        server-sent events: "hello" and "build" (Status JSON)
//	_foilog/status.json   the current Status
//
// A page whose response was renamed follows it to its new address; a page
// that no longer exists goes to the home page and says why.
package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/foilog/foilog/internal/config"
	"github.com/foilog/foilog/internal/content"
	"github.com/foilog/foilog/internal/diag"
	"github.com/foilog/foilog/internal/site"
)

// Config configures a preview server.
type Config struct {
	// Root is the site folder on disk: content/, layouts/, static/ and
	// foilog.yaml.
	Root string
	// Options are the build options. The server sets Source (Root),
	// Cache (one cache for all rebuilds) and LiveReload (true).
	Options site.Options
	// Log receives what the terminal shows: builds, errors and warnings.
	// Nil discards it.
	Log io.Writer
	// Progress shows a progress line on Log while a build takes longer
	// than a second. Set it only when Log is a terminal.
	Progress bool
	// Debounce is the quiet time after a change before rebuilding; 0
	// means DefaultDebounce.
	Debounce time.Duration
}

// Server is a live preview of one site. Create it with New; it is an
// http.Handler, and Run does everything `foilog serve` does.
type Server struct {
	cfg     Config
	opts    site.Options
	log     io.Writer
	session string

	// buildMu makes builds run one at a time.
	buildMu sync.Mutex
	hub     *hub

	mu     sync.RWMutex
	good   *snapshot // the site served; nil before the first success
	status Status
	// nextEmbargo is when the site changes next without a file changing:
	// the earliest embargo to end, from the last good build.
	nextEmbargo time.Time
}

// New returns a server for the site at cfg.Root. It builds nothing yet:
// call Rebuild or Run.
func New(cfg Config) *Server {
	opts := cfg.Options
	opts.Source = os.DirFS(cfg.Root)
	opts.Cache = site.NewCache()
	opts.LiveReload = true
	log := cfg.Log
	if log == nil {
		log = io.Discard
	}
	s := &Server{cfg: cfg, opts: opts, log: log, hub: newHub(),
		session: strconv.FormatInt(time.Now().UnixNano(), 36)}
	s.status = Status{Session: s.session, Base: basePath(opts.BaseURL), Problems: []Problem{}}
	return s
}

// basePath returns the path of a base URL option ("/foi/"), or "/".
func basePath(baseURL string) string {
	if baseURL == "" {
		return "/"
	}
	c := config.Default()
	c.BaseURL = baseURL
	return c.BasePath()
}

// Status returns the status after the latest build.
func (s *Server) Status() Status {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.status
}

// Rebuild builds the site once, with the change that caused it (nil for
// the first build), and tells open pages. On success the new site is
// served; on failure the last good site stays served and the errors are
// shown. It prints the outcome on the log and returns the new status.
// Builds run one at a time.
//
// c is taken to list every path changed since the previous build, as the
// Watcher reports them: response files not in it are not looked at. After
// telling open pages, Rebuild looks at every response file all the same
// (site.Cache.Stale), and when the change left one out (the watcher
// missed an event) it builds again with those files, and returns that
// build's status. (Run does that check only once the watcher has been
// quiet for a while, so that it never delays the next save's rebuild.)
func (s *Server) Rebuild(c Change) Status {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	st := s.build(c)
	if c == nil {
		return st
	}
	if missed := s.missed(); missed != nil {
		st = s.build(missed)
	}
	return st
}

// missed returns the response files that changed since the last build
// without being in its change, as a change to build, and says so on the
// log; nil when there are none. The caller holds buildMu.
func (s *Server) missed() Change {
	stale := s.opts.Cache.Stale(s.opts.Source)
	if len(stale) == 0 {
		return nil
	}
	missed := make(Change, len(stale))
	for i, p := range stale {
		missed[i] = Event{Path: p, Op: Changed}
	}
	fmt.Fprintf(s.log, "the watcher missed %d %s (%s); rebuilding\n", len(missed), plural(len(missed), "change", "changes"), missed)
	return missed
}

// checkAfter is how long the watcher must have been quiet before Run
// looks at every response file for changes it missed.
const checkAfter = 300 * time.Millisecond

// build builds the site once, as Rebuild describes. The caller holds
// buildMu.
func (s *Server) build(c Change) Status { return s.buildFor(c, "") }

// buildFor builds as build does, saying why when no file changed:
// "the embargo of content/responses/a.md ended".
func (s *Server) buildFor(c Change, why string) Status {
	trigger := "start"
	if why != "" {
		trigger = why
	} else if c != nil {
		trigger = c.String()
	}

	start := time.Now()
	var stop func()
	if s.cfg.Progress {
		stop = startProgress(s.log, s.progressLabel(c), time.Second)
	}
	opts := s.opts
	if c != nil {
		opts.Changed = make([]string, len(c))
		for i, e := range c {
			opts.Changed[i] = e.Path
		}
	}
	res, list := site.Build(opts)
	if stop != nil {
		stop()
	}
	took := time.Since(start)

	s.mu.RLock()
	prev := s.good
	build := s.status.Build + 1
	base := s.status.Base
	s.mu.RUnlock()

	st := Status{Session: s.session, Build: build, Trigger: trigger, OK: res != nil, Base: base}
	var cur *snapshot
	if res != nil {
		list = res.Warnings
		cur = newSnapshot(build, res)
		st.Good, st.Base = build, cur.base
		st.ChangedFiles, st.Changed = changes(prev, cur)
		st.Reload = st.ChangedFiles > 0
		if prev != nil {
			st.Moved, st.Removed = movedPages(prev, cur)
		}
	} else if prev != nil {
		st.Good = prev.build
	}
	st.Errors, st.Warnings = list.Count()
	st.Problems = problems(s.opts.Source, list)

	s.mu.Lock()
	if cur != nil {
		s.good = cur
		s.nextEmbargo = res.NextEmbargo
	}
	s.status = st
	s.hub.publish(encodeEvent("build", st))
	s.mu.Unlock()

	s.report(c, st, res, list, took)
	return st
}

// report prints the outcome of a build on the log.
func (s *Server) report(c Change, st Status, res *site.Result, list diag.List, took time.Duration) {
	stamp := time.Now().Format("15:04:05")
	if c == nil {
		if res != nil {
			fmt.Fprintf(s.log, "built %s %s, %s %s in %s (served from memory; nothing is written to public/)\n",
				thousands(res.Responses), plural(res.Responses, "response", "responses"),
				thousands(res.Pages), plural(res.Pages, "page", "pages"), took.Round(time.Millisecond))
			printList(s.log, list)
		} else {
			printList(s.log, list)
			fmt.Fprintf(s.log, "build failed: %s; fix the files and the preview updates by itself\n", counted(st.Errors, st.Warnings))
		}
		return
	}
	if res == nil {
		printList(s.log, list)
		fmt.Fprintf(s.log, "%s %s → build failed (%s) in %s; still serving the last good site\n",
			stamp, st.Trigger, counted(st.Errors, st.Warnings), took.Round(time.Millisecond))
		return
	}
	// Warnings about the files that changed are printed; the others were
	// printed before and are counted.
	var mine diag.List
	for _, d := range list {
		if c.Op(d.Path) != 0 {
			mine = append(mine, d)
		}
	}
	mine.Print(s.log)
	others := ""
	if n := len(list) - len(mine); n > 0 {
		others = fmt.Sprintf(" (%d %s in other files)", n, plural(n, "warning", "warnings"))
	}
	fmt.Fprintf(s.log, "%s %s → rebuilt in %s%s\n", stamp, st.Trigger, took.Round(time.Millisecond), others)
}

// progressLabel says what a build is doing, for the progress line: the
// first build counts the responses it reads.
func (s *Server) progressLabel(c Change) string {
	if c != nil {
		return "rebuilding"
	}
	paths, _ := content.Sources(s.opts.Source)
	return fmt.Sprintf("building %s %s", thousands(len(paths)), plural(len(paths), "response", "responses"))
}

// thousands formats n with commas: 10,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func printList(w io.Writer, list diag.List) {
	if len(list) == 0 {
		return
	}
	list.Print(w)
	errs, warns := list.Count()
	fmt.Fprintln(w, counted(errs, warns))
}

func counted(errs, warns int) string {
	return fmt.Sprintf("%d %s, %d %s", errs, plural(errs, "error", "errors"), warns, plural(warns, "warning", "warnings"))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// URL returns the address to open for a server listening on addr.
func (s *Server) URL(addr net.Addr) string {
	s.mu.RLock()
	base := s.status.Base
	s.mu.RUnlock()
	host := addr.String()
	if tcp, ok := addr.(*net.TCPAddr); ok && tcp.IP.IsUnspecified() {
		host = net.JoinHostPort("localhost", strconv.Itoa(tcp.Port))
	}
	return "http://" + host + base
}

// Run serves the preview on ln until ctx is done: it starts watching the
// site, serves HTTP at once (pages say the site is building), builds the
// site, prints the address, and rebuilds on every change. When ctx is
// done it stops watching, ends the event streams, and shuts the HTTP
// server down gracefully. It returns an error only when the site cannot
// be watched or served.
func (s *Server) Run(ctx context.Context, ln net.Listener) error {
	w, err := NewWatcher(s.cfg.Root, s.cfg.Debounce)
	if err != nil {
		ln.Close()
		return err
	}
	w.OnError = func(err error) { fmt.Fprintf(s.log, "watch: %v\n", err) }

	var h http.Handler = s
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && tcp.IP.IsLoopback() {
		h = loopbackOnly(s, tcp.Port)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	s.Rebuild(nil)
	fmt.Fprintf(s.log, "Serving %s at %s (press Ctrl-C to stop)\n", s.describe(), s.URL(ln.Addr()))

	stopped := false // under buildMu: the watcher has stopped, and so have checks
	// When an embargo ends the site changes although no file does: build
	// again then, so that the preview shows the response published.
	var embargo *time.Timer
	schedule := func() { // the caller holds buildMu
		s.mu.RLock()
		next := s.nextEmbargo
		s.mu.RUnlock()
		embargo.Stop()
		if !next.IsZero() {
			embargo.Reset(time.Until(next) + embargoMargin)
		}
	}
	embargo = time.AfterFunc(time.Hour, func() {
		s.buildMu.Lock()
		defer s.buildMu.Unlock()
		if stopped {
			return
		}
		s.buildFor(Change{}, "an embargo ended")
		schedule()
	})

	// After each rebuild, once the watcher has been quiet for checkAfter,
	// every response file is looked at for changes the watcher missed.
	var check *time.Timer
	check = time.AfterFunc(time.Hour, func() {
		s.buildMu.Lock()
		defer s.buildMu.Unlock()
		if stopped {
			return
		}
		if !w.idle() {
			check.Reset(checkAfter) // a change is on its way: after it
			return
		}
		if missed := s.missed(); missed != nil {
			s.build(missed)
			schedule()
		}
	})
	check.Stop()
	s.buildMu.Lock()
	schedule()
	s.buildMu.Unlock()

	watchErr := w.Run(ctx, func(c Change) {
		check.Stop()
		s.buildMu.Lock()
		s.build(c)
		schedule()
		s.buildMu.Unlock()
		check.Reset(checkAfter)
	})
	check.Stop()
	s.buildMu.Lock() // waits for a check or embargo build under way
	stopped = true
	embargo.Stop()
	s.buildMu.Unlock()

	s.hub.close()
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		srv.Close()
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return watchErr
}

// embargoMargin is how long after an embargo ends the preview builds
// again, so that the build's clock is surely past it.
const embargoMargin = 50 * time.Millisecond

// loopbackOnly refuses requests whose Host header is not a loopback name
// of port: on a server only this computer can reach, such a request comes
// from a web page that rebinds its own domain name to 127.0.0.1 to read
// the preview (drafts included).
func loopbackOnly(next http.Handler, port int) http.Handler {
	p := strconv.Itoa(port)
	allowed := map[string]bool{"localhost": true, "127.0.0.1": true, "::1": true}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host, hp, err := net.SplitHostPort(r.Host)
		if err != nil || hp != p || !(allowed[strings.ToLower(host)] || net.ParseIP(host).IsLoopback()) {
			http.Error(w, "foilog serve answers only requests addressed to this computer (localhost or 127.0.0.1)",
				http.StatusMisdirectedRequest)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// describe names what is served: "the site (drafts shown)".
func (s *Server) describe() string {
	if s.opts.Drafts {
		return "the site with drafts"
	}
	return "the site as published"
}
