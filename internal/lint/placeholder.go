package lint

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/foilog/foilog/internal/diag"
)

// CodeUnfinished is the code of Unfinished's findings. It is not a rule:
// no marker silences it.
const CodeUnfinished = "check.unfinished"

// ToWrite is how every placeholder begins: `foilog new` writes
// Placeholder("…") wherever a response needs words, and `foilog check`
// reports each one that is left (see Placeholders).
const ToWrite = "[TO WRITE"

// Placeholder returns the placeholder asking for what: "[TO WRITE: what]",
// or "[TO WRITE]" when what is empty.
func Placeholder(what string) string {
	if what == "" {
		return ToWrite + "]"
	}
	return ToWrite + ": " + what + "]"
}

// Position is a 1-based line and column of a file; the column counts
// characters, as in Finding.
type Position struct{ Line, Col int }

// Placeholders returns the position of the "[" of every ToWrite in src,
// the whole text of a response file whose body begins on line bodyLine,
// in file order; nil when there is none. Only text that can be published
// counts: a placeholder in an HTML comment of the body, or in a comment
// line of the front-matter (one that starts with "#"), is not reported.
// The match is exact ("[to write" is not a placeholder).
func Placeholders(src []byte, bodyLine int) []Position {
	if !bytes.Contains(src, []byte(ToWrite)) {
		return nil
	}
	var out []Position
	inComment := false
	for _, l := range splitLines(src) {
		text := l.text
		if l.no < bodyLine {
			if !strings.HasPrefix(strings.TrimLeft(text, " \t"), "#") {
				out = appendPlaceholders(out, l.no, text, 0)
			}
			continue
		}
		// Walk the line, skipping HTML comments, which may span lines.
		off := 0
		for off <= len(text) {
			if inComment {
				end := strings.Index(text[off:], "-->")
				if end < 0 {
					break
				}
				off += end + len("-->")
				inComment = false
				continue
			}
			start := strings.Index(text[off:], "<!--")
			if start < 0 {
				out = appendPlaceholders(out, l.no, text, off)
				break
			}
			out = appendPlaceholders(out, l.no, text[:off+start], off)
			off += start + len("<!--")
			inComment = true
		}
	}
	return out
}

// appendPlaceholders appends the positions of the placeholders in
// text[from:], on file line no.
func appendPlaceholders(out []Position, no int, text string, from int) []Position {
	for {
		i := strings.Index(text[from:], ToWrite)
		if i < 0 {
			return out
		}
		at := from + i
		out = append(out, Position{Line: no, Col: utf8.RuneCountInString(text[:at]) + 1})
		from = at + len(ToWrite)
	}
}

// Unfinished returns an error for each of Placeholders(src, bodyLine),
// quoting the placeholder (cut to 40 characters), for a response that is
// about to be published: `foilog check` reports them for every response
// that is not a draft, and the build can refuse to publish one with them.
func Unfinished(src []byte, bodyLine int) []Finding {
	var out []Finding
	lines := splitLines(src)
	for _, p := range Placeholders(src, bodyLine) {
		text := ToWrite + "…]"
		if p.Line <= len(lines) {
			line := []rune(lines[p.Line-1].text)
			rest := string(line[min(p.Col-1, len(line)):])
			if i := strings.IndexByte(rest, ']'); i >= 0 {
				text = rest[:i+1]
			}
			if t := []rune(text); len(t) > 40 {
				text = string(t[:38]) + "…]"
			}
		}
		out = append(out, Finding{Line: p.Line, Col: p.Col, Code: CodeUnfinished, Severity: diag.Error,
			Message: fmt.Sprintf("unfinished: the placeholder %s would be published", text),
			Hint:    "replace it with the text, or keep `draft: true` until it is written"})
	}
	return out
}
