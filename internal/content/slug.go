package content

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Slugify turns text into a URL segment: lower case ASCII letters and
// digits, with every other run of characters replaced by one hyphen and no
// hyphen at either end. Accents are dropped ("Café" → "cafe"). It returns
// "" when text has no letters or digits.
func Slugify(text string) string {
	if !isASCII(text) {
		text = norm.NFKD.String(text)
	}
	var b strings.Builder
	b.Grow(len(text))
	hyphen := false
	for _, r := range text {
		switch {
		case r >= utf8.RuneSelf && unicode.Is(unicode.Mn, r):
			continue
		case isASCIILetterOrDigit(r):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
		default:
			hyphen = true
		}
	}
	return b.String()
}

// isASCII reports whether s is all ASCII, which NFKD leaves as it is.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isASCIILetterOrDigit(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
}

// ValidSlug reports whether s is already in the form Slugify produces.
func ValidSlug(s string) bool {
	return s != "" && Slugify(s) == s
}
