package site

import (
	"strings"
	"unicode/utf8"
)

// summaryMax is the length in characters beyond which a summary taken from
// the first paragraph is cut: lists show a few lines of it, and search
// engines show about 160 characters of a meta description.
const summaryMax = 300

// shortSummary cuts a summary taken from the body's first paragraph to at
// most summaryMax characters: after the last full sentence that ends past
// a third of that, else at the last word, with an ellipsis. A summary
// written in the front-matter is the author's and is never cut.
func shortSummary(s string) string {
	if utf8.RuneCountInString(s) <= summaryMax {
		return s
	}
	cut, n := 0, 0
	for i := range s {
		if n == summaryMax {
			cut = i
			break
		}
		n++
	}
	head := s[:cut]
	for _, end := range []string{". ", "? ", "! "} {
		if i := strings.LastIndex(head, end); i >= summaryMax/3 {
			return head[:i+1]
		}
	}
	if i := strings.LastIndexByte(head, ' '); i > 0 {
		head = head[:i]
	}
	return strings.TrimRight(head, " ,;:–—-") + "…"
}
