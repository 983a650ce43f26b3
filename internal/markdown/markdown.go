package markdown

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/foilog/foilog/internal/diag"
)

// Option configures a Renderer; pass options to New.
type Option func(*config)

type config struct {
	basePath string
	reserved []string
}

// WithReservedIDs names ids that the page around the body already uses
// (such as "main"): a heading whose id would be one of them gets the next
// free suffix instead ("main-1"), so that no page has two elements with
// one id and every link to a heading lands on it.
func WithReservedIDs(ids ...string) Option {
	return func(c *config) { c.reserved = append(c.reserved, ids...) }
}

// WithBasePath sets the path under which the site is served, such as
// "/foi/". Root-relative link and image destinations in the body are
// prefixed with it ("/responses/x/" becomes "/foi/responses/x/"). The path
// is normalised to begin and end with a slash; "" and "/" (the default)
// leave destinations unchanged. If p is a full URL, only its path is used.
// Authors write links relative to the site root: a destination that already
// starts with the base path is prefixed again.
func WithBasePath(p string) Option {
	return func(c *config) { c.basePath = normaliseBasePath(p) }
}

// normaliseBasePath returns p as "/" or "/a/b/".
func normaliseBasePath(p string) string {
	p = strings.TrimSpace(p)
	if strings.Contains(p, "://") {
		if u, err := url.Parse(p); err == nil {
			p = u.Path
		}
	}
	if p == "" {
		return "/"
	}
	p = path.Clean("/" + p)
	if p == "/" {
		return "/"
	}
	return p + "/"
}

// Renderer converts Markdown bodies to HTML. Create one with New and reuse it;
// it is safe for concurrent use.
type Renderer struct {
	cfg config
	md  goldmark.Markdown
}

// New returns a Renderer configured with opts. All goldmark configuration
// happens here; Convert never changes it.
func New(opts ...Option) *Renderer {
	cfg := config{basePath: "/"}
	for _, o := range opts {
		o(&cfg)
	}
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.NewLinkify(extension.WithLinkifyAllowedProtocols([]string{"http:", "https:"})),
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
			extension.Strikethrough,
			extension.TaskList,
			extension.NewFootnote(),
			extension.DefinitionList,
		),
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(util.Prioritized(newNodeRenderer(), 100)),
		),
	)
	return &Renderer{cfg: cfg, md: md}
}

// Document is the result of converting one Markdown body.
type Document struct {
	// HTML is a safe HTML fragment: no raw HTML from the source, no unsafe
	// URLs, no h1, no style attributes.
	HTML []byte
	// Text is the plain text of the whole body, for search and lint. Each
	// block (paragraph, heading, list item, table row, definition term, code
	// block line) ends at a "\n"; table cells are separated by "\t"; inline
	// markup is removed and entities are decoded; code is included verbatim;
	// dropped raw HTML is not. Footnotes come last. No trailing newline.
	Text string
	// Summary is the plain text of the first paragraph, with runs of white
	// space collapsed to one space. A paragraph at the top level of the body
	// is preferred to one inside a list or quotation; headings, tables,
	// tight-list items, footnotes and paragraphs holding only images never
	// count. "" when there is no such paragraph.
	Summary string
	// Headings lists every heading in document order, at its rendered level.
	Headings []Heading
	// Links lists every link and image destination in document order,
	// including autolinks and bare URLs. Destinations are as the author wrote
	// them, with escapes and entities decoded and before the base path is
	// added. Links removed because their scheme is unsafe are not listed;
	// they are reported in Warnings instead.
	Links []Link
	// Warnings lists fixable problems in the body, ordered by position:
	// raw HTML that was dropped (CodeRawHTML), links removed for an unsafe
	// scheme (CodeUnsafeLink), paragraphs that seem to continue the previous
	// paragraph's sentence (CodeSplitParagraph) and heading text run into a
	// paragraph (CodeMergedHeading). Use Diagnostics to report them.
	Warnings []Warning
}

