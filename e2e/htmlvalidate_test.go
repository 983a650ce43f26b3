//go:build e2e

package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestHTMLValid runs html-validate (html-validate:recommended, with the
// few rules e2e/.htmlvalidate.json switches off for reasons README.md
// gives) over every .html file of the example site and a sample of the
// synthetic one: zero errors.
func TestHTMLValid(t *testing.T) {
	t.Parallel()
	requireNodeModule(t, "html-validate")
	if _, err := exec.LookPath("node"); err != nil {
		t.Fatalf("node is not on PATH: install Node.js 20 or later (html-validate runs on it)")
	}
	config := filepath.Join(e2eDir, ".htmlvalidate.json")
	checkRulesDocumented(t, config)
	t.Run("example", func(t *testing.T) {
		dir := exampleSite(t)
		htmlValidate(t, config, dir, htmlFiles(t, dir))
	})
	// The generated site has Markdown the example lacks (more tables, code,
	// lists and autolinks in every combination): check one page in 25 and
	// every list and exemption page's first page, to keep the run short.
	t.Run("synthetic", func(t *testing.T) {
		dir := syntheticSite(t)
		var sample []string
		for i, f := range htmlFiles(t, dir) {
			if i%25 == 0 || !strings.HasPrefix(f, "responses/") && !strings.Contains(f, "/page/") {
				sample = append(sample, f)
			}
		}
		htmlValidate(t, config, dir, sample)
	})
}

// htmlValidate runs html-validate with config over files (relative to dir).
func htmlValidate(t *testing.T, config, dir string, files []string) {
	t.Helper()
	start := time.Now()
	cmd := exec.Command("node", filepath.Join(e2eDir, "node_modules", "html-validate", "bin", "html-validate.mjs"),
		"--config", config, "--formatter", "text", "--max-warnings", "0")
	cmd.Args = append(cmd.Args, files...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	t.Logf("html-validate checked %d files in %v", len(files), time.Since(start).Round(time.Millisecond))
	if err != nil {
		t.Errorf("html-validate found problems (paths relative to the site root %s):\n%s\n(%v)", dir, out, err)
	}
}

// checkRulesDocumented fails t when a rule that config changes (switches
// off or configures) is not explained in README.md: html-validate's JSON
// allows no comments, so the reasons live there.
func checkRulesDocumented(t *testing.T, config string) {
	t.Helper()
	b, err := os.ReadFile(config)
	if err != nil {
		t.Fatal(err)
	}
	var c struct {
		Rules map[string]any `json:"rules"`
	}
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatalf("%s: %v", config, err)
	}
	doc, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for rule := range c.Rules {
		if !strings.Contains(string(doc), "`"+rule+"`") {
			t.Errorf("%s changes rule %s; say why in README.md (as `%s`)", config, rule, rule)
		}
	}
}
