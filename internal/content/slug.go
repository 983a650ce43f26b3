package content

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Slugify turns text into a URL segment: lower case ASCII letters and
// digits, with every other run of characters replaced by one hyphen and no
// hyphen at either end. Accents are dropped ("Café" → "cafe"). It returns
// "" when text has no letters or digits.
func Slugify(text string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFKD.String(text) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(unicode.ToLower(r))
		default:
			hyphen = true
		}
	}
	return b.String()
}

// ValidSlug reports whether s is already in the form Slugify produces.
func ValidSlug(s string) bool {
	return s != "" && Slugify(s) == s
}
