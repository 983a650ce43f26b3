package markdown

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"

	"github.com/foilog/foilog/internal/diag"
)

// Limits on the structure of a body. goldmark takes time that grows with
// the square of the depth of nested block containers, of nested link
// brackets, and of the length of the link destinations it tries on one
// line: a 200 KB body of "> > > …" takes 17 seconds, and a response may be
// 4 MB. It also takes time that grows with the product of two counts: the
// lines of a paragraph and the "[ ]" pairs in it (for each pair it looks
// for the pair's line from the paragraph's end), the footnotes and the
// references to footnotes (it looks each reference up in a list), and a
// table's columns and its rows (it fills in every cell a row leaves out).
// Pairing marks of emphasis takes time that grows with the square of their
// number in a paragraph when many cannot pair: 400 KB of "*a_ " takes 100
// seconds. No letter comes near these limits.
const (
	// MaxNesting is the deepest nesting of block quotes, list items and
	// footnote definitions that Convert renders.
	MaxNesting = 32
	// MaxBrackets is the deepest nesting of "[" within one paragraph.
	MaxBrackets = 32
	// MaxOpenDestinations is how many link destinations ("](") on one
	// line may run on for more than longDestination characters.
	MaxOpenDestinations = 32
	longDestination     = 256
	// MaxBracketLines is the most that the number of lines of a paragraph
	// times the number of "[ ]" pairs in it may be. Link definitions
	// ("[name]: address") with no blank line between them are one
	// paragraph.
	MaxBracketLines = 1_000_000
	// MaxFootnoteRefs is the most that the number of footnotes ("[^n]:")
	// times the number of references to footnotes ("[^n]") may be.
	MaxFootnoteRefs = 10_000_000
	// MaxEmptyCells is how many cells the rows of all tables together may
	// leave out, counting for each row the columns of its table's
	// dividing line ("|---|---|") that it has no cell for.
	MaxEmptyCells = 100_000
	// MaxEmphasisWork is the most steps that goldmark may take, in all
	// paragraphs together, to pair the marks of emphasis ("*", "_", "~")
	// and to close links whose text holds such a mark. For each mark that
	// may end emphasis it may look at every mark before it in the
	// paragraph, and for each such link at everything before it.
	MaxEmphasisWork = 100_000_000
)

// Codes of the problems in a TooComplexError.
const (
	CodeDeepNesting      = "deep-nesting"
	CodeDeepBrackets     = "deep-brackets"
	CodeOpenDestinations = "open-destinations"
	CodeBracketLines     = "bracket-lines"
	CodeFootnoteRefs     = "footnote-refs"
	CodeEmptyCells       = "empty-cells"
	CodeEmphasis         = "emphasis"
)

// maxProblems is how many places a TooComplexError lists at most.
const maxProblems = 20

// TooComplexError is returned by Convert for a body whose structure is
// beyond the limits above, which Convert refuses to parse so that a bad
// paste cannot stall a build. Problems lists the places, ordered by
// position, at most 20 of them.
type TooComplexError struct {
	Problems []Warning
}

// Error returns the first problem as "line L, column C: message".
func (e *TooComplexError) Error() string {
	p := e.Problems[0]
	return fmt.Sprintf("line %d, column %d: %s", p.Line, p.Col, p.Message)
}

// Diagnostics returns e.Problems as errors for the file at path whose
// Markdown body begins on line bodyLine (1-based) of that file, with codes
// such as "markdown.deep-nesting".
func (e *TooComplexError) Diagnostics(path string, bodyLine int) diag.List {
	var l diag.List
	for _, p := range e.Problems {
		l.Add(diag.Diagnostic{Path: path, Line: bodyLine + p.Line - 1, Col: p.Col, Severity: diag.Error,
			Code: "markdown." + p.Code, Message: p.Message, Hint: p.Hint})
	}
	return l
}

