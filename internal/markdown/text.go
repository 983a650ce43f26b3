package markdown

import (
	"bytes"
	"fmt"
	"html"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	ghtml "github.com/yuin/goldmark/renderer/html"
)

// extract fills the plain-text fields of out from the transformed document.
func extract(doc ast.Node, src []byte, lines lineIndex, out *Document) {
	x := &extractor{src: src, lines: lines, out: out}
	x.text.Grow(len(src)) // the text is rarely longer than its Markdown
	x.block(doc)
	out.Text = strings.TrimRight(x.text.String(), "\n")
	out.Summary = x.summary()
	x.checkMergedHeadings()
}

type extractor struct {
	src   []byte
	lines lineIndex
	out   *Document
	text  strings.Builder
	// prev is the last paragraph seen and its text, for the split check.
	prev     *ast.Paragraph
	prevText string
	// paras holds every paragraph outside footnotes, in document order.
	paras []paragraph
}

type paragraph struct {
	node *ast.Paragraph
	text string
}

func (x *extractor) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		code := codeText(n, x.src)
		x.text.WriteString(code)
		if code != "" && !strings.HasSuffix(code, "\n") {
			x.text.WriteByte('\n')
		}
		return
	case *ast.HTMLBlock:
		return
	case *extast.TableHeader, *extast.TableRow:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if c != n.FirstChild() {
				x.text.WriteByte('\t')
			}
			x.text.WriteString(inlineText(c, x.src))
		}
		x.text.WriteByte('\n')
		return
	case *ast.Heading:
		s := inlineText(n, x.src)
		id, _ := n.AttributeString("id")
		idb, _ := id.([]byte)
		x.out.Headings = append(x.out.Headings, Heading{Level: n.Level, ID: string(idb), Text: collapseSpace(s)})
		x.line(s)
		return
	case *ast.Paragraph:
		s := inlineText(n, x.src)
		if !inFootnote(n) {
			x.paras = append(x.paras, paragraph{n, s})
		}
		x.checkSplit(n, s)
		x.line(s)
		return
	}
	if first := n.FirstChild(); first != nil && first.Type() == ast.TypeInline {
		x.line(inlineText(n, x.src))
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		x.block(c)
	}
}

func (x *extractor) line(s string) {
	x.text.WriteString(s)
	x.text.WriteByte('\n')
}

// checkSplit warns when paragraph p seems to continue the sentence of the
// paragraph just before it: the earlier one ends in a word or a comma and p
// starts with a lower-case letter.
func (x *extractor) checkSplit(p *ast.Paragraph, s string) {
	prev, prevText := x.prev, x.prevText
	x.prev, x.prevText = p, s
	if prev == nil || p.PreviousSibling() != prev {
		return
	}
	before := strings.TrimRightFunc(prevText, unicode.IsSpace)
	after := strings.TrimLeftFunc(s, unicode.IsSpace)
	last, _ := utf8.DecodeLastRuneInString(before)
	first, _ := utf8.DecodeRuneInString(after)
	if before == "" || after == "" || !(unicode.IsLetter(last) || unicode.IsDigit(last) || last == ',') || !unicode.IsLower(first) {
		return
	}
	pos := p.Pos()
	if p.Lines().Len() > 0 {
		pos = p.Lines().At(0).Start
	}
	line, col := x.lines.position(pos)
	// The hint names no line: Line is counted from the start of the body,
	// and the file's line numbers differ by the front-matter's length.
	x.out.Warnings = append(x.out.Warnings, Warning{Line: line, Col: col, Code: CodeSplitParagraph,
		Message: "paragraph seems to continue the sentence of the paragraph before it",
		Hint:    "if it is one paragraph, remove the blank line above it"})
}

// summary returns the collapsed text of the first paragraph at the top level
// of the document, or failing that of the first paragraph anywhere (in a
// list or a quotation), skipping paragraphs that hold only images.
func (x *extractor) summary() string {
	for _, topLevel := range []bool{true, false} {
		for _, p := range x.paras {
			if topLevel && p.node.Parent().Kind() != ast.KindDocument || onlyImages(p.node, x.src) {
				continue
			}
			if s := collapseSpace(p.text); s != "" {
				return s
			}
		}
	}
	return ""
}

// onlyImages reports whether paragraph p contains images and nothing else
// but white space.
func onlyImages(p ast.Node, src []byte) bool {
	images := 0
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Image:
			images++
		case *ast.Text:
			if len(bytes.TrimSpace(c.Segment.Value(src))) != 0 {
				return false
			}
		default:
			return false
		}
	}
	return images > 0
}

// checkMergedHeadings warns when the text of a heading of the document
// appears inside a paragraph as if a line break had been lost: at the start
// or after the end of a sentence, and followed by a capitalised word, as in
// "... these attacks. Factors against release Disclosure of ...".
func (x *extractor) checkMergedHeadings() {
	seen := map[string]bool{}
	var hs []Heading
	for _, h := range x.out.Headings {
		if strings.Contains(h.Text, " ") && !seen[h.Text] {
			seen[h.Text] = true
			hs = append(hs, h)
		}
	}
	for _, p := range x.paras {
		text := collapseSpace(p.text)
		for _, h := range hs {
			if text == h.Text || !mergedAt(text, h.Text) {
				continue
			}
			line, col := x.lines.position(x.find(p.node, h.Text))
			x.out.Warnings = append(x.out.Warnings, Warning{Line: line, Col: col, Code: CodeMergedHeading,
				Message: fmt.Sprintf("heading %q seems to be run into this paragraph", h.Text),
				Hint: fmt.Sprintf("put it on a line of its own, as %s %s, with a blank line before and after",
					strings.Repeat("#", h.Level), h.Text)})
		}
	}
}

