package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/foilog/foilog/internal/config"
	"github.com/foilog/foilog/internal/diag"
	"github.com/foilog/foilog/internal/tmplexec"
)

// kinds lists the page templates a site has, each layouts/KIND.html. All
// but alias.html run inside layouts/baseof.html with the partials in
// layouts/partials/.
var kinds = []string{"home", "response", "responses", "exemptions", "exemption", "provisions",
	"taxonomy", "term", "search", "accessibility", "404"}

// templates holds one parsed template set per page kind.
type templates struct {
	byKind map[string]*template.Template
	alias  *template.Template
	// key identifies the layout files and configuration: when it changes,
	// every page must be rendered again.
	key string
	// partials runs the partials that partialCached renders; cached holds
	// their output for this build by partial name and variant.
	partials *template.Template
	mu       sync.Mutex
	cached   map[string]template.HTML
	// funcs are the template functions, which compiled layouts call too.
	funcs template.FuncMap
	// compiled holds the compiled form of each root template (a page
	// kind's baseof.html, alias.html, the list item), by kind and name.
	compiled sync.Map // string → *compiledLayout
	// noCompile makes every page go through html/template, for tests
	// that compare the two.
	noCompile bool
	// runs counts pages and items the compiled layouts rendered, and
	// fallbacks those they handed back to html/template.
	runs, fallbacks atomic.Int64
}

// A compiledLayout is a root template compiled by tmplexec after
// html/template has executed (and so escaped) it once. Workers read prog
// while the first of them stores it.
type compiledLayout struct {
	once sync.Once
	prog atomic.Pointer[tmplexec.Program] // nil until compiled, or when it cannot be
}

// run renders data with the compiled form of the root template name of
// set (key names it in t.compiled), or with html/template when it has
// none yet, cannot have one, or hands the page back. Its output is the
// same either way: tmplexec gives html/template's bytes, and falls back
// to it for anything it does not reproduce, errors included.
func (t *templates) run(key string, set *template.Template, name string, buf *bytes.Buffer, data any) error {
	if !t.noCompile {
		if c, ok := t.compiled.Load(key); ok {
			if prog := c.(*compiledLayout).prog.Load(); prog != nil {
				err := prog.Execute(buf, data)
				if err == nil {
					t.runs.Add(1)
					return nil
				}
				t.fallbacks.Add(1)
				buf.Reset()
			}
		}
	}
	if err := set.ExecuteTemplate(buf, name, data); err != nil {
		return err
	}
	if !t.noCompile {
		// Escaped now: compile it once for the pages that follow.
		c, _ := t.compiled.LoadOrStore(key, &compiledLayout{})
		p := c.(*compiledLayout)
		p.once.Do(func() {
			// A layout tmplexec does not handle stays with html/template.
			if prog, err := tmplexec.Compile(set.Lookup(name), t.funcs); err == nil {
				p.prog.Store(prog)
			}
		})
	}
	return nil
}

// layoutFile reads layouts/name from the site, else from the defaults.
func layoutFile(opts Options, name string) ([]byte, string, error) {
	p := "layouts/" + name
	if b, err := fs.ReadFile(opts.Source, p); err == nil {
		return b, p, nil
	}
	b, err := fs.ReadFile(opts.Layouts, p)
	return b, p, err
}