// checkLimits scans src once, in time linear in its length, and returns a
// *TooComplexError if it goes beyond a limit, or nil. It errs on the side
// of counting too much: it skips code blocks only where it can tell where
// they end (a fence at the top level, in quotes, or in list items sure to
// be ones; an indented block at the top level after a blank line), and it
// keeps a list item open until a later marker is less indented.
//
// For the limits on products it must never count less than goldmark does,
// so where it is unsure it counts more: a paragraph ends only at a blank
// line, a fence, or where a list item or footnote definition starts (a
// line "- text", "1. text" or "[^n]:" indented less than four columns, or
// "N. text" after an item of an ordered list with that delimiter, which
// the line closes or which the paragraph is in), a table's columns are the
// most of any dividing line so far in the paragraph, and every "[^" is a
// footnote reference. It leaves a table's rows out of its paragraph's
// lines only when the table is sure to be one (its header has as many
// cells as its dividing line has columns, and neither line may be
// anything else), and only until a line that may start another block. For
// emphasis it counts, for each run of "*", "_" or "~" that may close, every
// run before it in the paragraph (or table row), and for each "]" after
// such a run, every place before it where goldmark may start a node.
func checkLimits(src []byte) error {
	var (
		problems  []Warning
		open      []listItem // the list items still open, innermost last
		fence     []byte     // the marks that close the code fence the line is in, or nil
		fenceIn   fenceContainer
		brackets  int  // "[" open in the current paragraph
		bracketAt = -1 // line of the last bracket problem

		para        paraCount
		lastOrdered orderedItem // the last item of an ordered list that the paragraph is in, sure to be one
		prevLine    []byte      // the line before, where its text starts, its quote and list marks
		prevAt      int
		prevQuotes  int
		prevMarkers int

		emptyCells     int // cells left out by the rows of all tables so far
		emptyCellsSeen bool
		footnotes      int // footnote definitions
		footnoteRefs   int
		footnoteLine   []byte // the first footnote definition
		footnoteLineNo int
		footnoteAt     int

		em          emphasisCount // marks of emphasis in the current inline block
		emWork      int           // steps counted for all blocks so far
		emSeen      bool
		openedDelim []int // em.delims when each "[" still open was read, innermost last
	)
	add := func(lineNum int, line []byte, at int, code, msg, hint string) {
		if len(problems) < maxProblems {
			problems = append(problems, Warning{Line: lineNum, Col: utf8.RuneCount(line[:at]) + 1,
				Code: code, Message: msg, Hint: hint})
		}
	}
	// checkBrackets checks the lines and pairs counted in para.
	checkBrackets := func() {
		p := &para
		if p.pairs > 0 && p.lines > MaxBracketLines/p.pairs {
			add(p.lineNum, p.line, p.at, CodeBracketLines,
				fmt.Sprintf("this paragraph has %s lines and %s [ ] pairs, %s when multiplied; foilog allows %s",
					thousands(p.lines), thousands(p.pairs), thousands(p.lines*p.pairs), thousands(MaxBracketLines)),
				"put a blank line between paragraphs and between link definitions ([name]: address), or write \\[ for a [ that is not a link")
		}
		p.lines, p.pairs, p.table = 0, 0, false
	}
	// endInline checks the limit on emphasis after the inline block (a
	// paragraph, or a table's row) that ends before the current line.
	endInline := func() {
		e := &em
		emWork += e.work
		if !emSeen && emWork > MaxEmphasisWork {
			emSeen = true
			msg := fmt.Sprintf("this paragraph has %s * _ or ~ marks that may end emphasis or a link, which take up to %s steps to pair", thousands(e.closers), thousands(e.work))
			if e.work < emWork {
				msg += fmt.Sprintf(", %s with the paragraphs above", thousands(emWork))
			}
			add(e.lineNum, e.line, e.at, CodeEmphasis, msg+fmt.Sprintf("; foilog allows %s in a letter", thousands(MaxEmphasisWork)),
				"write \\* or \\_ for a * or _ that is not emphasis, or put pasted data or logs in a code block between ``` lines")
		}
		em = emphasisCount{}
		openedDelim = openedDelim[:0]
	}
	// endParagraph checks the limits on the paragraph that ends before
	// the current line.
	endParagraph := func() {
		checkBrackets()
		endInline()
		p := &para
		if p.columns > 0 && !emptyCellsSeen && emptyCells > MaxEmptyCells {
			emptyCellsSeen = true
			msg := fmt.Sprintf("this table has %s columns and its rows leave out %s cells", thousands(p.columns), thousands(p.emptyCells))
			if p.emptyCells < emptyCells {
				msg += fmt.Sprintf(", %s with the tables above", thousands(emptyCells))
			}
			add(p.headLineNum, p.headLine, p.headAt, CodeEmptyCells,
				msg+fmt.Sprintf("; foilog allows %s left-out cells in a letter", thousands(MaxEmptyCells)),
				"a header with more | than its rows have was probably pasted by mistake; give the table fewer columns or fill in its rows")
		}
		para = paraCount{}
		lastOrdered = orderedItem{}
	}
	for lineNum := 1; len(src) > 0; lineNum++ {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		if fence != nil {
			// Code: goldmark reads no Markdown in it, until the closing
			// fence or a line that does not go on with the quotes and
			// list items the fence is in.
			if rest, ok := fenceIn.rest(line); ok {
				if closesFence(rest, fence) {
					fence = nil
				}
				continue
			}
			fence = nil
		}
		if isBlank(line) {
			brackets = 0
			endParagraph()
			lastOrdered = orderedItem{}
			continue
		}

		// Block containers at the start of the line.
		depth, at, col := 0, 0, 0
		popped := false
		first := -1 // byte offset of the marker that goes over the limit
		rule := ruleFrom(line)
		quotes := 0             // ">" marks
		quoteEnd := 0           // column after the last ">"
		startsItem := false     // the first marker starts a list item, which ends a paragraph
		markers := 0            // list item and footnote markers on the line
		var closed listItem     // the outermost list item this line closes, if any
		var ordered orderedItem // the item of an ordered list the line starts, if sure
		for {
			at, col = skipSpace(line, at, col)
			start := at
			if at < len(line) && line[at] == '>' {
				depth++
				at++
				col++
				quotes++
				quoteEnd = col
			} else {
				if !popped {
					for len(open) > 0 && open[len(open)-1].content > col {
						closed = open[len(open)-1]
						open = open[:len(open)-1]
					}
					depth += len(open)
					popped = true
					if depth > MaxNesting && first < 0 {
						first = at
					}
				}
				w := marker(line[at:])
				if w == 0 || at >= rule {
					break
				}
				if line[at] == '[' {
					footnotes++
					if footnoteLine == nil {
						footnoteLine, footnoteLineNo, footnoteAt = line, lineNum, at
					}
					if markers == 0 && col-quoteEnd < 4 {
						startsItem = true // a footnote definition interrupts a paragraph
					}
				} else if markers == 0 && col-quoteEnd < 4 && (w == 1 || w == 2 && line[at] == '1' ||
					closed.ordered && closed.delim == line[at+w-1] || lastOrdered.next(line[at+w-1], col, quotes)) {
					// A bullet or "1." may interrupt a paragraph; any other
					// number only as the next item of an ordered list with
					// its delimiter: one whose item the line closes, or
					// the last one of the paragraph, after lazy lines.
					startsItem = true
				}
				item := listItem{content: col + w + 1, text: col + w + textIndent(line[at+w:])}
				// Sure to be a list item: it starts one, or no paragraph
				// is open for it to continue.
				item.sure = (markers == 0 || len(open) > 0 && open[len(open)-1].sure) &&
					col-quoteEnd < 4 && (startsItem || para.all == 0) && line[at] != '['
				if w > 1 && line[at] != '[' {
					item.delim = line[at+w-1] // "." or ")"
					item.ordered = markers == 0 && item.sure
					if item.ordered {
						parent := quoteEnd
						if len(open) > 0 {
							parent = max(parent, open[len(open)-1].content)
						}
						ordered = orderedItem{delim: item.delim, parent: parent, content: item.content, quotes: quotes}
					}
				}
				markers++
				depth++
				open = append(open, item)
				at += w
				col += w
			}
			if depth > MaxNesting && first < 0 {
				first = start
			}
		}
		if depth > MaxNesting {
			add(lineNum, line, max(first, 0), CodeDeepNesting,
				fmt.Sprintf("this line nests %s quotes or lists; foilog allows %d", thousands(depth), MaxNesting),
				"a line that starts with many > or - marks was probably pasted by mistake; remove them")
		}

		// Code: a fence at the top level, in quotes, or in list items
		// that are sure to be ones (inside the quotes, if any), or a line
		// indented four columns at the top level after a blank line. Other
		// code is counted as text, which may count too much, never too
		// little.
		if markers == 0 {
			if in, ok := fenceContext(open, quotes, quoteEnd); ok && col-in.base() < 4 {
				if marks := fenceMarks(line[at:]); marks != nil {
					endParagraph()
					fence, fenceIn = marks, in
					continue
				}
			}
		}
		if quotes == 0 && markers == 0 && len(open) == 0 && col >= 4 && para.all == 0 {
			continue // an indented code line: blank lines end no such block, and the next text line starts a paragraph
		}

		// Paragraphs and tables.
		if startsItem && !isBlank(line[at:]) {
			endParagraph()
		}
		if para.table && (markers > 0 || quotes != para.quotes || mayEndParagraph(line[at:])) {
			checkBrackets() // the table may end here: count afresh
			endInline()
		} else if para.table {
			endInline() // each row's cells are apart
		}
		if !para.table {
			if para.lines++; para.lines == 1 {
				para.line, para.lineNum, para.at = line, lineNum, at
			}
		}
		para.all++
		if c := tableColumns(line[at:]); c > 0 && para.all > 1 {
			if para.columns == 0 {
				para.headLine, para.headLineNum, para.headAt = prevLine, lineNum-1, prevAt
				// Sure to be a table, so that goldmark parses each cell
				// apart and the rows add no lines to the paragraph.
				if markers == 0 && col-quoteEnd < 4 && (prevMarkers == 0 || para.all == 2) && quotes == prevQuotes &&
					!mayEndParagraph(prevLine[prevAt:]) && tableCells(prevLine[prevAt:]) == c {
					checkBrackets()
					endInline()
					para.table, para.quotes = true, quotes
				}
			}
			para.columns = max(para.columns, c)
		} else if para.columns > 0 && para.all > 1 {
			n := max(para.columns-tableCells(line[at:]), 0)
			para.emptyCells += n
			emptyCells += n
		}
		prevLine, prevAt, prevQuotes, prevMarkers = line, at, quotes, markers
		if ordered.delim != 0 {
			lastOrdered = ordered
		}

		// Brackets, link destinations and marks of emphasis in the rest
		// of the line.
		if em.lines++; em.lines == 1 {
			em.line, em.lineNum, em.at = line, lineNum, at
		}
		em.nodes += 2 // text at the end of the line, and one that may be empty
		long := 0
		longAt := -1
		for i := at; i < len(line); i++ {
			if c := line[i]; c == ' ' || c == '\t' || isASCIIPunct(c) {
				// Where goldmark may start a node, and a text after it.
				em.nodes += 2
			}
			switch line[i] {
			case '\\':
				if i+1 < len(line) && isASCIIPunct(line[i+1]) {
					i++
					em.nodes += 2
				}
			case '*', '_', '~':
				j := i + 1
				for j < len(line) && line[j] == line[i] {
					j++
				}
				em.nodes += 2 * (j - i - 1)
				if mayCloseEmphasis(line, i, j) {
					em.closers++
					em.work += em.delims
				}
				em.delims++
				i = j - 1
			case '[':
				if i+1 < len(line) && line[i+1] == '^' {
					footnoteRefs++
				}
				brackets++
				if len(openedDelim) < MaxBrackets+1 {
					openedDelim = append(openedDelim, em.delims)
				}
				if brackets == MaxBrackets+1 && bracketAt != lineNum {
					bracketAt = lineNum
					add(lineNum, line, i, CodeDeepBrackets,
						fmt.Sprintf("this paragraph has more than %d [ brackets open at once; foilog allows %d", MaxBrackets, MaxBrackets),
						"close each [ with ], or write \\[ for a [ that is not a link")
				}
			case ']':
				if brackets > 0 {
					brackets--
					if !para.table {
						para.pairs++
					}
					// A link whose text holds a mark of emphasis: goldmark
					// may look at every node before it in the paragraph.
					if n := len(openedDelim); n == 0 || openedDelim[n-1] < em.delims {
						em.closers++
						em.work += em.nodes
					}
					if n := len(openedDelim); n > 0 && n > brackets {
						openedDelim = openedDelim[:n-1]
					}
				}
				if i+1 < len(line) && line[i+1] == '(' && destinationLength(line[i+2:], longDestination) > longDestination {
					long++
					if long == MaxOpenDestinations+1 {
						longAt = i
					}
				}
			}
		}
		if long > MaxOpenDestinations {
			add(lineNum, line, longAt, CodeOpenDestinations,
				fmt.Sprintf("this line has %s links whose address in ( ) does not end; foilog allows %d", thousands(long), MaxOpenDestinations),
				"end each link's address with ) and put a space after it")
		}
	}
	endParagraph()
	if footnotes > 0 && footnoteRefs > MaxFootnoteRefs/footnotes {
		add(footnoteLineNo, footnoteLine, footnoteAt, CodeFootnoteRefs,
			fmt.Sprintf("this letter has %s footnotes and %s references to footnotes, %s when multiplied; foilog allows %s",
				thousands(footnotes), thousands(footnoteRefs), thousands(footnotes*footnoteRefs), thousands(MaxFootnoteRefs)),
			"so many footnotes were probably pasted by mistake; remove them, or write \\[^ for a [^ that is not a footnote")
	}
	if problems != nil {
		slices.SortStableFunc(problems, func(a, b Warning) int {
			return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
		})
		return &TooComplexError{Problems: problems}
	}
	return nil
}