// Warning is a fixable problem in a Markdown body. The output is safe
// regardless; a warning tells the author that the page will not look as they
// meant.
type Warning struct {
	// Line and Col are the 1-based position in the source passed to Convert;
	// Col counts characters.
	Line, Col int
	// Code is one of the Code constants, without the "markdown." prefix that
	// Diagnostics adds.
	Code    string
	Message string
	// Hint suggests a fix.
	Hint string
}

// Codes of Warnings.
const (
	CodeRawHTML        = "raw-html"
	CodeUnsafeLink     = "unsafe-link"
	CodeSplitParagraph = "split-paragraph"
	CodeMergedHeading  = "merged-heading"
)

// Diagnostics returns d.Warnings as warnings for the file at path whose
// Markdown body begins on line bodyLine (1-based) of that file, with codes
// such as "markdown.raw-html". It returns nil if there are no warnings.
func (d *Document) Diagnostics(path string, bodyLine int) diag.List {
	var l diag.List
	for _, w := range d.Warnings {
		l.Add(diag.Diagnostic{Path: path, Line: bodyLine + w.Line - 1, Col: w.Col, Severity: diag.Warning,
			Code: "markdown." + w.Code, Message: w.Message, Hint: w.Hint})
	}
	return l
}

// Heading is one heading of a Document.
type Heading struct {
	// Level is the rendered level, 2 to 6: the body never has an h1.
	Level int
	// ID is the id attribute, unique within the document.
	ID string
	// Text is the heading's plain text with white space collapsed.
	Text string
}

// Link is one link or image destination of a Document.
type Link struct {
	// Destination is the URL as written, escapes and entities decoded.
	Destination string
	// Line is the 1-based line in the source where the link starts.
	Line int
	// Image reports whether the destination is an image source.
	Image bool
}

// Convert renders src, a Markdown body without front-matter. It is safe for
// concurrent use. It returns a *TooComplexError, without parsing src, when
// src passes one of the limits in limits.go (nesting of quotes, lists and
// brackets; a paragraph's lines times its brackets; footnotes times their
// references; table cells left out), past which goldmark takes time that
// grows with the square of the body's size; otherwise the error is non-nil only if
// goldmark fails to render, which does not happen for any input with the
// built-in renderers.
func (r *Renderer) Convert(src []byte) (*Document, error) {
	if err := checkLimits(src); err != nil {
		return nil, err
	}
	doc := r.md.Parser().Parse(text.NewReader(src), parser.WithContext(parser.NewContext()))
	out := &Document{}
	t := newTransformer(src, r.cfg, &out.Warnings)
	t.transform(doc)
	var buf bytes.Buffer
	buf.Grow(len(src) + len(src)/2)
	if err := r.md.Renderer().Render(&buf, src, doc); err != nil {
		return nil, fmt.Errorf("render markdown: %w", err)
	}
	out.HTML = buf.Bytes()
	out.Links = t.links
	extract(doc, src, t.lines, out)
	sortWarnings(out.Warnings)
	return out, nil
}

// LinkColumns returns the column (1-based, in characters) of each of
// links in body, the Markdown they were found in: where the destination
// is written on the link's line, after the previous link's on that line.
// It is 1 when the destination is not written there as decoded (defined
// on another line, as in a reference link, or with entities).
func LinkColumns(body []byte, links []Link) []int {
	lines := strings.Split(string(body), "\n")
	cols := make([]int, len(links))
	after := map[int]int{} // line → byte offset just past its last match
	for i, l := range links {
		cols[i] = 1
		if l.Line < 1 || l.Line > len(lines) || l.Destination == "" {
			continue
		}
		text, from := lines[l.Line-1], after[l.Line]
		if j := strings.Index(text[from:], l.Destination); j >= 0 {
			cols[i] = utf8.RuneCountInString(text[:from+j]) + 1
			after[l.Line] = from + j + len(l.Destination)
		}
	}
	return cols
}
