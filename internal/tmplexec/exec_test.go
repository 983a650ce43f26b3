package tmplexec

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"strings"
	"testing"
)

// The tests execute each template with html/template, which escapes it,
// then with a Program compiled from the escaped tree, and compare.

type day struct{ y, m, d int }

func (d day) String() string   { return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d) }
func (d day) Long() string     { return fmt.Sprintf("%d/%d/%d", d.d, d.m, d.y) }
func (d day) IsZero() bool     { return d == day{} }
func (d day) Year() int        { return d.y }
func (d *day) Pointer() string { return "pointer method" }

type outcome string

func (o outcome) Label() string { return strings.ToUpper(string(o)) }

type link struct {
	Title string
	Path  string
}

type item struct {
	Title    string
	Date     day
	Outcome  outcome
	Links    []link
	Body     template.HTML
	URL      template.URL
	Count    int
	Draft    bool
	Next     *item
	Extra    map[string]any
	Names    []string
	Embedded // its fields and methods are promoted
}

type Embedded struct{ Note string }

func (e Embedded) Shout(s string) string { return strings.ToUpper(s) + "!" }

func (it *item) Heading(level string) template.HTML {
	return template.HTML("<" + level + ">" + template.HTMLEscapeString(it.Title) + "</" + level + ">")
}

func (it item) Fails() (string, error) { return "", errors.New("method failed") }

func (it item) Panics() string {
	var m map[string]int
	m["x"] = 1 // a nil map: panics, as a careless method of a custom layout's data might
	return ""
}