// skipSpace skips the spaces and tabs of line from byte at, column col,
// and returns where they end: a tab goes on to the next multiple of 4.
func skipSpace(line []byte, at, col int) (int, int) {
	for at < len(line) && (line[at] == ' ' || line[at] == '\t') {
		if line[at] == '\t' {
			col += 4 - col%4
		} else {
			col++
		}
		at++
	}
	return at, col
}

// listItem is a list item checkLimits keeps open: the column its content
// starts at if one space follows its marker, the column its text starts
// at, whether it is sure to be a list item (and not text that continues a
// paragraph), and for a number marker its delimiter, "." or ")", and
// whether it is sure to be an item of an ordered list.
type listItem struct {
	content, text int
	sure          bool
	delim         byte
	ordered       bool
}

// textIndent returns how many columns after a list marker its item's
// text starts, given b, the rest of the line: the spaces after the
// marker, or 1 if there are none, more than four, or no text.
func textIndent(b []byte) int {
	n := 0
	for n < len(b) && b[n] == ' ' {
		n++
	}
	if n == 0 || n > 4 || n == len(b) || isBlank(b[n:]) {
		return 1
	}
	return n
}

// orderedItem is an item of an ordered list that a paragraph is in: its
// delimiter, the columns where its parent's content and its own start,
// and its quotes.
type orderedItem struct {
	delim           byte
	parent, content int
	quotes          int
}

