package lint

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

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
