//go:build e2e

package e2e

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestCSPViolationsAreCaught proves the suite's CSP watch on a page that
// breaks the policy with an inline style and an inline script: both must
// be reported, by the injected listener and by the console.
func TestCSPViolationsAreCaught(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", csp)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<!DOCTYPE html><html lang="en"><head><title>t</title>
<style>body { color: red }</style></head><body><p>x</p><script>document.title = 'ran'</script></body></html>`))
	}))
	defer srv.Close()
	ctx := chromium(t)
	log := watch(t, ctx)
	if err := load(ctx, srv.URL); err != nil {
		t.Fatal(err)
	}
	v, err := cspViolations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(v, "\n")
	if !strings.Contains(joined, "style-src") || !strings.Contains(joined, "script-src") {
		t.Errorf("the securitypolicyviolation listener reported %q, want a style-src and a script-src violation", v)
	}
	var msgs []string
	for i := 0; i < 40 && len(msgs) == 0; i++ { // console events arrive on their own
		time.Sleep(50 * time.Millisecond)
		msgs = log.take()
	}
	if len(msgs) == 0 {
		t.Errorf("the console watch saw no CSP message")
	}
}
