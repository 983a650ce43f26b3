package content

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// slugifyPlain is Slugify as first written, for Latin text only: without
// its shortcuts for ASCII text, and dropping the letters of every other
// script.
func slugifyPlain(text string) string {
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

// keepsOwnScript reports whether Slugify keeps some letter or digit of
// text in its own script rather than folding it to ASCII, so that its slug
// may differ from slugifyPlain's.
func keepsOwnScript(text string) bool {
	for _, r := range norm.NFC.String(text) {
		if r < utf8.RuneSelf || unicode.Is(unicode.Latin, r) || unicode.IsMark(r) {
			continue
		}
		if (unicode.IsLetter(r) || unicode.IsNumber(r)) && !foldsToASCII([]byte(norm.NFKD.String(string(r)))) {
			return true
		}
	}
	return false
}

func FuzzSlugify(f *testing.F) {
	for _, s := range []string{"FOI 1648A/23", "Café", "ﬁle", "２０２３", "  Hello,   World!! ", "--a--", "١٢٣", "a\u0301b", "\xff\xfeA", "Ⅻ",
		"Дорожная полиция", "が", "शि", "🚓", "Straße", "µ", "ΣΑ\u0301", "می\u200cخواهم"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Slugify(s)
		if !keepsOwnScript(s) {
			if want := slugifyPlain(s); got != want {
				t.Fatalf("Slugify(%q) = %q; want %q, as Latin text has always had", s, got, want)
			}
		}
		if again := Slugify(got); again != got {
			t.Fatalf("Slugify(%q) = %q, but Slugify(%q) = %q", s, got, got, again)
		}
		if !utf8.ValidString(got) || strings.HasPrefix(got, "-") || strings.HasSuffix(got, "-") || strings.Contains(got, "--") {
			t.Fatalf("Slugify(%q) = %q", s, got)
		}
	})
}
