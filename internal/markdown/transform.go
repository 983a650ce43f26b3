package markdown

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// transformer rewrites one parsed document in place before it is rendered:
// it drops raw HTML, neutralises unsafe URLs, adds the base path, shifts
// heading levels, assigns heading ids and wraps tables. It also records the
// links, because their destinations are rewritten here.
type transformer struct {
	src   []byte
	cfg   config
	warns *[]Warning
	lines lineIndex
	links []Link
}

func newTransformer(src []byte, cfg config, warns *[]Warning) *transformer {
	return &transformer{src: src, cfg: cfg, warns: warns, lines: newLineIndex(src)}
}

func (t *transformer) transform(doc ast.Node) {
	var (
		raws      []*ast.RawHTML
		blocks    []*ast.HTMLBlock
		headings  []*ast.Heading
		tables    []*extast.Table
		linkNodes []ast.Node
	)
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.RawHTML:
			raws = append(raws, n)
		case *ast.HTMLBlock:
			blocks = append(blocks, n)
			return ast.WalkSkipChildren, nil
		case *ast.Heading:
			headings = append(headings, n)
		case *extast.Table:
			tables = append(tables, n)
		case *ast.Link, *ast.Image, *ast.AutoLink:
			linkNodes = append(linkNodes, n)
		}
		return ast.WalkContinue, nil
	})
	for _, n := range raws {
		t.rawHTML(n)
	}
	for _, n := range blocks {
		t.htmlBlock(n)
	}
	for _, n := range linkNodes {
		switch n := n.(type) {
		case *ast.Link:
			n.Destination = t.destination(n, n.Destination, false)
		case *ast.Image:
			n.Destination = t.destination(n, n.Destination, true)
		case *ast.AutoLink:
			t.autoLink(n)
		}
	}
	t.headings(headings)
	for i, n := range tables {
		wrapTable(n, i+1)
	}
}

// brTag matches the one raw HTML tag that is kept, as a line break.
var brTag = regexp.MustCompile(`(?i)^<br\s*/?>$`)

func (t *transformer) rawHTML(n *ast.RawHTML) {
	var value []byte
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		value = append(value, seg.Value(t.src)...)
	}
	parent := n.Parent()
	switch {
	case brTag.Match(value):
		br := ast.NewText()
		br.SetHardLineBreak(true)
		parent.ReplaceChild(parent, n, br)
		return
	case bytes.HasPrefix(value, []byte("<!--")):
		// Comments are the author's notes; dropping them is intended.
	default:
		pos := -1
		if n.Segments.Len() > 0 {
			pos = n.Segments.At(0).Start
		}
		t.report(pos, CodeRawHTML, fmt.Sprintf("raw HTML %s is not published", clip(string(value), 40)),
			"write it in Markdown; HTML tags are removed from the page")
	}
	parent.RemoveChild(parent, n)
	if parent.ChildCount() == 0 && parent.Kind() == ast.KindParagraph {
		if gp := parent.Parent(); gp != nil {
			gp.RemoveChild(gp, parent)
		}
	}
}

func (t *transformer) htmlBlock(n *ast.HTMLBlock) {
	if n.HTMLBlockType != ast.HTMLBlockType2 { // type 2 is <!-- comment -->
		pos := n.Pos()
		first := ""
		if n.Lines().Len() > 0 {
			seg := n.Lines().At(0)
			pos = seg.Start
			first = strings.TrimSpace(string(seg.Value(t.src)))
		}
		t.report(pos, CodeRawHTML, fmt.Sprintf("raw HTML block %s is not published", clip(first, 40)),
			"write it in Markdown; HTML blocks are removed from the page")
	}
	parent := n.Parent()
	parent.RemoveChild(parent, n)
}

// destination checks the destination of link or image n. An unsafe one
// removes n, keeping its content, and returns nil. A safe one is recorded in
// t.links and returned decoded, with the base path added when root-relative.
func (t *transformer) destination(n ast.Node, raw []byte, image bool) []byte {
	dest := decodeDestination(raw)
	if !isSafeURL(dest) {
		t.reportUnsafe(n.Pos(), dest, image)
		unwrap(n)
		return nil
	}
	t.links = append(t.links, Link{Destination: dest, Line: t.lines.line(n.Pos()), Image: image})
	return []byte(withBasePath(t.cfg.basePath, dest))
}

