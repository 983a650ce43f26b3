package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// newTestSite makes a site with two responses numbered FOI-YYYY-NNNN in
// the current year.
func newTestSite(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	year := strconv.Itoa(ukToday().Year)
	files := map[string]string{
		"foilog.yaml":            "title: Test log\nauthority: Test Police\n",
		"content/responses/a.md": "---\ntitle: A\nreference: \"FOI-" + year + "-0041\"\ndate: 2024-01-02\noutcome: disclosed\n---\nText.\n",
		"content/responses/b.md": "---\ntitle: B\nreference: \"FOI-" + year + "-0007\"\ndate: 2024-01-03\noutcome: disclosed\n---\nText.\n",
	}
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestNewCreatesResponse(t *testing.T) {
	root := newTestSite(t)
	code, out, errs := runCmd("new", "--source", root, "Body worn video retention")
	want := filepath.Join(root, "content", "responses", "body-worn-video-retention.md")
	if code != exitOK || strings.TrimSpace(out) != want {
		t.Fatalf("exit %d, stdout %q, stderr %q; want 0 and the path %s", code, out, errs, want)
	}
	data, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	year := strconv.Itoa(ukToday().Year)
	for _, w := range []string{
		"title: Body worn video retention\n",
		`reference: "FOI-` + year + `-0042"`,
		"date: " + ukToday().String(),
		"outcome: disclosed",
		"draft: true",
		"## Request", "## Response", "## Harm", "## Public Interest Test", "## Balancing Test",
	} {
		if !strings.Contains(s, w) {
			t.Errorf("new file lacks %q:\n%s", w, s)
		}
	}

	// The file builds (as a draft) with the rest of the site.
	code, _, errs = runCmd("build", "--source", root, "--drafts", "--dest", filepath.Join(t.TempDir(), "public"))
	if code != exitOK {
		t.Errorf("site with the new file does not build: %s", errs)
	}
}

func TestNewRefusesToOverwrite(t *testing.T) {
	root := newTestSite(t)
	if code, _, errs := runCmd("new", "--source", root, "Drones"); code != exitOK {
		t.Fatal(errs)
	}
	file := filepath.Join(root, "content", "responses", "drones.md")
	os.WriteFile(file, []byte("my work"), 0o644)
	code, out, errs := runCmd("new", "--source", root, "Drones")
	if code != exitUsage || out != "" || !strings.Contains(errs, file) || !strings.Contains(errs, "already exists") {
		t.Errorf("exit %d, stdout %q, stderr %q; want exit 2 naming %s", code, out, errs, file)
	}
	if data, _ := os.ReadFile(file); string(data) != "my work" {
		t.Errorf("file overwritten: %q", data)
	}
}

func TestNewFlags(t *testing.T) {
	root := newTestSite(t)
	// Flags may follow the title.
	code, out, errs := runCmd("new", "--source", root, "Covert sources", "--outcome", "NCND", "--regime", "foisa",
		"--force", "Police Scotland")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	data, _ := os.ReadFile(strings.TrimSpace(out))
	for _, w := range []string{"outcome: ncnd", "regime: FOISA", "force: Police Scotland", "Section 18(1)"} {
		if !strings.Contains(string(data), w) {
			t.Errorf("file lacks %q:\n%s", w, data)
		}
	}
	code, out, _ = runCmd("new", "--source", root, "--reference", "FOI 9/99", "Own reference")
	data, _ = os.ReadFile(strings.TrimSpace(out))
	if code != exitOK || !strings.Contains(string(data), `reference: "FOI 9/99"`) {
		t.Errorf("--reference not used:\n%s", data)
	}

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"new", "--source", root}, "give the title"},
		{[]string{"new", "--source", root, "A", "B"}, "give the title"},
		{[]string{"new", "--source", root, "--outcome", "granted", "X"}, `outcome "granted" is not one of disclosed, partial, refused, ncnd, not-held`},
		{[]string{"new", "--source", root, "--regime", "DPA", "X"}, `--regime "DPA" is not one of`},
		{[]string{"new", "--source", filepath.Join(root, "missing"), "X"}, "is not a folder"},
		{[]string{"new", "--source", root, "?!"}, "no letters or digits"},
		{[]string{"new", "--bogus", "X"}, "flag provided but not defined"},
	} {
		code, _, errs := runCmd(tc.args...)
		if code != exitUsage || !strings.Contains(errs, tc.want) {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 and %q", tc.args, code, errs, tc.want)
		}
	}
}
