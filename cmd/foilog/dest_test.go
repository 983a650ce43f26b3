package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/foilog/foilog/internal/output"
)

// snapshotDir returns every file under dir with its bytes, and every
// folder as "dir/", so that a test sees anything written or removed.
func snapshotDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			got[filepath.ToSlash(rel)+"/"] = ""
			return nil
		}
		b, err := os.ReadFile(p)
		got[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func sameDir(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	for p, b := range want {
		if g, ok := got[p]; !ok {
			t.Errorf("%s: %s was removed", what, p)
		} else if g != b {
			t.Errorf("%s: %s changed", what, p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s: %s was written", what, p)
		}
	}
}

// TestBuildRefusesFolderItDidNotMake: --dest a home folder, or another
// site, is refused with exit 2 and a message saying why and what to do;
// nothing in it or beside it is written or removed.
func TestBuildRefusesFolderItDidNotMake(t *testing.T) {
	site := exampleSite(t)
	for _, tc := range []struct {
		name  string
		files map[string]string
	}{
		{"home", map[string]string{"Documents/cv.docx": "cv", ".ssh/id_rsa": "key"}},
		{"hidden", map[string]string{".profile": "export X=1"}},
		{"empty-folder", map[string]string{"photos/": ""}},
		{"old-foilog-output", map[string]string{"index.html": "an old site", "assets/site.css": "css"}},
		{"other-site", map[string]string{"content/responses/a.md": "---\ntitle: A\n---\n", "foilog.yaml": "title: x\n"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			dest := filepath.Join(root, "fakehome")
			for p, b := range tc.files {
				full := filepath.Join(dest, filepath.FromSlash(p))
				if strings.HasSuffix(p, "/") {
					os.MkdirAll(full, 0o755)
					continue
				}
				os.MkdirAll(filepath.Dir(full), 0o755)
				os.WriteFile(full, []byte(b), 0o644)
			}
			before := snapshotDir(t, root)
			code, out, errs := runCmd("build", "--source", site, "--dest", dest)
			want := "foilog build: " + dest + " is not empty and was not made by foilog build (it has no .foilog file); " +
				"foilog makes its output folder equal to the site and would delete everything else in it. " +
				"Choose a new or empty folder for --dest, or empty this one first.\n"
			if code != exitUsage || errs != want || out != "" {
				t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant exit 2 and:\n%s", code, out, errs, want)
			}
			sameDir(t, "after a refused build", snapshotDir(t, root), before)
		})
	}
}

// Without --dest, a public/ that an older foilog built (no marker) is
// refused with advice for that case, and left as it was.
func TestBuildRefusesOldPublicWithoutDest(t *testing.T) {
	root := t.TempDir()
	site := filepath.Join(root, "site")
	os.CopyFS(site, os.DirFS(exampleSite(t)))
	public := filepath.Join(site, "public")
	os.RemoveAll(public)
	os.MkdirAll(filepath.Join(public, "assets"), 0o755)
	os.WriteFile(filepath.Join(public, "index.html"), []byte("an old site"), 0o644)
	before := snapshotDir(t, public)
	code, _, errs := runCmd("build", "--source", site)
	want := "foilog build: " + public + " is not empty and has no .foilog file, so this foilog did not make it; " +
		"a build makes its output folder equal to the site and would delete everything else in it. " +
		"If an older foilog built it, delete the folder and build again; if it holds files of yours, move them out " +
		"or give another folder with --dest.\n"
	if code != exitUsage || errs != want {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 2 and:\n%s", code, errs, want)
	}
	sameDir(t, "after a refused build", snapshotDir(t, public), before)
}

// A link is judged by the folder it points to, and the message says so.
func TestBuildRefusesLinkToFolderItDidNotMake(t *testing.T) {
	site := exampleSite(t)
	root := t.TempDir()
	home := filepath.Join(root, "home")
	os.MkdirAll(home, 0o755)
	os.WriteFile(filepath.Join(home, "notes.txt"), []byte("mine"), 0o644)
	link := filepath.Join(root, "public")
	if err := os.Symlink(home, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	before := snapshotDir(t, home)
	code, _, errs := runCmd("build", "--source", site, "--dest", link)
	if code != exitUsage || !strings.HasPrefix(errs, "foilog build: "+link+" (a link to "+home+") is not empty and was not made by foilog build") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	sameDir(t, "the linked folder", snapshotDir(t, home), before)

	// A link to an earlier build's folder is built through.
	empty := filepath.Join(root, "www")
	os.Mkdir(empty, 0o755)
	os.Remove(link)
	os.Symlink(empty, link)
	for i := 0; i < 2; i++ {
		if code, _, errs := runCmd("build", "--source", site, "--dest", link); code != exitOK {
			t.Fatalf("build %d through a link to an empty folder: exit %d\n%s", i+1, code, errs)
		}
	}
	if _, err := os.Stat(filepath.Join(empty, "index.html")); err != nil {
		t.Error(err)
	}
}

// A new or empty folder is built into; the marker is there after the
// first build and after an update build, and the summary counts the
// site's files only.
func TestBuildNewAndEmptyFoldersAndMarker(t *testing.T) {
	site := exampleSite(t)
	root := t.TempDir()
	empty := filepath.Join(root, "empty")
	os.Mkdir(empty, 0o755)
	for _, dest := range []string{filepath.Join(root, "new", "public"), empty} {
		code, out, errs := runCmd("build", "--source", site, "--dest", dest)
		if code != exitOK {
			t.Fatalf("--dest %s: exit %d\n%s", dest, code, errs)
		}
		files := tree(t, dest)
		marker, ok := files[output.MarkerName]
		if !ok || !strings.Contains(marker, "foilog build") {
			t.Fatalf("--dest %s: marker %q after the first build", dest, marker)
		}
		if !strings.Contains(out, " ("+strconv.Itoa(len(files)-1)+" files written)") {
			t.Errorf("first build's summary %q: want %d files written (the site's, not the marker)", out, len(files)-1)
		}
		// An update build, with a response removed, keeps the marker.
		os.WriteFile(filepath.Join(dest, "stray.html"), []byte("a file of an older build"), 0o644)
		code, out, errs = runCmd("build", "--source", site, "--dest", dest)
		if code != exitOK || !strings.Contains(out, "1 removed") {
			t.Fatalf("update build: exit %d, %q\n%s", code, out, errs)
		}
		if after := tree(t, dest); after[output.MarkerName] != marker || len(after) != len(files) {
			t.Errorf("update build: marker %q, %d files; want the marker kept and %d files", after[output.MarkerName], len(after), len(files))
		}
	}
}

// foilog check and a refused --base-url write nothing.
func TestCheckWritesNothing(t *testing.T) {
	site := exampleSite(t)
	before := snapshotDir(t, site)
	if code, out, _ := runCmd("check", "--source", site); code != exitOK {
		t.Fatalf("exit %d\n%s", code, out)
	}
	sameDir(t, "after check", snapshotDir(t, site), before)
}

// --base-url is held to the rules of baseURL in foilog.yaml, with the
// same words; a bad one is a usage error and nothing is written.
func TestBaseURLFlagValidated(t *testing.T) {
	site := exampleSite(t)
	before := snapshotDir(t, site)
	for _, tc := range []struct{ url, want string }{
		{"javascript:alert(1)", `--base-url "javascript:alert(1)" must be an http(s) URL or a path such as /foi/`},
		{"//evil.example/", `--base-url "//evil.example/" must be an http(s) URL or a path such as /foi/`},
		{"ftp://example.org/foi/", `--base-url "ftp://example.org/foi/" must be an http(s) URL or a path such as /foi/`},
		{"/foi/?x=1", `--base-url "/foi/?x=1" must be an http(s) URL or a path such as /foi/`},
		{"../x", `--base-url "../x" must not hold . or .. in its path; write the path from the site's root, such as /foi/`},
		{"https://example.org/a/./b/", `--base-url "https://example.org/a/./b/" must not hold . or .. in its path; write the path from the site's root, such as /foi/`},
		{"/foi//", `--base-url "/foi//" has an empty folder (//) or a space in its path; write it as "/foi/"`},
	} {
		for _, cmd := range []string{"build", "serve"} {
			code, _, errs := runCmd(cmd, "--source", site, "--base-url", tc.url)
			if code != exitUsage || errs != "foilog "+cmd+": "+tc.want+"\n" {
				t.Errorf("%s --base-url %s: exit %d, stderr %q; want exit 2 and %q", cmd, tc.url, code, errs, tc.want)
			}
		}
	}
	sameDir(t, "after refused builds", snapshotDir(t, site), before)
	for _, good := range []string{"/foi/", "foi", "https://www.example.police.uk/foi/", "http://localhost:8080/"} {
		if err := checkBaseURL(good); err != nil {
			t.Errorf("--base-url %s: %v", good, err)
		}
	}
}

// Help asked for goes to stdout with exit 0, for every command; a usage
// error goes to stderr with exit 2.
func TestHelpAndUsageErrorStreams(t *testing.T) {
	for _, cmd := range []string{"build", "serve", "new", "check", "cite"} {
		for _, h := range []string{"-h", "--help", "-help"} {
			code, out, errs := runCmd(cmd, h)
			if code != exitOK || !strings.Contains(out, "Usage: foilog "+cmd) || !strings.Contains(out, "-source") && cmd != "cite" || errs != "" {
				t.Errorf("foilog %s %s: exit %d, stdout %q, stderr %q; want exit 0 and the usage on stdout only", cmd, h, code, out, errs)
			}
		}
		for _, bad := range [][]string{{"--nope"}, {"--source"}} {
			args := append([]string{cmd}, bad...)
			code, out, errs := runCmd(args...)
			if code != exitUsage || out != "" || !strings.Contains(errs, "Usage: foilog "+cmd) ||
				!strings.Contains(errs, "flag provided but not defined: -nope") && !strings.Contains(errs, "flag needs an argument: -source") && cmd != "cite" {
				t.Errorf("foilog %v: exit %d, stdout %q, stderr %q; want exit 2 and the problem and usage on stderr only", args, code, out, errs)
			}
		}
	}
	for _, args := range [][]string{{"build", "--drafts=maybe"}, {"serve", "--drafts=maybe"}} {
		code, out, errs := runCmd(args...)
		if code != exitUsage || out != "" || !strings.Contains(errs, `foilog `+args[0]+`: invalid boolean value "maybe" for -drafts`) {
			t.Errorf("foilog %v: exit %d, stdout %q, stderr %q", args, code, out, errs)
		}
	}
	for _, args := range [][]string{{"-h"}, {"--help"}, {"help"}} {
		if code, out, errs := runCmd(args...); code != exitOK || !strings.Contains(out, "Commands:") || errs != "" {
			t.Errorf("foilog %v: exit %d, stdout %q, stderr %q", args, code, out, errs)
		}
	}
}
