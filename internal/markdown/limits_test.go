package markdown

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// pathological holds bodies that goldmark parses in time that grows with
// the square of their size (measured at 25, 50 and 100 KB before the
// limits existed: "> "×100,000 took 17 s). Convert must refuse each one
// before parsing it, so this test catches a quadratic input by its shape,
// not by a clock.
var pathological = []struct {
	name, src, want string
}{
	{"quotes", strings.Repeat("> ", 100000) + "x",
		"1:65: deep-nesting: this line nests 100,000 quotes or lists; foilog allows 32"},
	{"quotes without spaces", strings.Repeat(">", 100000) + "x",
		"1:33: deep-nesting: this line nests 100,000 quotes or lists; foilog allows 32"},
	{"dashes", strings.Repeat("- ", 60000) + "x",
		"1:65: deep-nesting: this line nests 60,000 quotes or lists; foilog allows 32"},
	{"stars", strings.Repeat("* ", 60000) + "x",
		"1:65: deep-nesting: this line nests 60,000 quotes or lists; foilog allows 32"},
	{"ordered", strings.Repeat("1. ", 40000) + "x",
		"1:97: deep-nesting: this line nests 40,000 quotes or lists; foilog allows 32"},
	{"ordered with )", strings.Repeat("1) ", 40000) + "x",
		"1:97: deep-nesting: this line nests 40,000 quotes or lists; foilog allows 32"},
	{"quotes and lists", "Text\n\n" + strings.Repeat("> - ", 25000) + "x",
		"3:65: deep-nesting: this line nests 50,000 quotes or lists; foilog allows 32"},
	{"footnote definitions", strings.Repeat("[^a]: ", 30000),
		"1:193: deep-nesting: this line nests 30,000 quotes or lists; foilog allows 32"},
	{"indented lists", indentedLists(40),
		"33:65: deep-nesting: this line nests 33 quotes or lists; foilog allows 32"},
	{"quoted indented lists", "> " + strings.ReplaceAll(indentedLists(40), "\n", "\n> "),
		"32:65: deep-nesting: this line nests 33 quotes or lists; foilog allows 32"},
	{"open brackets", "A " + strings.Repeat("[", 200000),
		"1:35: deep-brackets: this paragraph has more than 32 [ brackets open at once; foilog allows 32"},
	{"nested brackets", strings.Repeat("[", 50000) + strings.Repeat("]", 50000),
		"1:33: deep-brackets: this paragraph has more than 32 [ brackets open at once; foilog allows 32"},
	{"brackets over lines", strings.Repeat("[\n", 40),
		"33:1: deep-brackets: this paragraph has more than 32 [ brackets open at once; foilog allows 32"},
	{"open destinations", strings.Repeat("[a](", 25000),
		"1:131: open-destinations: this line has 24,935 links whose address in ( ) does not end; foilog allows 32"},
	{"open angle destinations", strings.Repeat("[a](<", 20000),
		"1:163: open-destinations: this line has 19,948 links whose address in ( ) does not end; foilog allows 32"},

	// Products of two counts (400 KB of "[a]: b" lines took 13 s, 200 KB
	// of "[a]" lines 1.4 s, 25 KB of a 1,000-column table 8 s).
	{"link definitions", "Text\n\n" + strings.Repeat("[a]: /x/\n", 20000),
		"3:1: bracket-lines: this paragraph has 20,000 lines and 20,000 [ ] pairs, 400,000,000 when multiplied; foilog allows 1,000,000"},
	{"quoted link definitions", strings.Repeat("> [a]: /x/\n", 2000),
		"1:3: bracket-lines: this paragraph has 2,000 lines and 2,000 [ ] pairs, 4,000,000 when multiplied; foilog allows 1,000,000"},
	{"bracket lines", strings.Repeat("[a]\n", 1001) + strings.Repeat("x\n", 1000),
		"1:1: bracket-lines: this paragraph has 2,001 lines and 1,001 [ ] pairs, 2,003,001 when multiplied; foilog allows 1,000,000"},
	{"brackets then lines", strings.Repeat("[a]", 1001) + "\n" + strings.Repeat("x\n", 999),
		"1:1: bracket-lines: this paragraph has 1,000 lines and 1,001 [ ] pairs, 1,001,000 when multiplied; foilog allows 1,000,000"},
	{"lazy lines after an item", "- x\n  " + strings.Repeat("[a]\n2. ", 1000) + "\n",
		"1:3: bracket-lines: this paragraph has 1,002 lines and 1,000 [ ] pairs, 1,002,000 when multiplied; foilog allows 1,000,000"},
	{"numbers that continue a paragraph", "Text [a]\n" + strings.Repeat("2. [a]\n", 1000),
		"1:1: bracket-lines: this paragraph has 1,001 lines and 1,001 [ ] pairs, 1,002,001 when multiplied; foilog allows 1,000,000"},
	{"a fence in a quote is counted as text", "> ```\n" + strings.Repeat("> [a]\n", 1001),
		"1:3: bracket-lines: this paragraph has 1,002 lines and 1,001 [ ] pairs, 1,003,002 when multiplied; foilog allows 1,000,000"},
	{"a backtick run with a backtick after it opens no fence", "``` a`b\n" + strings.Repeat("[a]\n", 1001),
		"1:1: bracket-lines: this paragraph has 1,002 lines and 1,001 [ ] pairs, 1,003,002 when multiplied; foilog allows 1,000,000"},
	{"lines after a table", "h|h\n-|-\n|x [a]\n# H\n" + strings.Repeat("[a]\n", 1001),
		"4:1: bracket-lines: this paragraph has 1,002 lines and 1,001 [ ] pairs, 1,003,002 when multiplied; foilog allows 1,000,000"},
	{"indented dividing line", "h|h\n    -|-\n" + strings.Repeat("[a]\n", 1001),
		"1:1: bracket-lines: this paragraph has 1,003 lines and 1,001 [ ] pairs, 1,004,003 when multiplied; foilog allows 1,000,000"},
	{"not a table", "a\n-|-\n" + strings.Repeat("[a]\n", 1001),
		"1:1: bracket-lines: this paragraph has 1,003 lines and 1,001 [ ] pairs, 1,004,003 when multiplied; foilog allows 1,000,000"},
	{"wide table", "Text\n\n|" + strings.Repeat("a|", 1000) + "\n|" + strings.Repeat("-|", 1000) + "\n" + strings.Repeat("|x\n", 5000),
		"3:1: empty-cells: this table has 1,000 columns and its rows leave out 4,995,000 cells; foilog allows 100,000 left-out cells in a letter"},
	{"tables add up", strings.Repeat("a|b|c\n-|-|:-:\n"+strings.Repeat("x\n", 25001)+"\n", 2),
		"25005:1: empty-cells: this table has 3 columns and its rows leave out 50,002 cells, 100,004 with the tables above; foilog allows 100,000 left-out cells in a letter"},
	{"footnotes", strings.Repeat("x[^1] ", 10001) + "\n\n" + footnotes(1000),
		"3:1: footnote-refs: this letter has 1,000 footnotes and 10,001 references to footnotes, 10,001,000 when multiplied; foilog allows 10,000,000"},
}