// next reports whether a number marker with delimiter delim at column
// col, on a line with quotes ">" marks, is sure to start the next item
// of o's list.
func (o orderedItem) next(delim byte, col, quotes int) bool {
	return o.delim != 0 && delim == o.delim && quotes == o.quotes &&
		col >= o.parent && col-o.parent < 4 && col < o.content
}

// fenceContainer is what a code fence is in: quotes ">" marks, then list
// items whose text starts at column text (0 for none).
type fenceContainer struct {
	quotes, quoteEnd, text int
}

// fenceContext returns what a line with quotes ">" marks ending at
// column quoteEnd, in the list items open, is in, and false if checkLimits
// cannot tell where code in it would end: when an item is not sure to be
// one, or a quote is inside an item.
func fenceContext(open []listItem, quotes, quoteEnd int) (fenceContainer, bool) {
	in := fenceContainer{quotes: quotes, quoteEnd: quoteEnd}
	for _, it := range open {
		if !it.sure || it.content <= quoteEnd {
			return in, false
		}
	}
	if len(open) > 0 {
		in.text = open[len(open)-1].text
	}
	return in, true
}

// base returns the column that a fence's indentation counts from.
func (in fenceContainer) base() int {
	return max(in.quoteEnd, in.text)
}

// rest returns the part of line inside in, and false if line does not go
// on with the quotes and list items of in, which ends code in them: each
// ">" may come after up to three spaces, and a line that is not blank
// must be indented to the items' text.
func (in fenceContainer) rest(line []byte) ([]byte, bool) {
	at, col := 0, 0
	for range in.quotes {
		n := 0
		for at < len(line) && line[at] == ' ' && n < 3 {
			at, col, n = at+1, col+1, n+1
		}
		if at == len(line) || line[at] != '>' {
			return nil, false
		}
		at, col = at+1, col+1
	}
	if in.text == 0 || isBlank(line[at:]) {
		return line[at:], true
	}
	at, col = skipSpace(line, at, col)
	if col < in.text {
		return nil, false
	}
	return line[at:], true
}

