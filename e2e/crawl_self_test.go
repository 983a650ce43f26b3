//go:build e2e

package e2e

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestCrawlerFindsBreakage proves the crawler on a small site with one of
// each kind of broken reference: it must report every one, and nothing
// that is fine.
func TestCrawlerFindsBreakage(t *testing.T) {
	pages := map[string]string{
		"/foi/": `<!DOCTYPE html><html><head><link rel="stylesheet" href="s.css"><script src="/foi/missing.js"></script></head><body>
<a href="ok/">fine</a>
<a href="ok/#part">fine fragment</a>
<a href="ok/#nowhere">missing fragment</a>
<a href="gone/">missing page</a>
<a href="/foi/folder">redirect</a>
<a href="/elsewhere/">escapes</a>
<a href="#">empty</a>
<a href="mailto:foi@example.org">mail</a>
<a href="https://example.org/">external</a>
<a href="javascript:alert(1)">script</a>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">
</body></html>`,
		"/foi/ok/":     `<!DOCTYPE html><html><body><h2 id="part">Part</h2><a href="../">home</a></body></html>`,
		"/foi/old/":    `<!DOCTYPE html><html><head><meta http-equiv="refresh" content="0; url=/foi/moved/"></head><body></body></html>`,
		"/foi/s.css":   `body { background: url("img/missing.png") } a { background: url(data:image/png;base64,AA==) }`,
		"/foi/folder/": `<!DOCTYPE html><html><body></body></html>`,
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/foi/folder" {
			http.Redirect(w, r, "/foi/folder/", http.StatusMovedPermanently)
			return
		}
		body, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		if strings.HasSuffix(r.URL.Path, ".css") {
			w.Header().Set("Content-Type", "text/css")
		} else {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
		}
		w.Write([]byte(body))
	}))
	defer srv.Close()

	r := crawl(srv.URL+"/foi/", []string{"old/"})
	want := []string{
		`script src "/foi/missing.js": ` + srv.URL + `/foi/missing.js answers 404`,
		`a href "ok/#nowhere": no element with id "nowhere"`,
		`a href "gone/": ` + srv.URL + `/foi/gone/ answers 404`,
		`a href "/foi/folder": redirects (301) to "/foi/folder/"`,
		`a href "/elsewhere/": leaves the site's sub-path /foi/`,
		`a href "#": empty link target`,
		`a href "javascript:alert(1)": scheme "javascript" is not allowed`,
		`meta refresh "/foi/moved/": ` + srv.URL + `/foi/moved/ answers 404`,
		`css url() "img/missing.png": ` + srv.URL + `/foi/img/missing.png answers 404`,
	}
	for _, w := range want {
		found := false
		for _, p := range r.Problems {
			if strings.Contains(p, w) {
				found = true
			}
		}
		if !found {
			t.Errorf("the crawler missed: %s", w)
		}
	}
	if len(r.Problems) != len(want) {
		t.Errorf("the crawler reported %d problems, want %d:\n%s", len(r.Problems), len(want), strings.Join(r.Problems, "\n"))
	}
	if !r.External["https://example.org/"] {
		t.Errorf("the external link was not recorded: %v", r.External)
	}
}