// footnotes returns n footnote definitions.
func footnotes(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString("[^" + itoa(i+1) + "]: A note.\n")
	}
	return b.String()
}

// indentedLists returns n lines, each a list item one level deeper than
// the last.
func indentedLists(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat("  ", i) + "- x\n")
	}
	return b.String()
}

func TestConvertRefusesQuadraticInput(t *testing.T) {
	r := New()
	for _, tt := range pathological {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := r.Convert([]byte(tt.src))
			var tc *TooComplexError
			if !errors.As(err, &tc) {
				t.Fatalf("Convert = %v, %v; want a *TooComplexError", doc, err)
			}
			p := tc.Problems[0]
			got := strings.Join([]string{itoa(p.Line) + ":" + itoa(p.Col), p.Code, p.Message}, ": ")
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			if p.Hint == "" {
				t.Error("no hint")
			}
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestTooComplexErrorDiagnostics(t *testing.T) {
	_, err := New().Convert([]byte("Text\n\n" + strings.Repeat("> ", 40) + "x\n"))
	var tc *TooComplexError
	if !errors.As(err, &tc) {
		t.Fatal(err)
	}
	if got, want := err.Error(), "line 3, column 65: this line nests 40 quotes or lists; foilog allows 32"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	l := tc.Diagnostics("content/responses/x.md", 7)
	if len(l) != 1 || l[0].String() != "content/responses/x.md:9:65: error: this line nests 40 quotes or lists; foilog allows 32 (a line that starts with many > or - marks was probably pasted by mistake; remove them)" {
		t.Errorf("Diagnostics = %v", l)
	}
}

// TestLimitsAllowOrdinaryDocuments checks that bodies at the limits, and
// shapes that look like deep nesting but are not, still render.
func TestLimitsAllowOrdinaryDocuments(t *testing.T) {
	for _, src := range []string{
		strings.Repeat("> ", 32) + "x",
		strings.Repeat("- ", 32) + "x",
		indentedLists(32),
		strings.Repeat("- ", 200) + "\n",        // a rule
		"* " + strings.Repeat("- ", 200) + "\n", // a list item holding a rule
		strings.Repeat("*", 1000) + "\n",        // a rule
		strings.Repeat("[", 32) + strings.Repeat("]", 32),
		strings.Repeat("[", 20) + "\n\n" + strings.Repeat("[", 20), // paragraphs count apart
		strings.Repeat(`\[`, 1000),
		strings.Repeat("[a](/responses/x/) ", 5000),
		strings.Repeat("[a](/responses/x/)", 5000),
		"|" + strings.Repeat("[a](https://example.org/a/long/address/"+strings.Repeat("x", 200)+")|", 40),
		strings.Repeat("[a](", 32),
		"```\n" + strings.Repeat(">", 32) + "\n```\n",

		// At the limits on products.
		strings.Repeat("[a]: /x/\n", 1000),
		strings.Repeat("[a]", 1000) + "\n" + strings.Repeat("x\n", 999),
		"|" + strings.Repeat("a|", 1001) + "\n|" + strings.Repeat("-|", 1001) + "\n" + strings.Repeat("|x\n", 100),
		strings.Repeat("x[^1] ", 10000) + "\n\n" + footnotes(1000),

		// Realistic letters: a table of 30 columns and 500 rows with a
		// link in each, a sparse table, 60 link definitions right after a
		// paragraph, a long list of links, 300 footnotes.
		table(30, 500, 30, "[FOI-0413-22](/responses/foi-0413-22/) [redacted]"),
		table(30, 300, 3, "12"),
		"See [the policy][p] and [the log][l].\n" + strings.Repeat("[p]: https://example.org/policy\n", 60),
		strings.Repeat("- [An earlier answer](/responses/x/) [redacted]\n", 3000),
		strings.Repeat("Text[^1] and [^2].\n\n", 300) + footnotes(300),
		"a | b\n--|--\n" + strings.Repeat("[a] | b\n", 999),
		// A numbered list of 1,200 items with [redacted] in each: every
		// item is a paragraph of its own.
		numbered(1200, ". ", "Incident [redacted] at [the station](/x/)"),
		numbered(1200, ") ", "Incident [redacted]"),
		"1. x\n   - [a]\n" + numbered(1200, ". ", "[a]"),
		// Data in code, where goldmark reads no Markdown: a fenced block
		// of 1,500 lines of JSON, with and without a closing fence, and an
		// indented block.
		"The data:\n```json\n[\n" + strings.Repeat(`  {"id": 1, "tags": ["a", "b"]},`+"\n", 1500) + "]\n```\nEnd.\n",
		"~~~\n" + strings.Repeat("[a] [b] [c]\n", 1500),
		"The data:\n\n" + strings.Repeat(`    {"id": 1, "tags": ["a", "b"]},`+"\n", 1500),
	} {
		if _, err := New().Convert([]byte(src)); err != nil {
			t.Errorf("Convert(%.60q…) = %v", src, err)
		}
	}
}

// numbered returns a numbered list of n items, each "i" + delim + text.
func numbered(n int, delim, text string) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "%d%s%s\n", i, delim, text)
	}
	return b.String()
}