func (t *transformer) autoLink(n *ast.AutoLink) {
	u := string(n.URL(t.src))
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(u), "mailto:") {
		u = "mailto:" + u
	}
	if !isSafeURL(u) || !isSafeURL(decodeDestination([]byte(u))) {
		t.reportUnsafe(n.Pos(), u, false)
		s := ast.NewString(n.Label(t.src))
		s.SetRaw(true)
		parent := n.Parent()
		parent.ReplaceChild(parent, n, s)
		return
	}
	t.links = append(t.links, Link{Destination: u, Line: t.lines.line(n.Pos())})
}

func (t *transformer) reportUnsafe(pos int, dest string, image bool) {
	what, kept := "link", "its text is kept"
	if image {
		what, kept = "image", "its alternative text is kept"
	}
	t.report(pos, CodeUnsafeLink,
		fmt.Sprintf("%s destination %q is not allowed, so the %s is removed", what, clip(dest, 60), what),
		"use a relative path or an http, https, mailto or tel URL; "+kept)
}

// headings shifts levels so that there is no h1, removes a heading's sole
// <strong>, and assigns unique ids.
func (t *transformer) headings(hs []*ast.Heading) {
	shift := false
	for _, h := range hs {
		if h.Level == 1 {
			shift = true
		}
	}
	ids := newIDSet(t.cfg.reserved)
	for _, h := range hs {
		if c, ok := h.FirstChild().(*ast.Emphasis); ok && c.Level == 2 && h.ChildCount() == 1 {
			unwrap(c)
		}
		if shift && h.Level < 6 {
			h.Level++
		}
		h.SetAttributeString("id", []byte(ids.generate(collapseSpace(inlineText(h, t.src)))))
	}
}

// wrapTable puts table n, the index-th table of its document, inside a
// focusable scroll container, and turns cell alignments into classes.
func wrapTable(n *extast.Table, index int) {
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			if cell, ok := c.(*extast.TableCell); ok && cell.Alignment != extast.AlignNone {
				cell.SetAttributeString("class", []byte("align-"+cell.Alignment.String()))
			}
		}
	}
	w := &tableWrap{Index: index}
	parent := n.Parent()
	parent.InsertBefore(parent, n, w)
	w.AppendChild(w, n)
}

// unwrap replaces n by its children.
func unwrap(n ast.Node) {
	parent := n.Parent()
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, n, c)
		c = next
	}
	parent.RemoveChild(parent, n)
}

func (t *transformer) report(pos int, code, msg, hint string) {
	line, col := t.lines.position(pos)
	*t.warns = append(*t.warns, Warning{Line: line, Col: col, Code: code, Message: msg, Hint: hint})
}

// sortWarnings orders ws by position, then code, then message.
func sortWarnings(ws []Warning) {
	sort.SliceStable(ws, func(i, j int) bool {
		a, b := ws[i], ws[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		if a.Code != b.Code {
			return a.Code < b.Code
		}
		return a.Message < b.Message
	})
}

// clip shortens s to at most n runes for a message, marking the cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// lineIndex maps byte offsets in a source to 1-based lines and columns.
type lineIndex struct {
	src    []byte
	starts []int // offsets at which lines start
	// last is the offset and column of the position asked for last, so
	// that asking for the positions of one long line in order counts its
	// characters once rather than once for every position.
	last *lineMark
}

type lineMark struct{ line, pos, col int }

func newLineIndex(src []byte) lineIndex {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return lineIndex{src: src, starts: starts, last: &lineMark{}}
}

// line returns the 1-based line of offset pos, or 0 if pos is negative.
func (idx lineIndex) line(pos int) int {
	if pos < 0 {
		return 0
	}
	pos = min(pos, len(idx.src))
	return sort.Search(len(idx.starts), func(i int) bool { return idx.starts[i] > pos })
}

// position returns the 1-based line and column (counted in characters) of
// offset pos, or 0, 0 if pos is negative.
func (idx lineIndex) position(pos int) (line, col int) {
	if pos < 0 {
		return 0, 0
	}
	pos = min(pos, len(idx.src))
	line = idx.line(pos)
	from, col := idx.starts[line-1], 1
	if m := idx.last; m.line == line && m.pos <= pos {
		from, col = m.pos, m.col
	}
	col += utf8.RuneCount(idx.src[from:pos])
	*idx.last = lineMark{line, pos, col}
	return line, col
}
