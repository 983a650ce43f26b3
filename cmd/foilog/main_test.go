package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// runCmd runs the foilog command line and returns its exit code and output.
func runCmd(args ...string) (int, string, string) {
	var out, errs bytes.Buffer
	code := run(args, &out, &errs)
	return code, out.String(), errs.String()
}

// copyTree copies a folder for a test to change.
func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// exampleSite copies the repository's example log (content and config).
func exampleSite(t *testing.T) string {
	dir := t.TempDir()
	copyTree(t, "../../content", filepath.Join(dir, "content"))
	b, err := os.ReadFile("../../foilog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "foilog.yaml"), b, 0o644)
	return dir
}

func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			files[filepath.ToSlash(rel)] = string(b)
		}
		return nil
	})
	return files
}

func TestBuildExampleSite(t *testing.T) {
	dir := exampleSite(t)
	code, out, errs := runCmd("build", "--source", dir)
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	if !regexp.MustCompile(`^built \d+ responses, \d+ pages in .+ → .+public/ \(\d+ files written\)\n$`).MatchString(out) {
		t.Errorf("summary line = %q", out)
	}
	first := tree(t, filepath.Join(dir, "public"))
	code, out, errs = runCmd("build", "--source", dir)
	if code != exitOK {
		t.Fatal(errs)
	}
	if !strings.HasSuffix(out, "public/ (no file changed)\n") {
		t.Errorf("summary line of a build with nothing changed = %q", out)
	}
	second := tree(t, filepath.Join(dir, "public"))
	if len(first) != len(second) {
		t.Fatalf("second build has %d files, first %d", len(second), len(first))
	}
	for p, b := range first {
		if second[p] != b {
			t.Errorf("%s differs between two builds of the same input", p)
		}
	}
	// The seed-modelled response links both of its exemptions.
	page := first["responses/foi-1927a-23/index.html"]
	for _, want := range []string{`href="/exemptions/foia-s24-2/"`, `href="/exemptions/foia-s31-3/"`, "FOIA s24(2)", "FOIA s31(3)"} {
		if !strings.Contains(page, want) {
			t.Errorf("seed-modelled response lacks %s", want)
		}
	}
	if !strings.Contains(first["exemptions/foia-s31/index.html"], `href="/responses/foi-1927a-23/"`) {
		t.Error("the s31 page does not list the s31(3) NCND answer")
	}
	for p, b := range first {
		if strings.Contains(b, "MP/FOI/2025/0907") || strings.Contains(p, "mp-foi-2025-0907") {
			t.Errorf("the draft response appears in %s", p)
		}
	}
}

func TestFailedBuildLeavesPublicUntouched(t *testing.T) {
	dir := exampleSite(t)
	if code, _, errs := runCmd("build", "--source", dir); code != exitOK {
		t.Fatal(errs)
	}
	before := tree(t, filepath.Join(dir, "public"))
	bad := filepath.Join(dir, "content/responses/zz-broken.md")
	os.WriteFile(bad, []byte("---\ntitle: Broken\nreference: X 1\ndate: 2023-02-30\noutcome: maybe\nexemptons: [s31]\n---\nBody\n"), 0o644)
	code, out, errs := runCmd("build", "--source", dir)
	if code != exitContent {
		t.Fatalf("exit %d, want %d", code, exitContent)
	}
	if out != "" {
		t.Errorf("a failed build printed a summary: %q", out)
	}
	for _, want := range []string{
		"content/responses/zz-broken.md:4:7: error: field `date`",
		"content/responses/zz-broken.md:5:10: error: outcome \"maybe\"",
		"content/responses/zz-broken.md:6:1: error: unknown field `exemptons`; did you mean `exemptions`?",
		"3 errors",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("errors lack %q:\n%s", want, errs)
		}
	}
	after := tree(t, filepath.Join(dir, "public"))
	if len(before) != len(after) {
		t.Fatalf("public/ changed: %d files before, %d after", len(before), len(after))
	}
	for p, b := range before {
		if after[p] != b {
			t.Errorf("public/%s changed after a failed build", p)
		}
	}
}

