//go:build e2e

// Package e2e is foilog's browser and hosting suite. It builds the example
// site and a generated 1,000-response site, serves them with Debian nginx
// under /foi/ with a strict Content-Security-Policy, and checks them in
// headless Chromium: axe-core, html-validate, a link crawl, a keyboard-only
// journey, narrow screens, print and screenshots.
//
// Run it with
//
//	go test -tags e2e -count=1 ./e2e/...
//
// after installing what it uses (.ci/run does both):
//
//	apt-get install -y chromium nginx linkchecker
//	(cd e2e && PUPPETEER_SKIP_DOWNLOAD=true npm ci)
//
// Shared helpers, for every test file of this package (the live-reload test
// uses them too):
//
//   - repoRoot: the module root.
//   - chromium(t): a new tab in the one headless Chromium of the package.
//   - watch(t, ctx): records console errors, exceptions and CSP violations of a tab.
//   - exampleSite(t), syntheticSite(t): folders with a built site, built once.
//   - serve(t, dir): the nginx URL of a built site, "http://127.0.0.1:PORT/foi/".
//   - atExit(f): runs f after all tests, in reverse order (TestMain owns the end).
//
// This file owns TestMain: other files of the package must not declare one.
package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

// repoRoot is the module root: the e2e folder's parent.
var repoRoot = func() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		panic("e2e: cannot find the source folder")
	}
	return filepath.Dir(filepath.Dir(file))
}()

// e2eDir is this package's folder, holding node_modules and the templates.
var e2eDir = filepath.Join(repoRoot, "e2e")

var exitMu sync.Mutex
var exitFuncs []func()

// atExit registers f to run once after every test of the package has
// finished; functions run in reverse order of registration. Use it for
// things tests share (the browser, nginx, built sites); use t.Cleanup for
// anything one test owns.
func atExit(f func()) {
	exitMu.Lock()
	defer exitMu.Unlock()
	exitFuncs = append(exitFuncs, f)
}

func TestMain(m *testing.M) {
	code := m.Run()
	exitMu.Lock()
	fs := exitFuncs
	exitFuncs = nil
	exitMu.Unlock()
	for i := len(fs) - 1; i >= 0; i-- {
		fs[i]()
	}
	os.Exit(code)
}

// requireFile fails t, saying how to install what is missing, when path
// does not exist.
func requireFile(t testing.TB, path, install string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("%s is missing: %s\n(.ci/run installs everything the browser suite needs)", path, install)
	}
}

// requireNodeModule fails t unless e2e/node_modules holds the npm package.
func requireNodeModule(t testing.TB, name string) string {
	t.Helper()
	dir := filepath.Join(e2eDir, "node_modules", name)
	requireFile(t, filepath.Join(dir, "package.json"),
		fmt.Sprintf("run `cd e2e && PUPPETEER_SKIP_DOWNLOAD=true npm ci` to install %s", name))
	return dir
}

// memo computes a value shared by tests once; every caller gets the same
// value or the same error.
type memo[T any] struct {
	once sync.Once
	v    T
	err  error
}

func (m *memo[T]) get(t testing.TB, f func() (T, error)) T {
	t.Helper()
	m.once.Do(func() { m.v, m.err = f() })
	if m.err != nil {
		t.Fatal(m.err)
	}
	return m.v
}
