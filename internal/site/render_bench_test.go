package site

import (
	"os"
	"testing"
	"time"

	"github.com/foilog/foilog"
	"github.com/foilog/foilog/internal/config"
	"github.com/foilog/foilog/internal/markdown"
	"github.com/foilog/foilog/internal/synth"
)

// BenchmarkRenderPage executes the default layouts for each page kind of
// a generated 500-response log, one page per iteration, on one goroutine:
// the template cost a full build pays per page, without the noise of the
// rest of the pipeline.
//
//	go test ./internal/site -run '^$' -bench RenderPage -count 6
func BenchmarkRenderPage(b *testing.B) {
	dir := b.TempDir()
	if _, err := synth.Write(dir, synth.Options{N: 500, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	opts := Options{Source: os.DirFS(dir), Layouts: foilog.Layouts, Static: foilog.Static, Workers: 1,
		Now: time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)}
	cfg, list := config.Load(opts.Source)
	responses, l := load(opts, cfg)
	list = append(list, l...)
	published := publishable(responses, opts)
	md := markdown.New(markdown.WithBasePath(cfg.BasePath()))
	docs, htmls, l := render(md, cfg, published, opts)
	list = append(list, l...)
	tpl, l := loadTemplates(opts, cfg)
	if list = append(list, l...); list.HasErrors() {
		b.Fatal(list)
	}
	bld := &builder{opts: opts, cfg: cfg, md: md, tpl: tpl}
	bld.model(published, docs, htmls)
	specs := bld.plan()
	<-bld.indexDone
	byKind := map[string][]pageSpec{}
	for _, s := range specs {
		byKind[s.kind] = append(byKind[s.kind], s)
	}
	for _, kind := range []string{"response", "responses", "term", "exemption", "home"} {
		pages := byKind[kind]
		b.Run(kind, func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				s := pages[i%len(pages)]
				if _, err := tpl.execute(s.kind, s.data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