// emphasisCount is what checkLimits has counted of the marks of emphasis
// in the inline block (paragraph or table row) it is in: the lines, the
// runs of "*", "_" or "~", the nodes that goldmark may make, the marks
// that may end emphasis or a link, and the steps goldmark may take for
// them; and where the block starts.
type emphasisCount struct {
	lines, delims, nodes int
	closers, work        int
	line                 []byte
	lineNum, at          int
}

// mayCloseEmphasis reports whether the run line[i:j] of "*", "_" or "~"
// may end emphasis: whether goldmark's ScanDelimiter lets it close, taking
// the character before it from line (goldmark takes white space there at
// the start of a block, where fewer runs close).
func mayCloseEmphasis(line []byte, i, j int) bool {
	before, after := '\n', '\n'
	if i > 0 {
		before, _ = utf8.DecodeLastRune(line[:i])
	}
	if j < len(line) {
		after, _ = utf8.DecodeRune(line[j:])
	}
	beforeSpace, beforePunct := util.IsSpaceRune(before), util.IsPunctRune(before)
	afterSpace, afterPunct := util.IsSpaceRune(after), util.IsPunctRune(after)
	left := !afterSpace && (!afterPunct || beforeSpace || beforePunct)
	right := !beforeSpace && (!beforePunct || afterSpace || afterPunct)
	if line[i] == '_' {
		return right && (!left || afterPunct)
	}
	return right
}

