package markdown

import (
	"errors"
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
	} {
		if _, err := New().Convert([]byte(src)); err != nil {
			t.Errorf("Convert(%.60q…) = %v", src, err)
		}
	}
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
	f.Fuzz(func(t *testing.T, src string) {
		err := checkLimits([]byte(src))
		if strings.HasPrefix(src, strings.Repeat(">", MaxNesting+1)) && err == nil {
			t.Fatal("a line of 33 > passed")
		}
	})
}