// partials lists partial template names from the site and the defaults.
func partials(opts Options) []string {
	seen := map[string]bool{}
	for _, fsys := range []fs.FS{opts.Source, opts.Layouts} {
		if fsys == nil {
			continue
		}
		entries, _ := fs.ReadDir(fsys, "layouts/partials")
		for _, e := range entries {
			if !e.IsDir() && strings.HasSuffix(e.Name(), ".html") {
				seen[e.Name()] = true
			}
		}
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func loadTemplates(opts Options, cfg config.Site) (*templates, diag.List) {
	var list diag.List
	h := sha256.New()
	fmt.Fprintf(h, "%+v|%v|%v\n", cfg, opts.Drafts, opts.LiveReload)
	t := &templates{byKind: map[string]*template.Template{}, cached: map[string]template.HTML{}}
	funcs := funcMap(cfg)
	funcs["partialCached"] = t.partialCached
	t.funcs = funcs
	read := func(name string) (string, string, bool) {
		b, p, err := layoutFile(opts, name)
		if err != nil {
			list.Errorf(p, 0, 0, "layout.missing", "layout %s is missing", p).Hint =
				"copy it from the layouts folder of foilog's repository into the site at this path"
			return "", p, false
		}
		h.Write([]byte(p))
		h.Write(b)
		return string(b), p, true
	}
	parse := func(t *template.Template, name string) *template.Template {
		text, p, ok := read(name)
		if !ok {
			return t
		}
		nt, err := t.New(name).Parse(text)
		if err != nil {
			line, msg := templateErrorLine(err)
			list.Errorf(p, line, 0, "layout.syntax", "%s", msg).Hint = layoutSyntaxHint
			return t
		}
		return nt
	}
	base := template.New("baseof.html").Funcs(funcs)
	base = parse(base, "baseof.html")
	for _, n := range partials(opts) {
		parse(base, "partials/"+n)
	}
	var err error
	if t.partials, err = base.Clone(); err != nil {
		list.Errorf("layouts/baseof.html", 0, 0, "layout.syntax", "%v", err).Hint = layoutSyntaxHint
	}
	for _, k := range kinds {
		c, err := base.Clone()
		if err != nil {
			list.Errorf("layouts/baseof.html", 0, 0, "layout.syntax", "%v", err).Hint = layoutSyntaxHint
			continue
		}
		parse(c, k+".html")
		t.byKind[k] = c
	}
	t.alias = parse(template.New("alias").Funcs(funcs), "alias.html")
	t.key = hex.EncodeToString(h.Sum(nil))[:16]
	return t, list
}

// layoutSyntaxHint is the hint for a layout that does not parse.
const layoutSyntaxHint = "check the template on that line: every {{ needs its }}, and every {{if}}, {{range}}, {{with}} and {{define}} its {{end}}"

// layoutHint is the hint for a layout that fails as it runs.
const layoutHint = "check the names the layout uses against the page data in internal/site/view.go, as the README explains under Changing the design"

// templateErrorLine pulls the line out of html/template's
// "template: name:12: message" errors.
func templateErrorLine(err error) (int, string) {
	msg := err.Error()
	parts := strings.SplitN(msg, ":", 4)
	if len(parts) == 4 {
		var line int
		if _, e := fmt.Sscanf(parts[2], "%d", &line); e == nil {
			return line, strings.TrimSpace(parts[3])
		}
	}
	return 0, msg
}

// templatePos finds the template file, line and column in the errors of
// text/template and html/template: "template: response.html:9:21: " or
// "html/template:baseof.html: ".
var templatePos = regexp.MustCompile(`(?:html/)?template: ?([^:\s]+)(?::(\d+))?(?::(\d+))?: `)

// layoutError turns an error from executing the templates of page into a
// diagnostic at the layout file, line and column it names (the innermost
// when a partial failed inside a page), or at "layouts" when it names
// none.
func layoutError(err error, page string) diag.Diagnostic {
	msg := err.Error()
	d := diag.Diagnostic{Path: "layouts", Severity: diag.Error, Code: "layout.execute", Hint: layoutHint}
	if all := templatePos.FindAllStringSubmatchIndex(msg, -1); len(all) > 0 {
		m := all[len(all)-1]
		d.Path = "layouts/" + msg[m[2]:m[3]]
		if m[4] >= 0 {
			d.Line, _ = strconv.Atoi(msg[m[4]:m[5]])
		}
		if m[6] >= 0 { // text/template counts columns from 0
			col, _ := strconv.Atoi(msg[m[6]:m[7]])
			d.Col = col + 1
		}
		msg = msg[m[1]:]
	}
	d.Message = fmt.Sprintf("rendering %s: %s", page, msg)
	return d
}

// item renders one response as a list item.
func (t *templates) item(v *ResponseView, heading string) (template.HTML, error) {
	var buf bytes.Buffer
	err := t.run("item", t.byKind["responses"], "partials/response-item.html", &buf, map[string]any{"Response": v, "Heading": heading})
	if err != nil {
		return "", fmt.Errorf("layout partials/response-item.html: %w", err)
	}
	return template.HTML(buf.String()), nil // html/template output, already escaped
}

// partialCached renders the partial name with data once per build and
// variant, and returns the same HTML to every later call with the same
// name and variants, as Hugo's partialCached does. The variants must
// name everything the partial's output depends on besides the site:
//
//	{{partialCached "partials/header.html" . .Kind .NavPath}}
func (t *templates) partialCached(name string, data any, variants ...any) (template.HTML, error) {
	var k strings.Builder
	k.WriteString(name)
	for _, v := range variants {
		k.WriteByte(0)
		switch v := v.(type) {
		case string:
			k.WriteString(v)
		case int:
			k.WriteString(strconv.Itoa(v))
		default:
			fmt.Fprint(&k, v)
		}
	}
	key := k.String()
	t.mu.Lock()
	h, ok := t.cached[key]
	t.mu.Unlock()
	if ok {
		return h, nil
	}
	var buf bytes.Buffer
	if err := t.run("partial|"+name, t.partials, name, &buf, data); err != nil {
		return "", err
	}
	h = template.HTML(buf.String()) // html/template output, already escaped
	t.mu.Lock()
	t.cached[key] = h
	t.mu.Unlock()
	return h, nil
}

// pageBuffers are the buffers pages are rendered into, kept between
// pages so that each page costs one allocation of its exact size.
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// execute renders a page with its kind's template set.
func (t *templates) execute(kind string, data any) ([]byte, error) {
	buf := pageBuffers.Get().(*bytes.Buffer)
	defer pageBuffers.Put(buf)
	buf.Reset()
	var err error
	if kind == "alias" {
		err = t.run(kind, t.alias, t.alias.Name(), buf, data)
	} else {
		err = t.run(kind, t.byKind[kind], "baseof.html", buf, data)
	}
	if err != nil {
		return nil, fmt.Errorf("layout %s: %w", kind, err)
	}
	return bytes.Clone(buf.Bytes()), nil
}

// responsePageIDs are the element ids of the default response page
// outside its body: headings of the body never take them.
var responsePageIDs = []string{"main", "site-search-q", "about-this-response", "attachments-heading",
	"related-heading", "link-heading", "footer-contact", "footer-site"}

// navLinks is the main navigation.
var navLinks = []Crumb{{"Responses", "responses/"}, {"Exemptions", "exemptions/"}, {"Forces", "forces/"},
	{"Topics", "topics/"}, {"Years", "years/"}, {"Search", "search/"}}

func funcMap(cfg config.Site) template.FuncMap {
	base := cfg.BasePath()
	return template.FuncMap{
		// relURL turns a site path into a root-relative URL under the base path.
		"relURL": func(p string) string { return base + strings.TrimPrefix(p, "/") },
		// absURL turns a site path into an absolute URL when the base URL has a host.
		"absURL": func(p string) string { return cfg.AbsURL(p) },
		// plural picks the singular or plural word for n.
		"plural": plural,
		"add":    func(a, b int) int { return a + b },
		// pathBase returns the last element of a path.
		"pathBase": path.Base,
		"lower":    strings.ToLower,
		"join":     strings.Join,
		// dict builds a map from alternating keys and values, to pass several
		// values to a partial.
		"dict": func(kv ...any) (map[string]any, error) {
			if len(kv)%2 != 0 {
				return nil, fmt.Errorf("dict needs pairs of keys and values")
			}
			m := make(map[string]any, len(kv)/2)
			for i := 0; i < len(kv); i += 2 {
				k, ok := kv[i].(string)
				if !ok {
					return nil, fmt.Errorf("dict key %v is not a string", kv[i])
				}
				m[k] = kv[i+1]
			}
			return m, nil
		},
		// navLinks lists the main navigation.
		"navLinks": func() []Crumb { return navLinks },
		// capitalize upper-cases the first letter, for a value that starts
		// a sentence or a table cell: "qualified, prejudice-based".
		"capitalize": func(s string) string {
			r, size := utf8.DecodeRuneInString(s)
			return string(unicode.ToUpper(r)) + s[size:]
		},
		// replaceLang turns a BCP 47 tag into an Open Graph locale: en-GB → en_GB.
		"replaceLang": func(s string) string { return strings.ReplaceAll(s, "-", "_") },
	}
}
