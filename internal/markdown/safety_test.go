package markdown

import (
	"errors"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

var (
	tagRE  = regexp.MustCompile(`<(/?)([a-zA-Z0-9]+)([^>]*)>`)
	attrRE = regexp.MustCompile(`\s([^\s=/>"']+)(?:="([^"]*)")?`)
	// allowedTags are the only elements Convert may emit.
	allowedTags = map[string]bool{
		"a": true, "blockquote": true, "br": true, "code": true, "dd": true, "del": true, "div": true,
		"dl": true, "dt": true, "em": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
		"hr": true, "img": true, "input": true, "li": true, "ol": true, "p": true, "pre": true,
		"span": true, "strong": true, "sup": true, "table": true, "tbody": true, "td": true, "th": true,
		"thead": true, "tr": true, "ul": true,
	}
)

// unsafeHTML returns a description of the first unsafe construct in out, or
// "" if there is none. It is independent of the package's own URL check: it
// looks at the HTML as a browser would.
func unsafeHTML(out []byte) string {
	s := string(out)
	if strings.Contains(strings.ToLower(s), "<script") {
		return "contains <script"
	}
	if strings.Contains(s, "<!") || strings.Contains(s, "<?") {
		return "contains a comment, declaration or processing instruction"
	}
	// Every '<' must start an allowed tag: text is escaped as &lt;.
	if n, m := strings.Count(s, "<"), len(tagRE.FindAllStringIndex(s, -1)); n != m {
		return "contains a '<' that does not start a tag"
	}
	for _, tag := range tagRE.FindAllStringSubmatch(s, -1) {
		name := strings.ToLower(tag[2])
		if !allowedTags[name] {
			return "contains element <" + name + ">"
		}
		rest := attrRE.ReplaceAllString(tag[3], "")
		if strings.TrimSpace(rest) != "" {
			return "unparsable attributes in " + tag[0]
		}
		for _, a := range attrRE.FindAllStringSubmatch(tag[3], -1) {
			attr := strings.ToLower(a[1])
			if strings.HasPrefix(attr, "on") {
				return "event handler attribute in " + tag[0]
			}
			if attr == "style" {
				return "style attribute in " + tag[0]
			}
			if attr == "href" || attr == "src" {
				v := strings.Map(func(r rune) rune {
					if r <= ' ' || unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
						return -1
					}
					return unicode.ToLower(r)
				}, html.UnescapeString(a[2]))
				for _, bad := range []string{"javascript:", "vbscript:", "data:", "file:"} {
					if strings.HasPrefix(v, bad) {
						return "unsafe URL in " + tag[0]
					}
				}
			}
		}
	}
	return ""
}

// xssPayloads are hostile bodies; none may produce unsafe HTML.
var xssPayloads = []string{
	"<script>alert(1)</script>",
	"<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
	"text <script>alert(1)</script> text",
	"<img src=x onerror=alert(1)>",
	"<svg/onload=alert(1)>",
	"<iframe src=\"javascript:alert(1)\"></iframe>",
	"<a href=\"javascript:alert(1)\">x</a>",
	"<div style=\"background:url(javascript:alert(1))\">x</div>",
	"<!-- --><script>alert(1)</script>",
	"<?php evil(); ?>",
	"<![CDATA[<script>alert(1)</script>]]>",
	"[x](javascript:alert(1))",
	"[x](JaVaScRiPt:alert(1))",
	"[x](<java\tscript:alert(1)>)",
	"[x](<java\nscript:alert(1)>)",
	"[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
	"[x](&#x6A;avascript&colon;alert(1))",
	"[x](&Tab;javascript:alert(1))",
	"[x](<   javascript:alert(1)>)",
	"[x](\u200bjavascript:alert(1))",
	"[x](\x01javascript:alert(1))",
	"[x](javascript&#58;alert(1))",
	"[x](javascript&#x3A;alert(1))",
	"[x](vbscript:msgbox(1))",
	"[x](VBScript:msgbox(1))",
	"[x](data:text/html,<script>alert(1)</script>)",
	"[x](DATA:text/html;base64,PHNjcmlwdD4=)",
	"![x](javascript:alert(1))",
	"![x](data:image/svg+xml;base64,PHN2Zz4=)",
	"![x](data:image/png;base64,iVBORw0KGgo=)",
	"[x][r]\n\n[r]: javascript:alert(1)",
	"[x][r]\n\n[r]: <&#106;avascript:alert(1)>",
	"<javascript:alert(1)>",
	"<JavaScript:alert(1)>",
	"<vbscript:alert(1)>",
	"<data:text/html,x>",
	"[x](/a\"onmouseover=\"alert(1))",
	"[x](/a \"t\\\"onmouseover=alert(1)\")",
	"![x\"onerror=\"alert(1)](/i.png)",
	"## Harm {onclick=alert(1)}",
	"## Harm {#x onclick=\"alert(1)\"}",
	"```\"><script>alert(1)</script>\nx\n```",
	"```go onload=alert(1)\nx\n```",
	"| a |\n|---|\n| <script>alert(1)</script> |",
	"- [x] <img src=x onerror=alert(1)>",
	"[^1]\n\n[^1]: <script>alert(1)</script>",
	"Term\n: <img src=x onerror=alert(1)>",
	"www.example.org/<script>alert(1)</script>",
	"http://example.org/\"onmouseover=\"alert(1)",
}

func TestXSSPayloadsAreNeutralised(t *testing.T) {
	r := New(WithBasePath("/foi/"))
	for _, p := range xssPayloads {
		doc, err := r.Convert([]byte(p))
		if err != nil {
			t.Errorf("Convert(%q): %v", p, err)
			continue
		}
		if why := unsafeHTML(doc.HTML); why != "" {
			t.Errorf("Convert(%q) %s:\n%s", p, why, doc.HTML)
		}
		for _, l := range doc.Links {
			if !isSafeURL(l.Destination) {
				t.Errorf("Convert(%q) lists unsafe link %q", p, l.Destination)
			}
		}
	}
}

func TestUnsafeHTMLDetectsProblems(t *testing.T) {
	// The checker used by the tests and the fuzz target must itself work.
	for _, bad := range []string{
		"<script>x</script>",
		`<a href="javascript:x">`,
		`<a href="&#106;avascript:x">`,
		`<a href=" JAVA&#x09;SCRIPT:x">`,
		`<img src="data:image/png;base64,x">`,
		`<p onclick="x">`,
		`<span style="color:red">`,
		`<iframe src="x">`,
		`<!-- raw HTML omitted -->`,
	} {
		if unsafeHTML([]byte(bad)) == "" {
			t.Errorf("unsafeHTML(%q) found nothing", bad)
		}
	}
	if why := unsafeHTML([]byte(`<p><a href="/x?a=1&amp;b=2" title="on=1">on=1 javascript:</a></p>`)); why != "" {
		t.Errorf("unsafeHTML flags safe HTML: %s", why)
	}
}

func FuzzConvert(f *testing.F) {
	for _, p := range xssPayloads {
		f.Add(p)
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	r := New(WithBasePath("/foi/"))
	f.Fuzz(func(t *testing.T, src string) {
		doc, err := r.Convert([]byte(src))
		var tc *TooComplexError
		if errors.As(err, &tc) {
			return
		}
		if err != nil {
			t.Fatalf("Convert: %v", err)
		}
		if why := unsafeHTML(doc.HTML); why != "" {
			t.Fatalf("output %s:\n%s", why, doc.HTML)
		}
		for _, h := range doc.Headings {
			if h.Level < 2 || h.Level > 6 {
				t.Fatalf("heading level %d", h.Level)
			}
		}
	})
}
