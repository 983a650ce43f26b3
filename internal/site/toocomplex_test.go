package site_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/foilog/foilog"
	"github.com/foilog/foilog/internal/site"
)

// A body nested too deeply for goldmark to parse in reasonable time is
// refused at its line, as a content error, not rendered for minutes.
func TestBuildRefusesTooComplexMarkdown(t *testing.T) {
	body := "We hold the figures.\n\n" + strings.Repeat("> ", 100) + "x\n"
	src := fstest.MapFS{
		"content/responses/deep.md": {Data: []byte("---\ntitle: Deep\nreference: FOI 3/24\ndate: 2024-03-01\noutcome: disclosed\n---\n" + body)},
	}
	res, list := site.Build(site.Options{Source: src, Layouts: foilog.Layouts, Static: foilog.Static, Now: fixedNow})
	if res != nil {
		t.Fatal("the build published it")
	}
	got := list.Error()
	// The line nests 100 quotes; the 33rd, at column 65, is one too many.
	if !strings.HasPrefix(got, "content/responses/deep.md:9:65: error: this line nests 100 quotes or lists; foilog allows 32") {
		t.Errorf("diagnostics:\n%s", got)
	}
}