// mergedAt reports whether heading h occurs in text at the start or after a
// sentence end, followed by a space and an upper-case letter.
func mergedAt(text, h string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], h)
		if j < 0 {
			return false
		}
		j += i
		before := strings.TrimRight(text[:j], " ")
		after := text[j+len(h):]
		last, _ := utf8.DecodeLastRuneInString(before)
		first, _ := utf8.DecodeRuneInString(strings.TrimPrefix(after, " "))
		if (before == "" || strings.ContainsRune(".!?:;", last)) && strings.HasPrefix(after, " ") && unicode.IsUpper(first) {
			return true
		}
		i = j + 1
	}
}

// find returns the source offset of s within the lines of paragraph p, or
// the offset of p's first line if s spans lines or is written with markup.
func (x *extractor) find(p *ast.Paragraph, s string) int {
	lines := p.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		if k := bytes.Index(seg.Value(x.src), []byte(s)); k >= 0 {
			return seg.Start + k
		}
	}
	if lines.Len() > 0 {
		return lines.At(0).Start
	}
	return p.Pos()
}

func inFootnote(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Kind() == extast.KindFootnote {
			return true
		}
	}
	return false
}

// inlineText returns the plain text of the inline content of n: entities
// decoded, escapes removed, markup dropped, soft line breaks as spaces and
// hard line breaks as "\n".
func inlineText(n ast.Node, src []byte) string {
	var b strings.Builder
	writeInline(&b, n, src)
	return b.String()
}

func writeInline(b *strings.Builder, n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(src)
			if c.IsRaw() {
				b.Write(v)
			} else {
				b.WriteString(decodeText(v))
			}
			switch {
			case c.HardLineBreak():
				b.WriteByte('\n')
			case c.SoftLineBreak():
				b.WriteByte(' ')
			}
		case *ast.String:
			if c.IsCode() || c.IsRaw() {
				b.Write(c.Value)
			} else {
				b.WriteString(decodeText(c.Value))
			}
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					v := t.Segment.Value(src)
					if bytes.HasSuffix(v, []byte("\n")) {
						v = append(v[:len(v)-1:len(v)-1], ' ')
					}
					b.Write(v)
				}
			}
		case *ast.AutoLink:
			b.Write(c.Label(src))
		case *ast.RawHTML, *extast.FootnoteLink, *extast.FootnoteBacklink, *extast.TaskCheckBox:
			// Not text.
		default:
			writeInline(b, c, src)
		}
	}
}

// decodeText resolves escapes and character references in a text segment the
// way goldmark's HTML writer does, then decodes the HTML it would write.
func decodeText(v []byte) string {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		return string(v)
	}
	var buf bufWriter
	ghtml.DefaultWriter.Write(&buf, v)
	return html.UnescapeString(buf.String())
}

// bufWriter adapts bytes.Buffer to goldmark's util.BufWriter.
type bufWriter struct{ bytes.Buffer }

func (*bufWriter) Flush() error    { return nil }
func (b *bufWriter) Buffered() int { return b.Len() }

// codeText returns the content of a code block verbatim.
func codeText(n ast.Node, src []byte) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	return b.String()
}

// collapseSpace trims s and replaces each run of white space with one space,
// as strings.Join(strings.Fields(s), " ") does, without allocating when s
// is already so.
func collapseSpace(s string) string {
	if collapsed(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	space := false // white space since the last word
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(r) {
			space = true
		} else {
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return string(b)
}

// collapsed reports whether s has no white space but single spaces between
// words.
func collapsed(s string) bool {
	prevSpace := true // so that leading space fails
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf { // ASCII: white space is ' ' and '\t' to '\r'
			switch {
			case c == ' ':
				if prevSpace {
					return false
				}
				prevSpace = true
			case c-'\t' <= '\r'-'\t':
				return false
			default:
				prevSpace = false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			if r != ' ' || prevSpace {
				return false
			}
			prevSpace = true
		} else {
			prevSpace = false
		}
		i += size
	}
	return !prevSpace || s == ""
}

// idSet generates heading ids that are unique within one document.
type idSet struct {
	used map[string]bool
	// next holds, for each id that has been asked for twice, the suffix
	// to try first the next time: every smaller one is taken, so a
	// document with n equal headings costs n lookups, not n²/2.
	next map[string]int
}

func newIDSet(reserved []string) idSet {
	ids := idSet{used: make(map[string]bool, len(reserved)), next: map[string]int{}}
	for _, id := range reserved {
		ids.used[id] = true
	}
	return ids
}

// generate returns an id for a heading with plain text s: lower-case letters
// and digits, words joined by "-", "heading" when nothing is left; "-1",
// "-2", ... is appended to an id already used.
func (ids idSet) generate(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case unicode.IsSpace(r) || r == '-' || r == '_':
			dash = true
		}
	}
	id := b.String()
	if id == "" {
		id = "heading"
	}
	if !ids.used[id] {
		ids.used[id] = true
		return id
	}
	for i := max(ids.next[id], 1); ; i++ {
		if c := id + "-" + strconv.Itoa(i); !ids.used[c] {
			ids.used[c] = true
			ids.next[id] = i + 1
			return c
		}
	}
}
