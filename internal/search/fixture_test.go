package search

import (
	"bytes"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The Node tests (test/js) run real queries against an index built by this
// package from testdata/fixture.json. This test keeps that fixture in step
// with the writer: it fails when test/js/fixture differs from what Build
// writes now; regenerate it with
//
//	go test ./internal/search -run TestJSFixture -update
var update = flag.Bool("update", false, "rewrite test/js/fixture from testdata/fixture.json")

const jsFixtureDir = "../../test/js/fixture"

func loadFixture(path string) ([]Document, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var docs []Document
	return docs, json.Unmarshal(b, &docs)
}

// jsFixture returns every file of the fixture: the index, index.json naming
// the entry file, and parity.json with Go's terms and stems for the browser
// tokeniser to match.
func jsFixture(t *testing.T) map[string][]byte {
	idx := buildOrFail(t, fixtureDocs(t), defaultConfig())
	files := map[string][]byte{}
	for _, f := range idx.Files {
		files[f.Path] = f.Data
	}
	manifest, _ := json.MarshalIndent(map[string]string{"entry": idx.EntryPath}, "", " ")
	files["index.json"] = append(manifest, '\n')

	texts := []string{
		"The use of Tasers by officers", "Café CAFÉ café Naïve Zürich", "officer's don’t rock'n'roll '' a'",
		"s31(3) and section 31, FOI 1648A/23", "ﬁrearms Straße Ærø œuvre Łódź ıdır", "ΣΟΦΟΣ σοφός",
		"body-worn video; stop-and-search", "２０２３ x² ½", "İstanbul", strings.Repeat("x", 41) + " kept",
		"Neither confirm nor deny: the NCND response", "recogniton overtme tazers",
	}
	// every stop word, so both sides drop the same ones
	var stops []string
	for _, w := range strings.Fields(stopWordSample) {
		if !isStopWord(w) {
			t.Fatalf("%q is not a stop word", w)
		}
		stops = append(stops, w)
	}
	texts = append(texts, strings.Join(stops, " ")+" keep")
	words, err := os.ReadFile("testdata/stemwords.txt")
	if err != nil {
		t.Fatal(err)
	}
	type pair struct {
		Text  string   `json:"text"`
		Terms []string `json:"terms"`
	}
	parity := struct {
		Texts []pair            `json:"texts"`
		Stems map[string]string `json:"stems"`
		Refs  map[string]string `json:"refs"`
	}{Stems: map[string]string{}, Refs: map[string]string{}}
	for _, s := range texts {
		parity.Texts = append(parity.Texts, pair{s, orNone(Terms(s))})
	}
	for _, w := range strings.Fields(string(words)) {
		parity.Stems[w] = stem(w)
	}
	for _, s := range []string{"FOI 1648A/23", "1648a-23", "Ref: 2023/0456", "FOI1648", "EIR 117/22", "foi/1648A/23"} {
		parity.Refs[s] = referenceKey(s)
	}
	b, _ := json.MarshalIndent(parity, "", " ")
	files["parity.json"] = append(b, '\n')
	return files
}

func orNone(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// stopWordSample is the Snowball English stop word list, as search-core.js
// has it.
const stopWordSample = `a about above after again against all am an and any are as at be because been
before being below between both but by can did do does doing don down during each few for from further
had has have having he her here hers herself him himself his how i if in into is it its itself just me
more most my myself no nor not now of off on once only or other our ours ourselves out over own s same
she should so some such t than that the their theirs them themselves then there these they this those
through to too under until up very was we were what when where which while who whom why will with you
your yours yourself yourselves`

func TestJSFixture(t *testing.T) {
	want := jsFixture(t)
	if *update {
		if err := os.RemoveAll(jsFixtureDir); err != nil {
			t.Fatal(err)
		}
		for p, data := range want {
			path := filepath.Join(jsFixtureDir, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	got := map[string][]byte{}
	err := filepath.WalkDir(jsFixtureDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(jsFixtureDir, path)
		got[filepath.ToSlash(rel)], err = os.ReadFile(path)
		return err
	})
	if err != nil {
		t.Fatalf("%v (generate it with: go test ./internal/search -run TestJSFixture -update)", err)
	}
	var problems []string
	for p, data := range want {
		if g, ok := got[p]; !ok {
			problems = append(problems, "missing "+p)
		} else if !bytes.Equal(g, data) {
			problems = append(problems, "different "+p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			problems = append(problems, "extra "+p)
		}
	}
	slices.Sort(problems)
	if len(problems) > 0 {
		t.Errorf("test/js/fixture is out of date (go test ./internal/search -run TestJSFixture -update):\n%s",
			strings.Join(problems, "\n"))
	}
}
