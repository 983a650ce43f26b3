package markdown

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"unicode/utf8"

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
// No letter comes near these limits.
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
)

// Codes of the problems in a TooComplexError.
const (
	CodeDeepNesting      = "deep-nesting"
	CodeDeepBrackets     = "deep-brackets"
	CodeOpenDestinations = "open-destinations"
	CodeBracketLines     = "bracket-lines"
	CodeFootnoteRefs     = "footnote-refs"
	CodeEmptyCells       = "empty-cells"
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
// of counting too much: it skips code blocks only at the top level (a
// fence, or an indented block after a blank line), and it keeps a list
// item open until a later marker is less indented.
//
// For the limits on products it must never count less than goldmark does,
// so where it is unsure it counts more: a paragraph ends only at a blank
// line or where a list item starts (a line "- text" or "1. text" indented
// less than four columns, or "N. text" after an item of an ordered list
// with that delimiter, which the line closes), a table's columns are the most of any dividing
// line so far in the paragraph, and every "[^" is a footnote reference.
// It leaves a table's rows out of its paragraph's lines only when the
// table is sure to be one (its header has as many cells as its dividing
// line has columns, and neither line may be anything else), and only
// until a line that may start another block.
func checkLimits(src []byte) error {
	var (
		problems  []Warning
		open      []listItem // the list items still open, innermost last
		fence     []byte     // the marks that close the code fence the line is in, or nil
		brackets  int        // "[" open in the current paragraph
		bracketAt = -1       // line of the last bracket problem

		para        paraCount
		prevLine    []byte // the line before, where its text starts, its quote and list marks
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
	// endParagraph checks the limits on the paragraph that ends before
	// the current line.
	endParagraph := func() {
		checkBrackets()
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
	}
	for lineNum := 1; len(src) > 0; lineNum++ {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		if fence != nil {
			// Code: goldmark reads no Markdown in it.
			if closesFence(line, fence) {
				fence = nil
			}
			continue
		}
		if isBlank(line) {
			brackets = 0
			endParagraph()
			continue
		}

		// Block containers at the start of the line.
		depth, at, col := 0, 0, 0
		popped := false
		first := -1 // byte offset of the marker that goes over the limit
		rule := ruleFrom(line)
		quotes := 0         // ">" marks
		quoteEnd := 0       // column after the last ">"
		startsItem := false // the first marker starts a list item, which ends a paragraph
		markers := 0        // list item and footnote markers on the line
		var closed listItem // the outermost list item this line closes, if any
		for {
			for at < len(line) && (line[at] == ' ' || line[at] == '\t') {
				if line[at] == '\t' {
					col += 4 - col%4
				} else {
					col++
				}
				at++
			}
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
				} else if markers == 0 && col-quoteEnd < 4 && (w == 1 || w == 2 && line[at] == '1' ||
					line[at] != '[' && closed.ordered && closed.delim == line[at+w-1]) {
					// A bullet or "1." may interrupt a paragraph; any other
					// number only as the next item of an ordered list with
					// its delimiter, whose item the line closes.
					startsItem = true
				}
				item := listItem{content: col + w + 1}
				if w > 1 && line[at] != '[' {
					item.delim = line[at+w-1] // "." or ")"
					// Sure to be an item of an ordered list: it starts one,
					// or no paragraph is open for it to continue.
					item.ordered = markers == 0 && col-quoteEnd < 4 && (startsItem || para.all == 0)
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

		// Code at the top level, outside quotes and lists: a fence, or a
		// line indented four columns after a blank line. Inside quotes or
		// lists it is counted as text, which may count too much, never
		// too little.
		if quotes == 0 && markers == 0 && len(open) == 0 {
			if marks := fenceMarks(line[at:]); col < 4 && marks != nil {
				endParagraph()
				fence = marks
				continue
			}
			if col >= 4 && para.all == 0 {
				continue // an indented code line: blank lines end no such block, and the next text line starts a paragraph
			}
		}

		// Paragraphs and tables.
		if startsItem && !isBlank(line[at:]) {
			endParagraph()
		}
		if para.table && (markers > 0 || quotes != para.quotes || mayStartBlock(line[at:])) {
			checkBrackets() // the table may end here: count afresh
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
					!mayStartBlock(prevLine[prevAt:]) && tableCells(prevLine[prevAt:]) == c {
					checkBrackets()
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

		// Brackets and link destinations in the rest of the line.
		long := 0
		longAt := -1
		for i := at; i < len(line); i++ {
			switch line[i] {
			case '\\':
				if i+1 < len(line) && isASCIIPunct(line[i+1]) {
					i++
				}
			case '[':
				if i+1 < len(line) && line[i+1] == '^' {
					footnoteRefs++
				}
				brackets++
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

// listItem is a list item checkLimits keeps open: the column its content
// starts at, and for a number marker its delimiter, "." or ")", and
// whether it is sure to be an item of an ordered list (and not text that
// continues a paragraph).
type listItem struct {
	content int
	delim   byte
	ordered bool
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

// mayStartBlock reports whether a line whose text is b may start a block
// that ends a paragraph: a heading, code, HTML, a rule, or a list item.
func mayStartBlock(b []byte) bool {
	return len(b) > 0 && bytes.IndexByte([]byte("#<`~*_-+=0123456789"), b[0]) >= 0
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
		for w < len(b) && w < 10 && b[w] >= '0' && b[w] <= '9' {
			w++
		}
		if w < len(b) && (b[w] == '.' || b[w] == ')') {
			return followed(w + 1)
		}
	case c == '[' && len(b) > 1 && b[1] == '^':
		if end := bytes.Index(b, []byte("]:")); end > 2 {
			return end + 2
		}
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
