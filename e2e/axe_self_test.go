//go:build e2e

package e2e

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestAxeFindsViolations proves the axe-core runner on a page with known
// faults: a missing language, an image without alt text and grey text
// that fails contrast must all come back, with selectors.
func TestAxeFindsViolations(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<!DOCTYPE html><html><head><title>t</title></head><body><main><h1>t</h1>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<p><font color="#bbbbbb">faint</font></p></main></body></html>`))
	}))
	defer srv.Close()
	src := axeScript(t)
	ctx := chromium(t)
	if err := load(ctx, srv.URL); err != nil {
		t.Fatal(err)
	}
	vs, err := runAxe(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]axeViolation{}
	for _, v := range vs {
		got[v.ID] = v
	}
	for _, id := range []string{"html-has-lang", "image-alt", "color-contrast"} {
		v, ok := got[id]
		if !ok {
			t.Errorf("axe did not report %s; it reported %v", id, vs)
			continue
		}
		if len(v.Nodes) == 0 || len(v.Nodes[0].Target) == 0 || v.Impact == "" || !strings.HasPrefix(v.HelpURL, "https://") {
			t.Errorf("axe reported %s without its details: %+v", id, v)
		}
	}
}
