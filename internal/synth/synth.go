// Package synth generates realistic synthetic disclosure logs for
// benchmarks and scale tests.
//
// A generated site is a foilog.yaml and one Markdown file per response
// under content/responses/, written the way staff at UK police forces write
// them: every front-matter field of docs/ARCHITECTURE.md, dates in all three
// accepted forms, exemptions cited in the many ways people cite them (but
// always real provisions of the file's regime, consistent with the
// outcome), and bodies of 300 to 1,500 words with the usual sections
// (Request, Response, Harm, Public Interest Test, Balancing Test, right of
// review) assembled from a phrase bank, with lists, tables, code blocks and
// autolinks.
//
// Output is a pure function of Options: the same N, Seed and Reference give
// byte-identical files on every machine. Nothing reads the clock.
package synth

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Options say what to generate.
type Options struct {
	// N is the number of responses; zero or less generates none.
	N int
	// Seed selects the corpus; different seeds give different sites.
	Seed uint64
	// Reference is "today" for the generated site: response dates fall in
	// the seven years before it and `publish:` embargoes are set relative to
	// it. The zero value means 2026-01-01. Only its date (in UTC) is used.
	Reference time.Time
	// DraftEvery makes about one response in DraftEvery a draft
	// (`draft: true`). Zero means 200; a negative value generates no drafts.
	DraftEvery int
}

// File is one generated file.
type File struct {
	// Path is slash-separated and relative to the site root:
	// "foilog.yaml", "content/responses/foi-1648-23.md",
	// "content/responses/foi-1650-23/index.md" or an attachment beside such
	// an index.md.
	Path string
	Data []byte
}

// ConfigPath is the path of the site configuration file in a generated site.
const ConfigPath = "foilog.yaml"

// Generate returns the files of a synthetic site: foilog.yaml and the
// responses under content/responses/ (with their attachments), sorted by
// Path. It holds the whole site in memory; use Write for large sites.
func Generate(opts Options) []File {
	files := []File{siteConfig()}
	g := newGenerator(opts)
	g.run(func(f File) error {
		files = append(files, f)
		return nil
	})
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return files
}

// Write writes the files Generate would return under dir, creating dir and
// the folders below it, as they are generated; existing files of the same
// names are overwritten and other files are left alone. It returns the
// number of responses written.
func Write(dir string, opts Options) (int, error) {
	if err := os.MkdirAll(filepath.Join(dir, "content", "responses"), 0o755); err != nil {
		return 0, fmt.Errorf("synth: write: %w", err)
	}
	lastDir := ""
	put := func(f File) error {
		path := filepath.Join(dir, filepath.FromSlash(f.Path))
		if d := filepath.Dir(path); d != lastDir {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			lastDir = d
		}
		return os.WriteFile(path, f.Data, 0o644)
	}
	if err := put(siteConfig()); err != nil {
		return 0, fmt.Errorf("synth: write: %w", err)
	}
	g := newGenerator(opts)
	n, err := g.run(put)
	if err != nil {
		return n, fmt.Errorf("synth: write: %w", err)
	}
	return n, nil
}

// siteConfig returns foilog.yaml.
func siteConfig() File {
	return File{Path: ConfigPath, Data: []byte("title: Synthetic disclosure log\n" +
		"authority: " + authority + "\n" +
		"baseURL: /\n" +
		"regime: FOIA\n" +
		"language: en-GB\n")}
}

// counterKey identifies a force's reference sequence for one year.
type counterKey struct{ force, year int }

// generator holds the state that runs across responses: the random source,
// the reference counters and the names already taken.
type generator struct {
	r          *rand.Rand
	n          int
	draftEvery int
	reference  time.Time // midnight UTC of Options.Reference
	start      time.Time // first possible response date
	days       int       // number of possible response dates
	forceTotal int
	counters   map[counterKey]int
	taken      map[string]bool // references, slugs and their derived slugs
}

func newGenerator(opts Options) *generator {
	ref := opts.Reference
	if ref.IsZero() {
		ref = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	ref = ref.UTC()
	ref = time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, time.UTC)
	start := ref.AddDate(-7, 0, 0)
	draftEvery := opts.DraftEvery
	if draftEvery == 0 {
		draftEvery = 200
	}
	total := 0
	for _, f := range forces {
		total += f.weight
	}
	n := max(opts.N, 0)
	return &generator{
		r:          rand.New(rand.NewPCG(opts.Seed, 0x666f696c6f67)), // "foilog"
		n:          n,
		draftEvery: draftEvery,
		reference:  ref,
		start:      start,
		days:       int(ref.Sub(start).Hours() / 24),
		forceTotal: total,
		counters:   make(map[counterKey]int),
		taken:      make(map[string]bool, 3*n),
	}
}

// run generates the responses in order, passing each file to emit, and
// returns the number of responses. It stops at the first error from emit.
func (g *generator) run(emit func(File) error) (int, error) {
	var buf bytes.Buffer // reused: Reset keeps its capacity
	for i := range g.n {
		resp := g.response(i)
		buf.Reset()
		resp.write(&buf)
		path := "content/responses/" + resp.slug + ".md"
		if len(resp.attachments) > 0 {
			path = "content/responses/" + resp.slug + "/index.md"
		}
		if err := emit(File{Path: path, Data: bytes.Clone(buf.Bytes())}); err != nil {
			return i, err
		}
		for _, a := range resp.attachments {
			f := File{Path: "content/responses/" + resp.slug + "/" + a.file, Data: a.data}
			if err := emit(f); err != nil {
				return i, err
			}
		}
	}
	return g.n, nil
}

// intn returns a uniform int in [lo, hi].
func (g *generator) intn(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

// chance reports true with probability p.
func (g *generator) chance(p float64) bool { return g.r.Float64() < p }

// pick returns a uniformly chosen element of xs.
func pick[T any](g *generator, xs []T) T { return xs[g.r.IntN(len(xs))] }

// pickForce returns the index of a force chosen by weight.
func (g *generator) pickForce() int {
	w := g.r.IntN(g.forceTotal)
	for i, f := range forces {
		if w < f.weight {
			return i
		}
		w -= f.weight
	}
	return len(forces) - 1
}

// outcome weights, in percent, in a fixed order.
var outcomes = []struct {
	name   string
	weight int
}{
	{"disclosed", 40}, {"partial", 24}, {"refused", 16}, {"ncnd", 7}, {"not-held", 13},
}

func (g *generator) pickOutcome() string {
	w := g.r.IntN(100)
	for _, o := range outcomes {
		if w < o.weight {
			return o.name
		}
		w -= o.weight
	}
	return "disclosed"
}
