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
	{"lines after a fence in a quote, outside it", "> ```\n> [a]\n" + strings.Repeat("[a]\n", 1001),
		"3:1: bracket-lines: this paragraph has 1,001 lines and 1,001 [ ] pairs, 1,002,001 when multiplied; foilog allows 1,000,000"},
	{"lines after a fence in a list item, less indented", "1. x\n\n   ```\n   [a]\n" + strings.Repeat("[a]\n", 1001),
		"5:1: bracket-lines: this paragraph has 1,001 lines and 1,001 [ ] pairs, 1,002,001 when multiplied; foilog allows 1,000,000"},
	{"a fence in a quote inside a list item is counted as text", "- > ```\n" + strings.Repeat("  > [a]\n", 1001),
		"1:5: bracket-lines: this paragraph has 1,002 lines and 1,001 [ ] pairs, 1,003,002 when multiplied; foilog allows 1,000,000"},
	{"a fence under a list marker that may be text", "Text\n2. x\n      ```\n" + strings.Repeat("      [a]\n", 1001),
		"1:1: bracket-lines: this paragraph has 1,004 lines and 1,001 [ ] pairs, 1,005,004 when multiplied; foilog allows 1,000,000"},
	{"a number after an item of another list", "- x\n  1. [a]\n" + strings.Repeat("[a]\n2. [a]\n", 500),
		"2:6: bracket-lines: this paragraph has 1,001 lines and 1,001 [ ] pairs, 1,002,001 when multiplied; foilog allows 1,000,000"},
	{"a number indented into the item", "1. [a]\n" + strings.Repeat("   2. [a]\n", 1000),
		"1:4: bracket-lines: this paragraph has 1,001 lines and 1,001 [ ] pairs, 1,002,001 when multiplied; foilog allows 1,000,000"},
	{"a footnote label with a bracket", "Text\n" + strings.Repeat("[^a] [b]: x\n", 1000),
		"1:1: bracket-lines: this paragraph has 1,001 lines and 2,000 [ ] pairs, 2,002,000 when multiplied; foilog allows 1,000,000"},
	{"table rows then a list item", "a|b\n-|-\n2019|[a]\n- x\n" + strings.Repeat("[a]\n", 1001),
		"4:3: bracket-lines: this paragraph has 1,002 lines and 1,001 [ ] pairs, 1,003,002 when multiplied; foilog allows 1,000,000"},
	{"table rows then a heading's underline", "a|b\n-|-\n**x**|[a]\n===\n" + strings.Repeat("[a]\n", 1001),
		"4:1: bracket-lines: this paragraph has 1,002 lines and 1,001 [ ] pairs, 1,003,002 when multiplied; foilog allows 1,000,000"},
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
	// Marks of emphasis: for each "*" or "_" that may close, goldmark
	// looks back at every mark before it that it cannot pair with (100 KB
	// of "*a_ " took 2.6 s, 200 KB 13.9 s, 400 KB 102 s), and for each link
	// whose text holds a mark, at every node before it (100 KB of
	// "[a_b](c) " took 2.5 s).
	{"emphasis", strings.Repeat("*a_ ", 25000),
		"1:1: emphasis: this paragraph has 25,000 * _ or ~ marks that may end emphasis or a link, which take up to 625,000,000 steps to pair; foilog allows 100,000,000 in a letter"},
	{"emphasis the other way", strings.Repeat("_a* ", 25000),
		"1:1: emphasis: this paragraph has 25,000 * _ or ~ marks that may end emphasis or a link, which take up to 625,000,000 steps to pair; foilog allows 100,000,000 in a letter"},
	{"strong emphasis", strings.Repeat("**a__ ", 20000),
		"1:1: emphasis: this paragraph has 20,000 * _ or ~ marks that may end emphasis or a link, which take up to 400,000,000 steps to pair; foilog allows 100,000,000 in a letter"},
	{"strikethrough and emphasis", strings.Repeat("~a* ", 25000),
		"1:1: emphasis: this paragraph has 25,000 * _ or ~ marks that may end emphasis or a link, which take up to 625,000,000 steps to pair; foilog allows 100,000,000 in a letter"},
	{"emphasis after words", strings.Repeat("a_b* ", 20000),
		"1:1: emphasis: this paragraph has 20,000 * _ or ~ marks that may end emphasis or a link, which take up to 400,000,000 steps to pair; foilog allows 100,000,000 in a letter"},
	{"strong then emphasis", "a**b" + strings.Repeat("c* ", 40000),
		"1:1: emphasis: this paragraph has 40,001 * _ or ~ marks that may end emphasis or a link, which take up to 800,020,000 steps to pair; foilog allows 100,000,000 in a letter"},
	{"emphasis over lines", strings.Repeat("*a_\n", 25000),
		"1:1: emphasis: this paragraph has 25,000 * _ or ~ marks that may end emphasis or a link, which take up to 625,000,000 steps to pair; foilog allows 100,000,000 in a letter"},
	{"emphasis in links", strings.Repeat("[*a](b) ", 12500),
		"1:1: emphasis: this paragraph has 12,500 * _ or ~ marks that may end emphasis or a link, which take up to 937,525,000 steps to pair; foilog allows 100,000,000 in a letter"},
	{"snake case in links", strings.Repeat("[a_b](c) ", 11111),
		"1:1: emphasis: this paragraph has 11,111 * _ or ~ marks that may end emphasis or a link, which take up to 740,748,148 steps to pair; foilog allows 100,000,000 in a letter"},
	{"emphasis adds up", strings.Repeat(strings.Repeat("*a_ ", 3000)+"\n\n", 20),
		"23:1: emphasis: this paragraph has 3,000 * _ or ~ marks that may end emphasis or a link, which take up to 9,000,000 steps to pair, 108,000,000 with the paragraphs above; foilog allows 100,000,000 in a letter"},
	{"a log pasted as text", logLines(5000, " ref_*%d"),
		"1:1: emphasis: this paragraph has 10,000 * _ or ~ marks that may end emphasis or a link, which take up to 200,005,000 steps to pair; foilog allows 100,000,000 in a letter"},
	// Ten digits are no list marker: goldmark reads all as one paragraph
	// (3.9 MB took 25 s).
	{"ten-digit numbers", "1. x\n" + strings.Repeat("1234567890. [a] [b] [c] [d]\n", 140000),
		"1:4: bracket-lines: this paragraph has 140,001 lines and 560,000 [ ] pairs, 78,400,560,000 when multiplied; foilog allows 1,000,000"},
	{"footnotes", strings.Repeat("x[^1] ", 10001) + "\n\n" + footnotes(1000),
		"3:1: footnote-refs: this letter has 1,000 footnotes and 10,001 references to footnotes, 10,001,000 when multiplied; foilog allows 10,000,000"},
}