// table returns a table of cols columns and rows rows, each row with
// cells cells holding cell.
func table(cols, rows, cells int, cell string) string {
	var b strings.Builder
	b.WriteString("|" + strings.Repeat(" Heading |", cols) + "\n|" + strings.Repeat("---|", cols) + "\n")
	for range rows {
		b.WriteString("|" + strings.Repeat(" "+cell+" |", cells) + "\n")
	}
	return b.String()
}

// TestLimitsAllowExampleSite checks every body of the example site and of
// the test data: none is refused.
func TestLimitsAllowExampleSite(t *testing.T) {
	n := 0
	for _, root := range []string{"../../content", "testdata", "../site/testdata"} {
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || (!strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, ".txt")) {
				return nil
			}
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			n++
			if err := checkLimits(src); err != nil {
				t.Errorf("%s: %v", p, err)
			}
			return nil
		})
	}
	if n < 20 {
		t.Errorf("checked only %d files", n)
	}
}

// FuzzCheckLimits checks that whatever checkLimits lets through, goldmark
// parses without the pre-scan panicking, and that it never lets through a
// line nested deeper than the limit by quote marks alone.
func FuzzCheckLimits(f *testing.F) {
	for _, tt := range pathological {
		f.Add(tt.src[:min(len(tt.src), 4000)])
	}
	f.Add("> - 1. [^a]: x\n   - y\n")
	f.Add("a|b\n-|:-:\n|x\n\\|\n> | - |\n")
	f.Add("[a]: b\n[c]: <d> 'e'\n- [f]\n2. [g]\n")
	f.Add("[^a] [^b]\n\n[^a]: x\n    [^b]: y\n")
	f.Add("1. [a]\n2) [b]\n3. [c]\n\n    [d]\n```\n[e]\n````\n~~~ x\n[f]\n")
	f.Fuzz(func(t *testing.T, src string) {
		err := checkLimits([]byte(src))
		if strings.HasPrefix(src, strings.Repeat(">", MaxNesting+1)) && err == nil {
			t.Fatal("a line of 33 > passed")
		}
	})
}