// footnoteDefinition returns the width of the footnote definition marker
// at the start of b as goldmark reads one, "[^label]:" with a label that
// is not blank and holds no "[", "]" or "\\", or 0 if there is none.
func footnoteDefinition(b []byte) int {
	if len(b) < 5 || b[0] != '[' || b[1] != '^' {
		return 0
	}
	end := bytes.IndexAny(b[2:], "[]\\")
	if end > 0 && end < 999 && b[2+end] == ']' && 3+end < len(b) && b[3+end] == ':' && !isBlank(b[2:2+end]) {
		return end + 4
	}
	return 0
}

// fenceMarks returns the run of ` or ~ that opens a code fence at the
// start of b (three or more, a backtick run followed by no backtick), or
// nil if b does not open one.
func fenceMarks(b []byte) []byte {
	if len(b) < 3 || b[0] != '`' && b[0] != '~' {
		return nil
	}
	n := 0
	for n < len(b) && b[n] == b[0] {
		n++
	}
	if n < 3 || b[0] == '`' && bytes.IndexByte(b[n:], '`') >= 0 {
		return nil
	}
	return b[:n]
}

// closesFence reports whether line closes the fence opened by marks: up to
// three spaces, at least as many of the same mark, then only spaces.
func closesFence(line, marks []byte) bool {
	i := 0
	for i < len(line) && i < 3 && line[i] == ' ' {
		i++
	}
	n := 0
	for i+n < len(line) && line[i+n] == marks[0] {
		n++
	}
	return n >= len(marks) && isBlank(line[i+n:])
}

// paraCount is what checkLimits has counted of the paragraph it is in.
type paraCount struct {
	all int // lines
	// lines and pairs count the lines and "[ ]" pairs of the paragraph
	// outside a table: from its start, or from a line after a table that
	// may start a new block. table reports whether the paragraph is in a
	// table whose rows count for neither, and quotes is the ">" marks of
	// its dividing line.
	lines, pairs int
	table        bool
	quotes       int
	line         []byte // the first line counted, its number, and where its text starts
	lineNum, at  int
	// columns is the most columns of a table's dividing line so far, or 0
	// before one; emptyCells counts the cells left out by the rows after
	// it.
	columns, emptyCells int
	headLine            []byte // the line before the first dividing line
	headLineNum, headAt int
}

// mayEndParagraph reports whether a line whose text is b may start a
// block that ends a paragraph (and so a table): a heading, code, HTML, a
// rule or a heading's underline, a list item, a footnote or a definition.
// A row that starts with a digit, "**" or "_" is still a row.
func mayEndParagraph(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	switch b[0] {
	case '#', '<', ':':
		return true
	case '`', '~':
		return fenceMarks(b) != nil
	case '*', '_', '-', '+', '=':
		return marker(b) > 0 || ruleFrom(b) == 0 || len(bytes.Trim(b, "= \t\r")) == 0
	case '[':
		return marker(b) > 0
	}
	return marker(b) > 0
}

