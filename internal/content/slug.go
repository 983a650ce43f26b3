package content

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MaxSlug is the longest page address segment, in bytes, that a response
// or alias may have: each is a folder or file name on disk, and file
// systems refuse names longer than 255 bytes.
const MaxSlug = 200

// Slugify turns text into a URL segment: its letters and digits, lower
// case where the script has case, with every other run of characters
// replaced by one hyphen and no hyphen at either end. It returns "" when
// text has no letters or digits (only punctuation, symbols or emoji).
//
// Latin letters fold to ASCII as they always have: accents are dropped
// ("Café" → "cafe", "Ŵyn" → "wyn"), and so are compatibility forms of
// ASCII ("ﬁ" → "fi", "２" → "2", "½" → "1-2"). A Latin letter with no ASCII
// form (ß, æ, ø, ł) separates words, as before, so that no existing
// address changes. Letters and digits of every other script are kept,
// NFC-normalised with the marks that belong to them: "Дорожная полиция" →
// "дорожная-полиция", "が" stays "が" (not "か"), "١٢٣" stays "١٢٣". Such
// a slug is written to disk as UTF-8 and percent-encoded in links.
func Slugify(text string) string {
	if isASCII(text) {
		return slugifyASCII(text)
	}
	text = norm.NFC.String(text)
	var b strings.Builder
	b.Grow(len(text))
	hyphen := false
	// cluster is true while the last rune written is a letter or digit
	// kept in its own script, whose marks are kept with it.
	cluster := false
	var buf [32]byte
	for _, r := range text {
		switch {
		case r < utf8.RuneSelf:
			cluster = false
			if isASCIILetterOrDigit(r) {
				if hyphen && b.Len() > 0 {
					b.WriteByte('-')
				}
				hyphen = false
				b.WriteByte(byte(lowerASCII(r)))
			} else {
				hyphen = true
			}
		case unicode.IsMark(r):
			switch {
			case cluster:
				b.WriteRune(r)
			case unicode.Is(unicode.Mn, r):
				// An accent on a Latin letter: dropped.
			default:
				hyphen = true
			}
		case cluster && (r == '\u200c' || r == '\u200d'):
			// Zero-width (non-)joiners shape Persian and Indic words;
			// they are not word breaks. Dropped.
		case unicode.Is(unicode.Latin, r) || foldsToASCII(norm.NFKD.AppendString(buf[:0], string(r))):
			// Fold to ASCII: keep the ASCII letters and digits of the
			// compatibility decomposition, drop accents, and let anything
			// else separate words.
			cluster = false
			for _, d := range string(norm.NFKD.AppendString(buf[:0], string(r))) {
				switch {
				case isASCIILetterOrDigit(d):
					if hyphen && b.Len() > 0 {
						b.WriteByte('-')
					}
					hyphen = false
					b.WriteByte(byte(lowerASCII(d)))
				case d >= utf8.RuneSelf && unicode.Is(unicode.Mn, d):
				default:
					hyphen = true
				}
			}
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			cluster = true
			b.WriteRune(unicode.ToLower(r))
		default:
			cluster = false
			hyphen = true
		}
	}
	s := b.String()
	if !isASCII(s) {
		// Lower-casing can leave a letter that composes with the mark
		// after it.
		s = norm.NFC.String(s)
	}
	return s
}

// slugifyASCII is Slugify for ASCII text.
func slugifyASCII(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	hyphen := false
	for i := 0; i < len(text); i++ {
		c := rune(text[i])
		if isASCIILetterOrDigit(c) {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteByte(byte(lowerASCII(c)))
		} else {
			hyphen = true
		}
	}
	return b.String()
}

// foldsToASCII reports whether the decomposition d of a character holds an
// ASCII letter or digit: "ⓐ", "℃" and "①" fold to ASCII, "µ" and "ー" do not.
func foldsToASCII(d []byte) bool {
	for _, c := range d {
		if isASCIILetterOrDigit(rune(c)) {
			return true
		}
	}
	return false
}

// isASCII reports whether s is all ASCII.
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

func lowerASCII(r rune) rune {
	if 'A' <= r && r <= 'Z' {
		return r + 'a' - 'A'
	}
	return r
}

// ValidSlug reports whether s is already in the form Slugify produces.
func ValidSlug(s string) bool {
	return s != "" && Slugify(s) == s
}
