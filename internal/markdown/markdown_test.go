package markdown

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/foilog/foilog/internal/diag"
)

func readResponse(tb testing.TB) []byte {
	tb.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "response.md"))
	if err != nil {
		tb.Fatal(err)
	}
	return src
}

func mustConvert(t *testing.T, r *Renderer, src string) *Document {
	t.Helper()
	doc, err := r.Convert([]byte(src))
	if err != nil {
		t.Fatalf("Convert(%q): %v", src, err)
	}
	return doc
}

func TestResponseRendersCleanly(t *testing.T) {
	src := readResponse(t)
	doc, err := New(WithBasePath("/foi/")).Convert(src)
	if err != nil {
		t.Fatal(err)
	}
	out := string(doc.HTML)
	if why := unsafeHTML(doc.HTML); why != "" {
		t.Errorf("output %s", why)
	}
	for _, want := range []string{
		`<h2 id="request">Request</h2>`,
		`<h3 id="number-of-cameras">Number of cameras</h3>`,
		`<h4 id="factors-favouring-disclosure">Factors favouring disclosure</h4>`,
		`<div class="table-wrap" tabindex="0" role="region" aria-label="Table 1">`,
		`<td class="align-right">26,300</td>`,
		`<a href="https://www.example-council.gov.uk/privacy/parking">`,
		`<a href="/foi/policies/parking-enforcement/">parking enforcement policy</a>`,
		`<a href="camera-locations.csv">camera-locations.csv</a>`,
		`<img src="car-parks-map.png" alt="Map of the nine council car parks that use number plate cameras">`,
		`<a href="http://www.ico.org.uk">www.ico.org.uk</a>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("HTML lacks %s", want)
		}
	}
	if strings.Contains(out, "<h1") || strings.Contains(out, "<strong>") {
		t.Errorf("HTML has an h1 or a bold heading:\n%s", out)
	}
	if !strings.HasPrefix(doc.Summary, "You asked whether the council uses automatic number plate") {
		t.Errorf("Summary = %q", doc.Summary)
	}
	if got, want := len(doc.Headings), 10; got != want {
		t.Errorf("got %d headings, want %d: %+v", got, want, doc.Headings)
	}
	wantLinks := []Link{
		{Destination: "https://www.example-council.gov.uk/privacy/parking", Line: 41},
		{Destination: "/policies/parking-enforcement/", Line: 41},
		{Destination: "camera-locations.csv", Line: 54},
		{Destination: "car-parks-map.png", Line: 56, Image: true},
		{Destination: "http://www.ico.org.uk", Line: 64},
	}
	if !reflect.DeepEqual(doc.Links, wantLinks) {
		t.Errorf("Links =\n%+v\nwant\n%+v", doc.Links, wantLinks)
	}
	if len(doc.Warnings) != 1 || doc.Warnings[0].Code != CodeSplitParagraph || doc.Warnings[0].Line != 35 {
		t.Errorf("Warnings = %+v, want one %s at line 35", doc.Warnings, CodeSplitParagraph)
	}
	for _, w := range []string{"Financial year\tCar parks\tCameras\tMaintenance cost (£)\n", "2022/23\t9\t23\t26,300\n", "\nThe challenge is logged"} {
		if !strings.Contains(doc.Text, w) {
			t.Errorf("Text lacks %q", w)
		}
	}
	if strings.ContainsAny(doc.Text, "*#|<>") {
		t.Errorf("Text keeps markup:\n%s", doc.Text)
	}
}

func TestConvertIsDeterministic(t *testing.T) {
	src := readResponse(t)
	src = append(src, "\n```go\nfunc f() { return }\n```\n\n[^1]\n\n[^1]: A note.\n"...)
	first, err := New().Convert(src)
	if err != nil {
		t.Fatal(err)
	}
	r := New()
	for i := 0; i < 5; i++ {
		doc, err := r.Convert(src)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(doc, first) {
			t.Fatalf("conversion %d differs from the first", i)
		}
	}
}

// TestConcurrentConvert runs many conversions on one Renderer at once; run
// with -race to check for data races.
func TestConcurrentConvert(t *testing.T) {
	r := New(WithBasePath("/foi/"))
	inputs := [][]byte{readResponse(t)}
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	for _, f := range files {
		_, cases := readCaseFile(t, f)
		for _, c := range cases {
			inputs = append(inputs, []byte(c.sections["markdown"]))
		}
	}
	want := make([]*Document, len(inputs))
	for i, in := range inputs {
		d, err := New(WithBasePath("/foi/")).Convert(in)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = d
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(inputs))
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := range inputs {
				i := (k + g) % len(inputs)
				d, err := r.Convert(inputs[i])
				if err != nil {
					errs <- err.Error()
					continue
				}
				if !reflect.DeepEqual(d, want[i]) {
					errs <- fmt.Sprintf("input %d: concurrent result differs", i)
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestHighlightedCodeUsesClassesOnly(t *testing.T) {
	var src strings.Builder
	for _, lang := range []string{"go", "python", "json", "yaml", "html", "css", "javascript", "sql", "bash", "diff", "xml", "csv", "powershell"} {
		fmt.Fprintf(&src, "```%s\n<a href=\"x\" style=\"color:red\" onclick=\"f()\">if x == 1 { return \"s\" } // c</a>\n```\n\n", lang)
	}
	doc := mustConvert(t, New(), src.String())
	out := string(doc.HTML)
	if regexp.MustCompile(`<[^>]*\sstyle=`).MatchString(out) {
		t.Errorf("output has a style attribute:\n%s", out)
	}
	if !strings.Contains(out, "style=&#34;color:red&#34;") {
		t.Errorf("code content was not kept as escaped text:\n%s", out)
	}
	if why := unsafeHTML(doc.HTML); why != "" {
		t.Errorf("output %s", why)
	}
	if !strings.Contains(out, `<pre class="chroma" tabindex="0"><code class="language-go" data-lang="go">`) ||
		!strings.Contains(out, `<span class="kw">`) && !strings.Contains(out, `<span class="k">`) {
		t.Errorf("Go code is not highlighted with classes:\n%s", out)
	}
	// The token classes used here have rules in the style sheet.
	css := string(StyleSheet())
	for _, c := range []string{"k", "s", "c1", "mi", "nt", "o"} {
		if !strings.Contains(out, `<span class="`+c+`">`) {
			t.Errorf("output uses no class %q", c)
		}
		if !strings.Contains(css, ".chroma ."+c+" {") {
			t.Errorf("StyleSheet has no rule for class %q", c)
		}
	}
}