// tableColumns returns how many columns goldmark's table extension finds
// in b if b is a table's dividing line ("| --- | :-: |"), or 0.
func tableColumns(b []byte) int {
	if len(b) == 0 || b[0] != '|' && b[0] != '-' && b[0] != ':' {
		return 0
	}
	onlyDashes := true
	for _, c := range b {
		switch c {
		case '-':
		case ' ', '\t', '\r', ':', '|':
			onlyDashes = false
		default:
			return 0
		}
	}
	if onlyDashes {
		return 0 // a rule or a heading's underline
	}
	cols := bytes.Split(b, []byte{'|'})
	if isBlank(cols[0]) {
		cols = cols[1:]
	}
	if len(cols) > 0 && isBlank(cols[len(cols)-1]) {
		cols = cols[:len(cols)-1]
	}
	for _, c := range cols {
		c = bytes.Trim(c, " \t\r")
		c = bytes.TrimPrefix(c, []byte{':'})
		c = bytes.TrimSuffix(c, []byte{':'})
		if len(c) == 0 || len(bytes.Trim(c, "-")) > 0 {
			return 0
		}
	}
	return len(cols)
}

// tableCells returns how many cells goldmark's table extension finds in
// b as a row of a table: a "|" not right after a "\\" ends a cell, and
// one at either end of b does not count.
func tableCells(b []byte) int {
	b = bytes.Trim(b, " \t\r")
	pos, limit := 0, len(b)
	if limit > 0 && b[0] == '|' {
		pos++
	}
	if limit > 0 && b[limit-1] == '|' {
		limit--
	}
	n := 0
	for pos < limit {
		n++
		c := pos
		for c < limit && (b[c] != '|' || c > 0 && b[c-1] == '\\') {
			c++
		}
		pos = c + 1
	}
	return n
}

// marker returns the width of the list item or footnote definition marker
// at the start of b ("-", "12.", "[^note]:"), or 0 if there is none.
func marker(b []byte) int {
	followed := func(w int) int {
		if w == len(b) || b[w] == ' ' || b[w] == '\t' {
			return w
		}
		return 0
	}
	if len(b) == 0 {
		return 0
	}
	switch c := b[0]; {
	case c == '-' || c == '+' || c == '*':
		return followed(1)
	case c >= '0' && c <= '9':
		w := 1
		for w < len(b) && w < 9 && b[w] >= '0' && b[w] <= '9' {
			w++
		}
		if w < len(b) && (b[w] == '.' || b[w] == ')') {
			return followed(w + 1)
		}
	case c == '[':
		return footnoteDefinition(b)
	}
	return 0
}

// ruleFrom returns the offset in line from which the rest of the line is
// a rule: three or more of one of "-", "*" or "_", and spaces, which
// goldmark reads as a rule, not as list items. It returns len(line) if no
// end of the line is a rule.
func ruleFrom(line []byte) int {
	from, n := len(line), 0
	var mark byte
	for i := len(line) - 1; i >= 0; i-- {
		c := line[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
		case (c == '-' || c == '*' || c == '_') && (mark == 0 || c == mark):
			mark = c
			if n++; n >= 3 {
				from = i
			}
		default:
			return from
		}
	}
	return from
}

// destinationLength returns at least as many bytes as goldmark reads when
// it tries a link destination at the start of b, up to limit+1: up to the
// ">" of an "<…>" destination, otherwise up to white space or a ")" that
// closes the destination.
func destinationLength(b []byte, limit int) int {
	b = b[:min(len(b), limit+1)]
	if len(b) > 0 && b[0] == '<' {
		if i := bytes.IndexByte(b, '>'); i >= 0 {
			return i
		}
		return len(b)
	}
	for i, c := range b {
		switch c {
		case ' ', '\t', '\v', '\f', '\r':
			return i
		case '(':
			return len(b) // nested parentheses: assume the worst
		case ')':
			if i == 0 || b[i-1] != '\\' {
				return i
			}
		}
	}
	return len(b)
}

func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// thousands formats n with commas: 100000 is "100,000".
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
