package site

import (
	"bytes"
	"io/fs"
	"os"
	"testing"
	"testing/fstest"
	"time"

	"github.com/foilog/foilog"
	"github.com/foilog/foilog/internal/synth"
)

// The compiled layouts (internal/tmplexec) must give the bytes
// html/template gives, for every page of every kind. These tests build
// sites both ways and compare every file.

// buildBoth builds opts with html/template alone and with the compiled
// layouts, fails the test unless every file and every diagnostic is the
// same, and returns the second result.
func buildBoth(t *testing.T, opts Options) *Result {
	t.Helper()
	slow := opts
	slow.noCompile = true
	want, wantList := Build(slow)
	got, gotList := Build(opts)
	if wantList.Error() != gotList.Error() {
		t.Fatalf("diagnostics differ:\ncompiled:\n%v\nhtml/template:\n%v", gotList, wantList)
	}
	if want == nil || got == nil {
		if (want == nil) != (got == nil) {
			t.Fatalf("one build failed: compiled %v, html/template %v", got == nil, want == nil)
		}
		return nil
	}
	if want.Warnings.Error() != got.Warnings.Error() {
		t.Fatalf("warnings differ:\ncompiled:\n%v\nhtml/template:\n%v", got.Warnings, want.Warnings)
	}
	if len(want.Files) != len(got.Files) {
		t.Fatalf("compiled build wrote %d files, html/template %d", len(got.Files), len(want.Files))
	}
	for i, w := range want.Files {
		g := got.Files[i]
		if g.Path != w.Path || !bytes.Equal(g.Data, w.Data) {
			t.Errorf("%s differs from html/template's %s:\n%s", g.Path, w.Path, firstDifference(g.Data, w.Data))
		}
	}
	if want.compiledRuns != 0 {
		t.Errorf("html/template build ran %d compiled pages", want.compiledRuns)
	}
	return got
}

// firstDifference shows where two outputs part.
func firstDifference(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-80)
	return "compiled:      …" + string(a[from:min(len(a), i+80)]) + "\nhtml/template: …" + string(b[from:min(len(b), i+80)])
}

var compiledNow = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)

func TestCompiledLayoutsGiveHTMLTemplateBytes(t *testing.T) {
	synthetic := t.TempDir()
	if _, err := synth.Write(synthetic, synth.Options{N: 300, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		opts Options
	}{
		{"example log", Options{Source: os.DirFS("../..")}},
		{"example log under /foi/ with drafts", Options{Source: os.DirFS("../.."), BaseURL: "/foi/", Drafts: true}},
		{"golden basic", Options{Source: os.DirFS("testdata/sites/basic/site")}},
		{"synthetic log", Options{Source: os.DirFS(synthetic)}},
		{"synthetic log with drafts and live reload", Options{Source: os.DirFS(synthetic), Drafts: true, LiveReload: true,
			BaseURL: "https://foi.example.org/log/"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			opts := c.opts
			opts.Layouts, opts.Static, opts.Now = foilog.Layouts, foilog.Static, compiledNow
			res := buildBoth(t, opts)
			if res == nil {
				t.Fatal("the site did not build")
			}
			// Every page but the first of each kind, and every list item
			// but the first, runs compiled: the default layouts never
			// need html/template after that.
			if res.compiledFallbacks != 0 {
				t.Errorf("%d pages fell back to html/template", res.compiledFallbacks)
			}
			if res.compiledRuns < int64(res.Pages)/2 {
				t.Errorf("only %d of %d pages ran compiled", res.compiledRuns, res.Pages)
			}
		})
	}
}

// A site's own layouts may use what tmplexec does not handle: those pages
// go through html/template, with the same bytes and the same errors.
func TestCompiledLayoutsFallBack(t *testing.T) {
	base, err := fs.Sub(os.DirFS("testdata/sites/basic"), "site")
	if err != nil {
		t.Fatal(err)
	}
	overlay := func(files map[string]string) fs.FS {
		m := fstest.MapFS{}
		fs.WalkDir(base, ".", func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				b, _ := fs.ReadFile(base, p)
				m[p] = &fstest.MapFile{Data: b}
			}
			return err
		})
		for p, text := range files {
			m[p] = &fstest.MapFile{Data: []byte(text)}
		}
		return m
	}
	for _, c := range []struct {
		name      string
		files     map[string]string
		fallbacks bool // some pages are handed back at run time
		fails     bool
	}{
		{"unhandled function in a page kind", map[string]string{
			"layouts/response.html": `{{define "main"}}<h1>{{index .Response.Title 0}}</h1>{{end}}`,
		}, false, false},
		{"HTML in an attribute", map[string]string{
			"layouts/response.html": `{{define "main"}}<h1 title="{{.Response.Body}}">{{.Response.Title}}</h1>{{end}}`,
		}, true, false},
		{"script context", map[string]string{
			"layouts/partials/response-item.html": `<li><script>var t = {{.Response.Title}};</script></li>`,
		}, false, false},
		{"error while rendering", map[string]string{
			"layouts/response.html": `{{define "main"}}{{.Response.Title}}{{.Response.NoSuchField}}{{end}}`,
		}, false, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := buildBoth(t, Options{Source: overlay(c.files), Layouts: foilog.Layouts, Static: foilog.Static, Now: compiledNow})
			if c.fails {
				if res != nil {
					t.Fatal("the build succeeded")
				}
				return
			}
			if res == nil {
				t.Fatal("the site did not build")
			}
			if got := res.compiledFallbacks > 0; got != c.fallbacks {
				t.Errorf("fallbacks: %d", res.compiledFallbacks)
			}
			if res.compiledRuns == 0 {
				t.Error("no page ran compiled: the other kinds should")
			}
		})
	}
}
