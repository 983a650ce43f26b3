package search_test

import (
	"strings"
	"testing"

	"github.com/foilog/foilog/internal/synth"
)

func TestProbeSynth(t *testing.T) {
	files := synth.Generate(synth.Options{N: 500, Seed: 1})
	words, n := 0, 0
	for _, f := range files {
		if strings.HasSuffix(f.Path, ".md") {
			n++
			words += len(strings.Fields(string(f.Data)))
		}
	}
	t.Logf("%d md files, avg %d words", n, words/n)
}
