package markdown

import (
	"strconv"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// kindTableWrap is the kind of tableWrap nodes.
var kindTableWrap = ast.NewNodeKind("TableWrap")

// tableWrap is a block around a table that renders as a focusable, labelled
// scroll container, so that wide tables scroll on small screens and keyboard
// users can scroll them.
type tableWrap struct {
	ast.BaseBlock
	// Index is the 1-based number of the table in its document.
	Index int
}

// Kind implements ast.Node.
func (*tableWrap) Kind() ast.NodeKind { return kindTableWrap }

// Dump implements ast.Node.
func (n *tableWrap) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Index": strconv.Itoa(n.Index)}, nil)
}

// nodeRenderer renders the nodes whose HTML foilog decides itself: code
// blocks, links, images, autolinks, raw HTML (as nothing), table wrappers and
// task-list check boxes. It is stateless apart from chroma's internally
// synchronised style cache, so it is safe for concurrent use.
type nodeRenderer struct {
	formatter *chromahtml.Formatter
	style     *chroma.Style // required by chroma's API; unused with classes
	writer    ghtml.Writer
}

func newNodeRenderer() *nodeRenderer {
	return &nodeRenderer{
		formatter: chromahtml.New(chromahtml.WithClasses(true), chromahtml.WithPreWrapper(noPreWrapper{})),
		style:     lightStyle(),
		writer:    ghtml.DefaultWriter,
	}
}

// noPreWrapper lets renderCode write the <pre> and <code> elements itself.
type noPreWrapper struct{}

func (noPreWrapper) Start(bool, string) string { return "" }
func (noPreWrapper) End(bool) string           { return "" }

// RegisterFuncs implements renderer.NodeRenderer.
func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, r.renderCode)
	reg.Register(ast.KindCodeBlock, r.renderCode)
	reg.Register(ast.KindLink, r.renderLink)
	reg.Register(ast.KindImage, r.renderImage)
	reg.Register(ast.KindAutoLink, r.renderAutoLink)
	reg.Register(ast.KindRawHTML, renderNothing)
	reg.Register(ast.KindHTMLBlock, renderNothing)
	reg.Register(kindTableWrap, r.renderTableWrap)
	reg.Register(extast.KindTaskCheckBox, r.renderTaskCheckBox)
}

// renderNothing drops a node and its children. Raw HTML is removed by the
// transformer already; this is a second line of defence.
func renderNothing(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) {
	return ast.WalkSkipChildren, nil
}

// maxHighlight is the size in bytes above which code is not highlighted, to
// bound the time chroma's regular expressions may take.
const maxHighlight = 64 << 10

// renderCode writes a code block. A fenced block whose language chroma knows
// is highlighted with classes:
//
//	<pre class="chroma" tabindex="0"><code class="language-go" data-lang="go">…</code></pre>
//
// Anything else, and code longer than maxHighlight, is escaped plain text in
// <pre tabindex="0"><code>. The
// tabindex lets keyboard users scroll long lines.
func (r *nodeRenderer) renderCode(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	code := codeText(n, src)
	if fc, ok := n.(*ast.FencedCodeBlock); ok && fc.Info != nil && len(code) <= maxHighlight {
		lang := language(fc.Info.Segment.Value(src))
		if lexer := lexerFor(lang); lexer != nil {
			if it, err := lexer.Tokenise(nil, code); err == nil {
				var buf bufWriter
				if err := r.formatter.Format(&buf, r.style, it); err == nil {
					_, _ = w.WriteString(`<pre class="chroma" tabindex="0"><code class="language-`)
					_, _ = w.WriteString(lang)
					_, _ = w.WriteString(`" data-lang="`)
					_, _ = w.WriteString(lang)
					_, _ = w.WriteString(`">`)
					_, _ = w.Write(buf.Bytes())
					_, _ = w.WriteString("</code></pre>\n")
					return ast.WalkSkipChildren, nil
				}
			}
		}
	}
	_, _ = w.WriteString(`<pre tabindex="0"><code>`)
	_, _ = w.Write(util.EscapeHTML([]byte(code)))
	_, _ = w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}

// language returns the language named by a fence's info string: its first
// word, lower-cased, or "" if that word holds anything but letters, digits
// and "+#._-" or is implausibly long.
func language(info []byte) string {
	s := strings.TrimSpace(string(info))
	if i := strings.IndexAny(s, " \t{,"); i >= 0 {
		s = s[:i]
	}
	s = strings.ToLower(s)
	if len(s) > 32 {
		return ""
	}
	for _, c := range s {
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || strings.ContainsRune("+#._-", c)) {
			return ""
		}
	}
	return s
}

// lexerFor returns the chroma lexer for lang, or nil if there is none or it
// is chroma's plain-text lexer.
func lexerFor(lang string) chroma.Lexer {
	if lang == "" {
		return nil
	}
	l := lexers.Get(lang)
	if l == nil || l.Config() == nil || l.Config().Name == "plaintext" {
		return nil
	}
	return chroma.Coalesce(l)
}

// renderLink writes a link to its (already checked and rewritten)
// destination.
func (r *nodeRenderer) renderLink(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="`)
	_, _ = w.Write(util.EscapeHTML(util.URLEscape(n.Destination, false)))
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		r.writer.Write(w, n.Title)
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

// renderImage writes an image with its plain-text alternative.
func (r *nodeRenderer) renderImage(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	_, _ = w.WriteString(`<img src="`)
	_, _ = w.Write(util.EscapeHTML(util.URLEscape(n.Destination, false)))
	_, _ = w.WriteString(`" alt="`)
	_, _ = w.Write(util.EscapeHTML([]byte(collapseSpace(inlineText(n, src)))))
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		r.writer.Write(w, n.Title)
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	return ast.WalkSkipChildren, nil
}

// renderAutoLink writes an autolink or a linkified URL or e-mail address.
func (r *nodeRenderer) renderAutoLink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.AutoLink)
	u := n.URL(src)
	_, _ = w.WriteString(`<a href="`)
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(string(u)), "mailto:") {
		_, _ = w.WriteString("mailto:")
	}
	_, _ = w.Write(util.EscapeHTML(util.URLEscape(u, false)))
	_, _ = w.WriteString(`">`)
	_, _ = w.Write(util.EscapeHTML(n.Label(src)))
	_, _ = w.WriteString("</a>")
	return ast.WalkContinue, nil
}

// renderTableWrap writes the scroll container around a table.
func (r *nodeRenderer) renderTableWrap(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		n := node.(*tableWrap)
		_, _ = w.WriteString(`<div class="table-wrap" tabindex="0" role="region" aria-label="Table `)
		_, _ = w.WriteString(strconv.Itoa(n.Index))
		_, _ = w.WriteString("\">\n")
	} else {
		_, _ = w.WriteString("</div>\n")
	}
	return ast.WalkContinue, nil
}

// renderTaskCheckBox writes a read-only check box with an accessible name.
func (r *nodeRenderer) renderTaskCheckBox(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	if node.(*extast.TaskCheckBox).IsChecked {
		_, _ = w.WriteString(`<input type="checkbox" checked disabled aria-label="Done"> `)
	} else {
		_, _ = w.WriteString(`<input type="checkbox" disabled aria-label="Not done"> `)
	}
	return ast.WalkContinue, nil
}