var funcs = template.FuncMap{
	"relURL": func(p string) string { return "/foi/" + strings.TrimPrefix(p, "/") },
	"plural": func(n int, one, many string) string {
		if n == 1 {
			return one
		}
		return many
	},
	"dict": func(kv ...any) (map[string]any, error) {
		if len(kv)%2 != 0 {
			return nil, errors.New("dict needs pairs")
		}
		m := map[string]any{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		return m, nil
	},
	"join":  strings.Join,
	"fail":  func() (string, error) { return "", errors.New("function failed") },
	"boom":  func() string { panic("boom") },
	"first": func(xs []link) link { return xs[0] },
	"html2": func(s string) template.HTML { return template.HTML("<b>" + s + "</b>") },
}

func sample() *item {
	return &item{
		Title: `Stop & search "figures" <2023> it's +1`, Date: day{2024, 3, 9}, Outcome: "partial",
		Links: []link{{"One", "responses/one/"}, {"Two & two", "responses/two?x=1&y=<2>"}, {"Bad", "javascript:alert(1)"}},
		Body:  "<p>Body with <em>HTML</em> &amp; entities</p>", URL: "https://example.org/a b?q=1",
		Count: 3, Extra: map[string]any{"Heading": "h3", "N": 1, "List": []string{"a", "b"}},
		Names: []string{"x", "y"}, Embedded: Embedded{"note"},
		Next: &item{Title: "Next one", Date: day{2023, 1, 2}},
	}
}

// supported are templates a Program runs without falling back.
var supported = []string{
	`<p>{{.Title}}</p>`,
	`<title>{{.Title}} – site</title>`,
	`<a title="{{.Title}}" href="/search?q={{.Title}}">{{.Title}}</a>`,
	`{{range .Links}}<a href="{{relURL .Path}}">{{.Title}}</a>{{end}}`,
	`{{range $i, $l := .Links}}{{if $i}}, {{end}}<a href="{{$l.Path}}">{{$l.Title}}</a>{{end}}`,
	`{{range $l := .Links}}{{$l.Title}}{{$.Count}}{{end}}`,
	`{{range .Names}}{{.}}{{else}}none{{end}}|{{range .Next.Names}}{{.}}{{else}}none{{end}}`,
	`{{with .Next}}{{.Title}} {{.Date.Long}}{{else}}no next{{end}}`,
	`{{with .Next.Next}}{{.Title}}{{else with .Next}}second {{.Title}}{{end}}`,
	`{{if .Draft}}draft{{else if .Count}}{{.Count}} {{plural .Count "response" "responses"}}{{end}}`,
	`{{if not .Date.IsZero}}<time datetime="{{.Date}}">{{.Date.Long}}</time>{{end}}`,
	`{{printf "years/%d/" .Date.Year}} {{print .Count "x" 2}} {{.Outcome}} {{.Outcome.Label}}`,
	`<a href="{{relURL (printf "years/%d/" .Date.Year)}}">{{.Date.Year}}</a>`,
	`{{.Body}}<div title="{{.Title}}">{{.URL}}</div><a href="{{.URL}}">u</a>`,
	`{{$h := "h2"}}{{if .Draft}}{{$h = "h3"}}{{else}}{{$h = "h4"}}{{end}}{{.Heading $h}}`,
	`{{.Heading .Extra.Heading}} {{.Extra.N}} {{len .Extra.List}} {{len .Title}} {{len .Links}}`,
	`{{template "part" (dict "Item" . "Level" "h2")}}`,
	`{{template "part" dict "Item" .Next "Level" "h5"}}{{template "plain"}}`,
	`{{if and .Count .Draft}}a{{end}}{{if or .Draft .Count}}b{{end}}{{and .Count .Title}}{{or .Draft "fallback"}}`,
	`{{if eq .Outcome "partial"}}p{{end}}{{if ne .Count 3}}n{{end}}{{if gt .Count 2}}g{{end}}{{if lt 1 .Count}}l{{end}}{{if le .Count 3}}e{{end}}{{if ge .Count 4}}x{{end}}{{if eq .Count 1 2 3}}any{{end}}`,
	`{{if eq .Draft false}}f{{end}}{{.Count | printf "%03d"}} {{.Title | len}}`,
	`{{.Note}} {{.Shout "hi"}} {{.Date.Pointer}} {{join .Names ", "}}`,
	`{{with first .Links}}<a href="{{relURL .Path}}">{{.Title}}</a>{{end}}`,
	`{{html2 .Title}} <a title="{{.Outcome.Label}}">`,
	`{{/* a comment */}}{{- .Title -}}  {{"a string" }} {{true}} {{7}}`,
	`{{with $x := .Next}}{{$x.Title}}{{end}}{{.Title}}`,
	`{{range $i, $n := .Names}}{{$i}}{{$n}}{{range $.Names}}{{$n}}{{.}}{{end}}{{end}}`,
}

func layouts(t testing.TB, text string) *template.Template {
	t.Helper()
	tpl := template.Must(template.New("page").Funcs(funcs).Parse(text))
	template.Must(tpl.New("part").Parse(`{{with .Item}}<li>{{$.Level}}{{.Heading $.Level}}<a href="{{relURL .Date.String}}">{{.Title}}</a></li>{{end}}`))
	template.Must(tpl.New("plain").Parse(`<hr>`))
	return tpl
}

// both executes tpl with html/template (escaping it) and then compiled,
// and returns both outputs and the Program's error.
func both(t testing.TB, tpl *template.Template, data any) (want, got string, err error) {
	t.Helper()
	var w bytes.Buffer
	if err := tpl.Execute(&w, data); err != nil {
		return "", "", fmt.Errorf("html/template: %w", err)
	}
	p, err := Compile(tpl, funcs)
	if err != nil {
		return w.String(), "", err
	}
	var g bytes.Buffer
	err = p.Execute(&g, data)
	return w.String(), g.String(), err
}

func TestSameAsHTMLTemplate(t *testing.T) {
	for _, text := range supported {
		for _, data := range []*item{sample(), {Outcome: "refused", Names: []string{}, Next: &item{},
			Links: []link{{"Only", "/only/"}}, Extra: map[string]any{"Heading": "h2", "N": 0, "List": []string(nil)}}} {
			want, got, err := both(t, layouts(t, text), data)
			if err != nil {
				t.Errorf("%s: %v", text, err)
				continue
			}
			if got != want {
				t.Errorf("%s:\n got %q\nwant %q", text, got, want)
			}
		}
	}
}

// TestFallsBack: what a Program does not handle is refused at Compile or
// reported by Execute, never printed differently.
func TestFallsBack(t *testing.T) {
	for _, c := range []struct {
		text    string
		compile bool // refused by Compile rather than Execute
	}{
		{`<a href="{{relURL (index .Links 0).Path}}">`, true}, // index is not handled
		{`<script>var x = {{.Title}};</script>`, true},        // JS escaper
		{`<p style="color: {{.Title}}">`, true},               // CSS escaper
		{`<a title={{.Title}}>`, true},                        // unquoted attribute
		{`{{range $i := 3}}{{.}}{{end}}`, false},              // range over an int
		{`{{range .Extra}}{{.}}{{end}}`, false},               // range over a map
		{`{{range .Links}}{{break}}{{end}}`, true},            // break
		{`{{.Extra.Missing}}`, false},                         // missing key
		{`{{.Next.Next.Title}}`, false},                       // nil pointer
		{`<a title="{{.Body}}">`, false},                      // HTML in an attribute
		{`{{.Fails}}`, false},                                 // method error
		{`{{fail}}`, false},                                   // function error
		{`{{.Panics}}`, false},                                // a method that panics
		{`{{boom}}`, false},                                   // a function that panics
		{`{{.Pointer}}`, false},                               // pointer method of a value that is not addressable
		{`{{printf "%v" .Extra.Missing}}`, false},             // missing key as an argument
		{`{{if eq .Count "3"}}x{{end}}`, false},               // incomparable kinds
		{`{{if lt .Draft true}}x{{end}}`, false},              // unordered kind
		{`{{1.5}}`, true},
		{`{{(first .Links).Title}}`, true},                     // a field of a parenthesised pipeline                                      // float constant
		{`{{.Next}}`, false},                                   // printing a pointer
		{`<a href="{{relURL .Count}}">`, false},                // wrong argument type
		{`{{template "plain" .}}{{template "missing"}}`, true}, // undefined template
	} {
		tpl := layouts(t, c.text)
		var w bytes.Buffer
		herr := tpl.Execute(&w, sample()) // escapes it, or fails as the page would
		p, err := Compile(tpl, funcs)
		if c.compile {
			if err == nil {
				t.Errorf("%s: Compile accepted it", c.text)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: Compile refused it: %v", c.text, err)
			continue
		}
		var g bytes.Buffer
		if err := p.Execute(&g, sample()); err == nil {
			t.Errorf("%s: executed without falling back: %q (html/template: %q, %v)", c.text, g.String(), w.String(), herr)
		} else if !errors.Is(err, errFallback) {
			t.Errorf("%s: %v is not a fallback", c.text, err)
		}
	}
}

// FuzzEscapers compares the escaped output of text, attributes, URLs and
// RCDATA for any strings.
func FuzzEscapers(f *testing.F) {
	for _, s := range []string{"", "plain", `<script>alert("x")</script>`, "a&b&amp;c", "it's +1",
		"javascript:alert(1)", "JaVaScRiPt:x", "mailto:a@b.c", "/path/to?q=1&r=2#frag", "%zz%41%4", "%",
		"héllo wörld ✓", "\x00nul", "\xff\xfe invalid", "\ufdd0\uffff", "data:text/html,x", "a b\tc\nd",
		"HTTP://x", "//evil.example", "../../etc", "x:y/z", "?:", "#:"} {
		f.Add(s, s, 1)
	}
	const text = `<title>{{.Title}}</title><p title="{{.Title}}">{{.Title}}</p>` +
		`<a href="{{.Title}}">a</a><a href="/s?q={{.Title}}&amp;r={{.Note}}">b</a><a href="{{relURL .Note}}">c</a>` +
		`{{.Body}}<a href="{{.URL}}">{{.URL}}</a><a href="/x/{{.URL}}">d</a><title>{{.Body}}</title>` +
		`{{if eq .Title .Note}}same{{end}}{{len .Title}} {{printf "%q %d" .Note .Count}} {{.Outcome.Label}}`
	f.Fuzz(func(t *testing.T, a, b string, n int) {
		data := &item{Title: a, Embedded: Embedded{Note: b}, Body: template.HTML(b), URL: template.URL(a),
			Count: n, Outcome: outcome(a)}
		want, got, err := both(t, layouts(t, text), data)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Fatalf("got  %q\nwant %q", got, want)
		}
	})
}
