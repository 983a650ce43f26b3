package markdown

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the expected sections of testdata/*.txt from the actual output")

// A case file (testdata/*.txt) holds Markdown cases in this format:
//
//	Free text before the first case is a comment.
//	=== name of the case
//	--- options
//	basepath /foi/
//	--- markdown
//	## **Harm**
//	--- html
//	<h2 id="harm">Harm</h2>
//	--- headings
//	2 harm Harm
//
// A case has a "markdown" section and any of the expected sections: html,
// text, summary, headings ("level id text" per line), links ("line
// destination" or "line image destination" per line) and warnings
// ("line:col code message" per line). Only the sections present are
// compared, and every output must pass the safety check of
// safety_test.go. Blank lines at the end of a section are ignored. "go test -run TestCaseFiles -update" rewrites them.
type testCase struct {
	name     string
	line     int // of the "===" line
	order    []string
	sections map[string]string
}

var expectedSections = []string{"html", "text", "summary", "headings", "links", "warnings"}

func readCaseFile(t *testing.T, path string) (header string, cases []*testCase) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var (
		cur     *testCase
		section string
		buf     []string
		head    []string
	)
	flush := func() {
		for len(buf) > 0 && buf[len(buf)-1] == "" {
			buf = buf[:len(buf)-1] // blank lines between cases
		}
		if cur != nil && section != "" {
			cur.sections[section] = strings.Join(buf, "\n")
		}
		buf = nil
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "=== "):
			flush()
			cur = &testCase{name: strings.TrimPrefix(line, "=== "), line: n, sections: map[string]string{}}
			cases = append(cases, cur)
			section = ""
		case cur != nil && strings.HasPrefix(line, "--- ") && !strings.Contains(strings.TrimPrefix(line, "--- "), " "):
			flush()
			section = strings.TrimPrefix(line, "--- ")
			if _, dup := cur.sections[section]; dup {
				t.Fatalf("%s:%d: duplicate section %q", path, n, section)
			}
			cur.sections[section] = ""
			cur.order = append(cur.order, section)
		case cur == nil:
			head = append(head, line)
		default:
			buf = append(buf, line)
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if _, ok := c.sections["markdown"]; !ok {
			t.Fatalf("%s:%d: case %q has no markdown section", path, c.line, c.name)
		}
	}
	return strings.Join(head, "\n"), cases
}

func writeCaseFile(t *testing.T, path, header string, cases []*testCase) {
	t.Helper()
	var b strings.Builder
	if header != "" {
		b.WriteString(strings.TrimRight(header, "\n"))
		b.WriteString("\n\n")
	}
	for i, c := range cases {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "=== %s\n", c.name)
		for _, s := range c.order {
			fmt.Fprintf(&b, "--- %s\n", s)
			if v := c.sections[s]; v != "" {
				b.WriteString(v)
				b.WriteByte('\n')
			}
		}
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// actualSections renders c and formats every expected section.
func actualSections(t *testing.T, c *testCase) map[string]string {
	t.Helper()
	var opts []Option
	for _, line := range strings.Split(c.sections["options"], "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) == 0:
		case f[0] == "basepath" && len(f) == 2:
			opts = append(opts, WithBasePath(f[1]))
		default:
			t.Fatalf("case %q: unknown option %q", c.name, line)
		}
	}
	src := c.sections["markdown"]
	if src != "" {
		src += "\n"
	}
	doc, err := New(opts...).Convert([]byte(src))
	if err != nil {
		t.Fatalf("case %q: %v", c.name, err)
	}
	if why := unsafeHTML(doc.HTML); why != "" {
		t.Errorf("case %q: output %s", c.name, why)
	}
	var headings, links, diags []string
	for _, h := range doc.Headings {
		headings = append(headings, fmt.Sprintf("%d %s %s", h.Level, h.ID, h.Text))
	}
	for _, l := range doc.Links {
		if l.Image {
			links = append(links, fmt.Sprintf("%d image %s", l.Line, l.Destination))
		} else {
			links = append(links, fmt.Sprintf("%d %s", l.Line, l.Destination))
		}
	}
	for _, d := range doc.Warnings {
		diags = append(diags, fmt.Sprintf("%d:%d %s %s", d.Line, d.Col, d.Code, d.Message))
		if d.Hint == "" {
			t.Errorf("case %q: warning %s at %d:%d has no hint", c.name, d.Code, d.Line, d.Col)
		}
	}
	return map[string]string{
		"html":     strings.TrimSuffix(string(doc.HTML), "\n"),
		"text":     doc.Text,
		"summary":  doc.Summary,
		"headings": strings.Join(headings, "\n"),
		"links":    strings.Join(links, "\n"),
		"warnings": strings.Join(diags, "\n"),
	}
}

func TestCaseFiles(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/*.txt case files")
	}
	for _, path := range files {
		header, cases := readCaseFile(t, path)
		changed := false
		for _, c := range cases {
			t.Run(filepath.Base(path)+"/"+c.name, func(t *testing.T) {
				got := actualSections(t, c)
				compared := 0
				for _, s := range expectedSections {
					want, ok := c.sections[s]
					if !ok {
						continue
					}
					compared++
					if got[s] == want {
						continue
					}
					if *update {
						c.sections[s] = got[s]
						changed = true
						continue
					}
					t.Errorf("%s:%d: %s differs\n--- got\n%s\n--- want\n%s", path, c.line, s, got[s], want)
				}
				if compared == 0 {
					t.Errorf("%s:%d: case has no expected section", path, c.line)
				}
			})
		}
		if changed {
			writeCaseFile(t, path, header, cases)
		}
	}
}
