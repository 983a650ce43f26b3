//go:build e2e

package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// linkcheckerPath is Debian's linkchecker.
const linkcheckerPath = "/usr/bin/linkchecker"

// linkcheckerConfig turns on linkchecker's #anchor checks (a missing anchor
// is a warning, and warnings fail the run) and lifts its politeness limit
// of 10 requests a second, which it allows only for servers that send a
// LinkChecker header (the suite's nginx does).
const linkcheckerConfig = `[checking]
maxrequestspersecond=1000
[filtering]
ignorewarnings=http-redirected
[AnchorCheck]
`

// TestLinkchecker is a second opinion on TestCrawlExample from a tool that
// knows nothing of foilog: Debian's linkchecker crawls the example site
// under nginx from /foi/, internal links and #anchors only, and must find
// no error and no warning.
func TestLinkchecker(t *testing.T) {
	t.Parallel()
	requireFile(t, linkcheckerPath, "apt-get install -y linkchecker")
	base := serve(t, exampleSite(t))
	dir := t.TempDir()
	config := filepath.Join(dir, "linkcheckerrc")
	if err := os.WriteFile(config, []byte(linkcheckerConfig), 0o644); err != nil {
		t.Fatal(err)
	}
	// linkchecker drops root privileges to nobody: the config must be readable.
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	cmd := exec.Command(linkcheckerPath, "--config", config, "--no-status",
		"--threads", "8", "--output", "text", base)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	out, err := cmd.CombinedOutput()
	t.Logf("linkchecker took %v: %s", time.Since(start).Round(time.Millisecond), lastLine(out))
	if err != nil {
		t.Errorf("linkchecker %s found broken links (%v):\n%s", base, err, out)
	}
}

// lastLine returns the last non-empty line of out: linkchecker's summary.
func lastLine(out []byte) string {
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	return lines[len(lines)-1]
}
