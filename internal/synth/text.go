package synth

import (
	"strconv"
	"strings"
	"time"
)

// countWords returns the number of words in s: whitespace-separated tokens
// that hold at least one ASCII letter or digit, so Markdown punctuation
// ("##", "|", "-", "```") is not counted.
func countWords(s string) int {
	n := 0
	inToken, hasAlnum := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			if inToken && hasAlnum {
				n++
			}
			inToken, hasAlnum = false, false
			continue
		}
		inToken = true
		if c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			hasAlnum = true
		}
	}
	if inToken && hasAlnum {
		n++
	}
	return n
}

// slugify returns text as a URL segment: lower-case ASCII letters and
// digits, other runs replaced by one hyphen, none at either end. It agrees
// with content.Slugify on the ASCII text the generator produces.
func slugify(text string) string {
	b := make([]byte, 0, len(text))
	hyphen := false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		default:
			hyphen = true
			continue
		}
		if hyphen && len(b) > 0 {
			b = append(b, '-')
		}
		hyphen = false
		b = append(b, c)
	}
	return string(b)
}

// upperFirst returns s with its first byte upper-cased if it is an ASCII
// letter.
func upperFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// thousands formats n with comma separators: 12345 → "12,345".
func thousands(n int) string {
	s := strconv.Itoa(n)
	if len(s) <= 3 {
		return s
	}
	var b strings.Builder
	lead := len(s) % 3
	if lead > 0 {
		b.WriteString(s[:lead])
	}
	for i := lead; i < len(s); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

// Date forms accepted in front-matter.
const (
	dateISO  = iota // 2023-05-12
	dateUK          // 12/05/2023
	dateLong        // 12 May 2023
)

// formatDate writes t in one of the accepted front-matter forms.
func formatDate(t time.Time, form int) string {
	switch form {
	case dateUK:
		return t.Format("02/01/2006")
	case dateLong:
		return longDate(t)
	}
	return t.Format("2006-01-02")
}

// longDate returns t as "2 May 2023".
func longDate(t time.Time) string { return t.Format("2 January 2006") }

// yamlString returns s as a YAML scalar: plain when that reads back as the
// same string, double-quoted otherwise. In flow context (inside [ ]) the
// flow indicators also force quotes.
func yamlString(s string, flow bool) string {
	if plainSafe(s, flow) {
		return s
	}
	return quoted(s)
}

// quoted returns s in YAML double quotes.
func quoted(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// plainSafe reports whether s can be written as a plain YAML scalar and
// read back as the same string (not a number, boolean, null or date).
func plainSafe(s string, flow bool) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' || s[len(s)-1] == ':' {
		return false
	}
	if strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@`0123456789+.~") {
		return false
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.ContainsAny(s, "\n\t") {
		return false
	}
	if flow && strings.ContainsAny(s, ",[]{}") {
		return false
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "y", "n", "null":
		return false
	}
	return true
}

// wrap writes text to b broken into lines of at most width bytes at spaces,
// as some staff editors save paragraphs. A word longer than width stands on
// its own line.
func wrap(b *strings.Builder, text string, width int) {
	col := 0
	for text != "" {
		i := strings.IndexByte(text, ' ')
		word := text
		if i >= 0 {
			word, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if word == "" {
			continue
		}
		switch {
		case col == 0:
		case col+1+len(word) > width && !startsBlock(word):
			b.WriteByte('\n')
			col = 0
		default:
			b.WriteByte(' ')
			col++
		}
		b.WriteString(word)
		col += len(word)
	}
}

// startsBlock reports whether a line beginning with word could start a
// Markdown block (list item, heading, quote, table row) instead of
// continuing a paragraph.
func startsBlock(word string) bool {
	switch word[0] {
	case '-', '+', '*', '#', '>', '=', '|', '`', '~':
		return true
	}
	i := 0
	for i < len(word) && word[i] >= '0' && word[i] <= '9' {
		i++
	}
	return i > 0 && i < len(word) && (word[i] == '.' || word[i] == ')')
}
