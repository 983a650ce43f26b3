//go:build e2e

package e2e

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/foilog/foilog"
	"github.com/foilog/foilog/internal/output"
	"github.com/foilog/foilog/internal/site"
	"github.com/foilog/foilog/internal/synth"
)

// basePath is the sub-path every site of the suite is built for and
// served under.
const basePath = "/foi/"

// builtAt fixes "now" for embargo decisions, so that the suite sees the
// same site on every day.
var builtAt = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

var example, synthetic memo[string]

// exampleSite returns the folder of the repository's example site built
// for /foi/: what `foilog build --source . --base-url /foi/` writes. It is
// built once per run and removed at the end.
func exampleSite(t testing.TB) string {
	t.Helper()
	return example.get(t, func() (string, error) { return buildInto(repoRoot, "example") })
}

// syntheticSite returns the folder of a generated 1,000-response log
// (synth seed 1) built for /foi/, built once per run.
func syntheticSite(t testing.TB) string {
	t.Helper()
	return synthetic.get(t, func() (string, error) {
		src, err := tempDir("foilog-e2e-synth-src-")
		if err != nil {
			return "", err
		}
		start := time.Now()
		if _, err := synth.Write(src, synth.Options{N: 1000, Seed: 1}); err != nil {
			return "", fmt.Errorf("generate the synthetic site: %w", err)
		}
		fmt.Printf("e2e: generated 1,000 responses in %v\n", time.Since(start).Round(time.Millisecond))
		return buildInto(src, "synthetic")
	})
}

// buildInto builds the site rooted at src for basePath into a new
// world-readable temporary folder (nginx's workers run as nobody).
func buildInto(src, name string) (string, error) {
	start := time.Now()
	res, diags := site.Build(site.Options{
		Source:  os.DirFS(src),
		Layouts: foilog.Layouts,
		Static:  foilog.Static,
		BaseURL: basePath,
		Now:     builtAt,
	})
	if res == nil {
		return "", fmt.Errorf("build the %s site:\n%v", name, diags)
	}
	parent, err := tempDir("foilog-e2e-" + strings.ReplaceAll(name, " ", "-") + "-")
	if err != nil {
		return "", err
	}
	dir := filepath.Join(parent, "public")
	if _, err := output.Write(dir, res.Files); err != nil {
		return "", fmt.Errorf("write the %s site: %w", name, err)
	}
	if err := worldReadable(dir); err != nil {
		return "", err
	}
	fmt.Printf("e2e: built the %s site (%d responses, %d pages, %d files) in %v\n",
		name, res.Responses, res.Pages, len(res.Files), time.Since(start).Round(time.Millisecond))
	return dir, nil
}

// tempDir makes a temporary folder, readable by all, removed at exit
// unless the environment sets FOILOG_E2E_KEEP=1 (to look at a built site
// after a failure).
func tempDir(prefix string) (string, error) {
	dir, err := os.MkdirTemp("", prefix)
	if err != nil {
		return "", err
	}
	if os.Getenv("FOILOG_E2E_KEEP") == "" {
		atExit(func() { os.RemoveAll(dir) })
	}
	return dir, os.Chmod(dir, 0o755)
}

// worldReadable makes every folder and file under dir readable by all.
func worldReadable(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		mode := os.FileMode(0o644)
		if d.IsDir() {
			mode = 0o755
		}
		return os.Chmod(p, mode)
	})
}

// htmlFiles lists the .html files of a built site, slash paths relative
// to dir, sorted.
func htmlFiles(t testing.TB, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}
