package markdown

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/foilog/foilog/internal/diag"
)

// Limits on the structure of a body. goldmark takes time that grows with
// the square of the depth of nested block containers, of nested link
// brackets, and of the length of the link destinations it tries on one
// line: a 200 KB body of "> > > …" takes 17 seconds, and a response may be
// 4 MB. No letter comes near these limits.
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
)

// Codes of the problems in a TooComplexError.
const (
	CodeDeepNesting      = "deep-nesting"
	CodeDeepBrackets     = "deep-brackets"
	CodeOpenDestinations = "open-destinations"
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
// of counting too much: it does not know where code blocks are, and it
// keeps a list item open until a later marker is less indented.
func checkLimits(src []byte) error {
	var (
		problems  []Warning
		open      []int // content columns of the list items still open
		brackets  int   // "[" open in the current paragraph
		bracketAt = -1  // line of the last bracket problem
	)
	add := func(lineNum int, line []byte, at int, code, msg, hint string) {
		if len(problems) < maxProblems {
			problems = append(problems, Warning{Line: lineNum, Col: utf8.RuneCount(line[:at]) + 1,
				Code: code, Message: msg, Hint: hint})
		}
	}
	for lineNum := 1; len(src) > 0; lineNum++ {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		if isBlank(line) {
			brackets = 0
			continue
		}

		// Block containers at the start of the line.
		depth, at, col := 0, 0, 0
		popped := false
		first := -1 // byte offset of the marker that goes over the limit
		rule := ruleFrom(line)
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
			} else {
				if !popped {
					for len(open) > 0 && open[len(open)-1] > col {
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
				depth++
				open = append(open, col+w+1)
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
	if problems != nil {
		return &TooComplexError{Problems: problems}
	}
	return nil
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
