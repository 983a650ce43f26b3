package site

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestShortSummary(t *testing.T) {
	sentence := "The force holds the figures for each year. "
	long := strings.Repeat(sentence, 10)
	words := strings.Repeat("information ", 40)
	for _, c := range []struct{ name, in, want string }{
		{"short stays", "We hold this information.", "We hold this information."},
		{"exactly the limit stays", strings.Repeat("a", summaryMax), strings.Repeat("a", summaryMax)},
		{"cut after the last full sentence", long, strings.TrimSpace(strings.Repeat(sentence, 6))},
		{"no sentence end: cut at a word", words, strings.TrimSpace(strings.Repeat("information ", 25)) + "…"},
		{"punctuation before the cut is dropped", strings.Repeat("abc, ", 70), strings.Repeat("abc, ", 59) + "abc…"},
		{"multibyte letters count once", strings.Repeat("é", summaryMax), strings.Repeat("é", summaryMax)},
	} {
		got := shortSummary(c.in)
		if got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
		if n := utf8.RuneCountInString(got); n > summaryMax+1 {
			t.Errorf("%s: %d characters", c.name, n)
		}
	}
}

func TestBuildLine(t *testing.T) {
	for _, c := range []struct {
		r    Result
		want string
	}{
		{Result{Responses: 1, Pages: 14}, "built 1 response, 14 pages in 40ms → public/"},
		{Result{Responses: 14, Pages: 61}, "built 14 responses, 61 pages in 40ms → public/"},
		{Result{Responses: 0, Pages: 1}, "built 0 responses, 1 page in 40ms → public/"},
	} {
		if got := c.r.describe(40*time.Millisecond, "public/"); got != c.want {
			t.Errorf("describe = %q, want %q", got, c.want)
		}
	}
}
