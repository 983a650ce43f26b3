package content

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// slugifyPlain is Slugify as first written, without its shortcuts for
// ASCII text.
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

func FuzzSlugify(f *testing.F) {
	for _, s := range []string{"FOI 1648A/23", "Café", "ﬁle", "２０２３", "  Hello,   World!! ", "--a--", "١٢٣", "a\u0301b", "\xff\xfeA", "Ⅻ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Slugify(s), slugifyPlain(s); got != want {
			t.Fatalf("Slugify(%q) = %q; want %q", s, got, want)
		}
	})
}