func TestWithBasePathNormalises(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", "/"}, {"/", "/"}, {"foi", "/foi/"}, {"/foi", "/foi/"}, {"/foi/", "/foi/"},
		{"//foi//log/", "/foi/log/"}, {" /foi/ ", "/foi/"}, {"https://example.org/foi", "/foi/"},
		{"https://example.org", "/"},
	} {
		var c config
		WithBasePath(tc.in)(&c)
		if c.basePath != tc.want {
			t.Errorf("WithBasePath(%q) = %q, want %q", tc.in, c.basePath, tc.want)
		}
	}
}

func TestWarningsPointAtTheProblem(t *testing.T) {
	src := "First line.\n\nSee [this](javascript:void(0)) and\n<b>that</b>.\n\n<div>\nblock\n</div>\n"
	doc := mustConvert(t, New(), src)
	var got []string
	for _, w := range doc.Warnings {
		got = append(got, fmt.Sprintf("%d:%d %s", w.Line, w.Col, w.Code))
		if w.Message == "" || w.Hint == "" {
			t.Errorf("warning %+v: want a Message and a Hint", w)
		}
	}
	want := []string{"3:5 unsafe-link", "4:1 raw-html", "4:8 raw-html", "6:1 raw-html"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("warnings =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestDiagnosticsPlaceWarningsInTheFile(t *testing.T) {
	doc := mustConvert(t, New(), "Text.\n\n<b>x</b>\n")
	l := doc.Diagnostics("content/responses/cctv.md", 9)
	if len(l) != 2 {
		t.Fatalf("Diagnostics = %v, want 2", l)
	}
	d := l[0]
	if d.Path != "content/responses/cctv.md" || d.Line != 11 || d.Col != 1 || d.Severity != diag.Warning ||
		d.Code != "markdown.raw-html" || d.Hint == "" {
		t.Errorf("Diagnostics()[0] = %+v", d)
	}
	if got := mustConvert(t, New(), "Clean.\n").Diagnostics("x.md", 5); got != nil {
		t.Errorf("Diagnostics of a clean body = %v, want nil", got)
	}
}

func TestColumnsCountCharacters(t *testing.T) {
	doc := mustConvert(t, New(), "£££ <i>x</i>\n")
	if len(doc.Warnings) == 0 || doc.Warnings[0].Col != 5 {
		t.Errorf("Warnings = %+v, want the first at column 5", doc.Warnings)
	}
}

func TestStyleSheetIsDeterministic(t *testing.T) {
	a, b := StyleSheet(), StyleSheet()
	if !bytes.Equal(a, b) {
		t.Error("StyleSheet differs between calls")
	}
	for _, rule := range []string{".table-wrap { overflow-x: auto }", ".align-right { text-align: right }"} {
		if !bytes.Contains(a, []byte(rule)) {
			t.Errorf("StyleSheet lacks %s", rule)
		}
	}
	if bytes.Contains(a, []byte("\n\n")) || !bytes.HasSuffix(a, []byte("}\n")) {
		t.Error("StyleSheet has blank lines or lacks a final closing brace")
	}
}

var (
	cssRuleRE  = regexp.MustCompile(`(?m)^(?:/\* [^*]* \*/ )?(\.[^{]+?) \{ ([^}]*) \}$`)
	cssColorRE = regexp.MustCompile(`(?:^|; )color: (#[0-9a-f]{6})`)
	cssBackRE  = regexp.MustCompile(`background-color: (#[0-9a-f]{6})`)
)

// styleBlock parses the rules of one part of the style sheet into
// selector → declarations.
func styleBlock(t *testing.T, css string) map[string]string {
	t.Helper()
	rules := map[string]string{}
	for _, m := range cssRuleRE.FindAllStringSubmatch(css, -1) {
		rules[m[1]] = m[2]
	}
	if len(rules) < 20 {
		t.Fatalf("found only %d rules in\n%s", len(rules), css)
	}
	return rules
}

func TestStyleSheetMeetsWCAGAA(t *testing.T) {
	css := string(StyleSheet())
	i := strings.Index(css, "@media (prefers-color-scheme: dark) {\n")
	if i < 0 {
		t.Fatal("no dark-mode media query")
	}
	light, dark := styleBlock(t, css[:i]), styleBlock(t, css[i:])
	for name, block := range map[string]map[string]string{"light": light, "dark": dark} {
		base := block[".chroma"]
		fg, bg := cssColorRE.FindStringSubmatch(base), cssBackRE.FindStringSubmatch(base)
		if fg == nil || bg == nil {
			t.Fatalf("%s: .chroma rule %q lacks color or background-color", name, base)
		}
		for sel, decl := range block {
			if !strings.HasPrefix(sel, ".chroma") {
				continue
			}
			c, b := fg[1], bg[1]
			if m := cssColorRE.FindStringSubmatch(decl); m != nil {
				c = m[1]
			}
			if m := cssBackRE.FindStringSubmatch(decl); m != nil {
				b = m[1]
			}
			if r := contrastRatio(t, c, b); r < 4.5 {
				t.Errorf("%s: %s: %s on %s has contrast %.2f, want at least 4.5", name, sel, c, b, r)
			}
		}
	}
	// The dark block sets every property the light block sets, so no light
	// colour is left on the dark background.
	for sel, decl := range light {
		if !strings.HasPrefix(sel, ".chroma") {
			continue
		}
		d, ok := dark[sel]
		if !ok {
			t.Errorf("dark block has no rule for %s", sel)
			continue
		}
		if props(decl) != props(d) {
			t.Errorf("%s: light sets %s, dark sets %s", sel, props(decl), props(d))
		}
	}
	for sel := range dark {
		if _, ok := light[sel]; !ok {
			t.Errorf("light block has no rule for %s", sel)
		}
	}
}

func props(decl string) string {
	var names []string
	for _, p := range strings.Split(decl, "; ") {
		names = append(names, strings.SplitN(p, ":", 2)[0])
	}
	return strings.Join(names, ",")
}

// contrastRatio computes the WCAG 2 contrast of two "#rrggbb" colours,
// independently of the package's own code.
func contrastRatio(t *testing.T, a, b string) float64 {
	lum := func(hex string) float64 {
		var l float64
		for i, w := range []float64{0.2126, 0.7152, 0.0722} {
			v, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
			if err != nil {
				t.Fatalf("bad colour %q", hex)
			}
			s := float64(v) / 255
			if s <= 0.04045 {
				s /= 12.92
			} else {
				s = math.Pow((s+0.055)/1.055, 2.4)
			}
			l += w * s
		}
		return l
	}
	la, lb := lum(a), lum(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func BenchmarkConvert(b *testing.B) {
	src := readResponse(b)
	r := New(WithBasePath("/foi/"))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Convert(src); err != nil {
			b.Fatal(err)
		}
	}
}

func TestHugeCodeIsNotHighlighted(t *testing.T) {
	body := strings.Repeat("x := 1 // a line of Go\n", maxHighlight/20)
	doc := mustConvert(t, New(), "```go\n"+body+"```\n")
	if !bytes.HasPrefix(doc.HTML, []byte("<pre tabindex=\"0\"><code>x := 1")) {
		t.Errorf("code over %d bytes is highlighted: %.80s", maxHighlight, doc.HTML)
	}
}

// collapseSpace must do what strings.Join(strings.Fields(s), " ") does,
// which it replaced for speed.
func FuzzCollapseSpace(f *testing.F) {
	for _, s := range []string{"", " ", "a", " a", "a ", "a b", "a  b", "a\nb", "a\u00a0b", "\u0085a", "a \t\r\n b ", "\xff \xfe", "a b c", "  "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.Join(strings.Fields(s), " ")
		if got := collapseSpace(s); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	})
}