// TestExampleLinksResolveUnderSubPath builds the example log for /foi/ and
// follows every internal link and fragment in every page.
func TestExampleLinksResolveUnderSubPath(t *testing.T) {
	dir := exampleSite(t)
	dest := filepath.Join(t.TempDir(), "foi")
	if code, _, errs := runCmd("build", "--source", dir, "--dest", dest, "--base-url", "/foi/"); code != exitOK {
		t.Fatal(errs)
	}
	files := tree(t, dest)
	ids := map[string]map[string]bool{}
	idRe := regexp.MustCompile(`\sid="([^"]+)"`)
	for p, b := range files {
		if strings.HasSuffix(p, ".html") {
			ids[p] = map[string]bool{}
			for _, m := range idRe.FindAllStringSubmatch(b, -1) {
				ids[p][m[1]] = true
			}
		}
	}
	linkRe := regexp.MustCompile(`\s(?:href|src|data-index)="([^"]*)"`)
	checked := 0
	for p, b := range files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		for _, m := range linkRe.FindAllStringSubmatch(b, -1) {
			u := strings.ReplaceAll(m[1], "&amp;", "&")
			if strings.Contains(u, "://") || strings.HasPrefix(u, "mailto:") || strings.HasPrefix(u, "tel:") {
				continue
			}
			target, frag, _ := strings.Cut(u, "#")
			target, _, _ = strings.Cut(target, "?")
			var file string
			switch {
			case target == "":
				file = p
			case strings.HasPrefix(target, "/foi/"):
				file = strings.TrimPrefix(target, "/foi/")
			case strings.HasPrefix(target, "/"):
				t.Errorf("%s: link %q escapes the /foi/ sub-path", p, u)
				continue
			default:
				file = filepath.ToSlash(filepath.Join(filepath.Dir(p), target))
			}
			if file == "" || strings.HasSuffix(file, "/") {
				file += "index.html"
			}
			if _, ok := files[file]; !ok {
				t.Errorf("%s: broken link %q", p, u)
				continue
			}
			if frag != "" && !ids[file][frag] {
				t.Errorf("%s: link %q names a missing fragment", p, u)
			}
			checked++
		}
	}
	if checked < 500 {
		t.Errorf("only %d links checked; the crawl is not seeing the site", checked)
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{nil, exitUsage, "Usage:"},
		{[]string{"frobnicate"}, exitUsage, `unknown command "frobnicate"`},
		{[]string{"build", "-h"}, exitOK, "Usage: foilog build"},
		{[]string{"build", "--nope"}, exitUsage, "flag provided but not defined"},
		{[]string{"build", "--source", "/does/not/exist"}, exitUsage, "is not a folder"},
		{[]string{"check", "--format", "xml"}, exitUsage, "--format must be text or json"},
		// A folder given without --source must not check the current folder and pass.
		{[]string{"check", "../.."}, exitUsage, `unexpected argument "../.."`},
		{[]string{"help"}, exitOK, "Commands:"},
	}
	for _, tt := range tests {
		code, out, errs := runCmd(tt.args...)
		if code != tt.code || !strings.Contains(out+errs, tt.want) {
			t.Errorf("foilog %v = %d, %q; want %d and %q", tt.args, code, out+errs, tt.code, tt.want)
		}
	}
}

func TestCheckCatchesPersonalData(t *testing.T) {
	dir := exampleSite(t)
	code, out, _ := runCmd("check", "--source", dir)
	if code != exitOK {
		t.Fatalf("the example log fails check (exit %d):\n%s", code, out)
	}
	leak := filepath.Join(dir, "content/responses/zz-leak.md")
	os.WriteFile(leak, []byte("---\ntitle: Leak\nreference: LEAK 1/23\ndate: 2023-03-01\noutcome: disclosed\n---\n"+
		"Dear Mr Smith\n\nWe replied to jane.smith@example.com about NI number AB 12 34 56 C.\n"), 0o644)
	code, out, _ = runCmd("check", "--source", dir)
	if code != exitContent {
		t.Fatalf("exit %d, want %d:\n%s", code, exitContent, out)
	}
	for _, want := range []string{
		"content/responses/zz-leak.md:7:1: error:",
		"content/responses/zz-leak.md:9:15: error: possible email address",
		"content/responses/zz-leak.md:9:54: error: possible National Insurance number",
		"3 errors",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "jane.smith@example.com") || strings.Contains(out, "AB 12 34 56 C") {
		t.Errorf("check output repeats the personal data:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Error("check wrote public/")
	}
	code, out, _ = runCmd("check", "--source", dir, "--format", "json")
	if code != exitContent || !strings.Contains(out, `"version": 1`) || !strings.Contains(out, `"code": "lint.email"`) || !strings.Contains(out, `"code": "lint.ni-number"`) {
		t.Errorf("json check = %d:\n%s", code, out)
	}
}

// TestBuildRefusesDestHoldingSource: a build replaces --dest whole, so a
// --dest that is the site, holds it, or is one of its folders would delete
// the responses.
func TestBuildRefusesDestHoldingSource(t *testing.T) {
	dir := exampleSite(t)
	before := tree(t, dir)
	for _, dest := range []string{dir, filepath.Dir(dir), filepath.Join(dir, "content"),
		filepath.Join(dir, "content", "responses"), filepath.Join(dir, ".")} {
		code, _, errs := runCmd("build", "--source", dir, "--dest", dest)
		if code != exitUsage || !strings.Contains(errs, "--dest") {
			t.Errorf("--dest %s: exit %d, stderr %q", dest, code, errs)
		}
	}
	if after := tree(t, dir); len(after) != len(before) {
		t.Fatalf("site has %d files after refused builds, %d before", len(after), len(before))
	}
	if code, _, errs := runCmd("build", "--source", dir, "--dest", filepath.Join(dir, "out", "site")); code != exitOK {
		t.Fatalf("a folder beside content/: exit %d\n%s", code, errs)
	}
}

// The summary says what a rebuild changed in public/, which is what a
// sync to a host uploads or deletes.
func TestBuildSummarySaysWhatChanged(t *testing.T) {
	dir := exampleSite(t)
	if code, _, errs := runCmd("build", "--source", dir); code != exitOK {
		t.Fatal(errs)
	}
	page := filepath.Join(dir, "public", "responses")
	before := tree(t, page)

	// A response removed: its page goes, and lists and the index change.
	if err := os.Remove(filepath.Join(dir, "content", "responses", "anpr-camera-locations.md")); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCmd("build", "--source", dir)
	if code != exitOK {
		t.Fatal(errs)
	}
	m := regexp.MustCompile(`public/ \((\d+) files? written, (\d+) removed, (\d+) unchanged\)\n$`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("summary line after removing a response = %q", out)
	}
	after := tree(t, page)
	if len(after) >= len(before) {
		t.Errorf("responses/ holds %d files after removing a response, %d before", len(after), len(before))
	}
	if m[2] == "0" || m[3] == "0" {
		t.Errorf("summary %q: want files removed and files unchanged", out)
	}
}