// logLines returns n lines of a log in one paragraph, each with snake
// case, a pair of "*" and end, formatted with the line's number.
func logLines(n int, end string) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "user_%d_name logged in at *%d* from host_%d_x;"+end+"\n", i, i, i, i)
	}
	return b.String()
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
		// Numbered lists whose items wrap, under the number or at the
		// start of the line (goldmark: 5 ms for 1,000 items).
		numbered(700, ". ", "PC [redacted] and DC [redacted] attended the address\n   and the matter was closed."),
		numbered(1000, ". ", "The officer (PC [redacted]) attended the address\nand the matter was closed."),
		numbered(1000, ") ", "PC [redacted] attended\n  and [redacted] left."),
		// Tables without outer pipes whose rows start with a date, a
		// year, "**" or "_", and headers that do (goldmark: 1-10 ms).
		"Date | Officer | Rank\n--- | --- | ---\n" + strings.Repeat("01/01/2023 | [redacted] | [redacted] [redacted]\n", 1200),
		"Year | Area | Officer\n---|---|---\n" + strings.Repeat("2019 | 5 | [redacted]\n", 1200),
		"**Year** | **Officer**\n---|---\n" + strings.Repeat("**2019** | [redacted]\n_2020_ | [redacted]\n", 750),
		"2019/20 | 2020/21 | 2021/22\n---|---|---\n" + strings.Repeat("x | [redacted] | 3\n", 1500),
		"- Item\n\n  Date | Officer\n  ---|---\n" + strings.Repeat("  12 | [redacted]\n", 1500),
		// Code in a list item and in a quoted request.
		"1. Data:\n\n   ```\n" + strings.Repeat("   [redacted],0,[x]\n", 1500) + "   ```\n2. More.\n",
		"> Your request:\n>\n> ```\n" + strings.Repeat("> [redacted],0\n", 1500) + "> ```\n\nOur answer.\n",
		"- a\n  - b\n\n    ~~~\n" + strings.Repeat("    [a] [b]\n", 1500),
		// 1,500 footnote definitions one after another.
		strings.Repeat("Text[^1] and [^2].\n\n", 1500) + footnotes(1500),
		// Many "*" and "_": masked numbers, snake case, a log with
		// "*ok*" on each line, bold headings and bullets, a CSV with
		// notes, links whose text has "_" (goldmark: 10-40 ms each).
		strings.Repeat("Card ****1234 used at terminal ****5678 on 01/02/2023\n", 5000),
		logLines(5000, ""),
		strings.Repeat("2024-01-01 12:00:01 INFO user_id=1 action=login_ok total=5*\n", 5000),
		strings.Repeat("**Question 1**\nText with _emphasis_ and **bold** and a value_x here.\n\n- **Item**: value_x\n- *Note*: see __this__ and ~~that~~\n\n", 3000),
		"force_name,officer_count,total_cost\n" + strings.Repeat("Force_1,12,36*\n", 3000),
		strings.Repeat("The *officer* said **12** and _noted_ the ref_1 value. ", 1000),
		strings.Repeat("[report_1_2023.pdf](/files/report_1_2023.pdf)  \n", 800),
		strings.Repeat("[*Report 1*](/files/r1.pdf) ", 2000),
		// Nine-digit numbers are list markers.
		numbered(3, ". ", "x") + strings.Repeat("123456789. [a] [b]\n", 2000),
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
	f.Add("10. [a]\n   b\n11. [c]\nd\n12) [e]\n- x\n  1. [f]\ng\n2. [h]\n1234567890. [i]\n")
	f.Add("2019 | **a** | [b]\n---|---|---\n_c_ | 1. x | [d]\n- e\n===\n: f\n[^g]: h\n[^i] [j]: k\n")
	f.Add("> ```\n> [a]\n>\n[b]\n1. x\n\n   ~~~\n   [c]\n  [d]\n- > ```\n  > [e]\n")
	f.Add("*a_ _a* **a__ ~a* a_b* `a*` [*a](b) [a_b](c) \\*a \\_ é_é *ok* =*x* ****1234\n")
	f.Fuzz(func(t *testing.T, src string) {
		err := checkLimits([]byte(src))
		if strings.HasPrefix(src, strings.Repeat(">", MaxNesting+1)) && err == nil {
			t.Fatal("a line of 33 > passed")
		}
	})
}
